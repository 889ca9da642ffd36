import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';
import { writeLayer } from '../../data/layers/write.js';
import { accountsWithTokens, giveOwnContact, meetsStandard, POINT, REVIEW_ACCOUNTS } from '../support/review.js';
import { TOPIC_CATEGORIES } from '../../data/metadata/codelists.js';

/** The Satu Data review workflow end to end, over HTTP, on both backends. */
describe('review workflow: steps, standard, inboxes, retirement, audit trail', () => {
  let node: TestNode;
  let token: Record<string, string> = {};
  const LAYER = 'dpupr:taman_kota';
  before(async () => {
    node = await testNode({ serve: true });
    token = await accountsWithTokens(node.ctx.db, REVIEW_ACCOUNTS);
    await giveOwnContact(node.ctx.db, 'dpupr');
    await writeLayer(node.ctx.db, meetsStandard('taman_kota'), [[POINT]]);
    await writeLayer(
      node.ctx.db,
      meetsStandard('tanpa_metadata', {
        title: 'tanpa_metadata.shp',
        abstract: undefined,
        keywords: [],
        kugiFcode: null,
        metadata: {},
      }),
      [[POINT]],
    );
    for (const n of ['antre_a', 'antre_b', 'antre_c'])
      await writeLayer(node.ctx.db, meetsStandard(n, { status: 'submitted' }), [[POINT]]);
    await writeLayer(node.ctx.db, meetsStandard('antre_d', { organisation: 'dinkes', status: 'submitted' }), [[POINT]]);
    await node.ctx.catalogue.reload();
  });
  after(async () => node.stop());

  async function call(method: string, path: string, user?: string, body?: object) {
    const r = await get(`${node.url}${path}`, {
      method,
      headers: {
        ...(user ? { Authorization: `Bearer ${token[user]}` } : {}),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { ...r, json: r.type.includes('json') ? JSON.parse(r.body) : null };
  }
  const step = (user: string | undefined, action: string, note?: string, name = LAYER) =>
    call('POST', `/api/layers/${name}/workflow/${action}`, user, note === undefined ? {} : { note });
  const statusOf = async (name = LAYER) =>
    (await node.ctx.db.query('SELECT status FROM simpul.layer WHERE name = $1', [name])).rows[0]?.status as string;

  // The full path, each step by its role; before each, every other caller is refused and nothing changes.
  const PATH: Array<[action: string, by: string, after: string, note?: string]> = [
    ['submit', 'pu', 'submitted'],
    ['return', 'walidata', 'returned', 'Atribut nama taman belum diisi'],
    ['submit', 'pu', 'submitted', 'Atribut sudah dilengkapi'],
    ['verify', 'pembina', 'verified'],
    ['publish', 'walidata', 'published'],
    ['request-retirement', 'pu', 'published', 'Diganti data RTH 2025'],
    ['retire', 'walidata', 'retired', 'Diganti data RTH 2025'],
    ['restore', 'walidata', 'published'],
  ];
  // Who may take each step on a dpupr layer (besides admin), written out independently of WORKFLOW.
  const MAY: Record<string, string[]> = {
    submit: ['pu'],
    verify: ['walidata', 'pembina'],
    return: ['walidata', 'pembina'],
    publish: ['walidata'],
    'request-retirement': ['pu'],
    retire: ['walidata'],
    restore: ['walidata'],
  };

  for (const [i, [action, by, after, note]] of PATH.entries()) {
    it(`step ${i + 1}: ${by} takes "${action}" → ${after}, refused to every other role, written to the audit trail`, async () => {
      const before = await statusOf();
      for (const other of [undefined, 'pu', 'dinkes', 'pembina', 'walidata'].filter(
        (u) => u !== by && !(u && MAY[action].includes(u)),
      )) {
        const r = await step(other, action, 'coba');
        const expected = other === undefined ? [401] : [403, 404];
        expect(expected, `${other ?? 'anonymous'} ${action}: ${r.status} ${r.body}`).to.include(r.status);
        expect(await statusOf(), `${other} ${action}`).to.equal(before);
      }
      const r = await step(by, action, note);
      expect(r.status, r.body).to.equal(200);
      expect(r.json.step).to.deep.equal({ action, before, after });
      expect(r.json.layer.status).to.equal(after);
      const trail = await call('GET', `/api/audit?layer=${LAYER}&action=layer.${action}&limit=1`, 'walidata');
      expect(trail.status, trail.body).to.equal(200);
      const row = trail.json.entries[0];
      expect(row).to.include({
        actor: by,
        action: `layer.${action}`,
        layerName: LAYER,
        organisation: 'dpupr',
        reason: note ?? null,
      });
      expect(row.before).to.deep.equal({ status: before });
      expect(row.after).to.deep.equal({ status: after });
    });
  }

  it('keeps the whole path in the audit trail, in order', async () => {
    const r = await call('GET', `/api/audit?layer=${LAYER}&action=layer.&limit=100`, 'pu');
    const steps = r.json.entries.reverse().map((e: { action: string }) => e.action.replace('layer.', ''));
    expect(steps).to.deep.equal(PATH.map(([a]) => a));
  });

  it('needs a note to return or retire, refuses a step from the wrong status (409) and an unknown step (400)', async () => {
    const name = 'dpupr:antre_a';
    const noNote = await step('walidata', 'return', undefined, name);
    expect(noNote.status).to.equal(400);
    expect(noNote.json.locator).to.equal('note');
    expect((await step('walidata', 'return', '   ', name)).status).to.equal(400);
    // The walidata cannot publish what is not verified.
    const early = await step('walidata', 'publish', undefined, name);
    expect(early.status, early.body).to.equal(409);
    expect(early.json.details).to.deep.include({ status: 'submitted', from: ['verified'] });
    expect((await call('PATCH', `/api/layers/${name}`, 'walidata', { status: 'published' })).status).to.equal(403);
    expect((await step('walidata', 'finish', undefined, name)).status).to.equal(400);
    expect(await statusOf(name)).to.equal('submitted');
  });

  it('refuses to submit a layer short of the standard, listing exactly what is missing', async () => {
    const r = await step('pu', 'submit', undefined, 'dpupr:tanpa_metadata');
    expect(r.status, r.body).to.equal(409);
    expect(r.json.code).to.equal('Conflict');
    const missing = r.json.details.missing as Array<{
      element: string;
      message: { id: string; en: string };
      allowedValues?: string[];
    }>;
    expect(missing.map((m) => m.element)).to.deep.equal([
      'abstract',
      'keywords',
      'topicCategory',
      'lineage',
      'licence',
      'title',
      'kugiFcode',
      'completeness',
    ]);
    for (const m of missing) expect(m.message.id).to.be.a('string').and.not.equal(m.message.en);
    expect(missing.find((m) => m.element === 'topicCategory')!.allowedValues).to.deep.equal([...TOPIC_CATEGORIES]);
    expect(missing.find((m) => m.element === 'title')!.allowedValues).to.equal(undefined);
    expect(await statusOf('dpupr:tanpa_metadata')).to.equal('draft');
    const where = await call('GET', '/api/layers/dpupr:tanpa_metadata/workflow', 'pu');
    expect(where.json.standard.met).to.equal(false);
    expect(where.json.standard.missing).to.deep.equal(missing);
    expect(where.json.actions).to.deep.equal(['submit']);
  });

  it('lets the pembina (not a produsen) change the standard, audited; verifying is then checked against it', async () => {
    const read = await call('GET', '/api/workflow/standard', 'pu');
    expect(read.json.standard.minCompleteness).to.equal(75);
    expect((await call('PUT', '/api/workflow/standard', 'pu', { minCompleteness: 10 })).status).to.equal(403);
    expect((await call('PUT', '/api/workflow/standard', 'walidata', { minCompleteness: 10 })).status).to.equal(403);
    const bad = await call('PUT', '/api/workflow/standard', 'pembina', { minCompleteness: 'tinggi' });
    expect(bad.status).to.equal(400);
    const raised = await call('PUT', '/api/workflow/standard', 'pembina', {
      requiredElements: [...read.json.standard.requiredElements, 'purpose'],
    });
    expect(raised.status, raised.body).to.equal(200);
    expect(raised.json.updatedBy).to.equal('pembina');
    const refused = await step('pembina', 'verify', undefined, 'dpupr:antre_b');
    expect(refused.status).to.equal(409);
    expect(refused.json.details.missing.map((m: { element: string }) => m.element)).to.deep.equal(['purpose']);
    const back = await call('PUT', '/api/workflow/standard', 'admin', {
      requiredElements: read.json.standard.requiredElements,
    });
    expect(back.status).to.equal(200);
    const trail = await call('GET', '/api/audit?action=standard.update', 'pembina');
    expect(trail.json.entries.map((e: { actor: string }) => e.actor)).to.deep.equal(['admin', 'pembina']);
    expect(trail.json.entries[1].after.requiredElements).to.include('purpose');
  });

  it('refuses a produsen DELETE of a published layer, and lets it delete a draft', async () => {
    const r = await call('DELETE', `/api/layers/${LAYER}`, 'pu');
    expect(r.status).to.equal(409);
    expect(r.json.detail).to.contain('retire');
    expect(await statusOf()).to.equal('published');
    expect((await call('DELETE', `/api/layers/${LAYER}`, 'walidata')).status).to.equal(409);
    expect((await call('DELETE', '/api/layers/dpupr:tanpa_metadata', 'pu')).status).to.equal(204);
    expect(await statusOf('dpupr:tanpa_metadata')).to.equal(undefined);
  });

  describe('a retired layer', () => {
    let id: string;
    before(async () => {
      id = node.ctx.catalogue.unguardedGet(LAYER)!.id;
      expect((await step('walidata', 'retire', 'Uji tombstone')).status).to.equal(200);
    });

    it('keeps its table (archived), seen by its organisation and the walidata only', async () => {
      const table = (await node.ctx.db.query(`SELECT to_regclass('org_dpupr.taman_kota') IS NOT NULL AS e`)).rows[0].e;
      expect(table).to.equal(true);
      expect((await call('GET', `/api/layers/${LAYER}`)).status).to.equal(404);
      expect((await call('GET', `/api/layers/${LAYER}`, 'dinkes')).status).to.equal(404);
      expect((await call('GET', `/api/layers/${LAYER}`, 'pembina')).status).to.equal(404);
      expect((await call('GET', `/api/layers/${LAYER}`, 'pu')).json.status).to.equal('retired');
      expect((await call('GET', `/api/layers/${LAYER}`, 'walidata')).json.retiredAt).to.be.a('string');
      const wfs = await get(`${node.url}/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=${LAYER}`);
      expect(wfs.body).to.contain('ExceptionReport');
    });

    it('is gone from CSW', async () => {
      const r = await get(
        `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&id=${id}&elementSetName=brief`,
      );
      expect(r.status).to.equal(200);
      expect(r.body).to.not.contain(id);
      const all = await get(
        `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&elementSetName=brief&maxRecords=1000&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("AnyText LIKE '%taman kota tangerang%'")}`,
      );
      expect(all.body).to.not.contain(id);
    });

    it('leaves a tombstone in OGC API Records for the configured period', async () => {
      const one = await get(`${node.url}/ogcapi/collections/metadata/items/${id}`);
      expect(one.status, one.body).to.equal(200);
      const f = JSON.parse(one.body);
      expect(f.properties).to.include({ status: 'retired', layerName: LAYER });
      expect(f.properties.retired).to.be.a('string');
      expect(f.links.map((l: { rel: string }) => l.rel)).to.deep.equal(['self']);
      const list = JSON.parse((await get(`${node.url}/ogcapi/collections/metadata/items?q=taman&limit=1000`)).body);
      expect(list.features.find((x: { id: string }) => x.id === id)?.properties.status).to.equal('retired');
      // Past the period (90 days by default) the tombstone is gone.
      const index = node.ctx.records;
      expect(index.tombstones({ kind: 'anonymous' }, node.url).map((e) => e.record.id)).to.include(id);
      expect(
        index.tombstones({ kind: 'anonymous' }, node.url, Date.now() + 91 * 86_400_000).map((e) => e.record.id),
      ).to.not.include(id);
    });

    it('is back in CSW once restored', async () => {
      expect((await step('walidata', 'restore')).status).to.equal(200);
      const id = node.ctx.catalogue.unguardedGet(LAYER)!.id;
      const r = await get(
        `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&id=${id}&elementSetName=brief`,
      );
      expect(r.body).to.contain(id);
      const rec = JSON.parse((await get(`${node.url}/ogcapi/collections/metadata/items/${id}`)).body);
      expect(rec.properties.status).to.equal(undefined);
    });
  });

  it('gives each role its inbox, filtered and paged on the server', async () => {
    const names = (r: { json: { items: Array<{ layer: { name: string } }> } }) => r.json.items.map((i) => i.layer.name);
    const w = await call('GET', '/api/workflow/inbox?status=submitted', 'walidata');
    expect(w.status, w.body).to.equal(200);
    expect(names(w)).to.include.members(['dpupr:antre_a', 'dpupr:antre_b', 'dpupr:antre_c', 'dinkes:antre_d']);
    expect(w.json.items[0].layer.actions).to.include.members(['verify', 'return']);
    const page = await call('GET', '/api/workflow/inbox?status=submitted&organisation=dpupr&limit=2', 'walidata');
    expect(page.json.numberMatched).to.equal(3);
    expect(page.json.numberReturned).to.equal(2);
    const next = page.json.links.find((l: { rel: string }) => l.rel === 'next').href as string;
    const rest = await call('GET', next.slice(node.url.length), 'walidata');
    expect([...names(page), ...names(rest)]).to.have.members(['dpupr:antre_a', 'dpupr:antre_b', 'dpupr:antre_c']);
    expect((await call('GET', '/api/workflow/inbox?since=2999-01-01', 'walidata')).json.numberMatched).to.equal(0);
    expect((await call('GET', '/api/workflow/inbox?status=nonsense', 'walidata')).status).to.equal(400);
    // The pembina sees submissions (it verifies by default); a produsen its own returned and drafts only.
    expect(names(await call('GET', '/api/workflow/inbox', 'pembina'))).to.include('dinkes:antre_d');
    expect((await step('walidata', 'return', 'Perbaiki judul', 'dpupr:antre_c')).status).to.equal(200);
    const pu = await call('GET', '/api/workflow/inbox', 'pu');
    expect(names(pu)).to.include('dpupr:antre_c');
    expect(
      pu.json.items.every(
        (i: { layer: { organisation: string }; kind: string }) =>
          i.layer.organisation === 'dpupr' && ['returned', 'draft'].includes(i.kind),
      ),
    ).to.equal(true);
    expect(names(await call('GET', '/api/workflow/inbox', 'dinkes'))).to.not.include('dpupr:antre_c');
    // A retirement request waits for the walidata.
    expect((await step('pu', 'request-retirement', 'Data usang')).status).to.equal(200);
    const req = await call('GET', '/api/workflow/inbox?status=retirement-requested', 'walidata');
    expect(names(req)).to.deep.equal([LAYER]);
    expect((await step('walidata', 'decline-retirement', 'Masih dipakai')).status).to.equal(200);
    expect(
      (await call('GET', '/api/workflow/inbox?status=retirement-requested', 'walidata')).json.numberMatched,
    ).to.equal(0);
    expect((await call('GET', '/api/workflow/inbox')).status).to.equal(401);
  });

  it('reads the audit trail by organisation, user, action and time, a produsen only its own', async () => {
    const all = await call('GET', '/api/audit?limit=5', 'pembina');
    expect(all.status).to.equal(200);
    expect(all.json.numberReturned).to.equal(5);
    expect(all.json.numberMatched).to.be.greaterThan(5);
    const byUser = await call('GET', '/api/audit?user=walidata&action=layer.return', 'walidata');
    expect(byUser.json.entries.map((e: { layerName: string }) => e.layerName)).to.have.members([
      LAYER,
      'dpupr:antre_c',
    ]);
    const dinkesView = await call('GET', '/api/audit?limit=1000', 'dinkes');
    expect(
      dinkesView.json.entries.every(
        (e: { organisation: string | null; layerName: string | null }) =>
          e.organisation === 'dinkes' || e.layerName?.startsWith('dinkes:'),
      ),
    ).to.equal(true);
    expect((await call('GET', '/api/audit?organisation=dpupr', 'dinkes')).json.numberMatched).to.equal(0);
    const pu = await call('GET', '/api/audit?organisation=dpupr&limit=1000', 'pu');
    expect(pu.json.numberMatched).to.be.greaterThan(8);
    expect(
      (
        await call(
          'GET',
          `/api/audit?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
          'admin',
        )
      ).json.numberMatched,
    ).to.equal(0);
    expect((await call('GET', '/api/audit?since=yesterday', 'admin')).status).to.equal(400);
    expect((await call('GET', '/api/audit')).status).to.equal(401);
  });

  it('never changes or removes an audit row: no route does, and the database refuses', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const r = await call(method, '/api/audit', 'admin', method === 'DELETE' ? undefined : { reason: 'x' });
      expect(r.status, method).to.equal(404);
    }
    const rows = Number((await node.ctx.db.query('SELECT count(*)::int AS n FROM simpul.audit')).rows[0].n);
    let err: unknown;
    try {
      await node.ctx.db.query(`UPDATE simpul.audit SET reason = 'diubah' WHERE layer_name = $1`, [LAYER]);
    } catch (e) {
      err = e;
    }
    expect(String((err as Error)?.message)).to.contain('append-only');
    err = undefined;
    try {
      await node.ctx.db.query('DELETE FROM simpul.audit');
    } catch (e) {
      err = e;
    }
    expect(String((err as Error)?.message)).to.contain('append-only');
    expect(Number((await node.ctx.db.query('SELECT count(*)::int AS n FROM simpul.audit')).rows[0].n)).to.equal(rows);
  });
});

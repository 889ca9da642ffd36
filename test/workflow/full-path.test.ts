import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';
import { writeLayer } from '../../data/layers/write.js';
import { accountsWithTokens, giveOwnContact, meetsStandard, POINT, REVIEW_ACCOUNTS } from '../support/review.js';

/** The whole review path of one layer, over HTTP as a client takes it, on both backends:
 *  draft → submitted → returned → submitted → verified → published → a new version uploaded over
 *  it (the published data keeps serving) → verified → published (the switch) → retired →
 *  restored. Each step is refused to at least one wrong role first (nothing changes), then taken,
 *  written to the audit trail, and seen (or not) by WMS, WFS, CSW and OGC API Records. */
describe('review workflow: the whole path of a layer and its new version', () => {
  let node: TestNode;
  let token: Record<string, string> = {};
  let id: string;
  const LAYER = 'dpupr:jalur_hijau';
  const GMD = encodeURIComponent('http://www.isotc211.org/2005/gmd');

  before(async () => {
    node = await testNode({ serve: true });
    token = await accountsWithTokens(node.ctx.db, REVIEW_ACCOUNTS);
    await giveOwnContact(node.ctx.db, 'dpupr');
    id = (await writeLayer(node.ctx.db, meetsStandard('jalur_hijau', { title: 'Jalur Hijau Kota' }), [[POINT]])).layer
      .id;
    await node.ctx.catalogue.reload();
  });
  after(async () => node?.stop());

  async function call(method: string, path: string, user?: string, body?: object | FormData) {
    const form = body instanceof FormData;
    const r = await get(`${node.url}${path}`, {
      method,
      headers: {
        ...(user ? { Authorization: `Bearer ${token[user]}` } : {}),
        ...(body && !form ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    return { ...r, json: r.type.includes('json') ? JSON.parse(r.body) : null };
  }
  /** A new version of the data (points along a line), through the one import path: the API upload with replace. */
  function upload(user: string | undefined, points: number) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ org: 'dpupr', name: 'jalur_hijau', replace: 'true' })) form.append(k, v);
    const features = Array.from({ length: points }, (_, i) => ({
      type: 'Feature',
      properties: { nama: `Jalur ${i + 1}` },
      geometry: { type: 'Point', coordinates: [106.63 + i / 100, -6.17] },
    }));
    form.append('file', new Blob([JSON.stringify({ type: 'FeatureCollection', features })]), 'jalur.geojson');
    return call('POST', '/api/layers', user, form);
  }

  // What a client sees.
  const layerStatus = async () => (await call('GET', `/api/layers/${LAYER}`, 'walidata')).json.status as string;
  const versions = async () =>
    Object.fromEntries(
      (await call('GET', `/api/layers/${LAYER}/versions`, 'walidata')).json.versions.map(
        (v: { version: number; status: string }) => [v.version, v.status],
      ),
    );
  const inWmsCapabilities = async () =>
    (await get(`${node.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`)).body.includes(
      `<Name>${LAYER}</Name>`,
    );
  const cswRecord = async () =>
    (
      await get(
        `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&id=${id}&elementSetName=full&outputSchema=${GMD}`,
      )
    ).body;
  const inCsw = async () => (await cswRecord()).includes(`<gco:CharacterString>${id}</gco:CharacterString>`);
  const dateStamp = async () => /<gmd:dateStamp><gco:DateTime>([^<]+)</.exec(await cswRecord())?.[1];
  const wfsCount = async () => {
    const r = await get(
      `${node.url}/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=${LAYER}&resultType=hits`,
    );
    return Number(/numberMatched="(\d+)"/.exec(r.body)?.[1] ?? NaN);
  };
  const recordStatus = async () => {
    const r = await get(`${node.url}/ogcapi/collections/metadata/items/${id}`);
    return r.status === 200 ? (JSON.parse(r.body).properties.status ?? 'published') : `HTTP ${r.status}`;
  };
  const seen = async () => ({
    wms: await inWmsCapabilities(),
    csw: await inCsw(),
    records: await recordStatus(),
  });
  const state = async () => ({ status: await layerStatus(), versions: await versions() });

  /** The newest audit row of a layer step. */
  const audited = async (action: string) => {
    const r = await call('GET', `/api/audit?layer=${LAYER}&action=layer.${action}&limit=1`, 'walidata');
    expect(r.status, r.body).to.equal(200);
    return r.json.entries[0];
  };

  interface Step {
    title: string;
    by: string;
    /** Callers refused, each with the codes that refusal may take. */
    refused: Array<[user: string | undefined, codes: number[]]>;
    take: (user: string | undefined) => Promise<{ status: number; body: string }>;
    /** The audit row: its action, reason and the before/after it must include. */
    audit: { action: string; reason?: string; before: object; after: object };
    then?: () => Promise<unknown>;
  }
  const workflow = (action: string, note?: string) => (user: string | undefined) =>
    call('POST', `/api/layers/${LAYER}/workflow/${action}`, user, note === undefined ? {} : { note });
  const NO = [403, 404];
  let publishedAt = 0;
  let stampPublished: string | undefined;

  const PATH: Step[] = [
    {
      title: 'the produsen submits its draft',
      by: 'pu',
      refused: [
        [undefined, [401]],
        ['dinkes', NO], // a produsen of another organisation
        ['walidata', [403]],
        ['pembina', [403]],
      ],
      take: workflow('submit'),
      audit: { action: 'submit', before: { status: 'draft' }, after: { status: 'submitted' } },
      then: async () => expect(await seen()).to.deep.equal({ wms: false, csw: false, records: 'HTTP 404' }),
    },
    {
      title: 'the walidata returns it with a note',
      by: 'walidata',
      refused: [
        ['pu', [403]],
        ['dinkes', NO],
      ],
      take: workflow('return', 'Atribut nama jalur belum diisi'),
      audit: {
        action: 'return',
        reason: 'Atribut nama jalur belum diisi',
        before: { status: 'submitted' },
        after: { status: 'returned' },
      },
    },
    {
      title: 'the produsen submits it again',
      by: 'pu',
      refused: [
        ['dinkes', NO],
        ['walidata', [403]],
      ],
      take: workflow('submit', 'Atribut sudah dilengkapi'),
      audit: {
        action: 'submit',
        reason: 'Atribut sudah dilengkapi',
        before: { status: 'returned' },
        after: { status: 'submitted' },
      },
    },
    {
      title: 'the pembina verifies it (SIMPUL_PEMBINA_VERIFIES on; refused when off)',
      by: 'pembina',
      refused: [
        ['pu', [403]],
        ['dinkes', NO],
      ],
      take: async (user) => {
        node.ctx.config.pembinaVerifies = false;
        try {
          const off = await workflow('verify')(user);
          // Off, the pembina does not review, so a submitted layer is not in its view at all (404).
          expect(off.status, `pembina verify with the option off: ${off.body}`).to.be.oneOf(NO);
          expect(await layerStatus()).to.equal('submitted');
        } finally {
          node.ctx.config.pembinaVerifies = true;
        }
        return workflow('verify')(user);
      },
      audit: { action: 'verify', before: { status: 'submitted' }, after: { status: 'verified' } },
    },
    {
      title: 'the walidata publishes it: in WMS GetCapabilities, CSW and OGC API Records',
      by: 'walidata',
      refused: [
        ['pu', [403]],
        ['pembina', [403]],
        ['dinkes', NO],
      ],
      take: workflow('publish'),
      audit: { action: 'publish', before: { status: 'verified' }, after: { status: 'published' } },
      then: async () => {
        publishedAt = Date.now();
        expect(await seen()).to.deep.equal({ wms: true, csw: true, records: 'published' });
        expect(await wfsCount()).to.equal(1);
        stampPublished = await dateStamp();
        expect(stampPublished).to.be.a('string');
      },
    },
    {
      title: 'the produsen uploads a new version over it: pending, the published data keeps serving',
      by: 'pu',
      refused: [
        [undefined, [401]],
        ['dinkes', NO],
      ],
      take: (user) => upload(user, 3),
      audit: {
        action: 'replace',
        before: { status: 'published' },
        after: { status: 'published', version: 2, versionStatus: 'pending' },
      },
      then: async () => {
        expect(await state()).to.deep.equal({ status: 'published', versions: { 1: 'current', 2: 'pending' } });
        expect(await wfsCount()).to.equal(1);
        expect(await dateStamp()).to.equal(stampPublished);
        expect(await seen()).to.deep.equal({ wms: true, csw: true, records: 'published' });
      },
    },
    {
      title: 'the walidata verifies the new version',
      by: 'walidata',
      refused: [
        ['pu', [403]], // no produsen approves its own version
        ['dinkes', NO],
      ],
      take: workflow('verify-version'),
      audit: {
        action: 'verify-version',
        before: { status: 'published', version: 2, versionStatus: 'pending' },
        after: { status: 'published', version: 2, versionStatus: 'verified' },
      },
      then: async () => expect(await wfsCount()).to.equal(1),
    },
    {
      title: 'the walidata publishes the new version: WFS and the CSW dateStamp switch',
      by: 'walidata',
      refused: [
        ['pu', [403]],
        ['pembina', [403]],
      ],
      take: async (user) => {
        // The dateStamp is written to the second: let one pass since the first publication.
        await new Promise((r) => setTimeout(r, Math.max(0, publishedAt + 1100 - Date.now())));
        return workflow('publish-version')(user);
      },
      audit: {
        action: 'publish-version',
        before: { status: 'published', version: 2, versionStatus: 'verified' },
        after: { status: 'published', version: 2, versionStatus: 'current' },
      },
      then: async () => {
        expect(await state()).to.deep.equal({ status: 'published', versions: { 1: 'archived', 2: 'current' } });
        expect(await wfsCount()).to.equal(3);
        const stamp = await dateStamp();
        expect(new Date(stamp!).getTime()).to.be.greaterThan(new Date(stampPublished!).getTime());
        expect(await seen()).to.deep.equal({ wms: true, csw: true, records: 'published' });
      },
    },
    {
      title: 'the walidata retires it: gone from WMS and CSW, a tombstone in OGC API Records',
      by: 'walidata',
      refused: [
        ['pu', [403]], // a produsen only asks for retirement
        ['pembina', [403]],
        ['dinkes', NO],
      ],
      take: workflow('retire', 'Diganti data jalur hijau 2025'),
      audit: {
        action: 'retire',
        reason: 'Diganti data jalur hijau 2025',
        before: { status: 'published' },
        after: { status: 'retired' },
      },
      then: async () => {
        expect(await seen()).to.deep.equal({ wms: false, csw: false, records: 'retired' });
        expect(
          (await get(`${node.url}/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=${LAYER}`)).body,
        ).to.contain('ExceptionReport');
      },
    },
    {
      title: 'the walidata restores it: back everywhere, serving the current version',
      by: 'walidata',
      refused: [
        ['pu', NO],
        ['pembina', NO],
      ],
      take: workflow('restore'),
      audit: { action: 'restore', before: { status: 'retired' }, after: { status: 'published' } },
      then: async () => {
        expect(await seen()).to.deep.equal({ wms: true, csw: true, records: 'published' });
        expect(await wfsCount()).to.equal(3);
      },
    },
  ];

  for (const [i, s] of PATH.entries()) {
    it(`step ${i + 1}: ${s.title}`, async () => {
      const before = await state();
      for (const [user, codes] of s.refused) {
        const r = await s.take(user);
        expect(codes, `${user ?? 'anonymous'} ${s.audit.action}: ${r.status} ${r.body}`).to.include(r.status);
        expect(await state(), `${user ?? 'anonymous'} ${s.audit.action}`).to.deep.equal(before);
      }
      const r = await s.take(s.by);
      expect(r.status, r.body).to.be.oneOf([200, 201]);
      const row = await audited(s.audit.action);
      expect(row).to.include({
        actor: s.by,
        action: `layer.${s.audit.action}`,
        layerName: LAYER,
        organisation: 'dpupr',
        reason: s.audit.reason ?? null,
      });
      expect(row.before).to.deep.include(s.audit.before);
      expect(row.after).to.deep.include(s.audit.after);
      await s.then?.();
    });
  }

  it('keeps the whole path in the audit trail, in order, and nothing for the refused calls', async () => {
    const r = await call('GET', `/api/audit?layer=${LAYER}&action=layer.&limit=100`, 'walidata');
    const steps = r.json.entries.reverse().map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`);
    expect(steps).to.deep.equal(PATH.map((s) => `layer.${s.audit.action}:${s.by}`));
  });
});

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testNode, get, type TestNode } from '../support/context.js';
import { Fixtures } from '../import/fixtures.js';
import { writeLayer } from '../../data/layers/write.js';
import { accountsWithTokens, giveOwnContact, REVIEW_ACCOUNTS } from '../support/review.js';

/** A data update is a new version, not a new layer (issue #12), end to end over HTTP with real
 *  clients (GDAL's WFS driver, WMS GetFeatureInfo, CSW), on both backends. */
describe('layer versions: replace, review, switch, rollback, keep-N', () => {
  let node: TestNode;
  let fx: Fixtures;
  let token: Record<string, string> = {};
  const LAYER = 'dpupr:taman_versi';
  const METADATA = {
    topicCategory: 'environment',
    lineage: 'Survei lapangan Dinas PUPR 2024',
    licence: 'https://creativecommons.org/licenses/by/4.0/',
    purpose: 'Inventaris taman',
  };
  // Version 1: three parks with id (GDAL gives a GeoJSON file's features one), nama, jumlah (integer) and lama. Later versions elsewhere, other fields.
  const V1 = [
    [106.6, -6.2, 'Taman A'],
    [106.62, -6.21, 'Taman B'],
    [106.64, -6.22, 'Taman C'],
  ] as const;
  const V2 = [
    [106.7, -6.15, 'Taman D'],
    [106.71, -6.151, 'Taman E'],
    [106.72, -6.152, 'Taman F'],
    [106.73, -6.153, 'Taman G'],
    [106.74, -6.154, 'Taman H'],
  ] as const;
  const geojson = (
    pts: ReadonlyArray<readonly [number, number, string]>,
    props: (i: number) => Record<string, unknown>,
  ) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: pts.map(([x, y, nama], i) => ({
        type: 'Feature',
        properties: { nama, ...props(i) },
        geometry: { type: 'Point', coordinates: [x, y] },
      })),
    });
  let layerId: string;
  let firstTable: string;

  before(async () => {
    node = await testNode({ serve: true, config: { keepVersions: 2 } });
    fx = new Fixtures();
    token = await accountsWithTokens(node.ctx.db, REVIEW_ACCOUNTS);
    // The publication gate (verify-version) asks for the organisation's own contact.
    await giveOwnContact(node.ctx.db, 'dpupr');
    const written = await writeLayer(
      node.ctx.db,
      {
        organisation: 'dpupr',
        localName: 'taman_versi',
        title: 'Taman Kota Tangerang (versi)',
        abstract: 'Taman dan ruang terbuka hijau kota',
        keywords: ['taman', 'RTH'],
        kugiFcode: 'TM01',
        nativeSrid: 4326,
        accessClass: 'PUBLIC',
        status: 'published',
        metadata: METADATA,
        attributes: [
          { name: 'id', type: 'integer' },
          { name: 'nama', type: 'string' },
          { name: 'jumlah', type: 'integer' },
          { name: 'lama', type: 'string' },
        ],
      },
      [
        V1.map(([x, y, nama], i) => ({
          geojson: { type: 'Point', coordinates: [x, y] },
          properties: { id: i, nama, jumlah: i + 1, lama: 'ya' },
        })),
      ],
    );
    layerId = written.layer.id;
    firstTable = `${written.layer.schema}.${written.layer.table}`;
    await node.ctx.catalogue.reload();
  });
  after(async () => {
    fx?.remove();
    await node?.stop();
  });

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
  async function upload(user: string, file: string, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ org: 'dpupr', name: 'taman_versi', replace: 'true', ...fields }))
      form.append(k, v);
    form.append('file', new Blob([(await import('node:fs')).readFileSync(file)]), 'taman.geojson');
    const r = await get(`${node.url}/api/layers`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token[user]}` },
    });
    return { ...r, json: r.type.includes('json') ? JSON.parse(r.body) : null };
  }
  const step = (user: string, action: string, body: object = {}) =>
    call('POST', `/api/layers/${LAYER}/workflow/${action}`, user, body);

  /** The features anonymous WFS clients get, read by GDAL's WFS driver: names, sorted. */
  async function wfsNames(): Promise<string[]> {
    const { stdout } = await promisify(execFile)(
      'ogr2ogr',
      ['-f', 'GeoJSON', '/vsistdout/', `WFS:${node.url}/wfs`, LAYER],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return (JSON.parse(stdout).features as Array<{ properties: { nama: string } }>)
      .map((f) => f.properties.nama)
      .sort();
  }
  /** WMS GetFeatureInfo at a point (the centre pixel of a small box around it): the names found. */
  async function wmsNamesAt(lon: number, lat: number): Promise<string[]> {
    const bbox = [lat - 0.001, lon - 0.001, lat + 0.001, lon + 0.001].join(',');
    const r = await get(
      `${node.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=${LAYER}&QUERY_LAYERS=${LAYER}&STYLES=&WIDTH=256&HEIGHT=256&CRS=EPSG:4326&BBOX=${bbox}&I=128&J=128&FEATURE_COUNT=5&INFO_FORMAT=application/json`,
    );
    expect(r.status, r.body).to.equal(200);
    return JSON.parse(r.body).features.map((f: { properties: { nama: string } }) => f.properties.nama);
  }
  const recordUrl = () =>
    `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&id=${layerId}&outputSchema=${encodeURIComponent('http://www.isotc211.org/2005/gmd')}`;
  const dateStamp = async () => /<gmd:dateStamp><gco:DateTime>([^<]+)</.exec((await get(recordUrl())).body)![1];
  const row = async () =>
    (
      await node.ctx.db.query(
        `SELECT title, abstract, keywords, kugi_fcode, metadata, access_class, status, version, data_version, table_schema, table_name FROM simpul.layer WHERE id = $1`,
        [layerId],
      )
    ).rows[0];
  const statuses = async () =>
    Object.fromEntries(
      (
        await node.ctx.db.query<{ version: number; status: string }>(
          'SELECT version, status FROM simpul.layer_version WHERE layer_id = $1 ORDER BY version',
          [layerId],
        )
      ).rows.map((r) => [r.version, r.status]),
    );
  const tableExists = async (qualified: string) =>
    (await node.ctx.db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [qualified])).rows[0].t !==
    null;

  /** The vector tile holding every version's parks (z10), its ETag (made from the data version). */
  async function tile(): Promise<{ etag: string | null; bytes: number }> {
    const r = await fetch(`${node.url}/tiles/${LAYER}/10/815/529.pbf`);
    expect(r.status).to.equal(200);
    return { etag: r.headers.get('etag'), bytes: (await r.arrayBuffer()).byteLength };
  }
  let tileBefore: { etag: string | null; bytes: number };
  let stampBefore: string;
  let described: Record<string, unknown>;

  it('keeps a first import as it was: its table in the organisation schema, no version rows', async () => {
    expect(firstTable).to.equal('org_dpupr.taman_versi');
    expect(await statuses()).to.deep.equal({});
    const versions = await call('GET', `/api/layers/${LAYER}/versions`, 'pu');
    expect(versions.status, versions.body).to.equal(200);
    expect(versions.json.served).to.equal(1);
    expect(versions.json.versions.map((v: { version: number; status: string }) => [v.version, v.status])).to.deep.equal(
      [[1, 'current']],
    );
    expect(await wfsNames()).to.deep.equal(['Taman A', 'Taman B', 'Taman C']);
  });

  it('keeps serving the published data after a replace; the new data waits as version 2 with its schema changes', async () => {
    const style = `<?xml version="1.0"?><StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"><NamedLayer><se:Name>${LAYER}</se:Name><UserStyle><se:Name>hijau</se:Name><se:FeatureTypeStyle><se:Rule><se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName></se:Mark><se:Size>8</se:Size></se:Graphic></se:PointSymbolizer></se:Rule></se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`;
    const put = await get(`${node.url}/api/layers/${LAYER}/styles/hijau`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.ogc.sld+xml', Authorization: `Bearer ${token.pu}` },
      body: style,
    });
    expect(put.status, put.body).to.be.oneOf([200, 201]);
    stampBefore = await dateStamp();
    described = await row();
    tileBefore = await tile();
    const revision = node.ctx.catalogue.revision;
    const file = fx.write(
      'v2.geojson',
      geojson(V2, (i) => ({ jumlah: `${i * 10}`, baru: i })),
    );
    await new Promise((r) => setTimeout(r, 1100)); // a moved dateStamp would show, to the second
    const r = await upload('pu', file);
    expect(r.status, r.body).to.equal(201);
    const layer = r.json.layers[0].layer;
    expect(layer).to.include({
      id: layerId,
      name: LAYER,
      status: 'published',
      title: 'Taman Kota Tangerang (versi)',
      accessClass: 'PUBLIC',
      version: 1,
      featureCount: 3,
    });
    expect(layer.waitingVersion).to.include({ version: 2, status: 'pending', by: 'pu' });
    expect(r.json.layers[0].report.version).to.deep.equal({ number: 2, status: 'pending' });
    expect(node.ctx.catalogue.revision).to.be.greaterThan(revision);

    // Served as before: WFS (GDAL), WMS, CSW record and its dateStamp, what people wrote.
    expect(await wfsNames()).to.deep.equal(['Taman A', 'Taman B', 'Taman C']);
    expect(await wmsNamesAt(106.6, -6.2)).to.deep.equal(['Taman A']);
    expect(await wmsNamesAt(106.7, -6.15)).to.deep.equal([]);
    expect(await dateStamp()).to.equal(stampBefore);
    expect(await tile()).to.deep.equal(tileBefore);
    expect(await row()).to.deep.equal(described);
    expect(described).to.deep.include({
      title: 'Taman Kota Tangerang (versi)',
      abstract: 'Taman dan ruang terbuka hijau kota',
      keywords: ['taman', 'RTH'],
      kugi_fcode: 'TM01',
      status: 'published',
      version: 1,
    });
    expect(described.metadata).to.deep.include(METADATA);
    const styles = await call('GET', `/api/layers/${LAYER}/styles`, 'pu');
    expect(JSON.stringify(styles.json)).to.contain('hijau');
    expect((await get(recordUrl())).body).to.contain(
      `<gmd:fileIdentifier><gco:CharacterString>${layerId}</gco:CharacterString>`,
    );

    const list = await call('GET', `/api/layers/${LAYER}/versions`, 'walidata');
    expect(list.status, list.body).to.equal(200);
    expect(list.json).to.include({ layer: LAYER, served: 1, waiting: 2, keep: 2 });
    expect(list.json.versions.map((v: { version: number; status: string }) => [v.version, v.status])).to.deep.equal([
      [2, 'pending'],
      [1, 'current'],
    ]);
    const v2 = await call('GET', `/api/layers/${LAYER}/versions/2`, 'pembina');
    expect(v2.status, v2.body).to.equal(200);
    expect(v2.json).to.include({
      version: 2,
      status: 'pending',
      createdBy: 'pu',
      featureCount: 5,
      geometryType: 'Point',
    });
    expect(v2.json.bbox).to.deep.equal([106.7, -6.154, 106.74, -6.15]);
    expect(v2.json.changes).to.deep.equal({
      added: [{ name: 'baru', type: 'integer' }],
      removed: [{ name: 'lama', type: 'string' }],
      retyped: [{ name: 'jumlah', from: 'integer', to: 'string' }],
      geometryType: null,
      unchanged: false,
    });
    expect(v2.json.attributes.map((a: { name: string }) => a.name)).to.deep.equal(['id', 'nama', 'jumlah', 'baru']);
    expect((await call('GET', `/api/layers/${LAYER}/versions/9`, 'walidata')).status).to.equal(404);
    expect((await call('GET', `/api/layers/${LAYER}/versions/x`, 'walidata')).status).to.equal(400);
    expect((await call('GET', `/api/layers/${LAYER}/versions`, 'dinkes')).status).to.equal(403);
    expect((await call('GET', `/api/layers/${LAYER}/versions`)).status).to.equal(401);

    const inbox = await call('GET', '/api/workflow/inbox?status=version-pending', 'walidata');
    expect(
      inbox.json.items.map((i: { kind: string; layer: { name: string } }) => [i.kind, i.layer.name]),
    ).to.deep.equal([['version-pending', LAYER]]);
    expect(inbox.json.items[0].layer.actions)
      .to.include.members(['verify-version', 'return-version'])
      .and.not.include('publish-version');
  });

  it('lets no produsen approve its own version, and publishes only a verified one', async () => {
    for (const action of ['verify-version', 'publish-version']) {
      const r = await step('pu', action);
      expect(r.status, `${action}: ${r.body}`).to.equal(403);
    }
    expect((await upload('pu', fx.path('v2.geojson'), { publish: 'true' })).status).to.equal(403);
    expect((await step('dinkes', 'verify-version')).status).to.be.oneOf([403, 404]);
    const early = await step('walidata', 'publish-version');
    expect(early.status, early.body).to.equal(409);
    expect(early.json.versionStatus ?? early.json.details?.versionStatus).to.equal('pending');
    expect(await statuses()).to.deep.equal({ 1: 'current', 2: 'pending' });
    expect(await wfsNames()).to.deep.equal(['Taman A', 'Taman B', 'Taman C']);
  });

  it('switches atomically when the walidata publishes the verified version: data, WFS, WMS, dateStamp, revision', async () => {
    const verified = await step('pembina', 'verify-version');
    expect(verified.status, verified.body).to.equal(200);
    expect(verified.json.step).to.deep.equal({
      action: 'verify-version',
      before: 'published',
      after: 'published',
      version: { version: 2, before: 'pending', after: 'verified' },
    });
    expect(await wfsNames()).to.deep.equal(['Taman A', 'Taman B', 'Taman C']);
    const revision = node.ctx.catalogue.revision;
    const published = await step('walidata', 'publish-version');
    expect(published.status, published.body).to.equal(200);
    expect(published.json.step.version).to.deep.equal({ version: 2, before: 'verified', after: 'current' });
    expect(published.json.layer).to.include({
      id: layerId,
      version: 2,
      featureCount: 5,
      status: 'published',
      title: 'Taman Kota Tangerang (versi)',
      waitingVersion: null,
    });
    expect(node.ctx.catalogue.revision).to.be.greaterThan(revision);

    expect(await wfsNames()).to.deep.equal(['Taman D', 'Taman E', 'Taman F', 'Taman G', 'Taman H']);
    expect(await wmsNamesAt(106.6, -6.2)).to.deep.equal([]);
    expect(await wmsNamesAt(106.7, -6.15)).to.deep.equal(['Taman D']);
    const tileAfter = await tile();
    expect(tileAfter.etag).to.not.equal(tileBefore.etag);
    expect(tileAfter.bytes).to.not.equal(tileBefore.bytes);
    const stamp = await dateStamp();
    expect(new Date(stamp).getTime()).to.be.greaterThan(new Date(stampBefore).getTime());
    const now = await row();
    expect(now).to.deep.include({
      title: described.title,
      abstract: described.abstract,
      keywords: described.keywords,
      kugi_fcode: 'TM01',
      access_class: 'PUBLIC',
      status: 'published',
      version: 2,
      data_version: (described.data_version as number) + 1,
    });
    expect(now.metadata).to.deep.equal(described.metadata);
    expect(await statuses()).to.deep.equal({ 1: 'archived', 2: 'current' });
    expect(await tableExists(firstTable)).to.equal(true);
    expect(JSON.stringify((await call('GET', `/api/layers/${LAYER}/styles`, 'pu')).json)).to.contain('hijau');
  });

  it('rolls back to a kept version (the walidata, with a note), serving the old data again', async () => {
    expect((await step('walidata', 'rollback', { note: 'salah data' })).status).to.equal(400);
    expect((await step('walidata', 'rollback', { version: 1 })).status).to.equal(400);
    for (const version of ['satu', 0, 1.5, 1e12])
      expect((await step('walidata', 'rollback', { version, note: 'x' })).status, String(version)).to.equal(400);
    expect((await step('pu', 'rollback', { version: 1, note: 'kembali' })).status).to.equal(403);
    expect((await step('walidata', 'rollback', { version: 2, note: 'kembali' })).status).to.equal(409);
    const r = await step('walidata', 'rollback', { version: 1, note: 'Data versi 2 keliru koordinatnya' });
    expect(r.status, r.body).to.equal(200);
    expect(r.json.step.version).to.deep.equal({ version: 1, before: 'archived', after: 'current' });
    expect(await wfsNames()).to.deep.equal(['Taman A', 'Taman B', 'Taman C']);
    expect(await wmsNamesAt(106.6, -6.2)).to.deep.equal(['Taman A']);
    expect(await row()).to.deep.include({
      version: 1,
      table_schema: 'org_dpupr',
      table_name: 'taman_versi',
      title: described.title,
    });
    expect(await statuses()).to.deep.equal({ 1: 'current', 2: 'archived' });
  });

  it("drops a returned or withdrawn version's table, and keeps only the newest versions (versions.keep = 2)", async () => {
    const v3 = await upload(
      'pu',
      fx.write(
        'v3.geojson',
        geojson(V2.slice(0, 2), () => ({ jumlah: 'x' })),
      ),
    );
    expect(v3.status, v3.body).to.equal(201);
    expect((await step('walidata', 'return-version')).status).to.equal(400);
    const returned = await step('walidata', 'return-version', { note: 'Kolom baru hilang' });
    expect(returned.status, returned.body).to.equal(200);
    expect(await tableExists(`simpul_version.l${layerId.replace(/-/g, '')}_v3`)).to.equal(false);

    // v4 waits, v5 arrives: v4 is withdrawn in its favour; the produsen withdraws v5 itself.
    expect((await upload('pu', fx.path('v3.geojson'))).json.layers[0].report.version).to.deep.equal({
      number: 4,
      status: 'pending',
    });
    expect((await upload('pu', fx.path('v3.geojson'))).json.layers[0].report.version).to.deep.equal({
      number: 5,
      status: 'pending',
    });
    expect((await step('pu', 'withdraw-version')).status).to.equal(200);
    expect(await statuses()).to.deep.equal({
      1: 'current',
      2: 'archived',
      3: 'returned',
      4: 'withdrawn',
      5: 'withdrawn',
    });

    const v6 = await upload('pu', fx.path('v2.geojson'));
    expect(v6.json.layers[0].report.version).to.deep.equal({ number: 6, status: 'pending' });
    expect((await step('walidata', 'verify-version', { version: 6 })).status).to.equal(200);
    expect((await step('walidata', 'publish-version', { version: 6 })).status).to.equal(200);
    // Kept: the served version 6 and the newest earlier one (2); version 1, the first table, is dropped.
    expect(await statuses()).to.deep.equal({
      1: 'pruned',
      2: 'archived',
      3: 'returned',
      4: 'withdrawn',
      5: 'withdrawn',
      6: 'current',
    });
    expect(await tableExists(firstTable)).to.equal(false);
    expect(await tableExists(`simpul_version.l${layerId.replace(/-/g, '')}_v2`)).to.equal(true);
    expect(await wfsNames()).to.deep.equal(['Taman D', 'Taman E', 'Taman F', 'Taman G', 'Taman H']);
    expect((await step('walidata', 'rollback', { version: 1, note: 'coba' })).status).to.equal(409);
  });

  it('lets an admin serve a new version at once with publish, audited as a publish', async () => {
    const r = await upload('admin', fx.path('v3.geojson'), { publish: 'true' });
    expect(r.status, r.body).to.equal(201);
    expect(r.json.layers[0].report.version).to.deep.equal({ number: 7, status: 'current' });
    expect(r.json.layers[0].layer).to.include({ version: 7, featureCount: 2, status: 'published' });
    expect(await wfsNames()).to.deep.equal(['Taman D', 'Taman E']);
    expect(await statuses()).to.deep.include({ 2: 'pruned', 6: 'archived', 7: 'current' });
  });

  it("writes every version step to the layer's audit trail, in order", async () => {
    const trail = await call('GET', `/api/layers/${LAYER}/audit?limit=100`, 'pu');
    expect(trail.status, trail.body).to.equal(200);
    const steps = (
      trail.json.entries as Array<{
        action: string;
        actor: string;
        after: { version?: number; versionStatus?: string };
      }>
    )
      .reverse()
      .map((e) => `${e.action}:${e.actor}:${e.after?.version ?? ''}:${e.after?.versionStatus ?? ''}`);
    expect(steps).to.deep.equal([
      // The style PUT before the first replace is audited too (server/routes/styles.ts).
      'style.edit:pu::',
      'layer.replace:pu:2:pending',
      'layer.verify-version:pembina:2:verified',
      'layer.publish-version:walidata:2:current',
      'layer.rollback:walidata:1:current',
      'layer.replace:pu:3:pending',
      'layer.return-version:walidata:3:returned',
      'layer.replace:pu:4:pending',
      'layer.withdraw-version:pu:4:withdrawn',
      'layer.replace:pu:5:pending',
      'layer.withdraw-version:pu:5:withdrawn',
      'layer.replace:pu:6:pending',
      'layer.verify-version:walidata:6:verified',
      'layer.publish-version:walidata:6:current',
      'layer.prune-version:walidata:1:pruned',
      'layer.replace:admin:7:pending',
      'layer.publish-version:admin:7:current',
      'layer.prune-version:admin:2:pruned',
    ]);
    const rollback = (
      trail.json.entries as Array<{ action: string; reason: string | null; before: Record<string, unknown> }>
    ).find((e) => e.action === 'layer.rollback')!;
    expect(rollback.reason).to.equal('Data versi 2 keliru koordinatnya');
    expect(rollback.before).to.deep.equal({
      status: 'published',
      version: 1,
      versionStatus: 'archived',
      servedVersion: 2,
    });
  });
});

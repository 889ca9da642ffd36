import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testNode, get, type TestNode } from '../support/context.js';
import { OgcError } from '../../data/errors.js';

const run = async (cmd: string, args: string[], env: Record<string, string> = {}) =>
  (
    await promisify(execFile)(cmd, args, {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env },
    })
  ).stdout;

const SEKOLAH = 300;

describe('OGC API Features (Parts 1–3)', () => {
  let node: TestNode;
  let api: string;
  const json = async (url: string) => {
    const r = await get(url);
    expect(r.status, `${url}: ${r.body.slice(0, 300)}`).to.equal(200);
    return { ...JSON.parse(r.body), _headers: r.headers };
  };
  const items = (q: string, layer = 'dindik:sekolah') => `${api}/collections/${layer}/items?${q}`;

  before(async () => {
    node = await testNode({ serve: true });
    api = `${node.url}/ogcapi`;
  });
  after(async () => node.stop());

  it('landing page, conformance, OpenAPI and collections list only visible layers', async () => {
    const landing = await json(api);
    const rels = landing.links.map((l: any) => l.rel);
    expect(rels).to.include.members(['self', 'conformance', 'data', 'service-desc']);
    const conf = await json(`${api}/conformance`);
    expect(conf.conformsTo).to.include.members([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
    ]);
    const oas = await get(`${api}/api`);
    expect(JSON.parse(oas.body).openapi).to.match(/^3\.0/);
    const colls = await json(`${api}/collections`);
    const etag = colls._headers.get('etag');
    expect((await get(`${api}/collections`, { headers: { 'If-None-Match': etag } })).status).to.equal(304);
    const ids = colls.collections.map((c: any) => c.id);
    expect(ids).to.include.members(['dindik:sekolah', 'bappeda:batas_kelurahan', 'dpupr:jalan']);
    expect(ids).not.to.include('dinsos:penerima_bantuan');
    expect(ids, 'Records registers its collection').to.include('metadata');
    expect(ids).not.to.include('bpkad:aset_tanah');
    const one = await json(`${api}/collections/dindik:sekolah`);
    expect(one.crs).to.include('http://www.opengis.net/def/crs/EPSG/0/32748');
    expect(one.storageCrs).to.equal('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    for (const hidden of ['dinsos:penerima_bantuan', 'nope:nothing']) {
      for (const p of ['', '/items', '/items/1', '/queryables']) {
        const r = await get(`${api}/collections/${hidden}${p}`);
        expect(r.status, hidden + p).to.equal(404);
        expect(JSON.parse(r.body).code).to.equal('NotFound');
      }
    }
    const q = await json(`${api}/collections/dindik:sekolah/queryables`);
    expect(q.properties.jumlah_siswa.type).to.equal('integer');
  });

  it('pages stably with exact numberMatched/numberReturned and next/prev links', async () => {
    const seen = new Set<number>();
    let url: string | undefined = items('limit=70');
    let pages = 0;
    while (url) {
      const page: any = await json(url);
      expect(page.numberMatched).to.equal(SEKOLAH);
      expect(page.numberReturned).to.equal(page.features.length);
      for (const f of page.features) seen.add(f.id);
      if (pages > 0) expect(page.links.some((l: any) => l.rel === 'prev')).to.equal(true);
      url = page.links.find((l: any) => l.rel === 'next')?.href;
      pages++;
    }
    expect(pages).to.equal(5);
    expect(seen.size).to.equal(SEKOLAH);
    const def = await json(items(''));
    expect(def.features).to.have.length(10);
    const big = await json(items('limit=1000000000000'));
    expect(big.numberReturned).to.equal(SEKOLAH);
    const end = await json(items('offset=10000'));
    expect(end.numberReturned).to.equal(0);
    expect(end.features).to.deep.equal([]);
  });

  it('filters with bbox, CQL2 text and JSON, property=value, and sorts and selects properties', async () => {
    const all = (await json(items('limit=1000'))).features as any[];
    const inBox = (await json(items('bbox=106.6,-6.25,106.65,-6.15&limit=1000'))).features as any[];
    const expected = all.filter((f) => {
      const [x, y] = f.geometry.coordinates;
      return x >= 106.6 && x <= 106.65 && y >= -6.25 && y <= -6.15;
    });
    expect(inBox.length).to.equal(expected.length).and.be.greaterThan(0);
    // bbox-crs EPSG:4326 is latitude first.
    const latFirst = await json(
      items(
        `bbox=-6.25,106.6,-6.15,106.65&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326')}&limit=1000`,
      ),
    );
    expect(latFirst.numberMatched).to.equal(expected.length);

    const sd = all.filter((f) => f.properties.jenjang === 'SD' && f.properties.jumlah_siswa > 500).length;
    const text = await json(items(`filter=${encodeURIComponent("jenjang = 'SD' AND jumlah_siswa > 500")}&limit=1`));
    expect(text.numberMatched).to.equal(sd);
    const cj = JSON.stringify({
      op: 'and',
      args: [
        { op: '=', args: [{ property: 'jenjang' }, 'SD'] },
        { op: '>', args: [{ property: 'jumlah_siswa' }, 500] },
      ],
    });
    expect(
      (await json(items(`filter-lang=cql2-json&filter=${encodeURIComponent(cj)}&limit=1`))).numberMatched,
    ).to.equal(sd);
    const spatial = await json(
      items(
        `filter=${encodeURIComponent('S_INTERSECTS(geom, POLYGON((106.6 -6.25, 106.65 -6.25, 106.65 -6.15, 106.6 -6.15, 106.6 -6.25)))')}&limit=1`,
      ),
    );
    expect(spatial.numberMatched).to.equal(expected.length);
    // filter-crs EPSG:4326: WKT literals latitude first.
    const latLon = 'S_INTERSECTS(geom, POLYGON((-6.25 106.6, -6.25 106.65, -6.15 106.65, -6.15 106.6, -6.25 106.6)))';
    const crs4326 = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326');
    expect(
      (await json(items(`filter=${encodeURIComponent(latLon)}&filter-crs=${crs4326}&limit=1`))).numberMatched,
    ).to.equal(expected.length);
    const utmBox = await json(
      items(
        `bbox=600000,9290000,680000,9320000&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/32748')}&limit=1`,
      ),
    );
    expect(utmBox.numberMatched).to.be.greaterThan(0);
    const like = all.filter((f) => /^SMK/.test(f.properties.nama_sekolah)).length;
    expect(
      (await json(items(`filter=${encodeURIComponent("nama_sekolah LIKE 'SMK%'")}&limit=1`))).numberMatched,
    ).to.equal(like);
    expect((await json(items('jenjang=SMA&limit=1'))).numberMatched).to.equal(
      all.filter((f) => f.properties.jenjang === 'SMA').length,
    );

    const sorted = (await json(items('sortby=-jumlah_siswa&limit=20&properties=jumlah_siswa'))).features as any[];
    expect(Object.keys(sorted[0].properties)).to.deep.equal(['jumlah_siswa']);
    const n = sorted.map((f) => f.properties.jumlah_siswa);
    expect(n).to.deep.equal([...n].sort((a, b) => b - a));
  });

  it('answers in other CRSs (Part 2) with Content-Crs, axis order honoured, within 1 m', async () => {
    const crs84 = await json(items('limit=1'));
    const [lon, lat] = crs84.features[0].geometry.coordinates;
    expect(crs84._headers.get('content-crs')).to.equal('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    const epsg4326 = await json(
      items(`limit=1&crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326')}`),
    );
    expect(epsg4326.features[0].geometry.coordinates).to.deep.equal([lat, lon]);
    const utm = await json(items(`limit=1&crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/32748')}`));
    expect(utm._headers.get('content-crs')).to.include('32748');
    const [e, nn] = utm.features[0].geometry.coordinates;
    expect(e).to.be.within(600000, 720000);
    expect(nn).to.be.within(9280000, 9330000);
    const one = await json(
      `${api}/collections/dindik:sekolah/items/${crs84.features[0].id}?crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/32748')}`,
    );
    expect(Math.hypot(one.geometry.coordinates[0] - e, one.geometry.coordinates[1] - nn)).to.be.lessThan(1);
  });

  it('one item by id; 404 for missing ones; HTML for browsers', async () => {
    const f = await json(`${api}/collections/dindik:sekolah/items/5`);
    expect(f.type).to.equal('Feature');
    expect(f.id).to.equal(5);
    expect(f.links.some((l: any) => l.rel === 'collection')).to.equal(true);
    for (const id of ['999999', 'abc', "1' OR 1=1 --"]) {
      const r = await get(`${api}/collections/dindik:sekolah/items/${encodeURIComponent(id)}`);
      expect(r.status, id).to.equal(404);
    }
    const page = await get(items('limit=3'), { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(page.type).to.include('text/html');
    expect(page.body).to.include('<table');
    expect((await get(`${api}/collections?f=html`)).body).to.include('dindik:sekolah');
  });

  it('refuses bad parameters with 400 JSON and stays healthy', async () => {
    const evil = encodeURIComponent("' OR 1=1 --");
    const bad = [
      'limit=-1',
      'limit=1e12',
      'limit=abc',
      'offset=-5',
      'bbox=1,2,3',
      'bbox=a,b,c,d',
      `bbox=${evil}`,
      'crs=EPSG:99999',
      `crs=${evil}`,
      `bbox-crs=${evil}&bbox=1,2,3,4`,
      `filter=${evil}`,
      'filter=nosuch%20%3D%201',
      `filter-lang=${evil}&filter=a`,
      `sortby=${evil}`,
      'sortby=nosuch',
      `properties=${evil}`,
      'properties=nosuch',
      `nosuch=1`,
      `datetime=${evil}`,
      `f=${evil}`,
      'filter-lang=cql2-json&filter=%7Bnot%20json',
    ];
    for (const q of bad) {
      const r = await get(items(q));
      expect(r.status, `${q}: ${r.body}`).to.equal(400);
      expect(JSON.parse(r.body).code, q).to.be.a('string');
    }
    // A value with SQL in it is a value: no match, no error.
    const lit = await json(items(`jenjang=${evil}`));
    expect(lit.numberMatched).to.equal(0);
    expect((await get(`${node.url}/health`)).status).to.equal(200);
  });

  it('GDAL OAPIF driver reads the collections with paging', async function () {
    this.timeout(120_000);
    const list = await run('ogrinfo', ['-ro', '-q', `OAPIF:${api}`]);
    expect(list).to.include('dindik:sekolah');
    const info = await run('ogrinfo', ['-ro', '-so', `OAPIF:${api}`, 'dindik:sekolah']);
    expect(info).to.match(/Feature Count: 300/);
    const all = await run('ogrinfo', ['-ro', '-al', '-oo', 'PAGE_SIZE=70', `OAPIF:${api}`, 'dpupr:jalan']);
    const jalan = (await json(items('limit=1', 'dpupr:jalan'))).numberMatched;
    expect((all.match(/^OGRFeature/gm) ?? []).length).to.equal(jalan);
    const where = await run('ogrinfo', [
      '-ro',
      '-al',
      '-q',
      '-where',
      "jenjang = 'SMA'",
      `OAPIF:${api}`,
      'dindik:sekolah',
    ]);
    const sma = (await json(items('jenjang=SMA&limit=1'))).numberMatched;
    expect((where.match(/^OGRFeature/gm) ?? []).length).to.equal(sma);
    const spat = await run('ogrinfo', [
      '-ro',
      '-al',
      '-q',
      '-spat',
      '106.6',
      '-6.25',
      '106.65',
      '-6.15',
      `OAPIF:${api}`,
      'dindik:sekolah',
    ]);
    const boxed = (await json(items('bbox=106.6,-6.25,106.65,-6.15&limit=1'))).numberMatched;
    expect((spat.match(/^OGRFeature/gm) ?? []).length).to.equal(boxed);
  });

  it('OWSLib reads landing, conformance, collections and items', async () => {
    const py = `
import sys
from owslib.ogcapi.features import Features
w = Features(sys.argv[1])
print('conf', any(c.endswith('ogcapi-features-1/1.0/conf/core') for c in w.conformance()['conformsTo']))
print('colls', 'dindik:sekolah' in [c['id'] for c in w.collections()['collections']])
print('coll', w.collection('dindik:sekolah')['id'])
r = w.collection_items('dindik:sekolah', limit=7, offset=3)
print('items', r['numberMatched'], len(r['features']))
print('queryables', 'jenjang' in w.collection_queryables('dindik:sekolah')['properties'])
`;
    const out = (await run('/usr/bin/python3', ['-c', py, api])).trim().split('\n');
    expect(out).to.deep.equal([
      'conf True',
      'colls True',
      'coll dindik:sekolah',
      `items ${SEKOLAH} 7`,
      'queryables True',
    ]);
  });

  it('QGIS (offscreen) loads the layer through its OAPIF and WFS providers', async function () {
    this.timeout(120_000);
    const script = `
import os, sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
base = sys.argv[1]
for uri, prov in [("url='%s/ogcapi' typename='dindik:sekolah'" % base, 'OAPIF'),
                  ("url='%s/wfs' typename='dindik:sekolah' version='2.0.0'" % base, 'WFS'),
                  ("url='%s/wfs' typename='dindik:sekolah' version='1.1.0'" % base, 'WFS')]:
    l = QgsVectorLayer(uri, 'x', prov)
    print(prov, l.isValid(), sum(1 for _ in l.getFeatures()), flush=True)
os._exit(0)  # exitQgis() may crash on teardown offscreen
`;
    const out = await run('/usr/bin/python3', ['-c', script, node.url], { QT_QPA_PLATFORM: 'offscreen' });
    const lines = out
      .trim()
      .split('\n')
      .filter((l) => /^(OAPIF|WFS) /.test(l));
    expect(lines, out).to.deep.equal([`OAPIF True ${SEKOLAH}`, `WFS True ${SEKOLAH}`, `WFS True ${SEKOLAH}`]);
  });
  it('answers errors as RFC 9457 problem details, as HTML when asked, and a fault as a 500 naming the request', async () => {
    const bad = await get(items('limit=abc'));
    expect(bad.status).to.equal(400);
    expect(bad.type).to.contain('application/problem+json');
    const problem = JSON.parse(bad.body);
    expect(problem).to.include({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'InvalidParameterValue',
      locator: 'limit',
    });
    expect(problem.detail).to.contain('limit');
    expect(problem).not.to.have.property('requestId');

    const page = await get(`${api}/collections/nope:nothing?f=html`);
    expect(page.status).to.equal(404);
    expect(page.type).to.contain('text/html');
    expect(page.body).to.contain('404').and.contain('No collection nope:nothing');

    // The database fails while the items are read: a 500 (never a 4xx), without the reply's headers.
    const db = node.ctx.db as { stream: unknown };
    const stream = db.stream;
    for (const fault of [
      new Error('connection lost at /srv/secret.ts:12'),
      new OgcError('OperationProcessingFailed', 'The secret store failed', undefined, 500),
    ]) {
      db.stream = async function* () {
        throw fault;
      };
      try {
        const r = await get(items('limit=5'));
        expect(r.status, fault.message).to.equal(500);
        expect(r.headers.get('content-crs')).to.equal(null);
        const body = JSON.parse(r.body);
        expect(body).to.include({ status: 500, title: 'Internal Server Error' });
        expect(body.requestId).to.match(/^[0-9a-f-]{36}$/);
        if (!(fault instanceof OgcError)) expect(r.body).not.to.contain('secret');
      } finally {
        db.stream = stream;
      }
    }
    expect((await get(items('limit=1'))).status).to.equal(200);
  });
});

/** Issue #15, finding 1 and the filter items of the Low list: hostile filters end quickly with a
 *  clear 4xx (or an answer), and the node keeps answering /health meanwhile. */
import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';

const HOSTILE_LIKE = "AnyText LIKE '%a%a%a%a%a%a%!'";

/** Runs `request` while polling /health; returns its answer, its time and the worst /health latency. */
async function whilePolling(node: TestNode, request: () => Promise<{ status: number; body: string }>) {
  let done = false;
  let worst = 0;
  let polls = 0;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      const r = await fetch(`${node.url}/health`);
      await r.text();
      worst = Math.max(worst, performance.now() - t);
      polls++;
      await new Promise((ok) => setTimeout(ok, 10));
    }
  })();
  const t0 = performance.now();
  const answer = await request();
  const ms = performance.now() - t0;
  done = true;
  await poll;
  return { ...answer, ms, worst, polls };
}

/** A 4xx with a message and no stack trace. */
function refused(r: { status: number; body: string }, words: RegExp) {
  expect(r.status, r.body.slice(0, 300)).to.be.within(400, 499);
  expect(r.body).to.match(words);
  expect(r.body).not.to.match(/\bat \S+ \(|node_modules|\.ts:\d+/);
}

const form = (o: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(o).toString(),
});
const xml = (body: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
const fes = (inner: string) => `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0">${inner}</fes:Filter>`;
const cswCql = (cql: string) =>
  `<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2" resultType="hits"><csw:Query typeNames="csw:Record"><csw:Constraint version="1.1.0"><csw:CqlText>${cql}</csw:CqlText></csw:Constraint></csw:Query></csw:GetRecords>`;

describe('security: bounded filter evaluation', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode({ serve: true });
  });
  after(async () => {
    await node?.stop();
  });

  it('CSW CQL_TEXT LIKE with many wildcards answers at once and /health stays quick', async () => {
    const url = `${node.url}/csw?SERVICE=CSW&VERSION=2.0.2&REQUEST=GetRecords&typeNames=csw:Record&resultType=hits&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent(HOSTILE_LIKE)}`;
    const r = await whilePolling(node, () => get(url));
    expect(r.status).to.equal(200);
    expect(r.body).to.include('numberOfRecordsMatched="0"');
    expect(r.ms).to.be.below(5_000);
    expect(r.worst, `worst /health ${r.worst.toFixed(0)} ms over ${r.polls} polls`).to.be.below(100);
  });

  it('OGC API Records filter= with the same pattern answers at once and /health stays quick', async () => {
    const url = `${node.url}/ogcapi/collections/metadata/items?filter=${encodeURIComponent(HOSTILE_LIKE)}`;
    const r = await whilePolling(node, () => get(url));
    expect(r.status).to.equal(200);
    expect(JSON.parse(r.body).numberMatched).to.equal(0);
    expect(r.ms).to.be.below(5_000);
    expect(r.worst, `worst /health ${r.worst.toFixed(0)} ms over ${r.polls} polls`).to.be.below(100);
  });

  it('an SLD_BODY GetMap with a PropertyIsLike rule of that pattern renders in bounded time', async () => {
    const sld = `<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"><NamedLayer><Name>dindik:sekolah</Name><UserStyle><FeatureTypeStyle><Rule><ogc:Filter><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\\"><ogc:PropertyName>nama_sekolah</ogc:PropertyName><ogc:Literal>${'%a'.repeat(30)}%!</ogc:Literal></ogc:PropertyIsLike></ogc:Filter><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName></Mark><Size>6</Size></Graphic></PointSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`;
    const getMap = {
      SERVICE: 'WMS',
      VERSION: '1.3.0',
      REQUEST: 'GetMap',
      LAYERS: 'dindik:sekolah',
      STYLES: '',
      CRS: 'EPSG:4326',
      BBOX: '-6.3,106.5,-6.1,106.8',
      WIDTH: '256',
      HEIGHT: '256',
      FORMAT: 'image/png',
    };
    // The same map with its stored style first: the first map of a node starts its render workers.
    const plain = await whilePolling(node, async () => {
      const res = await fetch(`${node.url}/wms`, form(getMap));
      return { status: res.status, body: String((await res.arrayBuffer()).byteLength) };
    });
    expect(plain.status).to.equal(200);
    const r = await whilePolling(node, async () => {
      const res = await fetch(
        `${node.url}/wms`,
        form({
          SERVICE: 'WMS',
          VERSION: '1.3.0',
          REQUEST: 'GetMap',
          LAYERS: 'dindik:sekolah',
          STYLES: '',
          CRS: 'EPSG:4326',
          BBOX: '-6.3,106.5,-6.1,106.8',
          WIDTH: '256',
          HEIGHT: '256',
          FORMAT: 'image/png',
          SLD_BODY: sld,
        }),
      );
      return {
        status: res.status,
        body: res.headers.get('content-type') ?? '',
        bytes: (await res.arrayBuffer()).byteLength,
      };
    });
    expect(r.status).to.equal(200);
    expect(r.body).to.include('image/png');
    expect(r.ms).to.be.below(10_000);
    expect(r.worst, `worst /health ${r.worst.toFixed(0)} ms over ${r.polls} polls`).to.be.below(100);
  });

  it('NOT ×1000 in CQL2 is a 400 naming the filter', async () => {
    const r = await get(
      `${node.url}/ogcapi/collections/dindik:sekolah/items?filter=${encodeURIComponent(`${'NOT '.repeat(1000)}jenjang = 'SD'`)}`,
    );
    refused(r, /nested more than 64 levels/);
    expect(JSON.parse(r.body)).to.include({ code: 'InvalidParameterValue' });
    expect(r.body).to.include('filter');
  });

  it('nested parentheses ×10,000 and ×5,000 (CSW CqlText) are 400s naming Constraint', async () => {
    for (const n of [10_000, 5_000]) {
      const r = await get(`${node.url}/csw`, xml(cswCql(`${'('.repeat(n)}AnyText LIKE '%a%'${')'.repeat(n)}`)));
      refused(r, /too long|nested more than 64 levels/);
      expect(r.body).to.include('locator="Constraint"');
    }
  });

  it('nested function calls and a deep CQL2 JSON are 400s', async () => {
    const fn = `${'upper('.repeat(200)}jenjang${')'.repeat(200)} = 'SD'`;
    refused(
      await get(`${node.url}/ogcapi/collections/dindik:sekolah/items?filter=${encodeURIComponent(fn)}`),
      /nested more than 64 levels/,
    );
    let json: unknown = { op: '=', args: [{ property: 'jenjang' }, 'SD'] };
    for (let i = 0; i < 200; i++) json = { op: 'not', args: [json] };
    refused(
      await get(
        `${node.url}/ogcapi/collections/dindik:sekolah/items?filter-lang=cql2-json&filter=${encodeURIComponent(JSON.stringify(json))}`,
      ),
      /nested more than 64 levels/,
    );
  });

  it('deep and huge FES filters are 400s (WFS form POST and XML POST)', async () => {
    const nots = (n: number) =>
      fes(
        `${'<fes:Not>'.repeat(n)}<fes:PropertyIsNull><fes:ValueReference>npsn</fes:ValueReference></fes:PropertyIsNull>${'</fes:Not>'.repeat(n)}`,
      );
    const kvp = { SERVICE: 'WFS', VERSION: '2.0.0', REQUEST: 'GetFeature', TYPENAMES: 'dindik:sekolah' };
    refused(await get(`${node.url}/wfs`, form({ ...kvp, FILTER: nots(80) })), /nested more than 64 levels/);
    refused(await get(`${node.url}/wfs`, form({ ...kvp, FILTER: nots(1000) })), /nested|Malformed/);
    // A flat 100,000-term Or is refused quickly.
    const ids = '<fes:ResourceId rid="sekolah.1"/>'.repeat(100_000);
    const body = `<wfs:GetFeature xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" service="WFS" version="2.0.0"><wfs:Query typeNames="dindik:sekolah">${fes(`<fes:Or>${ids}</fes:Or>`)}</wfs:Query></wfs:GetFeature>`;
    const t = performance.now();
    const r = await get(`${node.url}/wfs`, xml(body));
    refused(r, /more than 10000 operators/);
    expect(performance.now() - t).to.be.below(5_000);
  });

  it("DATE('x'), TIMESTAMP('x') and values of the wrong type are 400s", async () => {
    const items = (f: string) =>
      get(`${node.url}/ogcapi/collections/dindik:sekolah/items?filter=${encodeURIComponent(f)}`);
    refused(await items("tanggal_berdiri = DATE('x')"), /DATE needs a date/);
    refused(await items("tanggal_berdiri > TIMESTAMP('x')"), /TIMESTAMP needs/);
    refused(await items("tanggal_berdiri = 'abc'"), /not a date/);
    refused(await items("jumlah_siswa = 'abc'"), /not a number.*jumlah_siswa/);
    refused(await items('S_INTERSECTS(geom, POLYGON((1 2, 3 4)))'), /4 positions/);
    const r = await get(
      `${node.url}/csw?SERVICE=CSW&VERSION=2.0.2&REQUEST=GetRecords&typeNames=csw:Record&resultType=hits&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("Modified > DATE('x')")}`,
    );
    refused(r, /DATE needs a date/);
  });

  it("geometry = 'abc' is a 400 InvalidParameterValue naming the property (WFS FES KVP, OGC API CQL2)", async () => {
    const filter = fes(
      '<fes:PropertyIsEqualTo><fes:ValueReference>geom</fes:ValueReference><fes:Literal>abc</fes:Literal></fes:PropertyIsEqualTo>',
    );
    const w = await get(
      `${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=dindik:sekolah&FILTER=${encodeURIComponent(filter)}`,
    );
    refused(w, /geom is a geometry property/);
    expect(w.body).to.include('exceptionCode="InvalidParameterValue"');
    const like = fes(
      '<fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"><fes:ValueReference>geom</fes:ValueReference><fes:Literal>a*</fes:Literal></fes:PropertyIsLike>',
    );
    refused(
      await get(
        `${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=dindik:sekolah&FILTER=${encodeURIComponent(like)}`,
      ),
      /geom is a geometry property/,
    );
    for (const f of ["geom = 'abc'", "geom LIKE 'a%'", 'geom BETWEEN 1 AND 2', "geom IN ('a')"]) {
      const r = await get(`${node.url}/ogcapi/collections/dindik:sekolah/items?filter=${encodeURIComponent(f)}`);
      refused(r, /geom is a geometry property/);
      expect(JSON.parse(r.body)).to.include({ code: 'InvalidParameterValue' });
    }
    // IS NULL on the geometry still works.
    expect(
      (await get(`${node.url}/ogcapi/collections/dindik:sekolah/items?filter=${encodeURIComponent('geom IS NULL')}`))
        .status,
    ).to.equal(200);
  });

  it('the node still answers after all of the above', async () => {
    expect((await get(`${node.url}/health`)).status).to.equal(200);
    const r = await get(
      `${node.url}/ogcapi/collections/dindik:sekolah/items?filter=${encodeURIComponent("jenjang LIKE 'S%' AND jumlah_siswa > '10'")}&limit=1`,
    );
    expect(r.status).to.equal(200);
  });
});

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// Async: the server under test runs in this same process and must keep answering.
const run = async (cmd: string, args: string[]) =>
  (await promisify(execFile)(cmd, args, { encoding: 'utf8', timeout: 60_000 })).stdout;
import { testNode, get, type TestNode } from '../support/context.js';
import { xsdErrors, SCHEMA } from '../support/xsd.js';
import { changeLayer } from '../../data/layers/status.js';
import { touchLayerData } from '../../data/layers/write.js';

const GMD = 'http://www.isotc211.org/2005/gmd';
const CSW = 'http://www.opengis.net/cat/csw/2.0.2';
const admin = { kind: 'user', userId: 0, username: 't', role: 'admin', organisation: null } as const;

const attr = (xml: string, name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(xml)?.[1]);
const ids = (xml: string) => [...xml.matchAll(/<gmd:fileIdentifier><gco:CharacterString>([^<]+)</g)].map((m) => m[1]);

describe('CSW 2.0.2 with ISO 19139 records', () => {
  let node: TestNode;
  let csw: string;
  let published: string[];
  before(async () => {
    node = await testNode({ serve: true });
    csw = `${node.url}/csw`;
    published = node.ctx.catalogue.visibleLayers({ kind: 'anonymous' }).map((l) => l.id);
  });
  after(async () => node.stop());

  const post = async (body: string) =>
    get(csw, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
  const geonetworkPage = (start: number) => `<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords xmlns:csw="${CSW}" xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2" resultType="results" startPosition="${start}" maxRecords="4" outputSchema="${GMD}">
  <csw:Query typeNames="gmd:MD_Metadata" xmlns:gmd="${GMD}"><csw:ElementSetName>summary</csw:ElementSetName>
    <csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\\"><ogc:PropertyName>AnyText</ogc:PropertyName><ogc:Literal>%</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></csw:Constraint>
  </csw:Query></csw:GetRecords>`;

  it('serves schema-valid capabilities at /csw and /ows', async () => {
    const r = await get(`${csw}?service=CSW&request=GetCapabilities`);
    expect(r.status).to.equal(200);
    expect(xsdErrors(r.body, SCHEMA.csw202)).to.equal('');
    const ows = await get(`${node.url}/ows?SERVICE=CSW&REQUEST=GetCapabilities`);
    expect(ows.body).to.contain('csw:Capabilities');
  });

  it('lets a GeoNetwork-style harvest (POST, summary, gmd, paging until nextRecord=0) collect every published record once', async () => {
    const seen: string[] = [];
    let start = 1;
    for (let guard = 0; start !== 0 && guard < 50; guard++) {
      const r = await post(geonetworkPage(start));
      expect(r.status, r.body).to.equal(200);
      expect(xsdErrors(r.body, SCHEMA.cswIso), 'page ' + start).to.equal('');
      seen.push(...ids(r.body));
      expect(attr(r.body, 'numberOfRecordsReturned')).to.equal(ids(r.body).length);
      start = attr(r.body, 'nextRecord');
    }
    const datasets = seen.filter((id) => published.includes(id));
    expect(datasets.sort()).to.deep.equal([...published].sort());
    expect(new Set(seen).size).to.equal(seen.length);
    // …then GetRecordById full for each, as GeoNetwork does.
    for (const id of published.slice(0, 3)) {
      const r = await get(
        `${csw}?service=CSW&version=2.0.2&request=GetRecordById&id=${id}&elementSetName=full&outputSchema=${encodeURIComponent(GMD)}`,
      );
      expect(xsdErrors(r.body, SCHEMA.cswIso)).to.equal('');
      expect(r.body).to.match(/<csw:GetRecordByIdResponse[^>]*><gmd:MD_Metadata>/);
      expect(r.body).to.contain('OGC:WMS');
    }
  });

  it('lets a ckanext-spatial-style harvest (GET, brief, startPosition 0) page through, then fetch each record', async () => {
    const seen: string[] = [];
    let start = 0;
    for (let guard = 0; guard < 50; guard++) {
      const r = await get(
        `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=gmd:MD_Metadata&resultType=results&elementSetName=brief&outputSchema=${encodeURIComponent(GMD)}&maxRecords=3&startPosition=${start}`,
      );
      expect(xsdErrors(r.body, SCHEMA.cswIso)).to.equal('');
      seen.push(...ids(r.body));
      start = attr(r.body, 'nextRecord');
      if (start === 0) break;
    }
    expect(new Set(seen).size).to.equal(seen.length);
    for (const id of published) expect(seen).to.include(id);
    const one = await get(
      `${csw}?service=CSW&version=2.0.2&request=GetRecordById&id=${published[0]}&elementSetName=full&outputSchema=${encodeURIComponent(GMD)}&outputFormat=application/xml`,
    );
    expect(ids(one.body)).to.deep.equal([published[0]]);
  });

  it('never shows GOVERNMENT, PRIVATE or unpublished layers to anonymous harvesters, and drops a record when unpublished', async () => {
    const r = await get(
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&elementSetName=brief&maxRecords=100`,
    );
    expect(r.body).to.not.contain('Penerima Bantuan');
    expect(r.body).to.not.contain('Aset Tanah');
    const layer = node.ctx.catalogue.unguardedGet('dlh:nothing') ?? node.ctx.catalogue.unguardedGet('dindik:sekolah')!;
    await changeLayer(node.ctx.db, admin, layer, { status: 'draft' });
    await node.ctx.catalogue.reload();
    const after = await get(
      `${csw}?service=CSW&version=2.0.2&request=GetRecordById&id=${layer.id}&outputSchema=${encodeURIComponent(GMD)}`,
    );
    expect(ids(after.body)).to.deep.equal([]);
    await changeLayer(node.ctx.db, admin, node.ctx.catalogue.unguardedGet('dindik:sekolah')!, { status: 'published' });
    await node.ctx.catalogue.reload();
  });

  it('moves the dateStamp when a layer changes', async () => {
    const layer = node.ctx.catalogue.unguardedGet('dpupr:jalan')!;
    const url = `${csw}?service=CSW&version=2.0.2&request=GetRecordById&id=${layer.id}&outputSchema=${encodeURIComponent(GMD)}`;
    const stamp = (xml: string) => /<gmd:dateStamp><gco:DateTime>([^<]+)</.exec(xml)![1];
    const before = stamp((await get(url)).body);
    await new Promise((r) => setTimeout(r, 1100));
    await node.ctx.db.transaction((tx) => touchLayerData(tx, layer));
    await node.ctx.catalogue.reload();
    expect(stamp((await get(url)).body)).to.not.equal(before);
  });

  it('filters with OGC Filter and CQL_TEXT on the queryables, with exact counts', async () => {
    const cql = await get(
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&constraintLanguage=CQL_TEXT&constraint_language_version=1.1.0&constraint=${encodeURIComponent("AnyText LIKE '%kelurahan%'")}`,
    );
    expect(xsdErrors(cql.body, SCHEMA.csw202)).to.equal('');
    // 'kelurahan' is in the title of one layer and an attribute name of two more published ones.
    expect(attr(cql.body, 'numberOfRecordsMatched')).to.equal(3);
    expect(attr(cql.body, 'numberOfRecordsReturned')).to.equal(3);
    expect(attr(cql.body, 'nextRecord')).to.equal(0);
    expect([...cql.body.matchAll(/<dc:title>([^<]+)/g)].map((m) => m[1]).sort()).to.deep.equal([
      'Batas Kelurahan Kota Tangerang',
      'Fasilitas Kesehatan Kota Tangerang',
      'Sekolah di Kota Tangerang',
    ]);
    const title = await get(
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=hits&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("dc:title = 'Sekolah di Kota Tangerang' AND TopicCategory = 'society'")}`,
    );
    expect(attr(title.body, 'numberOfRecordsMatched')).to.equal(1);
    const bboxMiss = await post(
      `<csw:GetRecords xmlns:csw="${CSW}" xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml" service="CSW" version="2.0.2" resultType="hits"><csw:Query typeNames="csw:Record"><csw:Constraint version="1.1.0"><ogc:Filter><ogc:BBOX><ogc:PropertyName>ows:BoundingBox</ogc:PropertyName><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>-7.0 107.5</gml:lowerCorner><gml:upperCorner>-6.8 107.7</gml:upperCorner></gml:Envelope></ogc:BBOX></ogc:Filter></csw:Constraint></csw:Query></csw:GetRecords>`,
    );
    expect(attr(bboxMiss.body, 'numberOfRecordsMatched')).to.equal(0);
    const bboxHit = await post(
      `<csw:GetRecords xmlns:csw="${CSW}" xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml" service="CSW" version="2.0.2" resultType="hits"><csw:Query typeNames="csw:Record"><csw:Constraint version="1.1.0"><ogc:Filter><ogc:BBOX><ogc:PropertyName>ows:BoundingBox</ogc:PropertyName><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>-6.2 106.6</gml:lowerCorner><gml:upperCorner>-6.15 106.65</gml:upperCorner></gml:Envelope></ogc:BBOX></ogc:Filter></csw:Constraint></csw:Query></csw:GetRecords>`,
    );
    // Every published layer covers the whole city, and so do the 3 service records.
    expect(published.length).to.equal(8);
    expect(attr(bboxHit.body, 'numberOfRecordsMatched')).to.equal(11);
    expect(attr(bboxHit.body, 'numberOfRecordsReturned')).to.equal(0);
    expect(attr(bboxHit.body, 'nextRecord')).to.equal(1);
  });

  it('pages GetRecords from startPosition 1 with exact numberOfRecordsReturned and nextRecord', async () => {
    const page = async (resultType: string, start: number, max: number) => {
      const r = await get(
        `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=${resultType}&elementSetName=brief&startPosition=${start}&maxRecords=${max}`,
      );
      return [
        attr(r.body, 'numberOfRecordsMatched'),
        attr(r.body, 'numberOfRecordsReturned'),
        attr(r.body, 'nextRecord'),
      ];
    };
    // 8 published layers and 3 service records.
    expect(await page('results', 1, 4)).to.deep.equal([11, 4, 5]);
    expect(await page('results', 5, 4)).to.deep.equal([11, 4, 9]);
    expect(await page('results', 9, 4)).to.deep.equal([11, 3, 0]);
    expect(await page('results', 0, 11)).to.deep.equal([11, 11, 0]);
    expect(await page('results', 12, 4)).to.deep.equal([11, 0, 0]);
    expect(await page('results', 3, 0)).to.deep.equal([11, 0, 0]);
    expect(await page('hits', 11, 4)).to.deep.equal([11, 0, 11]);
    expect(await page('hits', 12, 4)).to.deep.equal([11, 0, 0]);
  });

  it('validates every record in both schemas and all three element sets, service records included', async () => {
    for (const schema of [CSW, GMD]) {
      for (const esn of ['brief', 'summary', 'full']) {
        const r = await get(
          `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=${schema === GMD ? 'gmd:MD_Metadata' : 'csw:Record'}&resultType=results&elementSetName=${esn}&outputSchema=${encodeURIComponent(schema)}&maxRecords=100`,
        );
        expect(xsdErrors(r.body, SCHEMA.cswIso), `${schema} ${esn}`).to.equal('');
        expect(attr(r.body, 'numberOfRecordsReturned')).to.equal(published.length + 3);
      }
    }
    const services = await get(
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=gmd:MD_Metadata&resultType=results&elementSetName=full&outputSchema=${encodeURIComponent(GMD)}&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("Type = 'service'")}`,
    );
    expect(attr(services.body, 'numberOfRecordsMatched')).to.equal(3);
    expect(services.body).to.contain('srv:SV_ServiceIdentification');
    expect(services.body).to.contain('srv:operatesOn');
  });

  it('answers DescribeRecord, GetDomain, ElementName and resultType=validate', async () => {
    const d = await get(`${csw}?service=CSW&version=2.0.2&request=DescribeRecord&typeName=gmd:MD_Metadata`);
    expect(xsdErrors(d.body, SCHEMA.csw202)).to.equal('');
    const dom = await get(`${csw}?service=CSW&version=2.0.2&request=GetDomain&propertyName=TopicCategory`);
    expect(xsdErrors(dom.body, SCHEMA.csw202)).to.equal('');
    expect(dom.body).to.contain('<csw:Value>health</csw:Value>');
    const en = await get(
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&elementName=dc:title,dc:identifier&maxRecords=5`,
    );
    expect(xsdErrors(en.body, SCHEMA.csw202)).to.equal('');
    expect(en.body).to.contain('<dc:title>');
    expect(en.body).to.not.contain('<dct:abstract>');
    const v = await post(
      `<csw:GetRecords xmlns:csw="${CSW}" service="CSW" version="2.0.2" resultType="validate"><csw:Query typeNames="csw:Record"><csw:ElementSetName>brief</csw:ElementSetName></csw:Query></csw:GetRecords>`,
    );
    expect(xsdErrors(v.body, SCHEMA.csw202)).to.equal('');
    expect(v.body).to.contain('csw:Acknowledgement');
  });

  it('answers bad requests with schema-valid OWS exceptions', async () => {
    const cases = [
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&outputSchema=urn:nope`,
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("Nonsense = 'x'")}`,
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&maxRecords=-1`,
      `${csw}?service=CSW&version=2.0.2&request=Frobnicate`,
      `${csw}?service=CSW&version=3.0.0&request=GetRecords`,
    ];
    for (const u of cases) {
      const r = await get(u);
      expect(r.status, u).to.equal(400);
      expect(xsdErrors(r.body, SCHEMA.ows100), u).to.equal('');
    }
    const evil = await post(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">&e;</csw:GetRecords>',
    );
    expect(evil.status).to.equal(400);
    expect(evil.body).to.contain('ExceptionReport');
    expect((await get(`${node.url}/health`)).status).to.equal(200);
  });

  it("is read by OWSLib and by GDAL's CSW driver", async function () {
    const py = `
from owslib.csw import CatalogueServiceWeb
c = CatalogueServiceWeb('${csw}', version='2.0.2')
c.getrecords2(esn='full', outputschema='${GMD}', maxrecords=50)
print(c.results['matches'], len(c.records))
r = list(c.records.values())[0]
print(r.identification.title if hasattr(r, 'identification') and r.identification else 'none')
# A search box as QGIS MetaSearch sends it: PropertyIsLike on csw:AnyText without matchCase.
from owslib.fes import PropertyIsLike
found = []
for prop, text in [('csw:AnyText', '%KELURAHAN%'), ('csw:AnyText', '%kelurahan%'), ('dc:title', '%kelurahan%'), ('dc:title', '%Kelurahan%')]:
    c.getrecords2(constraints=[PropertyIsLike(prop, text)], esn='brief', maxrecords=50)
    found.append(str(c.results['matches']))
print(' '.join(found))
`;
    const out = (await run('/usr/bin/python3', ['-c', py])).trim().split('\n');
    // AnyText ignores case (a full-text target); dc:title matches case, the Filter 1.1 default.
    expect(out[2]).to.equal('3 3 0 1');
    const [matches, returned] = out[0].split(' ').map(Number);
    expect(matches).to.be.greaterThanOrEqual(published.length);
    expect(returned).to.equal(matches);
    expect(out[1]).to.not.equal('none');
    const ogr = await run('ogrinfo', ['-ro', '-al', '-so', `CSW:${csw}`]);
    expect(ogr).to.match(/Feature Count: (\d+)/);
    expect(Number(/Feature Count: (\d+)/.exec(ogr)![1])).to.be.greaterThanOrEqual(published.length);
  });
});

import { expect } from 'chai';
import sharp from 'sharp';
import { addUser, issueToken } from '../../data/users.js';
import { writeLayer, touchLayerData } from '../../data/layers/write.js';
import { testNode, get, type TestNode } from '../support/context.js';
import { xsdErrors, SCHEMA } from '../support/xsd.js';
import { TOPIC_CATEGORIES } from '../../data/metadata/codelists.js';

const GMD = 'http://www.isotc211.org/2005/gmd';
const NAME = 'dpupr:jembatan_uji';

/** The metadata people asked for (issue #12): written through the admin API, read back in ISO
 *  19139 (valid against the official schemas), OGC API Records and DCAT, refused with the field
 *  and the allowed values named; the overview picture; extents without floating-point noise. */
describe('metadata of the data: dates, resolution, accuracy, attributes, overview, extents', () => {
  let node: TestNode;
  let token: string;
  let id: string;
  before(async () => {
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'pu.staf', role: 'produsen', organisation: 'dpupr' });
    token = await issueToken(node.ctx.db, 'pu.staf');
    const at = (x: number, y: number, nama: string, kelas: number) => ({
      geojson: { type: 'Point', coordinates: [x, y] },
      properties: { nama, kelas },
    });
    await writeLayer(
      node.ctx.db,
      {
        organisation: 'dpupr',
        localName: 'jembatan_uji',
        title: 'Jembatan Kota Tangerang',
        abstract: 'Jembatan di atas Sungai Cisadane',
        keywords: ['jembatan'],
        nativeSrid: 4326,
        accessClass: 'PUBLIC',
        status: 'published',
        attributes: [
          { name: 'nama', type: 'string' },
          { name: 'kelas', type: 'integer' },
        ],
      },
      [
        [
          at(106.61, -6.2, 'Jembatan Berendeng', 1),
          at(106.64, -6.17, 'Jembatan Kali Pasir', 2),
          at(106.63, -6.18, 'Jembatan Gerendeng', 1),
        ],
      ],
    );
    await node.ctx.catalogue.reload();
    id = node.ctx.catalogue.unguardedGet(NAME)!.id;
  });
  after(async () => node.stop());

  const put = (body: unknown) =>
    get(`${node.url}/api/layers/${NAME}/metadata`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const iso = async () => {
    const r = await get(
      `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=${encodeURIComponent(GMD)}&elementSetName=full&id=${id}`,
    );
    expect(r.status).to.equal(200);
    expect(xsdErrors(r.body, SCHEMA.cswIso)).to.equal('');
    return r.body;
  };
  const record = async (f = '') =>
    JSON.parse((await get(`${node.url}/ogcapi/collections/metadata/items/${id}${f}`)).body);

  const WRITTEN = {
    dates: { creation: '2019-03-01', publication: '2020-01-15', revision: '2024-06-30' },
    spatialResolution: { scale: 5000 },
    positionalAccuracy: 2.5,
    attributes: {
      nama: { description: 'Nama jembatan' },
      kelas: {
        description: 'Kelas jembatan menurut beban',
        unit: 'kelas',
        codeList: [
          { code: '1', label: 'Kelas A (BM 100)' },
          { code: '2', label: 'Kelas B (BM 70)' },
        ],
      },
    },
  };

  it("writes the data's dates, resolution, accuracy and attribute descriptions, and reads them back", async () => {
    const r = await put(WRITTEN);
    expect(r.status, r.body).to.equal(200);
    const back = JSON.parse(r.body);
    expect(back.metadata.dates).to.deep.equal(WRITTEN.dates);
    expect(back.metadata.spatialResolution).to.deep.equal({ scale: 5000 });
    expect(back.metadata.positionalAccuracy).to.equal(2.5);
    expect(back.metadata.attributes).to.deep.equal(WRITTEN.attributes);
    const audit = (
      await node.ctx.db.query(
        `SELECT after FROM simpul.audit WHERE layer_id = $1 AND action = 'layer.metadata' ORDER BY id DESC LIMIT 1`,
        [id],
      )
    ).rows[0];
    expect(audit.after.positionalAccuracy).to.equal(2.5);
  });

  it('serves them in ISO 19139, valid against the official schemas, each where gmd.xsd puts it', async () => {
    const xml = await iso();
    const date = (d: string, type: string) =>
      `<gmd:CI_Date><gmd:date><gco:Date>${d}</gco:Date></gmd:date><gmd:dateType><gmd:CI_DateTypeCode codeList="http://standards.iso.org/ittf/PubliclyAvailableStandards/ISO_19139_Schemas/resources/codelist/ML_gmxCodelists.xml#CI_DateTypeCode" codeListValue="${type}">${type}</gmd:CI_DateTypeCode>`;
    expect(xml).to.contain(date('2019-03-01', 'creation'));
    expect(xml).to.contain(date('2020-01-15', 'publication'));
    expect(xml).to.contain(date('2024-06-30', 'revision'));
    expect(xml).to.contain(
      '<gmd:spatialResolution><gmd:MD_Resolution><gmd:equivalentScale><gmd:MD_RepresentativeFraction><gmd:denominator><gco:Integer>5000</gco:Integer></gmd:denominator>',
    );
    expect(xml).to.contain('<gmd:report><gmd:DQ_AbsoluteExternalPositionalAccuracy>');
    expect(xml).to.contain(
      '<gmd:valueUnit xlink:href="http://www.opengis.net/def/uom/EPSG/0/9001"/><gmd:value><gco:Record>2.5</gco:Record></gmd:value>',
    );
    expect(xml).to.contain('<gmd:contentInfo><gmd:MD_FeatureCatalogueDescription>');
    expect(xml).to.contain('<gmd:featureTypes><gco:LocalName>dpupr:jembatan_uji</gco:LocalName></gmd:featureTypes>');
    expect(xml).to.contain(
      'kelas (integer): Kelas jembatan menurut beban [kelas]; kode: 1 = Kelas A (BM 100), 2 = Kelas B (BM 70)',
    );
    expect(xml).to.contain(
      `<gmd:graphicOverview><gmd:MD_BrowseGraphic><gmd:fileName><gco:CharacterString>${node.url}/overviews/${id}.png</gco:CharacterString></gmd:fileName>`,
    );
    // A ground distance instead of a scale.
    expect((await put({ spatialResolution: { distance: 0.5, unit: 'm' } })).status).to.equal(200);
    const again = await iso();
    expect(again).to.contain(
      '<gmd:spatialResolution><gmd:MD_Resolution><gmd:distance><gco:Distance uom="m">0.5</gco:Distance></gmd:distance></gmd:MD_Resolution></gmd:spatialResolution>',
    );
    expect(again).to.not.contain('equivalentScale');
  });

  it('serves them in OGC API Records and DCAT (JSON-LD)', async () => {
    const rec = await record();
    expect(rec.properties.dataDates).to.deep.equal(WRITTEN.dates);
    expect(rec.properties.spatialResolution).to.deep.equal({ distance: 0.5, uom: 'm' });
    expect(rec.properties.positionalAccuracy).to.deep.equal({ value: 2.5, uom: 'm' });
    expect(rec.properties.attributes).to.deep.equal([
      { name: 'nama', type: 'string', description: 'Nama jembatan' },
      {
        name: 'kelas',
        type: 'integer',
        description: 'Kelas jembatan menurut beban',
        unit: 'kelas',
        codeList: WRITTEN.attributes.kelas.codeList,
      },
    ]);
    expect(rec.links.filter((l: any) => l.rel === 'preview')).to.deep.equal([
      { rel: 'preview', type: 'image/png', href: `${node.url}/overviews/${id}.png`, title: 'Gambaran data / overview' },
    ]);
    const ld = await record('?f=jsonld');
    expect(ld['dct:created']).to.equal('2019-03-01');
    expect(ld['dct:issued']).to.equal('2020-01-15');
    expect(ld['dct:modified']).to.equal('2024-06-30');
    expect(ld['dcat:spatialResolutionInMeters']).to.equal(0.5);
    expect(ld['dqv:hasQualityMeasurement']['dqv:value']).to.equal(2.5);
    expect(ld['foaf:depiction']).to.equal(`${node.url}/overviews/${id}.png`);
  });

  it('refuses bad values with 400 problem+json naming the field and the allowed values, and stores nothing', async () => {
    const before = JSON.parse((await get(`${node.url}/api/layers/${NAME}/metadata`)).body).metadata;
    const cases: Array<[body: object, field: string, allowed?: readonly string[]]> = [
      [{ topicCategory: 'jembatan' }, 'topicCategory', TOPIC_CATEGORIES],
      [
        { progress: 'selesai' },
        'progress',
        ['completed', 'historicalArchive', 'obsolete', 'onGoing', 'planned', 'required', 'underDevelopment'],
      ],
      [{ dates: { creation: '2024-02-30' } }, 'dates'],
      [{ dates: { uploaded: '2024-02-01' } }, 'dates'],
      [{ spatialResolution: { scale: 2.5 } }, 'spatialResolution', ['m', 'km', 'deg']],
      [{ spatialResolution: { distance: 5, unit: 'ft' } }, 'spatialResolution', ['m', 'km', 'deg']],
      [{ positionalAccuracy: -1 }, 'positionalAccuracy'],
      [{ positionalAccuracy: '2 m' }, 'positionalAccuracy'],
      [{ attributes: { lebar: { description: 'Lebar' } } }, 'attributes', ['nama', 'kelas']],
      [{ attributes: { kelas: { codeList: [{ code: 1, label: 'A' }] } } }, 'attributes', ['nama', 'kelas']],
    ];
    for (const [body, field, allowed] of cases) {
      const r = await put(body);
      expect(r.status, JSON.stringify(body)).to.equal(400);
      expect(r.type).to.contain('application/problem+json');
      const p = JSON.parse(r.body);
      expect(p.locator, r.body).to.equal(field);
      expect(p.field).to.equal(field);
      expect(p.detail).to.contain(`Invalid value for ${field}`);
      if (allowed) {
        expect(p.allowed, r.body).to.deep.equal([...allowed]);
        for (const a of allowed) expect(p.detail).to.contain(a);
      }
    }
    expect(JSON.parse((await get(`${node.url}/api/layers/${NAME}/metadata`)).body).metadata).to.deep.equal(before);
  });

  it('serves an overview picture drawn by the node, stored, and drawn again when the data changes', async () => {
    const r = await fetch(`${node.url}/overviews/${id}.png`);
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-type')).to.equal('image/png');
    const png = Buffer.from(await r.arrayBuffer());
    const meta = await sharp(png).metadata();
    // Three bridges over 0.03° × 0.03°: in Web Mercator at 6.2° S the box is 1/cos(6.2°) taller
    // than wide, so 398 × 400, with the default style's points on white.
    expect([meta.format, meta.width, meta.height]).to.deep.equal(['png', 398, 400]);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let drawn = 0;
    for (let i = 0; i < data.length; i += info.channels)
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) drawn++;
    expect(drawn)
      .to.be.greaterThan(20)
      .and.lessThan(400 * 400 * 0.05);
    const etag = r.headers.get('etag');
    expect((await fetch(`${node.url}/overviews/${id}.png`, { headers: { 'If-None-Match': etag! } })).status).to.equal(
      304,
    );
    const stored = async () =>
      (
        await node.ctx.db.query<{ data_version: number }>(
          'SELECT data_version FROM simpul.layer_overview WHERE layer_id = $1',
          [id],
        )
      ).rows[0]?.data_version;
    const layer = node.ctx.catalogue.unguardedGet(NAME)!;
    expect(await stored()).to.equal(layer.dataVersion);
    // The data changes: the watcher draws the picture again (in the background).
    await node.ctx.db.transaction((tx) => touchLayerData(tx, layer));
    await node.ctx.catalogue.reload();
    const next = node.ctx.catalogue.unguardedGet(NAME)!.dataVersion;
    expect(next).to.equal(layer.dataVersion + 1);
    for (let i = 0; i < 100 && (await stored()) !== next; i++) await new Promise((ok) => setTimeout(ok, 100));
    expect(await stored()).to.equal(next);
    // Not for what the caller may not see, nor for names that are not a layer's UUID.
    expect((await get(`${node.url}/overviews/00000000-0000-4000-8000-000000000000.png`)).status).to.equal(404);
    expect((await get(`${node.url}/overviews/${NAME}.png`)).status).to.equal(404);
  });

  it('prints extents rounded to 6 decimals in ISO 19139, Records, DCAT and the capabilities', async () => {
    // The noise ST_Extent and float arithmetic leave in a bounding box (west, south), and
    // digits past the sixth decimal (east, north), which round outwards.
    await node.ctx.db.query(
      'UPDATE simpul.layer SET minx = 106.61000000000001, miny = -6.300000000000001, maxx = 106.6400004, maxy = -6.1699996 WHERE id = $1',
      [id],
    );
    await node.ctx.catalogue.reload();
    expect(node.ctx.catalogue.unguardedGet(NAME)!.bbox).to.deep.equal([106.61, -6.3, 106.640001, -6.169999]);
    const noise = /\d\.\d*(0{7,}|9{7,})\d/;
    const xml = await iso();
    expect(xml).to.contain(
      '<gmd:westBoundLongitude><gco:Decimal>106.61</gco:Decimal></gmd:westBoundLongitude><gmd:eastBoundLongitude><gco:Decimal>106.640001</gco:Decimal></gmd:eastBoundLongitude><gmd:southBoundLatitude><gco:Decimal>-6.3</gco:Decimal></gmd:southBoundLatitude><gmd:northBoundLatitude><gco:Decimal>-6.169999</gco:Decimal>',
    );
    const rec = await record();
    expect(rec.geometry.coordinates[0][0]).to.deep.equal([106.61, -6.3]);
    expect(JSON.stringify(rec)).to.not.match(noise);
    expect(JSON.stringify(await record('?f=jsonld'))).to.not.match(noise);
    for (const url of [
      '/wms?service=WMS&request=GetCapabilities&version=1.3.0',
      '/wfs?service=WFS&request=GetCapabilities&version=2.0.0',
      '/wfs?service=WFS&request=GetCapabilities&version=1.0.0',
      '/wmts/1.0.0/WMTSCapabilities.xml',
      '/ogcapi/collections?f=json',
      '/csw?service=CSW&request=GetCapabilities',
    ]) {
      const doc = (await get(`${node.url}${url}`)).body;
      expect(doc, url).to.not.match(noise);
      expect(doc, url).to.not.contain('-6.300000000000001');
    }
    // Projected boxes to the centimetre.
    const wms = (await get(`${node.url}/wms?service=WMS&request=GetCapabilities&version=1.3.0`)).body;
    const projected = [
      ...wms.matchAll(
        /<BoundingBox CRS="EPSG:(?:3857|9488|23878|32748)" minx="([^"]+)" miny="([^"]+)" maxx="([^"]+)" maxy="([^"]+)"/g,
      ),
    ].flatMap((m) => m.slice(1));
    expect(projected.length).to.be.greaterThan(8);
    for (const v of projected) expect(v).to.match(/^-?\d+(\.\d{1,2})?$/);
  });

  it('merges dates and attribute descriptions key by key (null removes one), audited', async () => {
    const r = await put({
      dates: { revision: '2025-01-10', publication: null },
      attributes: { nama: null, kelas: { description: 'Kelas beban' } },
    });
    expect(r.status, r.body).to.equal(200);
    const m = JSON.parse(r.body).metadata;
    expect(m.dates).to.deep.equal({ creation: '2019-03-01', revision: '2025-01-10' });
    expect(m.attributes).to.deep.equal({ kelas: { description: 'Kelas beban' } });
    const audit = (
      await node.ctx.db.query(
        `SELECT before, after FROM simpul.audit WHERE layer_id = $1 AND action = 'layer.metadata' ORDER BY id DESC LIMIT 1`,
        [id],
      )
    ).rows[0];
    expect(audit.before.dates).to.deep.equal(WRITTEN.dates);
    expect(audit.after.dates).to.deep.equal({ creation: '2019-03-01', revision: '2025-01-10' });
    const rec = await record();
    expect(rec.properties.dataDates).to.deep.equal({ creation: '2019-03-01', revision: '2025-01-10' });
    expect(rec.properties.attributes).to.deep.equal([
      { name: 'nama', type: 'string' },
      { name: 'kelas', type: 'integer', description: 'Kelas beban' },
    ]);
  });
});

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { testNode, get, type TestNode } from '../support/context.js';
import { xsdErrors, SCHEMA } from '../support/xsd.js';
import { SCHEMAS } from '../support/backend.js';
import { validateWithDft } from './validate.js';

// Async: the server under test runs in this process and must keep answering.
const run = async (cmd: string, args: string[], env: Record<string, string> = {}) =>
  (
    await promisify(execFile)(cmd, args, {
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env },
    })
  ).stdout;

const NS = 'https://simpul.tangerangkota.go.id/ns/';
const num = (xml: string, attr: string) => Number(new RegExp(`${attr}="(\\d+)"`).exec(xml)?.[1]);
const occurrences = (text: string, what: string) => text.split(what).length - 1;

describe('WFS 2.0 / 1.1 / 1.0', () => {
  let node: TestNode;
  let wfs: string;
  before(async () => {
    node = await testNode({ serve: true });
    wfs = `${node.url}/wfs`;
  });
  after(async () => node.stop());

  it('serves schema-valid 2.0.0 and 1.1.0 capabilities with only visible layers, ETag and 304', async () => {
    const r20 = await get(`${wfs}?SERVICE=WFS&REQUEST=GetCapabilities`);
    expect(r20.status).to.equal(200);
    expect(xsdErrors(r20.body, SCHEMA.wfs20)).to.equal('');
    expect(r20.body).to.include('<wfs:Name>dindik:sekolah</wfs:Name>').and.include('urn:ogc:def:crs:EPSG::23834');
    expect(r20.body).not.to.include('dinsos:penerima_bantuan').and.not.to.include('bpkad:aset_tanah');
    const r11 = await get(`${node.url}/ows?service=wfs&request=getcapabilities&version=1.1.0`);
    expect(xsdErrors(r11.body, SCHEMA.wfs110)).to.equal('');
    const again = await get(`${wfs}?SERVICE=WFS&REQUEST=GetCapabilities`, {
      headers: { 'If-None-Match': r20.headers.get('etag')! },
    });
    expect(again.status).to.equal(304);
    const r10 = await get(`${wfs}?service=WFS&request=GetCapabilities&version=1.0.0`);
    expect(r10.body).to.include('<LatLongBoundingBox');
  });

  it('1.0.0 capabilities carry Keywords as WFS-capabilities.xsd wants them, and are valid against it where the schema is at hand', async () => {
    const r10 = await get(`${wfs}?service=WFS&request=GetCapabilities&version=1.0.0`);
    expect(r10.status).to.equal(200);
    // Service: Name, Title, Abstract, Keywords (one string), OnlineResource, Fees, AccessConstraints.
    expect(r10.body).to.match(
      /<Service><Name>WFS<\/Name><Title>[^<]+<\/Title><Abstract>[^<]+<\/Abstract><Keywords>[^<]+<\/Keywords><OnlineResource>[^<]+<\/OnlineResource><Fees>/,
    );
    // A FeatureType's Keywords come after Title/Abstract and before SRS; the schema has GML2 only in ResultFormat.
    expect(r10.body).to.match(
      /<FeatureType><Name>bappeda:batas_kecamatan<\/Name><Title>[^<]+<\/Title>(<Abstract>[^<]*<\/Abstract>)?<Keywords>[^<]+<\/Keywords><SRS>EPSG:4326<\/SRS>/,
    );
    expect(r10.body).to.include('<ResultFormat><GML2/></ResultFormat>');
    // ../shared/ogc-schemas has no WFS 1.0.0 yet: validate when it is there.
    const xsd = `${SCHEMAS}/schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd`;
    if (existsSync(xsd)) expect(xsdErrors(r10.body, xsd)).to.equal('');
  });

  it('DescribeFeatureType gives polygons and lines the types GDAL and QGIS read as Polygon and LineString, in every version', async () => {
    const want: Record<string, Record<string, string>> = {
      '2.0.0': {
        'dpupr:jalan':
          'type="gml:CurvePropertyType" minOccurs="0" maxOccurs="1" nillable="true"/><!-- restricted to LineString -->',
        'dpupr:penggunaan_lahan':
          'type="gml:SurfacePropertyType" minOccurs="0" maxOccurs="1" nillable="true"/><!-- restricted to Polygon -->',
      },
      '1.1.0': {
        'dpupr:jalan': 'type="gml:LineStringPropertyType"',
        'dpupr:penggunaan_lahan': 'type="gml:PolygonPropertyType"',
      },
      '1.0.0': {
        'dpupr:jalan': 'type="gml:LineStringPropertyType"',
        'dpupr:penggunaan_lahan': 'type="gml:PolygonPropertyType"',
      },
    };
    for (const [v, types] of Object.entries(want)) {
      for (const [t, type] of Object.entries(types)) {
        const dft = await get(`${wfs}?service=WFS&version=${v}&request=DescribeFeatureType&typeName=${t}`);
        expect(dft.body, `${v} ${t}`).to.include(`<xsd:element name="geom" ${type}`);
      }
      const layers = await run('ogrinfo', ['-ro', '-so', `WFS:${wfs}?version=${v}`]);
      expect(layers, v).to.include('dpupr:jalan (title: Jaringan Jalan Kota Tangerang) (Line String)');
      expect(layers, v).to.include('dpupr:penggunaan_lahan (title: Penggunaan Lahan Kota Tangerang) (Polygon)');
      expect(layers, v).to.include('bappeda:batas_kecamatan (title: Batas Kecamatan Kota Tangerang) (Polygon)');
      expect(layers, v).not.to.match(/Curve|Surface/);
    }
    // GML 3 output is plain Polygon/LineString, never Surface/PolygonPatch or Curve/LineStringSegment.
    for (const v of ['2.0.0', '1.1.0']) {
      for (const t of ['dpupr:jalan', 'dpupr:penggunaan_lahan']) {
        const doc = await get(
          `${wfs}?service=WFS&version=${v}&request=GetFeature&${v === '2.0.0' ? `typeNames=${t}&count=5` : `typeName=${t}&maxFeatures=5`}`,
        );
        expect(doc.body, `${v} ${t}`).to.match(t === 'dpupr:jalan' ? /<gml:LineString / : /<gml:Polygon /);
        expect(doc.body, `${v} ${t}`).not.to.match(/<gml:(Surface|PolygonPatch|Curve|LineStringSegment)\b/);
      }
    }
  });

  it('GetFeature GML 3.2 and 3.1.1 validate against wfs.xsd plus the DescribeFeatureType schema', async () => {
    for (const [v, xsd, ns] of [
      ['2.0.0', 'http://schemas.opengis.net/wfs/2.0/wfs.xsd', 'http://www.opengis.net/wfs/2.0'],
      ['1.1.0', 'http://schemas.opengis.net/wfs/1.1.0/wfs.xsd', 'http://www.opengis.net/wfs'],
    ]) {
      for (const t of ['dindik:sekolah', 'dpupr:jalan', 'dpupr:penggunaan_lahan']) {
        const dft = await get(`${wfs}?service=WFS&version=${v}&request=DescribeFeatureType&typeName=${t}`);
        expect(dft.status).to.equal(200);
        const doc = await get(
          `${wfs}?service=WFS&version=${v}&request=GetFeature&typeName=${t}&${v === '2.0.0' ? 'count' : 'maxFeatures'}=3`,
        );
        expect(doc.status, doc.body).to.equal(200);
        expect(validateWithDft(doc.body, dft.body, t.split(':')[0], xsd, ns), `${v} ${t}`).to.equal('');
      }
    }
  });

  it('counts, pages and sorts stably; hits works', async () => {
    const hits = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&resultType=hits`,
    );
    expect(num(hits.body, 'numberMatched')).to.equal(300);
    expect(num(hits.body, 'numberReturned')).to.equal(0);
    const last = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=7&startIndex=296&outputFormat=application/json`,
    );
    const j = JSON.parse(last.body);
    expect(j.numberMatched).to.equal(300);
    expect(j.numberReturned).to.equal(4).and.equal(j.features.length);
    const sorted = JSON.parse(
      (
        await get(
          `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=300&sortBy=jenjang DESC&outputFormat=json`,
        )
      ).body,
    );
    const keys = sorted.features.map((f: any) => f.properties.jenjang);
    expect([...keys].sort().reverse()).to.deep.equal(keys);
    const picked = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=2&propertyName=dindik:nama_sekolah`,
    );
    expect(picked.body)
      .to.include('<dindik:nama_sekolah>')
      .and.not.include('<dindik:geom>')
      .and.not.include('<dindik:jenjang>');
    const pageIds = new Set<string>();
    for (let i = 0; i < 300; i += 100) {
      const p = JSON.parse(
        (
          await get(
            `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=100&startIndex=${i}&sortBy=jenjang&outputFormat=json`,
          )
        ).body,
      );
      for (const f of p.features) pageIds.add(f.id);
    }
    expect(pageIds.size).to.equal(300);
  });

  it('filters: FES 2.0, Filter 1.1, BBOX with CRS, RESOURCEID, GetFeatureById, POST XML', async () => {
    const all = JSON.parse(
      (await get(`${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&outputFormat=json`))
        .body,
    );
    const sd = all.features.filter((f: any) => f.properties.jenjang === 'SD').length;
    const fes = `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>jenjang</fes:ValueReference><fes:Literal>SD</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`;
    const r = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&resultType=hits&filter=${encodeURIComponent(fes)}`,
    );
    expect(num(r.body, 'numberMatched')).to.equal(sd);
    const inBox = all.features.filter((f: any) => {
      const [x, y] = f.geometry.coordinates;
      return x >= 106.6 && x <= 106.7 && y >= -6.2 && y <= -6.15;
    }).length;
    const b = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&resultType=hits&bbox=-6.2,106.6,-6.15,106.7,urn:ogc:def:crs:EPSG::4326`,
    );
    expect(num(b.body, 'numberMatched')).to.equal(inBox);
    const b10 = await get(
      `${wfs}?service=WFS&version=1.1.0&request=GetFeature&typeName=dindik:sekolah&resultType=hits&bbox=106.6,-6.2,106.7,-6.15,EPSG:4326`.replace(
        'EPSG:4326',
        'CRS:84',
      ),
    );
    expect(num(b10.body, 'numberOfFeatures')).to.equal(inBox);
    const near = (op: string) =>
      `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:${op}><fes:ValueReference>geom</fes:ValueReference><gml:Point gml:id="p" srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-6.18 106.63</gml:pos></gml:Point><fes:Distance uom="m">2000</fes:Distance></fes:${op}></fes:Filter>`;
    const within = num(
      (
        await get(
          `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&resultType=hits&filter=${encodeURIComponent(near('DWithin'))}`,
        )
      ).body,
      'numberMatched',
    );
    const beyond = num(
      (
        await get(
          `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&resultType=hits&filter=${encodeURIComponent(near('Beyond'))}`,
        )
      ).body,
      'numberMatched',
    );
    const haversine = all.features.filter((f: any) => {
      const [x, y] = f.geometry.coordinates;
      const r = Math.PI / 180;
      const a =
        Math.sin(((y + 6.18) * r) / 2) ** 2 +
        Math.cos(y * r) * Math.cos(-6.18 * r) * Math.sin(((x - 106.63) * r) / 2) ** 2;
      return 2 * 6371008.8 * Math.asin(Math.sqrt(a)) <= 2000;
    }).length;
    expect(within).to.be.greaterThan(0);
    expect(within + beyond).to.equal(300);
    expect(Math.abs(within - haversine)).to.be.at.most(1);
    const ids = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&resourceId=sekolah.3,sekolah.5&outputFormat=json`,
    );
    expect(JSON.parse(ids.body).features.map((f: any) => f.id)).to.deep.equal(['sekolah.3', 'sekolah.5']);
    const byId = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&id=sekolah.4`,
    );
    expect(byId.status).to.equal(200);
    expect(byId.body).to.match(/^<\?xml[^>]*>\s*<dindik:sekolah /);
    const none = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&id=sekolah.99999`,
    );
    expect(none.status).to.equal(404);
    const hidden = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&id=penerima_bantuan.1`,
    );
    expect(hidden.status).to.equal(404);
    expect(xsdErrors(hidden.body, SCHEMA.ows110)).to.equal('');
    const post = (
      matchCase: string,
    ) => `<wfs:GetFeature service="WFS" version="1.1.0" resultType="hits" xmlns:wfs="http://www.opengis.net/wfs" xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml" xmlns:dindik="${NS}dindik">
      <wfs:Query typeName="dindik:sekolah"><ogc:Filter><ogc:And><ogc:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"${matchCase}><ogc:PropertyName>dindik:nama_sekolah</ogc:PropertyName><ogc:Literal>sd*</ogc:Literal></ogc:PropertyIsLike>
      <ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>-6.2 106.6</gml:lowerCorner><gml:upperCorner>-6.15 106.7</gml:upperCorner></gml:Envelope></ogc:BBOX></ogc:And></ogc:Filter></wfs:Query></wfs:GetFeature>`;
    // Filter 1.1: matchCase defaults to true, so `sd*` finds "SD …" only with matchCase="false".
    for (const [matchCase, re] of [
      [' matchCase="false"', /^sd/i],
      ['', /^sd/],
    ] as const) {
      const pr = await get(wfs, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: post(matchCase) });
      const expected = all.features.filter((f: any) => {
        const [x, y] = f.geometry.coordinates;
        return re.test(f.properties.nama_sekolah) && x >= 106.6 && x <= 106.7 && y >= -6.2 && y <= -6.15;
      }).length;
      expect(num(pr.body, 'numberOfFeatures'), matchCase || 'matchCase by default').to.equal(expected);
      if (matchCase) expect(expected).to.be.greaterThan(0);
    }
  });

  it('answers bad input with schema-valid OWS exceptions and stays healthy', async () => {
    const cases: Array<[string, number, string]> = [
      ['request=GetFeature&version=2.0.0&typeNames=nope:nothing', 400, 'InvalidParameterValue'],
      ['request=GetFeature&version=2.0.0&typeNames=dinsos:penerima_bantuan', 400, 'InvalidParameterValue'],
      ['request=GetFeature&version=2.0.0&typeNames=dindik:sekolah&count=-1', 400, 'InvalidParameterValue'],
      ['request=GetFeature&version=2.0.0&typeNames=dindik:sekolah&count=1e12', 400, 'InvalidParameterValue'],
      [
        'request=GetFeature&version=2.0.0&typeNames=dindik:sekolah&sortBy=' + encodeURIComponent("nama' OR 1=1 --"),
        400,
        'InvalidParameterValue',
      ],
      ['request=GetFeature&version=2.0.0&typeNames=' + encodeURIComponent("' OR 1=1 --"), 400, 'InvalidParameterValue'],
      [
        'request=GetFeature&version=2.0.0&typeNames=dindik:sekolah&propertyName=' + encodeURIComponent('x;drop table'),
        400,
        'InvalidParameterValue',
      ],
      ['request=GetFeature&version=2.0.0&typeNames=dindik:sekolah&srsName=EPSG:999999', 400, 'InvalidParameterValue'],
      ['request=GetFeature&version=2.0.0&typeNames=dindik:sekolah&filter=%3Cfes:Filter', 400, 'OperationParsingFailed'],
      ['request=GetFeature&version=2.0.0&typeNames=dindik:sekolah&outputFormat=nope', 400, 'InvalidParameterValue'],
      ['request=Frobnicate', 400, 'OperationNotSupported'],
      ['version=2.0.0', 400, 'MissingParameterValue'],
    ];
    for (const [q, status, code] of cases) {
      const r = await get(`${wfs}?service=WFS&${q}`);
      expect(r.status, q).to.equal(status);
      expect(r.body, q).to.include(`exceptionCode="${code}"`);
      expect(xsdErrors(r.body, SCHEMA.ows110), q).to.equal('');
    }
    const literal = `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>jumlah_siswa</fes:ValueReference><fes:Literal>' OR 1=1 --</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`;
    const lit = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&filter=${encodeURIComponent(literal)}`,
    );
    expect(lit.status).to.equal(400);
    const old = await get(`${wfs}?service=WFS&version=1.1.0&request=GetFeature&typeName=nope`);
    expect(xsdErrors(old.body, SCHEMA.ows100)).to.equal('');
    for (const body of ['<wfs:GetFeature', '<!DOCTYPE x [<!ENTITY a "b">]><wfs:GetFeature/>']) {
      const r = await get(wfs, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
      expect(r.status).to.equal(400);
      expect(r.body).to.include('OperationParsingFailed');
    }
    expect((await get(`${node.url}/health`)).status).to.equal(200);
  });

  it('GDAL reads it: counts in 2.0.0 and 1.1.0 with small pages, -where and -spat, CRS round trip', async () => {
    for (const v of ['2.0.0', '1.1.0']) {
      const out = await run('ogrinfo', ['-ro', '-so', `WFS:${wfs}?version=${v}`, 'dindik:sekolah'], {
        OGR_WFS_PAGE_SIZE: '70',
      });
      expect(out, v).to.include('Feature Count: 300');
      const all = await run('ogrinfo', ['-ro', '-al', `WFS:${wfs}?version=${v}`, 'dpupr:jalan'], {
        OGR_WFS_PAGE_SIZE: '70',
        OGR_WFS_PAGING_ALLOWED: 'ON',
      });
      expect(occurrences(all, 'OGRFeature('), v).to.equal(400);
    }
    const where = await run('ogr2ogr', [
      '-f',
      'GeoJSON',
      '/vsistdout/',
      `WFS:${wfs}`,
      'dindik:sekolah',
      '-where',
      "jenjang = 'SMA'",
    ]);
    const sma = JSON.parse(where).features;
    expect(sma.length).to.be.greaterThan(0);
    expect(sma.every((f: any) => f.properties.jenjang === 'SMA')).to.equal(true);
    const spat = JSON.parse(
      await run('ogr2ogr', [
        '-f',
        'GeoJSON',
        '/vsistdout/',
        `WFS:${wfs}`,
        'dindik:sekolah',
        '-spat',
        '106.6',
        '-6.2',
        '106.7',
        '-6.15',
      ]),
    );
    expect(
      spat.features.every((f: any) => {
        const [x, y] = f.geometry.coordinates;
        return x >= 106.6 && x <= 106.7 && y >= -6.2 && y <= -6.15;
      }),
    ).to.equal(true);
    const wgs = JSON.parse(
      (
        await get(
          `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=1&outputFormat=json`,
        )
      ).body,
    ).features[0].geometry.coordinates;
    // Projected CRSs through the server vs PROJ (gdaltransform) on the WGS 84 coordinates: within 1 m.
    for (const epsg of [32748, 23834, 9488, 3857]) {
      const doc = await get(
        `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=1&srsName=urn:ogc:def:crs:EPSG::${epsg}`,
      );
      expect(doc.body).to.include(`srsName="urn:ogc:def:crs:EPSG::${epsg}"`);
      const [e, n] = /<gml:pos[^>]*>([^<]+)</.exec(doc.body)![1].trim().split(/\s+/).map(Number);
      const gdal = promisify(execFile)(
        'gdaltransform',
        ['-s_srs', '+proj=longlat +datum=WGS84', '-t_srs', `EPSG:${epsg}`, '-output_xy'],
        { encoding: 'utf8' },
      );
      gdal.child.stdin!.end(`${wgs[0]} ${wgs[1]}\n`);
      const viaGdal = (await gdal).stdout;
      const [pe, pn] = viaGdal.trim().split(/\s+/).map(Number);
      expect(Math.hypot(pe - e, pn - n), `EPSG:${epsg}`).to.be.lessThan(1);
    }
    const ll = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=1&srsName=EPSG:4326`,
    );
    const [lat, lon] = /<gml:pos[^>]*>([^<]+)</.exec(ll.body)![1].trim().split(/\s+/).map(Number);
    expect([lon, lat]).to.deep.equal(wgs);
  });

  it('OWSLib WebFeatureService reads 2.0.0, 1.1.0 and 1.0.0', async () => {
    const script = `
from owslib.wfs import WebFeatureService
import json, sys
for v in ('2.0.0', '1.1.0', '1.0.0'):
    w = WebFeatureService('${wfs}', version=v)
    assert 'dindik:sekolah' in w.contents, list(w.contents)
    r = w.getfeature(typename=['dindik:sekolah'], maxfeatures=5, outputFormat='application/json')
    print(v, len(json.loads(r.read())['features']))
w = WebFeatureService('${wfs}', version='1.0.0')
print('1.0.0 keywords', w.identification.keywords, w.contents['bappeda:batas_kecamatan'].keywords)
gml = w.getfeature(typename=['dindik:sekolah'], maxfeatures=2).read()
print('1.0.0 gml2', gml.count(b'<gml:featureMember>'))
`;
    const out = await run('/usr/bin/python3', ['-c', script]);
    expect(out).to.include('2.0.0 5').and.include('1.1.0 5').and.include('1.0.0 5');
    expect(out)
      .to.include("1.0.0 keywords ['WFS, Satu Data Satu Peta, Kota Tangerang, JIGN']")
      .and.include('1.0.0 gml2 2');
  });

  it('stored queries, GetPropertyValue and POST requests are schema-valid; WFS 1.0 for old clients', async () => {
    for (const q of [
      'request=ListStoredQueries',
      'request=DescribeStoredQueries',
      'request=GetPropertyValue&typeNames=dindik:sekolah&valueReference=jenjang&count=3',
      'request=GetPropertyValue&typeNames=dindik:sekolah&valueReference=geom&count=2',
    ]) {
      const r = await get(`${wfs}?service=WFS&version=2.0.0&${q}`);
      expect(r.status, q).to.equal(200);
      expect(xsdErrors(r.body, SCHEMA.wfs20), q).to.equal('');
    }
    const caps = await get(wfs, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body: '<GetCapabilities xmlns="http://www.opengis.net/wfs/2.0" service="WFS"><AcceptVersions xmlns="http://www.opengis.net/ows/1.1"><Version>2.0.0</Version></AcceptVersions></GetCapabilities>',
    });
    expect(xsdErrors(caps.body, SCHEMA.wfs20)).to.equal('');
    const dft = await get(wfs, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: '<wfs:DescribeFeatureType xmlns:wfs="http://www.opengis.net/wfs/2.0" service="WFS" version="2.0.0"><wfs:TypeName>dpupr:jalan</wfs:TypeName></wfs:DescribeFeatureType>',
    });
    expect(dft.body).to.include('name="jalan"');
    const hitsCsv = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dpupr:jalan&resultType=hits&outputFormat=csv`,
    );
    expect(num(hitsCsv.body, 'numberMatched')).to.equal(400);
    const old = await run('ogrinfo', ['-ro', '-so', `WFS:${wfs}?version=1.0.0`, 'dindik:sekolah']);
    expect(old).to.include('Feature Count: 300');
  });

  it('QGIS (offscreen) loads the layers through its WFS provider, 2.0.0 and 1.1.0, paged', async () => {
    const out = await run('/usr/bin/python3', [new URL('./qgis-wfs.py', import.meta.url).pathname, node.url], {
      QT_QPA_PLATFORM: 'offscreen',
    });
    expect(out).to.include('2.0.0 dindik:sekolah True 300 EPSG:4326 tangerang');
    expect(out).to.include('1.1.0 dpupr:jalan True 400 EPSG:4326 tangerang');
    expect(out).to.include('2.0.0 dpupr:penggunaan_lahan True 398 EPSG:4326 tangerang');
  });

  it('writes CSV, zipped Shapefile and GeoPackage that GDAL opens', async () => {
    const csv = await get(
      `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&outputFormat=csv&count=10`,
    );
    expect(csv.body.trim().split('\r\n')).to.have.length(11);
    for (const [fmt, ext] of [
      ['SHAPE-ZIP', 'zip'],
      ['application/geopackage+sqlite3', 'gpkg'],
    ]) {
      const r = await fetch(
        `${wfs}?service=WFS&version=2.0.0&request=GetFeature&typeNames=dpupr:jalan&outputFormat=${encodeURIComponent(fmt)}`,
      );
      expect(r.status).to.equal(200);
      const dir = mkdtempSync(`${tmpdir()}/simpul-wfs-ogr-`);
      writeFileSync(`${dir}/out.${ext}`, Buffer.from(await r.arrayBuffer()));
      const info = await run('ogrinfo', [
        '-ro',
        '-so',
        '-al',
        ext === 'zip' ? `/vsizip/${dir}/out.zip` : `${dir}/out.gpkg`,
      ]);
      expect(info, fmt).to.include('Feature Count: 400');
    }
  });
  it('answers a failure before the first byte with the exception report of the request version, without the reply headers', async () => {
    const db = node.ctx.db as { stream: unknown };
    const stream = db.stream;
    db.stream = async function* () {
      throw new Error('connection lost');
    };
    try {
      const r = await get(
        `${wfs}?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=dindik:sekolah&OUTPUTFORMAT=csv&MAXFEATURES=3`,
      );
      expect(r.status).to.equal(500);
      expect(r.headers.get('content-disposition')).to.equal(null);
      expect(r.type).to.contain('application/xml');
      expect(r.body)
        .to.contain('xmlns:ows="http://www.opengis.net/ows"')
        .and.contain('NoApplicableCode')
        .and.not.contain('connection lost');
    } finally {
      db.stream = stream;
    }
  });
});

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { testNode, get, type TestNode } from '../support/context.js';
import { xsdErrors, SCHEMA } from '../support/xsd.js';
import { SCHEMAS } from '../support/backend.js';

const run = async (cmd: string, args: string[], env: Record<string, string> = {}) =>
  (
    await promisify(execFile)(cmd, args, {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env },
    })
  ).stdout;
const EXC130 = `${SCHEMAS}/schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd`;
const DTD111 = `${SCHEMAS}/schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd`;
const EXC111 = `${SCHEMAS}/schemas.opengis.net/wms/1.1.1/WMS_exception_1_1_1.dtd`;

async function dtdErrors(xml: string, dtd: string): Promise<string> {
  const dir = mkdtempSync(`${tmpdir()}/simpul-dtd-`);
  // Drop the DOCTYPE so xmllint uses the local DTD, offline.
  writeFileSync(`${dir}/doc.xml`, xml.replace(/<!DOCTYPE[^>]*>/, ''));
  try {
    await run('xmllint', ['--nonet', '--noout', '--dtdvalid', dtd, `${dir}/doc.xml`]);
    return '';
  } catch (e: any) {
    return String(e.stderr || e.message);
  }
}

async function bytes(url: string) {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: Buffer.from(await r.arrayBuffer()) };
}

async function pixels(png: Buffer) {
  return sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
}

function distinct(data: Buffer): number {
  const s = new Set<number>();
  for (let i = 0; i < data.length; i += 4) s.add(data.readUInt32LE(i));
  return s.size;
}

describe('WMS 1.3.0 / 1.1.1', () => {
  let node: TestNode;
  let wms: string;
  before(async () => {
    node = await testNode({ serve: true });
    wms = `${node.url}/wms`;
  });
  after(async () => node.stop());

  it('serves schema-valid 1.3.0 and DTD-valid 1.1.1 capabilities with organisation groups, only visible layers, ETag/304', async () => {
    const r = await get(`${wms}?SERVICE=WMS&REQUEST=GetCapabilities`);
    expect(r.status).to.equal(200);
    expect(xsdErrors(r.body, SCHEMA.wms130sld)).to.equal('');
    expect(r.body)
      .to.include('<sld:GetLegendGraphic><Format>image/png</Format>')
      .and.include('<sld:UserDefinedSymbolization SupportSLD="1"');
    expect(r.body)
      .to.include('<Name>dindik:sekolah</Name>')
      .and.include('<CRS>EPSG:23834</CRS>')
      .and.include('<CRS>CRS:84</CRS>')
      .and.include('LegendURL');
    expect(r.body).not.to.include('dinsos:penerima_bantuan').and.not.to.include('bpkad:aset_tanah');
    // 1.3.0 EPSG:4326 box is latitude first.
    expect(r.body).to.match(/<BoundingBox CRS="EPSG:4326" minx="-6\.\d+" miny="106\.\d+"/);
    const again = await get(`${wms}?SERVICE=WMS&REQUEST=GetCapabilities`, {
      headers: { 'If-None-Match': r.headers.get('etag')! },
    });
    expect(again.status).to.equal(304);
    // Compressed once per cached document; a client without gzip gets the same document plain.
    expect(r.headers.get('content-encoding')).to.equal('gzip');
    const plain = await get(`${wms}?SERVICE=WMS&REQUEST=GetCapabilities`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).to.equal(null);
    expect(plain.headers.get('etag')).to.equal(r.headers.get('etag'));
    expect(plain.body).to.equal(r.body);
    const r111 = await get(`${node.url}/ows?service=wms&request=getcapabilities&version=1.1.1`);
    expect(await dtdErrors(r111.body, DTD111)).to.equal('');
    expect(r111.body).to.include('<LatLonBoundingBox minx="106.');
    const org = await get(`${wms}/dpupr?SERVICE=WMS&REQUEST=GetCapabilities`);
    expect(xsdErrors(org.body, SCHEMA.wms130sld)).to.equal('');
    expect(org.body).to.include('dpupr:jalan').and.not.include('dindik:sekolah');
    const ns = await get(`${wms}?SERVICE=WMS&REQUEST=GetCapabilities&NAMESPACE=dindik`);
    expect(ns.body).to.include('dindik:sekolah').and.not.include('dpupr:jalan');
  });

  it('GetMap: same picture for 1.3.0 lat/lon and 1.1.1 lon/lat; every format; several CRSs', async () => {
    const L = 'LAYERS=bappeda:batas_kelurahan,dpupr:jalan,dindik:sekolah&STYLES=,,';
    const a = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&${L}&CRS=EPSG:4326&BBOX=-6.3,106.55,-6.1,106.75&WIDTH=128&HEIGHT=128&FORMAT=image/png`,
    );
    const b = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&${L}&SRS=EPSG:4326&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=128&HEIGHT=128&FORMAT=image/png`,
    );
    const c = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&${L}&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=128&HEIGHT=128&FORMAT=image/png`,
    );
    expect(a.type).to.equal('image/png');
    expect(a.body.equals(b.body)).to.equal(true);
    expect(a.body.equals(c.body)).to.equal(true);
    expect(distinct((await pixels(a.body)).data)).to.be.greaterThan(5);
    // SRGI2013 geographic (EPSG:9470) is latitude first in 1.3.0 too, and draws the same as 1.1.1.
    const s13 = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&${L}&CRS=EPSG:9470&BBOX=-6.3,106.55,-6.1,106.75&WIDTH=128&HEIGHT=128&FORMAT=image/png`,
    );
    const s11 = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&${L}&SRS=EPSG:9470&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=128&HEIGHT=128&FORMAT=image/png`,
    );
    expect(s13.type).to.equal('image/png');
    expect(s13.body.equals(s11.body)).to.equal(true);
    expect(distinct((await pixels(s13.body)).data)).to.be.greaterThan(5);
    const utm = '660000,9303000,685000,9328000';
    for (const [crs, box] of [
      ['EPSG:3857', '11861000,-703000,11884000,-680000'],
      ['EPSG:32748', utm],
      ['EPSG:9488', utm],
      ['EPSG:23878', utm],
      ['EPSG:23834', '200000,800000,225000,825000'],
    ]) {
      const r = await bytes(
        `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&${L}&CRS=${crs}&BBOX=${box}&WIDTH=96&HEIGHT=96&FORMAT=image/png`,
      );
      expect(r.type, crs).to.equal('image/png');
      expect(distinct((await pixels(r.body)).data), crs).to.be.greaterThan(2);
    }
    for (const f of ['image/png; mode=8bit', 'image/jpeg', 'image/webp']) {
      const r = await bytes(
        `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&${L}&CRS=EPSG:4326&BBOX=-6.3,106.55,-6.1,106.75&WIDTH=64&HEIGHT=64&FORMAT=${encodeURIComponent(f)}&TRANSPARENT=TRUE`,
      );
      expect(r.type.startsWith(f.split(';')[0])).to.equal(true);
      expect((await sharp(r.body).metadata()).width).to.equal(64);
    }
  });

  it('GetMap honours SLD_BODY, BGCOLOR, TRANSPARENT and DPI', async () => {
    const sld = `<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"><NamedLayer><Name>bappeda:batas_kota</Name><UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer><Fill><CssParameter name="fill">#00ff00</CssParameter></Fill></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`;
    const r = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=bappeda:batas_kota&STYLES=&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png&BGCOLOR=0x0000FF&SLD_BODY=${encodeURIComponent(sld)}`,
    );
    const { data } = await pixels(r.body);
    const at = (x: number, y: number) => [...data.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4)];
    expect(at(32, 32).slice(0, 3)).to.deep.equal([0, 255, 0]);
    expect(at(0, 0)).to.deep.equal([0, 0, 255, 255]);
    const t = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dindik:sekolah&STYLES=&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png&TRANSPARENT=TRUE`,
    );
    const tp = await pixels(t.body);
    const lo = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dindik:sekolah&STYLES=&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png&TRANSPARENT=TRUE&DPI=180`,
    );
    const hi = await pixels(lo.body);
    const opaque = (d: Buffer) => {
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    };
    expect(tp.data[3]).to.equal(0);
    expect(opaque(hi.data)).to.be.greaterThan(opaque(tp.data));
    // MapServer's and GeoServer's spellings of the same thing draw the same picture.
    for (const q of ['MAP_RESOLUTION=180', 'FORMAT_OPTIONS=dpi:180']) {
      const other = await bytes(
        `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dindik:sekolah&STYLES=&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png&TRANSPARENT=TRUE&${q}`,
      );
      expect(other.body.equals(lo.body), q).to.equal(true);
    }
  });

  it('GetFeatureInfo finds a known feature in every format, I/J and X/Y', async () => {
    // The centre of a kelurahan polygon at 256 px.
    const base = `LAYERS=bappeda:batas_kecamatan&QUERY_LAYERS=bappeda:batas_kecamatan&STYLES=&WIDTH=256&HEIGHT=256&FEATURE_COUNT=5`;
    const j = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&${base}&CRS=EPSG:4326&BBOX=-6.3,106.55,-6.1,106.75&I=128&J=128&INFO_FORMAT=application/json`,
    );
    expect(j.status).to.equal(200);
    const fc = JSON.parse(j.body);
    expect(fc.features).to.have.length(1);
    expect(fc.features[0].properties).to.have.property('nama');
    const t = await get(
      `${wms}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&${base}&SRS=EPSG:4326&BBOX=106.55,-6.3,106.75,-6.1&X=128&Y=128&INFO_FORMAT=text/plain`,
    );
    expect(t.body).to.include(`nama = '${fc.features[0].properties.nama}'`);
    for (const f of ['text/html', 'application/geo+json', 'application/vnd.ogc.gml']) {
      const r = await get(
        `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&${base}&CRS=EPSG:4326&BBOX=-6.3,106.55,-6.1,106.75&I=128&J=128&INFO_FORMAT=${encodeURIComponent(f)}`,
      );
      expect(r.status).to.equal(200);
      expect(r.body, f).to.include(String(fc.features[0].properties.nama));
    }
    // A point within 5 px: find the first school, then click near it.
    const pts = JSON.parse(
      (
        await get(
          `${node.url}/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=dindik:sekolah&count=1&outputFormat=application/json`,
        )
      ).body,
    );
    const [lon, lat] = pts.features[0].geometry.coordinates;
    const p = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=dindik:sekolah&QUERY_LAYERS=dindik:sekolah&STYLES=&CRS=CRS:84&BBOX=${lon - 0.01},${lat - 0.01},${lon + 0.01},${lat + 0.01}&WIDTH=200&HEIGHT=200&I=102&J=97&INFO_FORMAT=application/json`,
    );
    expect(JSON.parse(p.body).features.length).to.be.greaterThan(0);
  });

  it('GetLegendGraphic draws the style rules', async () => {
    const r = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=dpupr:jalan&FORMAT=image/png&WIDTH=20&HEIGHT=20`,
    );
    expect(r.type).to.equal('image/png');
    const m = await sharp(r.body).metadata();
    expect(m.width).to.equal(20);
    expect(distinct((await pixels(r.body)).data)).to.be.greaterThan(1);
  });

  it('answers bad input with schema-valid exceptions, quickly', async () => {
    const cases: Array<[string, string]> = [
      ['LAYERS=nope:x&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png', 'LayerNotDefined'],
      [
        'LAYERS=dinsos:penerima_bantuan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png',
        'LayerNotDefined',
      ],
      ['LAYERS=dpupr:jalan&STYLES=nope&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png', 'StyleNotDefined'],
      ['LAYERS=dpupr:jalan&STYLES=&CRS=EPSG:99999&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png', 'InvalidCRS'],
      ['LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/gif', 'InvalidFormat'],
      [
        'LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=NaN,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png',
        'InvalidParameterValue',
      ],
      [
        'LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=2,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png',
        'InvalidParameterValue',
      ],
      [
        'LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=100000&HEIGHT=10&FORMAT=image/png',
        'InvalidParameterValue',
      ],
      ['LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&FORMAT=image/png', 'MissingParameterValue'],
      [
        'LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png&SLD_BODY=%3CStyledLayerDescriptor%3E%3Cbroken',
        'InvalidParameterValue',
      ],
      [
        'LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png&SLD_BODY=' +
          encodeURIComponent(
            '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><StyledLayerDescriptor>&e;</StyledLayerDescriptor>',
          ),
        'InvalidParameterValue',
      ],
      [
        'LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png&SLD=http://example.com/x.sld',
        'InvalidParameterValue',
      ],
    ];
    for (const [q, code] of cases) {
      const t0 = Date.now();
      const r = await get(`${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&${q}`);
      expect(Date.now() - t0, q).to.be.below(2000);
      expect(r.status, q).to.be.below(500);
      expect(r.body, q).to.include(`code="${code}"`);
      expect(xsdErrors(r.body, EXC130), q).to.equal('');
    }
    const gfi = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=dpupr:jalan&QUERY_LAYERS=dindik:sekolah&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&I=1&J=1`,
    );
    expect(gfi.body).to.include('code="LayerNotQueryable"');
    const pt = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=dpupr:jalan&QUERY_LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&I=50&J=1`,
    );
    expect(pt.body).to.include('code="InvalidPoint"');
    const old = await get(
      `${wms}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=nope&STYLES=&SRS=EPSG:4326&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png`,
    );
    expect(old.body).to.include('LayerNotDefined');
    expect(await dtdErrors(old.body, EXC111)).to.equal('');
    const srs = await get(
      `${wms}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=dpupr:jalan&STYLES=&SRS=EPSG:1&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png`,
    );
    expect(srs.body).to.include('code="InvalidSRS"');
    const inimage = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nope&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=100&HEIGHT=50&FORMAT=image/png&EXCEPTIONS=INIMAGE`,
    );
    expect(inimage.type).to.equal('image/png');
    const blank = await bytes(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nope&STYLES=&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=100&HEIGHT=50&FORMAT=image/png&EXCEPTIONS=BLANK&TRANSPARENT=TRUE`,
    );
    expect(distinct((await pixels(blank.body)).data)).to.equal(1);
    expect((await get(`${node.url}/health`)).status).to.equal(200);
  });

  it('works with OWSLib (1.1.1 and 1.3.0), GDAL (both versions give the same image) and QGIS', async function () {
    this.timeout(180_000);
    const dir = mkdtempSync(`${tmpdir()}/simpul-wms-clients-`);
    const py = `
from owslib.wms import WebMapService
for v in ('1.1.1', '1.3.0'):
    w = WebMapService('${wms}', version=v)
    assert 'dpupr:jalan' in w.contents, v
    img = w.getmap(layers=['dpupr:jalan'], styles=[''], srs='EPSG:4326', bbox=(106.55, -6.3, 106.75, -6.1), size=(64, 64), format='image/png')
    data = img.read()
    assert data[:4] == b'\\x89PNG', (v, data[:200])
print('ok')
`;
    writeFileSync(`${dir}/wms_client.py`, py);
    expect((await run('/usr/bin/python3', [`${dir}/wms_client.py`])).trim()).to.equal('ok');
    const gdal = async (v: string, crs: string, box: string, out: string) => {
      const xml = `<GDAL_WMS><Service name="WMS"><Version>${v}</Version><ServerUrl>${wms}?</ServerUrl><Layers>bappeda:batas_kecamatan</Layers><${v === '1.3.0' ? 'CRS' : 'SRS'}>${crs}</${v === '1.3.0' ? 'CRS' : 'SRS'}><ImageFormat>image/png</ImageFormat>${v === '1.3.0' && crs === 'EPSG:4326' ? '<BBoxOrder>yxYX</BBoxOrder>' : ''}</Service>
<DataWindow>${box}<SizeX>128</SizeX><SizeY>128</SizeY></DataWindow><BlockSizeX>128</BlockSizeX><BlockSizeY>128</BlockSizeY><BandsCount>4</BandsCount></GDAL_WMS>`;
      writeFileSync(`${dir}/${out}.xml`, xml);
      await run('gdal_translate', ['-q', '-of', 'PNG', `${dir}/${out}.xml`, `${dir}/${out}.png`], {
        GDAL_HTTP_TIMEOUT: '30',
      });
      return readFileSync(`${dir}/${out}.png`);
    };
    // GDAL sends 1.3.0 EPSG:4326 boxes lon/lat unless told the axis order (BBoxOrder yxYX).
    const box =
      '<UpperLeftX>106.55</UpperLeftX><UpperLeftY>-6.1</UpperLeftY><LowerRightX>106.75</LowerRightX><LowerRightY>-6.3</LowerRightY>';
    const g111 = await pixels(await gdal('1.1.1', 'EPSG:4326', box, 'a'));
    const g130 = await pixels(await gdal('1.3.0', 'EPSG:4326', box, 'b'));
    expect(g111.data.equals(g130.data)).to.equal(true);
    expect(distinct(g111.data)).to.be.greaterThan(2);
    const m = await pixels(
      await gdal(
        '1.3.0',
        'EPSG:3857',
        '<UpperLeftX>11861000</UpperLeftX><UpperLeftY>-680000</UpperLeftY><LowerRightX>11884000</LowerRightX><LowerRightY>-703000</LowerRightY>',
        'c',
      ),
    );
    expect(distinct(m.data)).to.be.greaterThan(2);
    const qgis = `
import sys
from qgis.core import QgsApplication, QgsRasterLayer, QgsMapSettings, QgsMapRendererSequentialJob, QgsRectangle, QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QSize
app = QgsApplication([], False); app.initQgis()
l = QgsRasterLayer('crs=EPSG:4326&format=image/png&layers=bappeda:batas_kecamatan&styles=&url=${wms}', 'x', 'wms')
assert l.isValid(), l.error().message()
s = QgsMapSettings(); s.setLayers([l]); s.setOutputSize(QSize(128, 128)); s.setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4326'))
s.setExtent(QgsRectangle(106.55, -6.3, 106.75, -6.1))
j = QgsMapRendererSequentialJob(s); j.start(); j.waitForFinished()
img = j.renderedImage()
colours = set(img.pixel(x, y) for x in range(0, 128, 4) for y in range(0, 128, 4))
print('ok' if len(colours) > 2 else 'blank')
`;
    writeFileSync(`${dir}/render_in_qgis.py`, qgis);
    const out = await run('/usr/bin/python3', [`${dir}/render_in_qgis.py`], { QT_QPA_PLATFORM: 'offscreen' });
    expect(out.trim().split('\n').pop()).to.equal('ok');
  });
});

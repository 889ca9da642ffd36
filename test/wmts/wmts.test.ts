import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { testNode, get, type TestNode } from '../support/context.js';
import { SCHEMA, xsdErrors } from '../support/xsd.js';
import { CITY, decodeMvt, fetchBytes, tileOf } from '../tiles/helpers.js';
import { putStyle } from '../../data/styles/store.js';
import { tileBounds, WEB_MERCATOR } from '../../tiles/matrix-sets.js';

/** Largest per-channel difference of two images of the same size (RGBA). */
async function maxPixelDiff(a: Uint8Array | string, b: Uint8Array | string): Promise<number> {
  const [ra, rb] = await Promise.all(
    [a, b].map((x) => sharp(x).ensureAlpha().raw().toBuffer({ resolveWithObject: true })),
  );
  expect([ra.info.width, ra.info.height]).to.deep.equal([rb.info.width, rb.info.height]);
  let max = 0;
  for (let i = 0; i < ra.data.length; i++) max = Math.max(max, Math.abs(ra.data[i] - rb.data[i]));
  return max;
}

const RED_SLD = `<?xml version="1.0"?>
<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se">
 <NamedLayer><se:Name>bappeda:batas_kecamatan</se:Name><UserStyle><se:Name>merah</se:Name><se:FeatureTypeStyle>
  <se:Rule><se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">#ff0000</se:SvgParameter></se:Fill></se:PolygonSymbolizer></se:Rule>
 </se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`;

/** Runs a client in another process without blocking this one (the server answers it). */
const run = async (cmd: string, args: string[], env?: NodeJS.ProcessEnv) =>
  (
    await promisify(execFile)(cmd, args, {
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, GDAL_DEFAULT_WMS_CACHE_PATH: `${tmpdir()}/simpul-gdalwmscache`, ...env },
    })
  ).stdout;

describe('WMTS 1.0.0', () => {
  let node: TestNode;
  const t = tileOf(CITY.lon, CITY.lat, 12);
  before(async () => {
    node = await testNode({ serve: true });
  });
  after(async () => node.stop());

  it('capabilities are schema-valid, list visible layers only, in KVP, /ows and REST', async () => {
    const a = await get(`${node.url}/wmts?SERVICE=WMTS&REQUEST=GetCapabilities`);
    expect(a.status).to.equal(200);
    expect(xsdErrors(a.body, SCHEMA.wmts10)).to.equal('');
    expect(a.body).to.contain('<ows:Identifier>bappeda:batas_kelurahan</ows:Identifier>');
    expect(a.body).to.not.contain('dinsos:penerima_bantuan');
    expect(a.body).to.not.contain('bpkad:aset_tanah');
    for (const id of ['WebMercatorQuad', 'WorldCRS84Quad', 'WGS84Quad', 'UTM48SKotaTangerang'])
      expect(a.body).to.contain(`<ows:Identifier>${id}</ows:Identifier>`);
    // EPSG:4326 as a URN is latitude first; CRS84 longitude first.
    expect(a.body).to.match(
      /urn:ogc:def:crs:EPSG::4326<\/ows:SupportedCRS>(<TileMatrix><ows:Identifier>0<\/ows:Identifier><ScaleDenominator>[\d.]+<\/ScaleDenominator><TopLeftCorner>90 -180<\/TopLeftCorner>)/,
    );
    expect(a.body).to.match(
      /urn:ogc:def:crs:OGC:1.3:CRS84<\/ows:SupportedCRS><WellKnownScaleSet>[^<]+<\/WellKnownScaleSet><TileMatrix><ows:Identifier>0<\/ows:Identifier><ScaleDenominator>[\d.]+<\/ScaleDenominator><TopLeftCorner>-180 90</,
    );
    const b = await get(`${node.url}/ows?SERVICE=WMTS&REQUEST=GetCapabilities`);
    expect(b.body).to.equal(a.body);
    const c = await get(`${node.url}/wmts/1.0.0/WMTSCapabilities.xml`);
    expect(c.status).to.equal(200);
    expect(xsdErrors(c.body, SCHEMA.wmts10)).to.equal('');
  });

  it('GetTile in KVP and REST: PNG, JPEG, WebP and vector tiles', async () => {
    const kvp = (fmt: string, layer = 'bappeda:batas_kecamatan') =>
      `${node.url}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&FORMAT=${encodeURIComponent(fmt)}&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=${t.z}&TILEROW=${t.y}&TILECOL=${t.x}`;
    for (const [fmt, sharpFormat] of [
      ['image/png', 'png'],
      ['image/jpeg', 'jpeg'],
      ['image/webp', 'webp'],
    ]) {
      const r = await fetchBytes(kvp(fmt));
      expect(r.status, fmt).to.equal(200);
      expect(r.headers.get('content-type')).to.equal(fmt);
      const meta = await sharp(r.body).metadata();
      expect(meta.format).to.equal(sharpFormat);
      expect([meta.width, meta.height]).to.deep.equal([256, 256]);
    }
    const png = await fetchBytes(kvp('image/png'));
    const stats = await sharp(png.body).stats();
    expect(stats.channels[3].max, 'something drawn').to.equal(255);
    const mvt = await fetchBytes(kvp('application/vnd.mapbox-vector-tile'));
    expect(Object.keys(decodeMvt(mvt.body))).to.deep.equal(['bappeda:batas_kecamatan']);
    const rest = await fetchBytes(
      `${node.url}/wmts/1.0.0/bappeda:batas_kecamatan/default/WebMercatorQuad/${t.z}/${t.y}/${t.x}.png`,
    );
    expect(rest.status).to.equal(200);
    expect(Buffer.from(rest.body).equals(Buffer.from(png.body))).to.equal(true);
    const utm = await fetchBytes(
      `${node.url}/wmts/1.0.0/bappeda:batas_kecamatan/default/UTM48SKotaTangerang/0/0/0.pbf`,
    );
    expect(utm.status).to.equal(200);
    expect(decodeMvt(utm.body)['bappeda:batas_kecamatan'].length).to.equal(13);
  });

  it('GetFeatureInfo returns the kelurahan under the pixel', async () => {
    const r = await get(
      `${node.url}/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=bappeda:batas_kelurahan&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=${t.z}&TILEROW=${t.y}&TILECOL=${t.x}&I=128&J=128&INFOFORMAT=application/json`,
    );
    expect(r.status).to.equal(200);
    const j = JSON.parse(r.body);
    expect(j.features.length).to.be.greaterThan(0);
    expect(j.features[0].properties).to.have.keys(['layer', 'kode', 'nama']);
    const rest = await get(
      `${node.url}/wmts/1.0.0/bappeda:batas_kelurahan/default/WebMercatorQuad/${t.z}/${t.y}/${t.x}/128/128.html`,
    );
    expect(rest.status).to.equal(200);
    expect(rest.body).to.contain(j.features[0].properties.nama);
  });

  it('answers bad requests with OWS 1.1 exception reports', async () => {
    const base = `${node.url}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad`;
    const cases: Array<[string, number, string]> = [
      [`${base}&LAYER=bappeda:batas_kota&TILEMATRIX=3&TILEROW=99&TILECOL=0`, 400, 'TileOutOfRange'],
      [`${base}&LAYER=bappeda:batas_kota&TILEMATRIX=3&TILEROW=0&TILECOL=8`, 400, 'TileOutOfRange'],
      [`${base}&LAYER=bappeda:batas_kota&TILEMATRIX=99&TILEROW=0&TILECOL=0`, 400, 'InvalidParameterValue'],
      [`${base}&LAYER=bappeda:batas_kota&TILEMATRIX=3&TILEROW=x&TILECOL=0`, 400, 'InvalidParameterValue'],
      [`${base}&LAYER=dinsos:penerima_bantuan&TILEMATRIX=3&TILEROW=0&TILECOL=0`, 400, 'InvalidParameterValue'],
      [`${base}&LAYER=bappeda:batas_kota&TILEMATRIX=3&TILEROW=0`, 400, 'MissingParameterValue'],
      [
        `${node.url}/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=bappeda:batas_kota&STYLE=default&FORMAT=image/gif&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=0&TILEROW=0&TILECOL=0`,
        400,
        'InvalidParameterValue',
      ],
      [
        `${node.url}/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=bappeda:batas_kota&STYLE=default&FORMAT=image/png&TILEMATRIXSET=Nope&TILEMATRIX=0&TILEROW=0&TILECOL=0`,
        400,
        'InvalidParameterValue',
      ],
      [`${node.url}/wmts?SERVICE=WMTS&REQUEST=Dance`, 400, 'OperationNotSupported'],
      [`${node.url}/wmts/1.0.0/bappeda:batas_kota/default/WebMercatorQuad/3/0/99.png`, 400, 'TileOutOfRange'],
      [`${node.url}/wmts/1.0.0/bappeda:batas_kota/default/WebMercatorQuad/3/0/0.gif`, 404, 'InvalidParameterValue'],
      [`${node.url}/wmts/1.0.0/nothing`, 404, 'InvalidParameterValue'],
      // Extensions that are names of Object's own properties are unknown formats, not faults.
      [
        `${node.url}/wmts/1.0.0/bappeda:batas_kota/default/WebMercatorQuad/3/0/0.constructor`,
        404,
        'InvalidParameterValue',
      ],
      [
        `${node.url}/wmts/1.0.0/bappeda:batas_kota/default/WebMercatorQuad/3/0/0/1/1.toString`,
        404,
        'InvalidParameterValue',
      ],
    ];
    for (const [u, status, code] of cases) {
      const r = await get(u);
      expect(r.status, u).to.equal(status);
      expect(r.body, u).to.contain(`exceptionCode="${code}"`);
      expect(xsdErrors(r.body, SCHEMA.ows110), u).to.equal('');
    }
  });

  it('answers the bare /wmts (GDAL) and QGIS’s SERVICE=WMS GetCapabilities with the WMTS capabilities; WMTS requests keep their exceptions', async () => {
    const real = await get(`${node.url}/wmts?SERVICE=WMTS&REQUEST=GetCapabilities`);
    for (const u of [
      `${node.url}/wmts`,
      `${node.url}/wmts?`,
      `${node.url}/wmts?SERVICE=WMS&REQUEST=GetCapabilities`,
      `${node.url}/wmts?service=wms&version=1.3.0&request=GetCapabilities`,
    ]) {
      const r = await get(u);
      expect(r.status, u).to.equal(200);
      expect(r.type, u).to.contain('xml');
      expect(r.body, u).to.equal(real.body);
      expect(xsdErrors(r.body, SCHEMA.wmts10), u).to.equal('');
    }
    const head = await fetch(`${node.url}/wmts`, { method: 'HEAD' });
    expect(head.status).to.equal(200);
    const cases: Array<[string, RequestInit | undefined, string]> = [
      [`${node.url}/wmts?SERVICE=WMTS`, undefined, 'MissingParameterValue'],
      [`${node.url}/wmts?LAYER=bappeda:batas_kota`, undefined, 'MissingParameterValue'],
      [`${node.url}/wmts?SERVICE=WMS&REQUEST=GetMap&LAYERS=bappeda:batas_kota`, undefined, 'InvalidParameterValue'],
      [`${node.url}/wmts?SERVICE=WMS`, undefined, 'InvalidParameterValue'],
      [
        `${node.url}/wmts`,
        { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' },
        'MissingParameterValue',
      ],
    ];
    for (const [u, init, code] of cases) {
      const r = await get(u, init);
      expect(r.status, u).to.equal(400);
      expect(r.body, u).to.contain(`exceptionCode="${code}"`);
      expect(xsdErrors(r.body, SCHEMA.ows110), u).to.equal('');
    }
  });

  it('GDAL reads the WMTS (raster) and its vector tiles (MVT driver)', async () => {
    const dir = mkdtempSync(`${tmpdir()}/simpul-wmts-`);
    const info = await run('gdalinfo', [
      `WMTS:${node.url}/wmts/1.0.0/WMTSCapabilities.xml,layer=bappeda:batas_kecamatan,tilematrixset=WebMercatorQuad`,
    ]);
    expect(info).to.contain('Driver: WMTS');
    expect(info).to.match(/Size is \d+, \d+/);
    await run('gdal_translate', [
      '-q',
      '-of',
      'PNG',
      '-outsize',
      '256',
      '0',
      `WMTS:${node.url}/wmts/1.0.0/WMTSCapabilities.xml,layer=bappeda:batas_kecamatan,tilematrixset=WebMercatorQuad,zoom_level=12`,
      `${dir}/out.png`,
    ]);
    const st = await sharp(`${dir}/out.png`).stats();
    expect(
      st.channels.some((c) => c.max > c.min),
      'GDAL mosaic is not blank',
    ).to.equal(true);
    const tile = await fetchBytes(`${node.url}/tiles/bappeda:batas_kecamatan/${t.z}/${t.x}/${t.y}.pbf`);
    writeFileSync(`${dir}/${t.y}.pbf`, tile.body);
    const mvt = await run('ogrinfo', [
      '-ro',
      '-al',
      '-so',
      `${dir}/${t.y}.pbf`,
      '-oo',
      `X=${t.x}`,
      '-oo',
      `Y=${t.y}`,
      '-oo',
      `Z=${t.z}`,
    ]);
    expect(mvt).to.contain('Layer name: bappeda:batas_kecamatan');
    expect(mvt).to.match(/Feature Count: [1-9]/);
    expect(mvt).to.contain('nama: String');
  });

  it('OWSLib WebMapTileService reads the capabilities and fetches a tile', async () => {
    const py = `
from owslib.wmts import WebMapTileService
w = WebMapTileService("${node.url}/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")
assert "bappeda:batas_kelurahan" in w.contents, list(w.contents)
assert "dinsos:penerima_bantuan" not in w.contents
assert "WebMercatorQuad" in w.tilematrixsets
assert "UTM48SKotaTangerang" in w.tilematrixsets
img = w.gettile(layer="bappeda:batas_kelurahan", tilematrixset="WebMercatorQuad", tilematrix="${t.z}", row=${t.y}, column=${t.x}, format="image/png", style="default")
data = img.read()
assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n", data[:20]
print("ok", len(w.contents))
`;
    const out = await run('/usr/bin/python3', ['-c', py]);
    expect(out).to.match(/^ok \d+/);
  });

  const wmsOfTile = (style = '') => {
    const b = tileBounds(WEB_MERCATOR.matrices[t.z], t.x, t.y);
    return `${node.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=bappeda:batas_kecamatan&STYLES=${style}&CRS=EPSG:3857&BBOX=${b.join(',')}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE`;
  };

  it('a tile is the WMS GetMap of the same box, read directly and through GDAL', async () => {
    const tile = await fetchBytes(
      `${node.url}/wmts/1.0.0/bappeda:batas_kecamatan/default/WebMercatorQuad/${t.z}/${t.y}/${t.x}.png`,
    );
    const wms = await fetchBytes(wmsOfTile());
    expect(wms.status).to.equal(200);
    expect(await maxPixelDiff(tile.body, wms.body)).to.equal(0);
    // GDAL's WMTS driver, cut to exactly that tile at its zoom level.
    const dir = mkdtempSync(`${tmpdir()}/simpul-wmts-`);
    const b = tileBounds(WEB_MERCATOR.matrices[t.z], t.x, t.y);
    await run('gdal_translate', [
      '-q',
      '-of',
      'PNG',
      '-projwin',
      String(b[0]),
      String(b[3]),
      String(b[2]),
      String(b[1]),
      `WMTS:${node.url}/wmts/1.0.0/WMTSCapabilities.xml,layer=bappeda:batas_kecamatan,tilematrixset=WebMercatorQuad,zoom_level=${t.z}`,
      `${dir}/gdal.png`,
    ]);
    writeFileSync(`${dir}/wms.png`, wms.body);
    expect(await maxPixelDiff(`${dir}/gdal.png`, `${dir}/wms.png`)).to.equal(0);
  });

  it('capabilities carry an ETag (304), list stored styles, and GetTile and XYZ ?style= draw with them', async () => {
    const a = await fetch(`${node.url}/wmts/1.0.0/WMTSCapabilities.xml`);
    const etag = a.headers.get('etag')!;
    expect(etag).to.match(/^".+"$/);
    expect(
      (await fetch(`${node.url}/wmts/1.0.0/WMTSCapabilities.xml`, { headers: { 'If-None-Match': etag } })).status,
    ).to.equal(304);
    const layer = node.ctx.catalogue.unguardedGet('bappeda:batas_kecamatan')!;
    await putStyle(node.ctx.db, layer, { name: 'merah', title: 'Merah', sld: RED_SLD, isDefault: false });
    await node.ctx.catalogue.reload();
    const caps = await fetch(`${node.url}/wmts?SERVICE=WMTS&REQUEST=GetCapabilities`, {
      headers: { 'If-None-Match': etag },
    });
    expect(caps.status, 'a new style is a new document').to.equal(200);
    const xml = await caps.text();
    expect(xsdErrors(xml, SCHEMA.wmts10)).to.equal('');
    expect(xml).to.match(
      /<ows:Identifier>bappeda:batas_kecamatan<\/ows:Identifier><Style isDefault="true"><ows:Title>Default<\/ows:Title><ows:Identifier>default<\/ows:Identifier><\/Style><Style><ows:Title>Merah<\/ows:Title><ows:Identifier>merah<\/ows:Identifier>/,
    );
    const kvp = (style: string) =>
      `${node.url}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=bappeda:batas_kecamatan&STYLE=${style}&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=${t.z}&TILEROW=${t.y}&TILECOL=${t.x}`;
    const red = await fetchBytes(kvp('merah'));
    expect(red.status).to.equal(200);
    expect(await maxPixelDiff(red.body, (await fetchBytes(wmsOfTile('merah'))).body)).to.equal(0);
    expect(await maxPixelDiff(red.body, (await fetchBytes(kvp('default'))).body)).to.be.greaterThan(0);
    // XYZ picture tiles take the same stored style by ?style=, and TileJSON keeps it in its URL.
    const xyzRed = await fetchBytes(`${node.url}/tiles/bappeda:batas_kecamatan/${t.z}/${t.x}/${t.y}.png?style=merah`);
    expect(xyzRed.status).to.equal(200);
    expect(await maxPixelDiff(xyzRed.body, red.body)).to.equal(0);
    const tj = JSON.parse((await get(`${node.url}/tiles/bappeda:batas_kecamatan.json?format=png&style=merah`)).body);
    expect(tj.tiles[0]).to.match(/\{y\}\.png\?style=merah$/);
    const noStyle = await get(`${node.url}/tiles/bappeda:batas_kecamatan/${t.z}/${t.x}/${t.y}.png?style=biru`);
    expect(noStyle.status).to.equal(400);
    expect(JSON.parse(noStyle.body).code).to.equal('StyleNotDefined');
    // A new default style is never answered from the cache (styleVersion is in the key).
    const xyz = `${node.url}/tiles/bappeda:batas_kecamatan/${t.z}/${t.x}/${t.y}.png`;
    const before = await fetchBytes(xyz);
    await putStyle(node.ctx.db, layer, { name: 'merah', title: 'Merah', sld: RED_SLD, isDefault: true });
    await node.ctx.catalogue.reload();
    const after = await fetchBytes(xyz);
    expect(after.headers.get('etag')).to.not.equal(before.headers.get('etag'));
    expect(await maxPixelDiff(after.body, red.body)).to.equal(0);
    const bad = await get(kvp('biru'));
    expect(bad.status).to.equal(400);
    expect(bad.body).to.contain('exceptionCode="InvalidParameterValue"');
  });
});

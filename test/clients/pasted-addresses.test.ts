import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { testNode, get, type TestNode } from '../support/context.js';
import { addMultiLayers, MULTI_LAYERS } from '../wfs/multi-layers.js';
import { CITY, tileOf } from '../tiles/helpers.js';

/** Runs a client in another process without blocking this one (the server answers it). */
const run = async (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  (
    await promisify(execFile)(cmd, args, {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, GDAL_ENABLE_WMS_CACHE: 'NO', ...env },
    })
  ).stdout;

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The addresses the home page shows, by service and client, exactly as written there. */
function addressesOf(html: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const m of html.matchAll(/<code data-service="([^"]+)" data-client="([^"]+)">([^<]*)<\/code>/g))
    (out[m[1]] ??= {})[m[2]] = unescape(m[3]);
  return out;
}

const OWSLIB = `
import json, sys
from owslib.wfs import WebFeatureService
from owslib.wms import WebMapService
from owslib.wmts import WebMapTileService
from owslib.csw import CatalogueServiceWeb
a = json.loads(sys.argv[1])
for v in ('1.0.0', '1.1.0', '2.0.0'):
    w = WebFeatureService(a['wfs'], version=v)
    r = w.getfeature(typename=['dpupr:jalan'], maxfeatures=3, outputFormat='application/json')
    print('wfs', v, len(w.contents), 'dpupr:jalan' in w.contents, len(json.loads(r.read())['features']))
for v in ('1.1.1', '1.3.0'):
    w = WebMapService(a['wms'], version=v)
    img = w.getmap(layers=['bappeda:batas_kecamatan'], srs='EPSG:4326', bbox=(106.55, -6.26, 106.75, -6.09), size=(64, 64), format='image/png')
    print('wms', v, 'bappeda:batas_kecamatan' in w.contents, img.read()[:4] == b'\\x89PNG')
for key in ('wmts', 'wmts_rest'):
    w = WebMapTileService(a[key])
    t = w.gettile(layer='bappeda:batas_kecamatan', tilematrixset='WebMercatorQuad', tilematrix=str(a['tile']['z']), row=a['tile']['y'], column=a['tile']['x'], format='image/png')
    print(key, 'bappeda:batas_kecamatan' in w.contents, 'WebMercatorQuad' in w.tilematrixsets, t.read()[:4] == b'\\x89PNG')
c = CatalogueServiceWeb(a['csw'])
c.getrecords2(maxrecords=5)
print('csw', c.results['matches'] > 0, len(c.records))
`;

/** The home page's addresses pasted exactly as shown into GDAL/OGR, OWSLib and QGIS. */
describe('clients: the addresses on the home page work when pasted', () => {
  let node: TestNode;
  let a: Record<string, Record<string, string>>;
  before(async () => {
    node = await testNode({ serve: true });
    await addMultiLayers(node);
    const home = await get(`${node.url}/`);
    expect(home.status).to.equal(200);
    a = addressesOf(home.body);
  });
  after(async () => node.stop());

  it('shows an address for each client, from the node’s own base URL', () => {
    const base = node.url;
    expect(a.wms).to.deep.equal({ qgis: `${base}/wms`, arcgis: `${base}/wms`, gdal: `WMS:${base}/wms` });
    expect(a.wmts).to.deep.equal({
      qgis: `${base}/wmts`,
      arcgis: `${base}/wmts/1.0.0/WMTSCapabilities.xml`,
      gdal: `WMTS:${base}/wmts/1.0.0/WMTSCapabilities.xml`,
    });
    expect(a.wfs).to.deep.equal({ qgis: `${base}/wfs`, arcgis: `${base}/wfs`, gdal: `WFS:${base}/wfs` });
    expect(a.csw).to.deep.equal({ qgis: `${base}/csw`, other: `${base}/csw` });
    expect(a.ogcapi.gdal).to.equal(`OAPIF:${base}/ogcapi`);
  });

  it('GDAL: gdalinfo lists WMS and WMTS layers (the WMTS address also as QGIS’s), gdal_translate fetches tiles, ogrinfo lists WFS and OGC API layers with simple types', async () => {
    const wms = await run('gdalinfo', [a.wms.gdal]);
    expect(wms)
      .to.include('Driver: WMS')
      .and.match(/SUBDATASET_\d+_NAME=WMS:.*LAYERS=bappeda%3Abatas_kecamatan/);
    for (const address of [a.wmts.gdal, `WMTS:${a.wmts.qgis}`]) {
      const info = await run('gdalinfo', [address]);
      expect(info, address)
        .to.include('Driver: WMTS')
        .and.include(`SUBDATASET_1_NAME=${address},layer=bappeda:batas_kecamatan,tilematrixset=WebMercatorQuad`);
    }
    const dir = mkdtempSync(`${tmpdir()}/simpul-pasted-`);
    for (const [i, address] of [a.wmts.gdal, `WMTS:${a.wmts.qgis}`].entries()) {
      const out = `${dir}/city-${i}.png`;
      await run('gdal_translate', [
        '-q',
        '-of',
        'PNG',
        '-outsize',
        '256',
        '0',
        '-projwin',
        '11861000',
        '-681000',
        '11884000',
        '-704000',
        `${address},layer=bappeda:batas_kecamatan,tilematrixset=WebMercatorQuad`,
        out,
      ]);
      const st = await sharp(out).stats();
      expect(
        st.channels.some((c) => c.max > c.min),
        `${address}: GDAL mosaic is not blank`,
      ).to.equal(true);
    }
    const wfs = await run('ogrinfo', ['-ro', '-so', a.wfs.gdal]);
    expect(wfs).to.include('dpupr:jalan (title: Jaringan Jalan Kota Tangerang) (Line String)');
    expect(wfs).to.include('bappeda:batas_kecamatan (title: Batas Kecamatan Kota Tangerang) (Polygon)');
    expect(wfs).to.include(`${MULTI_LAYERS.polygons} (title: persil_multi) (Multi Polygon)`);
    expect(wfs).to.include(`${MULTI_LAYERS.lines} (title: jalan_multi) (Multi Line String)`);
    expect(wfs).not.to.match(/Curve|Surface/);
    const jalan = await run('ogrinfo', ['-ro', '-so', a.wfs.gdal, 'dpupr:jalan']);
    expect(jalan).to.include('Feature Count: 400');
    const oapif = await run('ogrinfo', ['-ro', '-so', a.ogcapi.gdal]);
    expect(oapif).to.include('bappeda:batas_kecamatan').and.include('dpupr:jalan');
  });

  it('OWSLib: WFS 1.0.0, 1.1.0 and 2.0.0, WMS 1.1.1 and 1.3.0, WMTS (both addresses) and CSW 2.0.2', async () => {
    const given = {
      wfs: a.wfs.arcgis,
      wms: a.wms.arcgis,
      wmts: a.wmts.qgis,
      wmts_rest: a.wmts.arcgis,
      csw: a.csw.other,
      tile: tileOf(CITY.lon, CITY.lat, 12),
    };
    const out = await run('/usr/bin/python3', ['-c', OWSLIB, JSON.stringify(given)]);
    for (const v of ['1.0.0', '1.1.0', '2.0.0'])
      expect(out, out).to.match(new RegExp(`^wfs ${v.replace(/\./g, '\\.')} 10 True 3$`, 'm'));
    expect(out).to.include('wms 1.1.1 True True').and.include('wms 1.3.0 True True');
    expect(out).to.include('wmts True True True').and.include('wmts_rest True True True');
    expect(out).to.match(/^csw True [1-5]$/m);
  });

  it('QGIS: a WMTS and a WMS layer from the “WMS/WMTS” address draw; WFS layers are valid with Polygon/LineString types', async () => {
    const names = ['dpupr:jalan', 'dpupr:penggunaan_lahan', MULTI_LAYERS.polygons, MULTI_LAYERS.lines];
    const out = await run(
      '/usr/bin/python3',
      [new URL('./qgis-pasted.py', import.meta.url).pathname, a.wms.qgis, a.wmts.qgis, a.wfs.qgis, ...names],
      { QT_QPA_PLATFORM: 'offscreen' },
    );
    for (const kind of ['wmts', 'wms']) {
      const m = new RegExp(`^${kind} True (\\d+)$`, 'm').exec(out);
      expect(m, `${kind}: ${out}`).to.not.equal(null);
      expect(Number(m![1]), `${kind} pixels drawn`).to.be.greaterThan(50);
    }
    const want: Record<string, string> = {
      'dpupr:jalan': 'LineString 400',
      'dpupr:penggunaan_lahan': 'Polygon 398',
      [MULTI_LAYERS.polygons]: 'MultiPolygon 2',
      [MULTI_LAYERS.lines]: 'MultiLineString 2',
    };
    for (const v of ['2.0.0', '1.1.0', '1.0.0']) {
      for (const [name, typeAndCount] of Object.entries(want))
        expect(out, out).to.include(`wfs ${v} ${name} True ${typeAndCount} tangerang`);
    }
  });
});

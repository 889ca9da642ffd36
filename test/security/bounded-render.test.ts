/** Issue #15, findings 4 and 5 and the render time limit: map requests that once took gigabytes
 *  and minutes are refused before any query or drawing, with a clear WMS exception, while the
 *  node keeps answering /health and gives its memory back; legends say who may cache them. */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { addUser, issueToken } from '../../data/users.js';
import { testNode, get, type TestNode } from '../support/context.js';
import { xsdErrors } from '../support/xsd.js';
import { SCHEMAS } from '../support/backend.js';

const EXC130 = `${SCHEMAS}/schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd`;
const MB = 1024 * 1024;
const BOX = 'CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1';
const GOVERNMENT = 'bpkad:aset_tanah';

/** A PNG whose header declares `w` × `h` pixels over a few hundred bytes of compressed zeros. */
function pngBomb(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(256 * 1024), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const sld = (
  layer: string,
  symbolizer: string,
  rules = 1,
) => `<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink">
<NamedLayer><Name>${layer}</Name><UserStyle><FeatureTypeStyle>${Array.from({ length: rules }, (_, i) => `<Rule><Name>r${i}</Name>${symbolizer}</Rule>`).join('')}</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`;
const graphic = (href: string, size = 16) =>
  `<PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="${href}"/><Format>image/png</Format></ExternalGraphic><Size>${size}</Size></Graphic></PointSymbolizer>`;

/** Asks /health every few ms until stopped; the slowest answer is what a caller would have waited. */
function watchHealth(url: string) {
  let stop = false;
  let worst = 0;
  let count = 0;
  const loop = (async () => {
    while (!stop) {
      const t0 = performance.now();
      const r = await fetch(`${url}/health`);
      await r.arrayBuffer();
      worst = Math.max(worst, performance.now() - t0);
      count++;
      await new Promise((res) => setTimeout(res, 5));
    }
  })();
  return {
    end: async () => {
      stop = true;
      await loop;
      return { worst, count };
    },
  };
}

const rss = () => process.memoryUsage().rss;

/** The worst /health latency of a quiet moment just before: on a loaded 2-core machine other
 *  processes alone can delay an answer, and that is not the hostile request's doing. */
async function quietHealth(url: string): Promise<number> {
  const w = watchHealth(url);
  await new Promise((res) => setTimeout(res, 1000));
  return (await w.end()).worst;
}

/** /health stayed under 100 ms, beyond what the machine's load alone gave a moment before. */
const healthy = (h: { worst: number; count: number }, quiet: number) =>
  expect(
    h.worst - quiet,
    `worst /health ${h.worst.toFixed(0)} ms of ${h.count}, quiet ${quiet.toFixed(0)} ms`,
  ).to.be.below(100);

describe('security: bounded map rendering (layers after expansion, image bombs, SLD limits, render time limit)', () => {
  let node: TestNode;
  let wms: string;
  const form = (params: Record<string, string>) =>
    get(wms, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
  const getMap = (extra: Record<string, string>) => ({
    SERVICE: 'WMS',
    VERSION: '1.3.0',
    REQUEST: 'GetMap',
    STYLES: '',
    CRS: 'CRS:84',
    BBOX: '106.55,-6.3,106.75,-6.1',
    WIDTH: '256',
    HEIGHT: '256',
    FORMAT: 'image/png',
    ...extra,
  });
  /** A schema-valid 1.3.0 report with this code and locator, not a server error. */
  const refused = (r: { status: number; body: string }, code: string, locator: string, what = '') => {
    expect(r.status, what).to.be.below(500);
    expect(r.body, what).to.include(`code="${code}"`).and.include(`locator="${locator}"`);
    expect(xsdErrors(r.body, EXC130), what).to.equal('');
  };

  before(async () => {
    // Form bodies up to 4 MB here, so that the limits behind the body limit are what is tested.
    node = await testNode({ serve: true, config: { maxFormBytes: 4 * 1024 * 1024 } });
    wms = `${node.url}/wms`;
    // Warm up: modules, the render pool and the caches a first GetMap loads are not the hostile request's.
    expect(
      (
        await get(
          `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr&STYLES=&${BOX}&WIDTH=256&HEIGHT=256&FORMAT=image/png`,
        )
      ).type,
    ).to.equal('image/png');
    const dot = await sharp({ create: { width: 4, height: 4, channels: 4, background: '#ff0000' } })
      .png()
      .toBuffer();
    expect(
      (
        await form(
          getMap({
            LAYERS: 'dindik:sekolah',
            SLD_BODY: sld('dindik:sekolah', graphic(`data:image/png;base64,${dot.toString('base64')}`)),
          }),
        )
      ).type,
    ).to.equal('image/png');
    await form(getMap({ LAYERS: 'dpupr:jalan,dpupr:jalan' }));
  });
  after(async () => node.stop());

  it('refuses LAYERS repeating a group 40,000 times (form POST) quickly, with /health answering and memory given back', async () => {
    const before = rss();
    const quiet = await quietHealth(node.url);
    const health = watchHealth(node.url);
    const t0 = performance.now();
    const r = await form(getMap({ LAYERS: Array(40_000).fill('dpupr').join(',') }));
    const took = performance.now() - t0;
    const h = await health.end();
    // A request body limit (a 413) may refuse it even earlier; either way, no drawing.
    if (r.status !== 413) {
      refused(r, 'InvalidParameterValue', 'LAYERS');
      expect(r.body).to.include('At most 100 layers');
    }
    expect(took, 'answer time').to.be.below(2000);
    healthy(h, quiet);
    expect((rss() - before) / MB, 'RSS growth, MB').to.be.below(200);
  });

  it('counts layers after group expansion and every repeat (GET, 1.3.0 and 1.1.1), and QUERY_LAYERS too', async () => {
    // 34 × dpupr (3 layers each) = 102 layers from 34 names.
    const groups = Array(34).fill('dpupr').join(',');
    refused(
      await get(
        `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=${groups}&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
      ),
      'InvalidParameterValue',
      'LAYERS',
      'groups',
    );
    refused(
      await get(
        `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=${Array(101).fill('dpupr:jalan').join(',')}&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
      ),
      'InvalidParameterValue',
      'LAYERS',
      'repeats',
    );
    const old = await get(
      `${wms}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=${groups}&STYLES=&SRS=EPSG:4326&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
    );
    expect(old.type).to.include('application/vnd.ogc.se_xml');
    expect(old.body).to.include('<ServiceException code="InvalidParameterValue">').and.include('At most 100 layers');
    // 33 groups (99 layers) are drawn.
    const ok = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=${Array(33).fill('dpupr').join(',')}&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
    );
    expect(ok.type).to.equal('image/png');
    const gfi = (q: string) =>
      get(
        `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=dpupr&QUERY_LAYERS=${q}&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&I=32&J=32&INFO_FORMAT=application/json`,
      );
    const many = await form({
      SERVICE: 'WMS',
      VERSION: '1.3.0',
      REQUEST: 'GetFeatureInfo',
      LAYERS: 'dpupr',
      QUERY_LAYERS: Array(40_000).fill('dpupr').join(','),
      STYLES: '',
      CRS: 'CRS:84',
      BBOX: '106.55,-6.3,106.75,-6.1',
      WIDTH: '64',
      HEIGHT: '64',
      I: '32',
      J: '32',
      INFO_FORMAT: 'application/json',
    });
    if (many.status !== 413) refused(many, 'InvalidParameterValue', 'QUERY_LAYERS', 'GetFeatureInfo');
    refused(await gfi(Array(101).fill('dpupr').join(',')), 'InvalidParameterValue', 'QUERY_LAYERS', 'GetFeatureInfo');
    expect((await gfi(Array(50).fill('dpupr').join(','))).type).to.include('application/json');
    // Capabilities say so.
    expect((await get(`${wms}?SERVICE=WMS&REQUEST=GetCapabilities`)).body).to.include('<LayerLimit>100</LayerLimit>');
    // Tiles: at most 50 names (repeats count); GetLegendGraphic and WMTS take one layer.
    const tile = await get(`${node.url}/tiles/${Array(51).fill('dpupr:jalan').join(',')}/12/3263/2119.png`);
    expect(tile.status).to.equal(400);
    expect(JSON.parse(tile.body).code).to.equal('InvalidParameterValue');
    const legend = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=dpupr,dpupr&FORMAT=image/png`,
    );
    expect(legend.body).to.include('LayerNotDefined');
  });

  it('refuses a data: PNG declaring 40000 × 40000 pixels without decoding it', async () => {
    const bomb = `data:image/png;base64,${pngBomb(40_000, 40_000).toString('base64')}`;
    const before = rss();
    const quiet = await quietHealth(node.url);
    const health = watchHealth(node.url);
    // Four variants (each was once decoded and cached apart), one after another.
    const variants = [];
    for (const size of [16, 32, 48, 64])
      variants.push(
        await form(getMap({ LAYERS: 'dindik:sekolah', SLD_BODY: sld('dindik:sekolah', graphic(bomb, size)) })),
      );
    const h = await health.end();
    for (const r of variants) {
      refused(r, 'InvalidParameterValue', 'SLD_BODY');
      expect(r.body).to.include('40000 × 40000');
    }
    healthy(h, quiet);
    expect((rss() - before) / MB, 'RSS growth, MB').to.be.below(200);
    // The same through GetLegendGraphic.
    const legend = await form({
      SERVICE: 'WMS',
      VERSION: '1.3.0',
      REQUEST: 'GetLegendGraphic',
      LAYER: 'dindik:sekolah',
      FORMAT: 'image/png',
      SLD_BODY: sld('dindik:sekolah', graphic(bomb)),
    });
    refused(legend, 'InvalidParameterValue', 'SLD_BODY', 'legend');
    // Too many bytes, a lying format, SVG: refused too; a small honest PNG is drawn.
    const big = `data:image/png;base64,${Buffer.concat([pngBomb(8, 8), Buffer.alloc(300 * 1024)]).toString('base64')}`;
    refused(
      await form(getMap({ LAYERS: 'dindik:sekolah', SLD_BODY: sld('dindik:sekolah', graphic(big)) })),
      'InvalidParameterValue',
      'SLD_BODY',
      'bytes',
    );
    const svg = `data:image/png;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').toString('base64')}`;
    refused(
      await form(getMap({ LAYERS: 'dindik:sekolah', SLD_BODY: sld('dindik:sekolah', graphic(svg)) })),
      'InvalidParameterValue',
      'SLD_BODY',
      'svg',
    );
    const dot = await sharp({ create: { width: 12, height: 12, channels: 4, background: '#ff0000' } })
      .png()
      .toBuffer();
    const drawn = await form(
      getMap({
        LAYERS: 'dindik:sekolah',
        SLD_BODY: sld('dindik:sekolah', graphic(`data:image/png;base64,${dot.toString('base64')}`)),
      }),
    );
    expect(drawn.type).to.equal('image/png');
  });

  it('never fetches or reads an ExternalGraphic URL (http, file)', async () => {
    let hits = 0;
    const listener: Server = createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((res) => listener.listen(0, '127.0.0.1', () => res()));
    const port = (listener.address() as { port: number }).port;
    try {
      for (const href of [
        `http://127.0.0.1:${port}/x.png`,
        `https://127.0.0.1:${port}/x.png`,
        'file:///etc/passwd',
        `//127.0.0.1:${port}/x.png`,
      ]) {
        const r = await form(getMap({ LAYERS: 'dindik:sekolah', SLD_BODY: sld('dindik:sekolah', graphic(href)) }));
        refused(r, 'InvalidParameterValue', 'SLD_BODY', href);
        expect(r.body).to.include('no URLs are fetched');
      }
      expect(hits).to.equal(0);
    } finally {
      listener.close();
    }
  });

  it('refuses SLD values that would make drawing explode, counted after parsing', async () => {
    const cases: Array<[string, string, string]> = [
      [
        'Size 1e6',
        sld(
          'dpupr:jalan',
          '<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName></Mark><Size>1000000</Size></Graphic></PointSymbolizer>',
        ),
        'Graphic Size',
      ],
      [
        'stroke-width 1e6',
        sld(
          'dpupr:jalan',
          '<LineSymbolizer><Stroke><CssParameter name="stroke-width">1000000</CssParameter></Stroke></LineSymbolizer>',
        ),
        'stroke-width',
      ],
      [
        'dash array of 10,000',
        sld(
          'dpupr:jalan',
          `<LineSymbolizer><Stroke><CssParameter name="stroke-dasharray">${Array(10_000).fill('0.001').join(' ')}</CssParameter></Stroke></LineSymbolizer>`,
        ),
        'stroke-dasharray',
      ],
      [
        'font-size 1e6',
        sld(
          'dpupr:jalan',
          '<TextSymbolizer><Label>x</Label><Font><CssParameter name="font-size">1000000</CssParameter></Font></TextSymbolizer>',
        ),
        'font-size',
      ],
      [
        'halo 1e6',
        sld('dpupr:jalan', '<TextSymbolizer><Label>x</Label><Halo><Radius>1000000</Radius></Halo></TextSymbolizer>'),
        'Halo Radius',
      ],
      [
        'hatch Size 1e6',
        sld(
          'dpupr:penggunaan_lahan',
          '<PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>shape://slash</WellKnownName></Mark><Size>1000000</Size></Graphic></GraphicFill></Fill></PolygonSymbolizer>',
        ),
        'GraphicFill Size',
      ],
      ['1,000 rules', sld('dpupr:jalan', '<LineSymbolizer/>', 1000), 'rules'],
      ['100 symbolizers in a rule', sld('dpupr:jalan', Array(100).fill('<LineSymbolizer/>').join('')), 'symbolizers'],
      [
        '50 FeatureTypeStyles',
        sld('dpupr:jalan', '<LineSymbolizer/>').replace(/<FeatureTypeStyle>.*<\/FeatureTypeStyle>/s, (m) =>
          m.repeat(50),
        ),
        'FeatureTypeStyles',
      ],
      ['SLD_BODY of 1.5 MB', sld('dpupr:jalan', `<LineSymbolizer/><!--${'x'.repeat(1.5 * MB)}-->`), 'characters'],
    ];
    for (const [what, body, says] of cases) {
      const t0 = performance.now();
      const r = await form(
        getMap({ LAYERS: body.includes('penggunaan') ? 'dpupr:penggunaan_lahan' : 'dpupr:jalan', SLD_BODY: body }),
      );
      expect(performance.now() - t0, what).to.be.below(2000);
      if (r.status === 413) continue; // a request body limit refused it first
      refused(r, 'InvalidParameterValue', 'SLD_BODY', what);
      expect(r.body, what).to.include(says);
    }
    // A style at its limits still draws: 200 rules, 20 symbolizers in one rule.
    const ok = await form(
      getMap({
        LAYERS: 'dpupr:jalan',
        SLD_BODY: sld(
          'dpupr:jalan',
          '<LineSymbolizer><Stroke><CssParameter name="stroke-dasharray">0.01 0.01</CssParameter></Stroke></LineSymbolizer>',
          200,
        ),
      }),
    );
    expect(ok.type).to.equal('image/png');
  });

  it('ends a drawing over SIMPUL_RENDER_TIMEOUT_MS with a clear exception, and the next GetMap works', async () => {
    const heavy = getMap({
      LAYERS: 'dpupr:penggunaan_lahan,bappeda:batas_kelurahan',
      WIDTH: '2048',
      HEIGHT: '2048',
      SLD_BODY: `<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"><NamedLayer><Name>dpupr:penggunaan_lahan</Name><UserStyle><FeatureTypeStyle>${Array.from({ length: 20 }, (_, i) => `<Rule><PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>shape://slash</WellKnownName></Mark><Size>${4 + i}</Size></Graphic></GraphicFill></Fill><Stroke><CssParameter name="stroke-width">${1 + i}</CssParameter><CssParameter name="stroke-dasharray">3 1</CssParameter></Stroke></PolygonSymbolizer></Rule>`).join('')}</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`,
    });
    const limit = node.ctx.config.renderTimeoutMs;
    node.ctx.config.renderTimeoutMs = 1;
    try {
      // (No /health bound here: the embedded database runs the map query on the main thread.)
      const r = await form(heavy);
      expect(r.status).to.equal(503);
      expect(r.body).to.include('code="NoApplicableCode"').and.include('SIMPUL_RENDER_TIMEOUT_MS');
      expect(xsdErrors(r.body, EXC130)).to.equal('');
      // Raster tiles go through the same renderer.
      const tile = await get(`${node.url}/tiles/dpupr:penggunaan_lahan,bappeda:batas_kelurahan/14/13049/8477.png`);
      expect(tile.status).to.equal(503);
      expect(tile.headers.get('retry-after')).to.equal('5');
    } finally {
      node.ctx.config.renderTimeoutMs = limit;
    }
    const next = await form(heavy);
    expect(next.type).to.equal('image/png');
    const small = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr&STYLES=&${BOX}&WIDTH=256&HEIGHT=256&FORMAT=image/png`,
    );
    expect(small.type).to.equal('image/png');
  });

  it('legends, maps and feature info of a GOVERNMENT layer are private and vary on Authorization; PUBLIC ones anonymous are public', async () => {
    await addUser(node.ctx.db, { username: 'bpkad.legend', role: 'produsen', organisation: 'bpkad' });
    const token = await issueToken(node.ctx.db, 'bpkad.legend');
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const legendOf = (layer: string, init?: RequestInit) =>
      get(`${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=${layer}&FORMAT=image/png`, init);
    const gov = await legendOf(GOVERNMENT, auth);
    expect(gov.type).to.equal('image/png');
    expect(gov.headers.get('cache-control')).to.match(/^private\b/);
    expect(gov.headers.get('vary')).to.match(/\bAuthorization\b/i);
    const pub = await legendOf('dpupr:jalan');
    expect(pub.headers.get('cache-control')).to.match(/^public\b/);
    expect(pub.headers.get('vary')).to.match(/\bAuthorization\b/i);
    expect((await legendOf('dpupr:jalan', auth)).headers.get('cache-control')).to.match(/^private\b/);
    const map = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=${GOVERNMENT}&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
      auth,
    );
    expect(map.type).to.equal('image/png');
    expect(map.headers.get('cache-control')).to.match(/^private\b/);
    expect(map.headers.get('vary')).to.match(/\bAuthorization\b/i);
    const anonMap = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:jalan&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
    );
    expect(anonMap.headers.get('cache-control')).to.match(/^public\b/);
    const info = await get(
      `${wms}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=${GOVERNMENT}&QUERY_LAYERS=${GOVERNMENT}&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&I=32&J=32&INFO_FORMAT=application/json`,
      auth,
    );
    expect(info.headers.get('cache-control')).to.match(/^private\b/);
    const tile = await get(`${node.url}/tiles/${GOVERNMENT}/12/3263/2119.png`, auth);
    expect(tile.headers.get('cache-control')).to.match(/^private\b/);
    expect(tile.headers.get('vary')).to.match(/\bAuthorization\b/i);
  });
});

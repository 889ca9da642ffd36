import { expect } from 'chai';
import sharp from 'sharp';
import { chromium, type Browser } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('web map /map (MapLibre in Chromium)', () => {
  let node: TestNode;
  let browser: Browser;
  before(async () => {
    node = await testNode({ serve: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await node.stop();
  });

  it('serves the page, MapLibre from node_modules and a style of the chosen visible layers only', async () => {
    const page = await get(`${node.url}/map`);
    expect(page.status).to.equal(200);
    expect(page.body).to.contain('/map/lib/maplibre-gl.css');
    expect(page.body).to.not.match(/unpkg|jsdelivr|cdn/i);
    const lib = await get(`${node.url}/map/lib/maplibre-gl.mjs`);
    expect(lib.status).to.equal(200);
    expect(lib.type).to.match(/javascript/);
    expect((await get(`${node.url}/map/lib/..%2Fpackage.json`)).status).to.equal(404);
    const style = JSON.parse(
      (await get(`${node.url}/map/style.json?layers=dindik:sekolah,dinsos:penerima_bantuan,bpkad:aset_tanah`)).body,
    );
    expect(style.version).to.equal(8);
    const names = style.metadata['simpul:layers'].map((l: any) => l.name);
    expect(names).to.deep.equal(['dindik:sekolah']);
    expect(JSON.stringify(style)).to.not.contain('bpkad:aset_tanah');
    // Without layers: the base map alone.
    expect(JSON.parse((await get(`${node.url}/map/style.json`)).body).metadata['simpul:layers']).to.deep.equal([]);
  });

  it('speaks Indonesian or English by ?lang= or Accept-Language', async () => {
    const lang = async (q: string, al?: string) =>
      /<html lang="(\w+)">/.exec(
        (await get(`${node.url}/map${q}`, al ? { headers: { 'Accept-Language': al } } : undefined)).body,
      )?.[1];
    expect(await lang('')).to.equal('id');
    expect(await lang('', 'en-US,en;q=0.9')).to.equal('en');
    expect(await lang('', 'de, en;q=0.3, id;q=0.8')).to.equal('id');
    expect(await lang('', 'fr, in;q=0.5')).to.equal('id');
    expect(await lang('?lang=id', 'en')).to.equal('id');
    expect(await lang('?lang=en')).to.equal('en');
    expect(await lang('?lang=<x>', 'en')).to.equal('en');
  });

  it('draws tiles without console errors, toggles layers, and shows a pop-up on click', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, locale: 'id-ID' });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(
      `${node.url}/map?layers=dindik:sekolah,dpupr:penggunaan_lahan,dpupr:jalan,dinkes:fasilitas_kesehatan`,
    );
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
    expect(errors, errors.join('\n')).to.deep.equal([]);
    expect(await page.locator('#map-chosen li').count()).to.equal(4);

    const shot = await page.locator('#map').screenshot();
    const stats = await sharp(shot).stats();
    expect(stats.channels[0].stdev, 'map is not blank').to.be.greaterThan(5);

    // Click a point where a rendered feature is (a school or a land use polygon).
    const at = await page.evaluate(() => {
      const map = (window as any).simpulMap;
      const c = map.getCanvas();
      for (let y = 20; y < c.clientHeight; y += 15)
        for (let x = 20; x < c.clientWidth; x += 15) {
          const f = map
            .queryRenderedFeatures([x, y])
            .filter((f: any) => !String(f.layer.id).startsWith('basemap:') && f.layer.id !== 'background');
          if (f.length) return { x, y, layer: f[0].sourceLayer, properties: f[0].properties };
        }
      return null;
    });
    expect(at, 'a feature is rendered somewhere').to.not.equal(null);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + at!.x, box.y + at!.y);
    await page.waitForSelector('.maplibregl-popup-content table', { timeout: 10000 });
    // The pop-up shows that feature's attributes (names and values).
    const popup = (await page.locator('.maplibregl-popup-content').textContent())!;
    const props = Object.entries(at!.properties as Record<string, unknown>);
    expect(props.length).to.be.greaterThan(0);
    for (const [k, v] of props.slice(0, 3)) expect(popup, at!.layer).to.contain(k).and.contain(String(v));

    // Language switch (the same view in English) and a toggle.
    expect(await page.locator('h1').textContent()).to.equal('Peta Kota Tangerang');
    await page.click('#lang-toggle');
    await page.waitForURL(/lang=en/);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
    expect(await page.locator('h1').textContent()).to.equal('Kota Tangerang map');
    expect(await page.locator('#map-chosen li').count()).to.equal(4);
    const first = page.locator('#map-chosen input[type=checkbox]').first();
    await first.uncheck();
    const vis = await page.evaluate(() => {
      const map = (window as any).simpulMap;
      const l = map.getStyle().metadata['simpul:layers'][0];
      return map.getLayoutProperty(l.layers[0], 'visibility');
    });
    expect(vis).to.equal('none');
    expect(errors, errors.join('\n')).to.deep.equal([]);
    await page.close();
  });
});

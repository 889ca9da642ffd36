import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { addUser, issueToken } from '../../data/users.js';
import { writeLayer } from '../../data/layers/write.js';

/** Screenshots kept as test artefacts (test-artifacts/ is ignored by git). */
const ARTIFACTS = new URL('../../test-artifacts/viewer/', import.meta.url).pathname;
const DRAFT = 'dpupr:rencana_taman';

/** The viewer's list of chosen layers as the page shows it: name, opacity (0–100), visible. */
const chosen = (page: Page) =>
  page
    .locator('#map-chosen li')
    .evaluateAll((els) =>
      els.map((e) => [
        (e as HTMLElement).dataset.layer,
        Number((e.querySelector('input[type=range]') as HTMLInputElement).value),
        (e.querySelector('input[type=checkbox]') as HTMLInputElement).checked,
      ]),
    );

/** The overlay layers' ids in the live map, bottom to top. */
const drawn = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as any).simpulMap
      .getStyle()
      .layers.map((l: any) => l.id)
      .filter((id: string) => !/^(background|basemap:|measure#)/.test(id)),
  );

async function waitRevision(page: Page, n: number) {
  await page.waitForFunction((r) => Number(document.body.dataset.revision) >= r, n, { timeout: 60_000 });
}

async function addFromSearch(page: Page, q: string, layer: string) {
  await page.fill('#map-q', q);
  await page.press('#map-q', 'Enter');
  const btn = page.locator(`#map-results li[data-hit="${layer}"] button[data-add]`);
  await btn.waitFor();
  const rev = Number(await page.evaluate(() => document.body.dataset.revision));
  await btn.click();
  await waitRevision(page, rev + 1);
}

describe('map viewer /map: search and add layers, order, opacity, share, export (Chromium)', () => {
  let node: TestNode;
  let browser: Browser;
  let token = '';
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
  };
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    node = await testNode({ serve: true });
    // A base map from the settings: XYZ tiles (here the node's own PNG tiles, no outside network).
    node.ctx.config.site.map.basemaps = [
      {
        id: 'kecamatan',
        title: { id: 'Kecamatan (PNG)', en: 'Districts (PNG)' },
        type: 'xyz',
        url: `${node.url}/tiles/bappeda%3Abatas_kecamatan/{z}/{x}/{y}.png`,
        attribution: 'Bappeda',
      },
    ];
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr' });
    token = await issueToken(node.ctx.db, 'pu');
    await writeLayer(
      node.ctx.db,
      {
        organisation: 'dpupr',
        localName: 'rencana_taman',
        title: 'Rencana Taman Kota',
        abstract: 'Draf rencana taman',
        keywords: ['taman'],
        kugiFcode: null,
        nativeSrid: 4326,
        accessClass: 'PUBLIC',
        status: 'draft',
        attributes: [],
        metadata: {},
      },
      [[{ geojson: { type: 'Point', coordinates: [106.63, -6.17] }, properties: {} }]],
    );
    await node.ctx.catalogue.reload();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
  });
  after(async () => {
    await browser?.close();
    await node?.stop();
  });

  it('adds layers from a search inside the viewer, reorders them, changes opacity, and a shared URL reopens the same view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${node.url}/map`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    expect(await page.locator('html').getAttribute('lang')).to.equal('id');
    expect(await page.locator('h1').textContent()).to.equal('Peta Kota Tangerang');
    // Results are grouped by organisation, then topic.
    await page.fill('#map-q', 'sekolah');
    await page.press('#map-q', 'Enter');
    await page.locator('#map-results li[data-hit="dindik:sekolah"]').waitFor();
    expect(
      await page
        .locator('#map-results li[data-hit="dindik:sekolah"]')
        .evaluate((li) => li.closest('details')!.querySelector('summary')!.textContent),
    ).to.equal('Dinas Pendidikan Kota Tangerang');
    await addFromSearch(page, 'sekolah', 'dindik:sekolah');
    await addFromSearch(page, 'jalan', 'dpupr:jalan');
    await addFromSearch(page, 'kecamatan', 'bappeda:batas_kecamatan');
    // New layers go on top.
    expect((await chosen(page)).map((c) => c[0])).to.deep.equal([
      'bappeda:batas_kecamatan',
      'dpupr:jalan',
      'dindik:sekolah',
    ]);
    // Move the schools to the top, halve the roads' opacity, hide the districts.
    let rev = Number(await page.evaluate(() => document.body.dataset.revision));
    await page.click('#map-chosen li[data-layer="dindik:sekolah"] button[data-act="up"]');
    await waitRevision(page, ++rev);
    await page.click('#map-chosen li[data-layer="dindik:sekolah"] button[data-act="up"]');
    await waitRevision(page, ++rev);
    await page.locator('#map-chosen li[data-layer="dpupr:jalan"] input[type=range]').fill('50');
    await page.uncheck('#map-chosen li[data-layer="bappeda:batas_kecamatan"] input[type=checkbox]');
    const view = [
      ['dindik:sekolah', 100, true],
      ['bappeda:batas_kecamatan', 100, false],
      ['dpupr:jalan', 50, true],
    ];
    expect(await chosen(page)).to.deep.equal(view);
    const order = await drawn(page);
    // Drawn bottom to top: the roads first, the schools last.
    expect(order[0]).to.match(/^dpupr:jalan#/);
    expect(order.at(-1)).to.match(/^dindik:sekolah#/);
    const roads = order.find((id) => id.startsWith('dpupr:jalan#'))!;
    const roadOpacity = await page.evaluate(
      (id) => (window as any).simpulMap.getPaintProperty(id, 'line-opacity'),
      roads,
    );
    expect(roadOpacity).to.equal(0.5);
    await page.evaluate(() => (window as any).simpulMap.jumpTo({ center: [106.64, -6.18], zoom: 13.5 }));
    await page.waitForFunction(() => location.search.includes('at=13.50/'));
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.locator('.viewer-panel').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}viewer-layers.png` });

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: node.url });
    await page.click('#share');
    const shared = await page.evaluate(() => (window as any).simpulShared as string);
    expect(shared).to.equal(
      `${node.url}/map?layers=dindik:sekolah,bappeda:batas_kecamatan,dpupr:jalan&opacity=100,100,50&hidden=bappeda:batas_kecamatan&basemap=boundaries&at=13.50/-6.18000/106.64000`,
    );

    const again = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' })
    ).newPage();
    watch(again);
    await again.goto(shared);
    await again.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    expect(await chosen(again)).to.deep.equal(view);
    expect(await drawn(again)).to.deep.equal(order);
    const at = await again.evaluate(() => {
      const m = (window as any).simpulMap;
      return [m.getZoom(), m.getCenter().lng, m.getCenter().lat];
    });
    expect(at[0]).to.equal(13.5);
    expect(at[1]).to.be.closeTo(106.64, 1e-9);
    expect(at[2]).to.be.closeTo(-6.18, 1e-9);
    expect(
      await again.evaluate((id) => (window as any).simpulMap.getPaintProperty(id, 'line-opacity'), roads),
    ).to.equal(0.5);
    const districts = (await drawn(again)).filter((id) => id.startsWith('bappeda:batas_kecamatan#'));
    for (const id of districts)
      expect(await again.evaluate((x) => (window as any).simpulMap.getLayoutProperty(x, 'visibility'), id)).to.equal(
        'none',
      );
    expect(errors, errors.join('\n')).to.deep.equal([]);
    await again.context().close();
    await context.close();
  });

  it('builds the style of the chosen layers only: 3 layers give exactly their ids, in a few kB', async () => {
    const r = await get(
      `${node.url}/map/style.json?layers=dindik:sekolah,dpupr:jalan,dinsos:penerima_bantuan,bappeda:batas_kecamatan,nope:nothing`,
    );
    expect(r.status).to.equal(200);
    const style = JSON.parse(r.body);
    expect(style.metadata['simpul:layers'].map((l: any) => l.name)).to.deep.equal([
      'dindik:sekolah',
      'dpupr:jalan',
      'bappeda:batas_kecamatan',
    ]);
    expect(Object.keys(style.sources)).to.deep.equal([
      'basemap:bappeda:batas_kota',
      'basemap:bappeda:batas_kecamatan',
      'src:bappeda:batas_kecamatan',
      'src:dpupr:jalan',
      'src:dindik:sekolah',
    ]);
    const ids = style.layers.map((l: any) => l.id);
    expect(ids.slice(0, 5)).to.deep.equal([
      'background',
      'basemap:bappeda:batas_kota#fill',
      'basemap:bappeda:batas_kota#line',
      'basemap:bappeda:batas_kecamatan#fill',
      'basemap:bappeda:batas_kecamatan#line',
    ]);
    const overlay = ids.slice(5);
    // Every overlay id is one of the three layers', bottom to top as listed (top first) reversed.
    expect(
      overlay.map((id: string) => id.split('#')[0]).filter((n: string, i: number, a: string[]) => a.indexOf(n) === i),
    ).to.deep.equal(['bappeda:batas_kecamatan', 'dpupr:jalan', 'dindik:sekolah']);
    expect(overlay).to.deep.equal(
      style.metadata['simpul:layers']
        .slice()
        .reverse()
        .flatMap((l: any) => l.layers),
    );
    expect(r.body.length).to.be.below(20_000);
    expect(r.body).to.not.contain('penerima_bantuan');
    // The settings' base map instead of the boundaries; more than 50 layers is a 400 problem.
    const xyz = JSON.parse((await get(`${node.url}/map/style.json?layers=dindik:sekolah&basemap=kecamatan`)).body);
    expect(xyz.layers.map((l: any) => l.id).slice(0, 2)).to.deep.equal(['background', 'basemap:kecamatan']);
    expect(xyz.sources['basemap:kecamatan']).to.deep.equal({
      type: 'raster',
      tiles: [`${node.url}/tiles/bappeda%3Abatas_kecamatan/{z}/{x}/{y}.png`],
      tileSize: 256,
      maxzoom: 19,
      attribution: 'Bappeda',
    });
    const many = await get(
      `${node.url}/map/style.json?layers=${Array.from({ length: 51 }, (_, i) => `a:l${i}`).join(',')}`,
    );
    expect(many.status).to.equal(400);
    expect(many.type).to.contain('application/problem+json');
  });

  it('shows a signed-in produsen its own draft in the viewer; an anonymous visitor never sees it', async () => {
    const anon = JSON.parse((await get(`${node.url}/map/search.json?q=rencana`)).body);
    expect(anon.total).to.equal(0);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const mine = JSON.parse((await get(`${node.url}/map/search.json?q=rencana`, auth)).body);
    expect(mine.hits.map((h: any) => [h.name, h.status])).to.deep.equal([[DRAFT, 'draft']]);
    expect(
      JSON.parse((await get(`${node.url}/map/style.json?layers=${DRAFT}`)).body).metadata['simpul:layers'],
    ).to.deep.equal([]);

    const context = await browser.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const page = await context.newPage();
    await page.goto(`${node.url}/map`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    await addFromSearch(page, 'rencana', DRAFT);
    expect((await chosen(page)).map((c) => c[0])).to.deep.equal([DRAFT]);
    expect(await page.locator(`#map-chosen li[data-layer="${DRAFT}"] .draft`).textContent()).to.equal('(draft)');
    const url = page.url();
    await context.close();
    // The same address, anonymous: the draft is left out, nothing tells it exists.
    const anonPage = await browser.newPage();
    await anonPage.goto(url);
    await anonPage.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    expect(await chosen(anonPage)).to.deep.equal([]);
    expect(anonPage.url()).to.not.contain('rencana');
    await anonPage.close();
  });

  it('exports the view as a PNG of the map canvas, and measures a distance', async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 800 },
      locale: 'id-ID',
    });
    const page = await context.newPage();
    await page.goto(`${node.url}/map?layers=dindik:sekolah,bappeda:batas_kecamatan`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(download.suggestedFilename()).to.match(/^peta-\d{4}-\d{2}-\d{2}\.png$/);
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(0, 8)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const size = await page.evaluate(() => [
      (window as any).simpulMap.getCanvas().width,
      (window as any).simpulMap.getCanvas().height,
    ]);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).to.deep.equal(size);
    expect((await sharp(png).stats()).channels[0].stdev, 'the PNG is not blank').to.be.greaterThan(5);
    writeFileSync(`${ARTIFACTS}export.png`, png);

    // Distance between two clicked points, on the sphere.
    await page.click('#measure-line');
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + 200, box.y + 300);
    await page.mouse.click(box.x + 500, box.y + 300);
    const [a, b] = await page.evaluate(() =>
      [(window as any).simpulMap.unproject([200, 300]), (window as any).simpulMap.unproject([500, 300])].map(
        (p: any) => [p.lng, p.lat],
      ),
    );
    const rad = (d: number) => (d * Math.PI) / 180;
    const h =
      Math.sin(rad(b[1] - a[1]) / 2) ** 2 +
      Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
    const metres = 2 * 6378137 * Math.asin(Math.sqrt(h));
    expect(Number(await page.locator('#measure-result').getAttribute('data-metres'))).to.be.closeTo(metres, 1e-6);
    expect(await page.locator('#measure-result').textContent()).to.match(/^Jarak: [\d.,]+ (km|m)$/);
    // Area of a clicked triangle (spherical polygon area, as the viewer computes it).
    await page.click('#measure-area');
    const corners = [
      [200, 300],
      [500, 300],
      [350, 500],
    ];
    for (const [x, y] of corners) await page.mouse.click(box.x + x, box.y + y);
    const ring: number[][] = await page.evaluate(
      (cs) => cs.map(([x, y]) => (window as any).simpulMap.unproject([x, y])).map((p: any) => [p.lng, p.lat]),
      corners,
    );
    let sum = 0;
    for (let i = 0; i < ring.length; i++) {
      const [p1, p2] = [ring[i], ring[(i + 1) % ring.length]];
      sum += rad(p2[0] - p1[0]) * (2 + Math.sin(rad(p1[1])) + Math.sin(rad(p2[1])));
    }
    const squareMetres = Math.abs((sum * 6378137 * 6378137) / 2);
    expect(Number(await page.locator('#measure-result').getAttribute('data-square-metres'))).to.be.closeTo(
      squareMetres,
      1e-3,
    );
    expect(await page.locator('#measure-result').textContent()).to.match(/^Luas: [\d.,]+ (km²|ha|m²)$/);
    await page.screenshot({ path: `${ARTIFACTS}measure.png` });
    await context.close();
  });

  it('dataset page: downloads with their sizes (KML too, through the WFS), QGIS and ArcGIS steps beside each address, preview with legend', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'id-ID' });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${node.url}/dataset/dindik:sekolah`);
    await page.locator('#downloads small.size').first().waitFor({ timeout: 120_000 });
    const links = await page.locator('#downloads li').evaluateAll((els) =>
      els.map((li) => ({
        label: li.querySelector('a')!.textContent,
        href: li.querySelector('a')!.getAttribute('href')!,
        bytes: Number(li.querySelector('small.size')?.getAttribute('data-bytes')),
      })),
    );
    expect(links.map((l) => l.label)).to.deep.equal([
      'GeoJSON',
      'GeoPackage',
      'Shapefile (zip)',
      'CSV',
      'KML',
      'GML 3.2',
    ]);
    // Each size is the size of the file its link gives.
    for (const l of links) {
      const r = await fetch(l.href);
      expect(r.status, l.href).to.equal(200);
      expect((await r.arrayBuffer()).byteLength, l.label).to.equal(l.bytes);
    }
    const kml = links.find((l) => l.label === 'KML')!;
    const file = `${tmpdir()}/sekolah-${process.pid}.kml`;
    writeFileSync(file, Buffer.from(await (await fetch(kml.href)).arrayBuffer()));
    const info = (await promisify(execFile)('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' })).stdout;
    const layer = node.ctx.catalogue.unguardedGet('dindik:sekolah')!;
    expect(info)
      .to.match(/using driver `(LIB)?KML'/)
      .and.include(`Feature Count: ${layer.featureCount}`);
    expect(
      await page.locator('details.steps').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.steps)),
    ).to.deep.equal(['wms', 'wfs', 'wmts', 'ogcapi', 'xyz', 'mvt']);
    await page.locator('details[data-steps="wms"] summary').click();
    expect(await page.locator('details[data-steps="wms"]').textContent())
      .to.include('New WMS Server')
      .and.include('Add WMS/WMTS Layer')
      .and.include('dindik:sekolah');
    await page.waitForFunction(() => document.getElementById('preview')?.dataset.ready === 'true', null, {
      timeout: 60_000,
    });
    expect(
      await page.locator('img[alt^="Legenda"]').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).to.be.greaterThan(0);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.screenshot({ path: `${ARTIFACTS}dataset.png`, fullPage: true });
    expect(errors, errors.join('\n')).to.deep.equal([]);
    await context.close();
  });

  it('shows the OpenAPI document in Swagger UI served by the node: no request leaves it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${node.url}/ogcapi/api?f=html`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 60_000 });
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(await page.locator('.swagger-ui .opblock').count()).to.be.greaterThan(5);
    const outside = requests.filter(
      (u) => !u.startsWith(`${node.url}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(outside).to.deep.equal([]);
    expect(requests).to.include(`${node.url}/ogcapi/api?f=json`);
    await page.screenshot({ path: `${ARTIFACTS}swagger.png` });
    await page.close();
  });
});

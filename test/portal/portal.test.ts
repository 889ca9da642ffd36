import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';

describe('portal: catalogue, dataset pages and OGC API pages in Chromium', () => {
  let node: TestNode;
  let browser: Browser;
  before(async () => {
    node = await testNode({ serve: true });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
  });
  after(async () => {
    await browser?.close();
    await node?.stop();
  });

  it('searches "sekolah", narrows by organisation (htmx, URL shared), and works without JS', async () => {
    const page = await browser.newPage();
    await page.goto(`${node.url}/`);
    await page.fill('#q', 'sekolah');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=sekolah/);
    await page.waitForSelector('article[data-layer="dindik:sekolah"]');
    const before = await page.locator('article.result').count();
    await page.check('input[name="org"][value="dindik"]');
    await page.waitForURL(/org=dindik/);
    await page.waitForFunction(() => [...document.querySelectorAll('input[name="org"]:checked')].length === 1);
    const layers = await page
      .locator('article.result')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.layer));
    expect(layers.length).to.be.within(1, before);
    for (const l of layers) expect(l).to.match(/^dindik:/);
    // The same URL without JS gives the same results.
    const plain = await get(page.url());
    expect(plain.body).to.contain('data-layer="dindik:sekolah"');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.close();
  });

  it('opens a dataset page whose copied WMS address GDAL opens as pasted; JSON-LD; hidden layers are not found', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: node.url });
    const page = await context.newPage();
    await page.goto(`${node.url}/?q=sekolah`);
    await page.click('article[data-layer="dindik:sekolah"] h3 a');
    await page.waitForURL(/\/dataset\/dindik(%3A|:)sekolah/);
    expect(await page.locator('h1').textContent()).to.equal('Sekolah di Kota Tangerang');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld['@type']).to.equal('Dataset');
    expect(await page.locator('#sample tbody tr').count()).to.be.greaterThan(0);
    await page.click('button[data-copy="addr-wms"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).to.equal(`${node.url}/wms`);
    const info = (
      await promisify(execFile)('gdalinfo', [`WMS:${copied}`], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, GDAL_ENABLE_WMS_CACHE: 'NO' },
      })
    ).stdout;
    expect(info)
      .to.include('Driver: WMS')
      .and.match(/LAYERS=dindik%3Asekolah/);
    expect(await seriousViolations(page)).to.deep.equal([]);
    expect((await get(`${node.url}/dataset/dinsos:penerima_bantuan`)).status).to.equal(404);
    await context.close();
  });

  it('pages through every collection in /ogcapi/collections?f=html; JSON is paged too', async () => {
    const all = JSON.parse((await get(`${node.url}/ogcapi/collections?limit=10000`)).body);
    expect(all.numberMatched).to.equal(all.collections.length);
    const first = JSON.parse((await get(`${node.url}/ogcapi/collections?limit=5`)).body);
    expect(first.numberReturned).to.equal(5);
    expect(first.links.find((l: any) => l.rel === 'next').href).to.contain('offset=5');
    const page = await browser.newPage();
    await page.goto(`${node.url}/ogcapi/collections?f=html&limit=5`);
    expect(await seriousViolations(page)).to.deep.equal([]);
    const seen: string[] = [];
    for (;;) {
      seen.push(...(await page.locator('#collections tbody code').allTextContents()));
      const next = page.locator('a[rel="next"]');
      if (!(await next.count())) break;
      await next.click();
      await page.waitForLoadState();
    }
    expect(seen).to.deep.equal(all.collections.map((c: any) => c.id));
    expect((await get(`${node.url}/ogcapi/collections/metadata/items?f=html`)).type).to.contain('text/html');
    await page.close();
  });

  it('switches to English and back, and remembers the choice', async () => {
    const page = await browser.newPage();
    await page.goto(`${node.url}/`);
    expect(await page.locator('html').getAttribute('lang')).to.equal('id');
    await page.click('#lang-toggle');
    await page.waitForURL(/lang=en/);
    expect(await page.locator('h1').textContent()).to.equal('Catalogue');
    await page.goto(`${node.url}/ogcapi?f=html`);
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    await page.click('#lang-toggle');
    expect(await page.locator('html').getAttribute('lang')).to.equal('id');
    await page.goto(`${node.url}/`);
    expect(await page.locator('h1').textContent()).to.equal('Katalog');
    await page.close();
  });
});

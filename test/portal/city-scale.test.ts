/** The portal at the city's scale: the demo with 2,491 extra layers (as `simpul demo --layers
 *  2491`), in Chromium, with the clients a visitor pastes into (GDAL/OGR). */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { loadDemo } from '../../data/demo/load.js';
import { ANONYMOUS, type Principal } from '../../data/access.js';
import { addUser } from '../../data/users.js';
import { searchLayers } from '../../data/catalogue/search.js';

const run = promisify(execFile);
// SIMPUL_CITY_LAYERS only to try the test quickly at a smaller scale.
const EXTRA = Number(process.env.SIMPUL_CITY_LAYERS ?? 2491);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

describe(`portal at the city's scale (demo + ${EXTRA} layers) in Chromium`, () => {
  let node: TestNode;
  let browser: Browser;
  const dir = mkdtempSync(`${tmpdir()}/simpul-city-`);
  before(async function () {
    this.timeout(30 * 60_000);
    node = await testNode({ serve: true });
    const t = process.hrtime.bigint();
    await loadDemo(node.ctx.db, node.ctx.catalogue, { extraLayers: EXTRA, quiet: true });
    process.stdout.write(
      `      loaded ${EXTRA} extra layers (${node.ctx.catalogue.unguardedAll().length} in all) in ${(ms(t) / 1000).toFixed(1)} s\n`,
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
  });
  after(async () => {
    await browser?.close();
    await node?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the catalogue search answers the anonymous visitor (the page must show the same). */
  const expected = (filters: Record<string, string[]>) =>
    searchLayers(node.ctx.catalogue.visibleLayers(ANONYMOUS), (c) => node.ctx.catalogue.organisation(c), {
      q: 'sekolah',
      filters,
      sort: 'relevance',
      page: 1,
      pageSize: 20,
    });
  const shown = (page: import('playwright-core').Page) =>
    page.locator('article.result').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.layer));

  it('searches "sekolah", narrows by organisation and kecamatan, opens a dataset: WMS, GeoPackage', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: node.url });
    const page = await context.newPage();
    await page.goto(`${node.url}/`);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.fill('#q', 'sekolah');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=sekolah/);
    const all = expected({});
    await page.waitForSelector(`article[data-layer="${all.hits[0].name}"]`);
    expect(await shown(page)).to.deep.equal(all.hits.map((l) => l.name));

    await page.check('input[name="org"][value="dindik"]');
    await page.waitForURL(/org=dindik/);
    const byOrg = expected({ org: ['dindik'] });
    await page.waitForFunction((n) => document.querySelectorAll('article.result').length === n, byOrg.hits.length);
    expect(await shown(page)).to.deep.equal(byOrg.hits.map((l) => l.name));

    // The kecamatan with the most matches first; its label is its Kemendagri name.
    const kec = byOrg.facets.kecamatan[0];
    expect(kec.value).to.match(/^36\.71\.\d{2}$/);
    expect(byOrg.places[kec.value]).to.be.a('string');
    const box = page.locator(`input[name="kecamatan"][value="${kec.value}"]`);
    expect(await box.locator('xpath=..').textContent()).to.contain(`${byOrg.places[kec.value]} (${kec.count})`);
    await box.check();
    await page.waitForURL(new RegExp(`kecamatan=${kec.value.replace(/\./g, '\\.')}`));
    const byKec = expected({ org: ['dindik'], kecamatan: [kec.value] });
    expect(byKec.total).to.equal(kec.count);
    await page.waitForFunction(
      () => document.querySelectorAll('input[name="kecamatan"]:checked').length === 1,
      undefined,
    );
    expect(await shown(page)).to.deep.equal(byKec.hits.map((l) => l.name));
    expect(await seriousViolations(page)).to.deep.equal([]);

    const layer = byKec.hits[0];
    await page.click(`article[data-layer="${layer.name}"] h3 a`);
    await page.waitForURL(/\/dataset\//);
    expect(await page.locator('h1').textContent()).to.equal(layer.title);
    expect(await seriousViolations(page)).to.deep.equal([]);

    await page.click('button[data-copy="addr-wms"]');
    // site.js sets it once the clipboard has the text.
    const copied = (await (await page.waitForFunction(() => (window as any).simpulCopied)).jsonValue()) as string;
    expect(await page.evaluate(() => navigator.clipboard.readText())).to.equal(copied);
    expect(copied).to.equal(`${node.url}/wms`);
    const t = process.hrtime.bigint();
    const info = (
      await run('gdalinfo', [`WMS:${copied}`], {
        encoding: 'utf8',
        timeout: 300_000,
        maxBuffer: 64 << 20,
        env: { ...process.env, GDAL_ENABLE_WMS_CACHE: 'NO' },
      })
    ).stdout;
    process.stdout.write(`      gdalinfo of the WMS (every layer a subdataset): ${(ms(t) / 1000).toFixed(1)} s\n`);
    expect(info).to.include('Driver: WMS');
    expect(info).to.include(`LAYERS=${encodeURIComponent(layer.name)}`);

    const download = page.waitForEvent('download');
    await page.click('#downloads a[data-format*="geopackage"]');
    const gpkg = `${dir}/${(await download).suggestedFilename()}`;
    expect(gpkg).to.match(new RegExp(`/${layer.localName}\\.gpkg$`));
    await (await download).saveAs(gpkg);
    const ogr = (await run('ogrinfo', ['-so', '-al', gpkg], { encoding: 'utf8', timeout: 60_000 })).stdout;
    expect(ogr).to.include("using driver `GPKG'");
    expect(ogr).to.include(`Feature Count: ${layer.featureCount}`);
    await context.close();
  });

  it('answers searches quickly (p95 of 50 searches printed)', async () => {
    const page = await browser.newPage();
    await page.goto(`${node.url}/`);
    const words = ['sekolah', 'posy', 'banjir', 'jalan', 'taman', 'pasar', 'halte', 'cctv', 'hidran', 'umkm'];
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const p = new URLSearchParams({ q: words[i % words.length] });
      if (i % 3 === 0) p.set('org', ['dinkes', 'dindik', 'bapenda', 'dpupr'][i % 4]);
      if (i % 4 === 1) p.set('kecamatan', '36.71.01');
      // As htmx asks it when the search form is sent: the results part only.
      const r = await page.evaluate(async (qs) => {
        const t = performance.now();
        const res = await fetch(`/?${qs}`, { headers: { 'HX-Request': 'true' } });
        const body = await res.text();
        return { ms: performance.now() - t, status: res.status, ok: body.includes('id="results-heading"') };
      }, p.toString());
      expect([r.status, r.ok]).to.deep.equal([200, true]);
      times.push(r.ms);
    }
    process.stdout.write(
      `      search answer time over ${times.length} searches: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms\n`,
    );
    await page.close();
  });

  it('pages through /ogcapi/collections?f=html to the last page by its next links', async () => {
    const all = JSON.parse((await get(`${node.url}/ogcapi/collections?limit=10000`)).body);
    // Every layer the visitor may see, and the catalogue's own records collection.
    expect(all.collections.length).to.equal(node.ctx.catalogue.visibleLayers(ANONYMOUS).length + 1);
    expect(all.collections.filter((c: any) => c.id === 'metadata').length).to.equal(1);
    expect(all.numberMatched).to.equal(all.collections.length);
    const page = await browser.newPage();
    await page.goto(`${node.url}/ogcapi/collections?f=html`);
    expect(await seriousViolations(page)).to.deep.equal([]);
    const seen: string[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      seen.push(...(await page.locator('#collections tbody code').allTextContents()));
      const next = page.locator('a[rel="next"]');
      if (!(await next.count())) break;
      await next.click();
      await page.waitForLoadState();
    }
    expect(await seriousViolations(page)).to.deep.equal([]);
    expect(seen.length).to.equal(all.numberMatched);
    expect(seen).to.deep.equal(all.collections.map((c: any) => c.id));
    process.stdout.write(`      ${seen.length} collections on ${pages} HTML pages\n`);
    await page.close();
  });

  it('shows the access-class facet to a signed-in user only, counted over what they may see', async () => {
    const anonymous = await browser.newPage();
    await anonymous.goto(`${node.url}/`);
    expect(await anonymous.locator('input[name="access"]').count()).to.equal(0);
    await anonymous.close();
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: 'rahasia-kota-1' });
    const principal: Principal = { kind: 'user', userId: 0, username: 'pu', role: 'produsen', organisation: 'dpupr' };
    const want = searchLayers(node.ctx.catalogue.visibleLayers(principal), (c) => node.ctx.catalogue.organisation(c), {
      q: '',
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 20,
    }).facets.access;
    // A government account sees the GOVERNMENT layer, not the PRIVATE one of another agency.
    expect(want.map((v) => [v.value, v.count])).to.deep.equal([
      ['PUBLIC', EXTRA + 8],
      ['GOVERNMENT', 1],
    ]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${node.url}/workspace/sign-in`);
    await page.fill('#username', 'pu');
    await page.fill('#password', 'rahasia-kota-1');
    await page.click('#sign-in');
    await page.waitForURL(/\/workspace/);
    await page.goto(`${node.url}/`);
    const facet = await page
      .locator('input[name="access"]')
      .evaluateAll((els) => els.map((e) => `${(e as HTMLInputElement).value} ${e.parentElement!.textContent!.trim()}`));
    expect(facet).to.deep.equal(want.map((v) => `${v.value} ${v.value} (${v.count})`));
    await page.check('input[name="access"][value="GOVERNMENT"]');
    await page.waitForURL(/access=GOVERNMENT/);
    await page.waitForFunction(() => document.querySelectorAll('article.result').length === 1);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await context.close();
  });

  it('switches to English and back', async () => {
    const page = await browser.newPage();
    await page.goto(`${node.url}/?q=sekolah`);
    expect(await page.locator('html').getAttribute('lang')).to.equal('id');
    await page.click('#lang-toggle');
    await page.waitForURL(/lang=en/);
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    expect(await page.locator('h1').textContent()).to.equal('Catalogue');
    expect(await page.locator('fieldset legend', { hasText: 'District (kecamatan)' }).count()).to.equal(1);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.click('#lang-toggle');
    expect(await page.locator('html').getAttribute('lang')).to.equal('id');
    expect(await page.locator('h1').textContent()).to.equal('Katalog');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.close();
  });
});

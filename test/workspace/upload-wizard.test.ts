import { expect } from 'chai';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testNode, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { meetsStandard, POINT } from '../support/review.js';
import { Fixtures, POINTS, sourcePoints } from '../import/fixtures.js';
import { addUser } from '../../data/users.js';
import { writeLayer } from '../../data/layers/write.js';

const ARTIFACTS = new URL('../../test-artifacts/wizard/', import.meta.url).pathname;
const SCREENSHOT = new URL('../../docs/screenshots/workspace-wizard.png', import.meta.url).pathname;
const STAGING = join(tmpdir(), 'simpul-staging');
const PASSWORD = 'Unggah-Data-2026!';

/** The upload wizard in Chromium as a produsen: drop, detect, preview, write; refusals; a new version. */
describe('workspace: the upload wizard in Chromium', () => {
  let node: TestNode;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const fx = new Fixtures();
  const staged = () => {
    try {
      return readdirSync(STAGING);
    } catch {
      return [];
    }
  };
  const layerRow = async (name: string) =>
    (
      await node.ctx.db.query<{ status: string; feature_count: number; native_srid: number }>(
        'SELECT status, feature_count::int AS feature_count, native_srid FROM simpul.layer WHERE name = $1',
        [name],
      )
    ).rows[0];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await writeLayer(node.ctx.db, meetsStandard('taman_versi', { status: 'published' }), [[POINT]]);
    await node.ctx.catalogue.reload();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
    await page.goto(`${node.url}/workspace/sign-in`);
    await page.fill('#username', 'pu');
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(`${node.url}/workspace`);
  });
  after(async () => {
    await browser?.close();
    await node?.stop();
    fx.remove();
  });

  /** Step 1: the files chosen and sent; resolves on step 2's page. */
  async function upload(files: string[]) {
    await page.setInputFiles('#files', files);
    await page.click('#upload-send');
    await page.waitForURL(/\/workspace\/upload\/[0-9a-f]{24}/);
  }

  it('reads a zipped TM-3 shapefile, shows EPSG:23834 with its name and the features over the city, and writes a draft in the right place', async () => {
    const zip = fx.ogr('ESRI Shapefile', 'fasilitas.shp.zip', POINTS, '-t_srs', 'EPSG:23834');
    await page.click('#upload-link');
    await page.waitForURL(`${node.url}/workspace/upload`);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await upload([zip]);
    const id = /upload\/([0-9a-f]+)/.exec(page.url())![1];
    expect(staged()).to.include(id);
    const detected = page.locator('section.detected');
    expect(await detected.locator('.crs').textContent()).to.equal('EPSG:23834 — DGN95 / Indonesia TM-3 zone 48.2');
    expect(await detected.locator('.count').textContent()).to.equal('57');
    expect(await detected.locator('.geometry').textContent()).to.equal('Point');
    expect(await detected.locator('.encoding').textContent()).to.match(/^ISO-8859-1/);
    expect(await detected.locator('table.attributes tbody tr').count()).to.equal(6);
    // The sample is drawn: every point in the map's source, over the boundaries' style.
    await page.waitForSelector('#preview-map[data-ready="true"]');
    expect(await page.getAttribute('#preview-map', 'data-features')).to.equal('57');
    await page.waitForFunction(
      () => (window as any).simpulWizardMap.querySourceFeatures('sample').length > 0,
      undefined,
      { timeout: 10_000 },
    );
    expect(await page.inputValue('#name')).to.equal('fasilitas');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.screenshot({ path: `${ARTIFACTS}step2.png`, fullPage: true });
    // What was detected and the map, for the README.
    await page.screenshot({
      path: `${ARTIFACTS}step2-view.png`,
      fullPage: true,
      clip: { x: 0, y: 180, width: 1280, height: 1420 },
    });
    copyFileSync(`${ARTIFACTS}step2-view.png`, SCREENSHOT);

    await page.fill('#name', 'fasilitas_wizard');
    await page.fill('#title', 'Fasilitas Umum (wizard)');
    await page.click('#write');
    await page.waitForSelector('#import-result[data-state="done"]');
    expect(await seriousViolations(page)).to.deep.equal([]);
    expect(await layerRow('dpupr:fasilitas_wizard')).to.deep.equal({
      status: 'draft',
      feature_count: 57,
      native_srid: 23834,
    });
    const layer = node.ctx.catalogue.unguardedGet('dpupr:fasilitas_wizard')!;
    expect(layer.title).to.equal('Fasilitas Umum (wizard)');
    const imported = await node.ctx.db.query(
      `SELECT actor, after FROM simpul.audit WHERE action = 'layer.import' AND layer_name = 'dpupr:fasilitas_wizard'`,
    );
    expect(imported.rows.map((r: any) => [r.actor, r.after.featureCount, r.after.nativeSrid])).to.deep.equal([
      ['pu', 57, 23834],
    ]);
    const pts = sourcePoints();
    const source = [
      Math.min(...pts.map((p) => p.lon)),
      Math.min(...pts.map((p) => p.lat)),
      Math.max(...pts.map((p) => p.lon)),
      Math.max(...pts.map((p) => p.lat)),
    ];
    layer.bbox!.forEach((v, i) => expect(v).to.be.closeTo(source[i], 1e-6));
    expect(staged()).to.not.include(id);
    await page.click('#written a.open-layer');
    await page.waitForURL(`${node.url}/workspace/layers/dpupr%3Afasilitas_wizard`);
  });

  it('refuses a file GDAL cannot read next to the drop zone, naming it, and keeps nothing; a shapefile without .prj needs a CRS chosen', async () => {
    const before = staged();
    const layers = node.ctx.catalogue.unguardedAll().length;
    await page.goto(`${node.url}/workspace/upload`);
    await page.setInputFiles('#files', [fx.write('rusak.geojson', '{"type": "FeatureCollection", "features": [ ')]);
    await page.click('#upload-send');
    await page.waitForFunction(() => document.getElementById('upload-error')!.textContent !== '');
    const error = await page.locator('#upload-error').textContent();
    expect(error)
      .to.match(/^Berkas tidak dapat dibaca: /)
      .and.include('rusak.geojson');
    expect(page.url()).to.equal(`${node.url}/workspace/upload`);
    expect(staged()).to.deep.equal(before);
    expect(node.ctx.catalogue.unguardedAll().length).to.equal(layers);
    expect(await seriousViolations(page)).to.deep.equal([]);
    // Larger than the limit (here lowered in the page): refused before sending, naming the file.
    await page.evaluate(() => (document.getElementById('upload-form')!.dataset.maxBytes = '10'));
    await page.setInputFiles('#files', [fx.path('fasilitas.shp.zip')]);
    await page.click('#upload-send');
    expect(await page.locator('#upload-error').textContent()).to.match(/^fasilitas\.shp\.zip: unggahan lebih besar/);
    expect(staged()).to.deep.equal(before);
    await page.reload();

    // The parts of a shapefile, its .prj left out: said plainly, no guess, no way to write.
    fx.ogr('ESRI Shapefile', 'tanpa_prj.shp', POINTS, '-t_srs', 'EPSG:23834');
    await upload(['tanpa_prj.shp', 'tanpa_prj.shx', 'tanpa_prj.dbf'].map((f) => fx.path(f)));
    expect(await page.locator('.crs-missing').textContent())
      .to.include('tanpa_prj.shp')
      .and.include('.prj');
    expect(await page.locator('#write-form').count()).to.equal(0);
    expect(await page.locator('#preview-map').count()).to.equal(0);
    await page.selectOption('#srs', 'EPSG:23834');
    await page.click('#recheck');
    await page.waitForSelector('#write-form');
    expect(await page.locator('section.detected .crs').textContent()).to.equal(
      'EPSG:23834 — DGN95 / Indonesia TM-3 zone 48.2',
    );
    await page.waitForSelector('#preview-map[data-ready="true"]');
    expect(await page.getAttribute('#preview-map', 'data-features')).to.equal('57');
  });

  it('writes a new version of a published layer through the same wizard: a pending version, the served data unchanged', async () => {
    await page.goto(`${node.url}/workspace/layers/dpupr:taman_versi`);
    await page.click('#upload-version');
    await page.waitForURL(/replace=dpupr%3Ataman_versi/);
    expect(await page.locator('#replace-note').textContent()).to.include('menunggu pemeriksaan');
    await upload([fx.path('fasilitas.shp.zip')]);
    expect(await page.inputValue('#name')).to.equal('taman_versi');
    await page.click('#write');
    await page.waitForSelector('#import-result[data-state="done"]');
    const item = page.locator('#written li[data-layer="dpupr:taman_versi"]');
    expect(await item.getAttribute('data-version-status')).to.equal('pending');
    expect(await item.textContent()).to.include('menunggu pemeriksaan');
    expect(await layerRow('dpupr:taman_versi')).to.include({ status: 'published', feature_count: 1 });
    const versions = await node.ctx.db.query<{ status: string; feature_count: number }>(
      `SELECT v.status, v.feature_count::int AS feature_count FROM simpul.layer_version v JOIN simpul.layer l ON l.id = v.layer_id
        WHERE l.name = 'dpupr:taman_versi' ORDER BY v.version`,
    );
    expect(versions.rows.at(-1)).to.deep.equal({ status: 'pending', feature_count: 57 });
  });
});

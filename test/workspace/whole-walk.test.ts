import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';
import { BACKEND } from '../support/backend.js';
import { seriousViolations } from '../support/axe.js';
import { launchChromium, signIn, type SignedIn } from '../support/browser.js';
import { giveOwnContact } from '../support/review.js';
import { Fixtures, POINTS, sourcePoints, type SourcePoint } from '../import/fixtures.js';
import { addUser } from '../../data/users.js';
import { PALETTES } from '../../styles/simple-symbology.js';

const ARTIFACTS = new URL(`../../test-artifacts/whole-walk/${BACKEND}/`, import.meta.url).pathname;
const PASSWORD = 'Jalan-Bersama-2026!';
const LAYER = 'dpupr:fasilitas_kota';
const TITLE = 'Fasilitas Umum Kota Tangerang';
const ABSTRACT = 'Titik fasilitas umum: masjid, pasar, puskesmas, kantor, taman dan sekolah di Kota Tangerang.';
const FIXED = `${ABSTRACT} Diperbaiki: kategori diperiksa ulang di lapangan.`;
const NOTE = 'Sebutkan di abstrak bahwa kategori sudah diperiksa ulang';
const PHONE = '021 5578 0000';
const EMAIL = 'data.dpupr@tangerangkota.go.id';
const GMD = encodeURIComponent('http://www.isotc211.org/2005/gmd');
const ZOOM = 12;

/** The one web page walk the workspace was built for, on each backend: a produsen uploads a TM-3
 *  shapefile, writes its metadata until the publication standard is met, styles it by categories,
 *  and submits; the walidata returns it with a note, the produsen fixes and resubmits, the walidata
 *  verifies, edits the organisation's contact and publishes; then WMS, CSW and the tiles show
 *  what was written in the pages. The refusals (7a no CSRF token, 7b another organisation, 7c an
 *  expired session) are taken where they fall in the same walk. The steps share one node and run
 *  in order; each leaves a screenshot in test-artifacts/whole-walk/<backend>/. */
describe('workspace: the whole walk in Chromium, upload to publication', () => {
  let node: TestNode;
  let browser: Browser;
  let pu: SignedIn;
  let wd: SignedIn;
  const fx = new Fixtures();
  const screenshot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const row = async () =>
    (
      await node.ctx.db.query(
        'SELECT status, abstract, native_srid, feature_count::int AS feature_count FROM simpul.layer WHERE name = $1',
        [LAYER],
      )
    ).rows[0];
  const layerPath = `/workspace/layers/${encodeURIComponent(LAYER)}`;

  before(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    node = await testNode({ serve: true });
    const db = node.ctx.db;
    await addUser(db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await addUser(db, { username: 'dk', role: 'produsen', organisation: 'dinkes', password: PASSWORD });
    await addUser(db, { username: 'walidata', role: 'walidata', organisation: 'diskominfo', password: PASSWORD });
    // The organisation's contact as it stands before the walk (the standard asks for one).
    await giveOwnContact(db, 'dpupr');
    await node.ctx.catalogue.reload();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await node?.stop();
    fx.remove();
  });

  it('1. the produsen uploads a zipped TM-3 shapefile through the wizard: EPSG:23834 shown, a draft written', async () => {
    const zip = fx.ogr('ESRI Shapefile', 'fasilitas.shp.zip', POINTS, '-t_srs', 'EPSG:23834');
    pu = await signIn(browser, node.url, 'pu', PASSWORD);
    const page = pu.page;
    await page.click('#upload-link');
    await page.waitForURL(`${node.url}/workspace/upload`);
    await page.setInputFiles('#files', [zip]);
    await page.click('#upload-send');
    await page.waitForURL(/\/workspace\/upload\/[0-9a-f]{24}/);
    expect(await page.locator('section.detected .crs').textContent()).to.match(/^EPSG:23834 — /);
    await page.waitForSelector('#preview-map[data-ready="true"]');
    await page.fill('#name', 'fasilitas_kota');
    await page.fill('#title', TITLE);
    await screenshot(page, '1a-upload-detected');
    await page.click('#write');
    await page.waitForSelector('#import-result[data-state="done"]');
    expect(await row()).to.deep.include({ status: 'draft', native_srid: 23834, feature_count: 57 });
    await screenshot(page, '1b-upload-written');
    await page.click('#written a.open-layer');
    await page.waitForURL(`${node.url}${layerPath}`);
    expect(await seriousViolations(page), 'the layer page').to.deep.equal([]);
  });

  it('2. writes the metadata in the editor until the live check shows nothing missing (7a. a form without the CSRF token is refused, 403)', async () => {
    const page = pu.page;
    await page.click('#edit-metadata');
    await page.waitForURL(/\/metadata$/);
    expect(Number(await page.getAttribute('#md-gate', 'data-missing'))).to.be.greaterThan(0);
    await page.fill('#md-abstract', ABSTRACT);
    await page.fill('#md-keywords', 'fasilitas umum, layanan publik');
    await page.fill('#md-purpose', 'Peta fasilitas umum untuk perencanaan layanan kota');
    await page.selectOption('#md-topicCategory', 'structure');
    await page.fill('#md-lineage', 'Inventarisasi Dinas PUPR 2026, koordinat TM-3 zona 48.2');
    await page.selectOption('#md-licence', 'https://creativecommons.org/licenses/by/4.0/');
    await page.fill('#md-useConstraints', 'Cantumkan sumber: Dinas PUPR Kota Tangerang');
    await page.fill('#md-kugiFcode', 'BB03040010');
    await page.waitForSelector('#md-gate.gate-ok');
    expect(await page.getAttribute('#md-gate', 'data-missing')).to.equal('0');
    await screenshot(page, '2-metadata-gate-ok');
    await page.click('#md-save');
    await page.waitForURL(/\/metadata\?saved=1$/);
    expect((await row()).abstract).to.equal(ABSTRACT);

    // The same form posted with the session but without its token: refused, nothing written.
    const refused = await page.request.post(`${node.url}${layerPath}/metadata`, {
      form: { then: 'save', title: TITLE, abstract: 'tanpa token' },
      maxRedirects: 0,
    });
    expect(refused.status()).to.equal(403);
    expect((await row()).abstract).to.equal(ABSTRACT);
  });

  it('3. styles it by categories in the style editor; saving makes it the default style', async () => {
    const page = pu.page;
    const r = await page.goto(`${node.url}${layerPath}/style`);
    expect(r!.status(), 'the style editor page').to.equal(200);
    await page.check('input[name="kind"][value="categories"]');
    await page.selectOption('select[name="attribute"]', 'category');
    await page.selectOption('select[name="palette"]', 'kategori');
    expect(await seriousViolations(page), 'the style editor').to.deep.equal([]);
    await screenshot(page, '3a-style-categories');
    await Promise.all([
      page.waitForResponse((x) => x.request().method() === 'POST' && x.url().includes('/style')),
      page.getByRole('button', { name: /Simpan gaya/ }).click(),
    ]);
    await page.waitForLoadState('load');
    const saved = await savedCategories(page);
    expect(Object.keys(saved).sort()).to.deep.equal(['kantor', 'masjid', 'pasar', 'puskesmas', 'sekolah', 'taman']);
    for (const colour of Object.values(saved)) expect(PALETTES.kategori).to.include(colour);
    // Opened again, the editor starts from the choices that made the stored style.
    await page.goto(`${node.url}${layerPath}/style`);
    expect(await page.isChecked('input[name="kind"][value="categories"]')).to.equal(true);
    expect(await page.inputValue('select[name="attribute"]')).to.equal('category');
    await screenshot(page, '3b-style-saved');
    // 7a again: the style form without its token changes nothing.
    const refused = await page.request.post(`${node.url}${layerPath}/style`, {
      form: { do: 'simple', kind: 'single', colour: '#000000', strokeWidth: '1' },
      maxRedirects: 0,
    });
    expect(refused.status()).to.equal(403);
    expect(await savedCategories(page)).to.deep.equal(saved);
  });

  it('7b. hides the draft from the produsen of another organisation (404)', async () => {
    const dk = await signIn(browser, node.url, 'dk', PASSWORD);
    for (const path of [layerPath, `${layerPath}/metadata`, `${layerPath}/style`]) {
      const r = await dk.page.goto(`${node.url}${path}`);
      expect(r!.status(), path).to.equal(404);
      expect(await dk.page.content(), path).to.not.contain(TITLE);
    }
    expect(await seriousViolations(dk.page), 'the not-found page').to.deep.equal([]);
    await screenshot(dk.page, '7b-other-organisation-404');
    await dk.context.close();
  });

  it('4. submits; the walidata returns it with a note from the queue; the produsen reads it, fixes the abstract and resubmits; the walidata verifies', async () => {
    const page = pu.page;
    await page.goto(`${node.url}${layerPath}`);
    await page.waitForSelector('.gate-ok');
    await page.click('button[data-action="submit"]');
    await page.waitForSelector(`article[data-layer="${LAYER}"][data-status="submitted"]`);
    expect((await row()).status).to.equal('submitted');

    // The walidata's review queue, as its filter leaves it for one organisation.
    wd = await signIn(browser, node.url, 'walidata', PASSWORD, '/workspace?organisation=dpupr');
    const card = `article[data-layer="${LAYER}"]`;
    await wd.page.waitForSelector(`${card} .gate-ok`);
    await wd.page.fill(`${card} .step-return textarea`, NOTE);
    await screenshot(wd.page, '4a-queue-return-note');
    await wd.page.click(`${card} button[data-action="return"]`);
    await wd.page.waitForSelector(`${card}[data-status="returned"]`);
    expect((await row()).status).to.equal('returned');

    await page.goto(`${node.url}/workspace`);
    await page.click(`tr[data-layer="${LAYER}"] a`);
    await page.waitForURL(`${node.url}${layerPath}`);
    expect(await page.locator('#history tbody').textContent()).to.contain(NOTE);
    expect(await seriousViolations(page), 'the returned layer with its note').to.deep.equal([]);
    await screenshot(page, '4b-produsen-reads-note');
    await page.click('#edit-metadata');
    await page.waitForURL(/\/metadata$/);
    await page.fill('#md-abstract', FIXED);
    await page.waitForSelector('#md-gate.gate-ok');
    await page.click('#md-submit');
    await page.waitForURL(`${node.url}${layerPath}?done=submit`);
    expect(await row()).to.deep.include({ status: 'submitted', abstract: FIXED });
    await screenshot(page, '4c-resubmitted');

    await wd.page.goto(`${node.url}${layerPath}`);
    await wd.page.click('button[data-action="verify"]');
    await wd.page.waitForSelector(`${card}[data-status="verified"]`);
    expect((await row()).status).to.equal('verified');
  });

  it("5. the walidata edits the organisation's contact in its workspace page, then publishes", async () => {
    const page = wd.page;
    await page.goto(`${node.url}/workspace/organisation?code=dpupr`);
    await page.waitForURL(/\/workspace\/organisations\/dpupr$/);
    expect(await seriousViolations(page), 'the organisation page as the walidata').to.deep.equal([]);
    await page.fill('#f-phone', PHONE);
    await page.fill('#f-email', EMAIL);
    await page.click('#save');
    await page.waitForSelector('.done');
    await screenshot(page, '5a-organisation-contact');

    await page.goto(`${node.url}${layerPath}`);
    await page.click('button[data-action="publish"]');
    await page.waitForSelector(`article[data-layer="${LAYER}"][data-status="published"]`);
    expect((await row()).status).to.equal('published');
    await screenshot(page, '5b-published');
    const trail = (
      await node.ctx.db.query('SELECT actor, action FROM simpul.audit WHERE layer_name = $1 ORDER BY id', [LAYER])
    ).rows.map((r: any) => `${r.actor}:${r.action}`);
    expect(trail.filter((t) => /(layer\.(import|submit|return|verify|publish)|style\.edit)$/.test(t))).to.deep.equal([
      'pu:layer.import',
      'pu:style.edit',
      'pu:layer.submit',
      'walidata:layer.return',
      'pu:layer.submit',
      'walidata:layer.verify',
      'walidata:layer.publish',
    ]);
  });

  it("6. then WMS lists it, CSW (ISO 19139) carries the form's title and abstract and the edited contact, and its tile draws in the category colours", async () => {
    const caps = await get(`${node.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`);
    expect(caps.body).to.contain(`<Name>${LAYER}</Name>`);

    const id = node.ctx.catalogue.unguardedGet(LAYER)!.id;
    const csw = await get(
      `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&id=${id}&elementSetName=full&outputSchema=${GMD}`,
    );
    expect(csw.status).to.equal(200);
    expect(csw.body).to.contain('<gmd:MD_Metadata');
    writeFileSync(`${ARTIFACTS}6-csw-record.xml`, csw.body);
    const text = (tag: string, xml: string) =>
      new RegExp(`<${tag}>\\s*<gco:CharacterString>([^<]*)</gco:CharacterString>`).exec(xml)?.[1];
    expect(text('gmd:title', csw.body)).to.equal(TITLE);
    expect(text('gmd:abstract', csw.body)).to.equal(FIXED);
    const contact = /<gmd:pointOfContact>[\s\S]*?<\/gmd:pointOfContact>/.exec(csw.body)![0];
    expect(text('gmd:voice', contact)).to.equal(PHONE);
    expect(text('gmd:electronicMailAddress', contact)).to.equal(EMAIL);

    // The tiles at zoom 12, the default style (the one saved in the editor): the centre of each
    // point that stands clear of the others has its category's colour.
    const colours = await savedCategories(pu.page);
    const checked = await tileColours(colours);
    expect(Object.values(checked).flat().length, 'points checked').to.be.greaterThan(30);
    expect(Object.keys(checked).sort(), 'every category seen in a tile').to.deep.equal(Object.keys(colours).sort());
    for (const [category, seen] of Object.entries(checked))
      for (const rgb of seen) expect(near(rgb, hexRgb(colours[category])), `${category}: ${rgb}`).to.equal(true);
  });

  it('7c. sends the produsen whose session has expired back to sign-in, and on to the page after signing in', async () => {
    await node.ctx.db.query(
      `UPDATE simpul.web_session SET last_seen_at = now() - interval '2 hours'
        WHERE user_id = (SELECT id FROM simpul.app_user WHERE username = 'pu')`,
    );
    const page = pu.page;
    await page.goto(`${node.url}${layerPath}`);
    await page.waitForURL(/\/workspace\/sign-in\?next=.*expired=1/);
    expect(await page.locator('.notice').count()).to.equal(1);
    expect(await seriousViolations(page), 'the sign-in page after an expired session').to.deep.equal([]);
    await screenshot(page, '7c-session-expired');
    await page.fill('#username', 'pu');
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(`${node.url}${layerPath}`);
    expect(await page.locator(`article[data-layer="${LAYER}"]`).getAttribute('data-status')).to.equal('published');
    await pu.context.close();
    await wd.context.close();
  });

  /** The layer's default style as stored (read through the styles API with the produsen's
   *  session): the fill colour of each category's rule. */
  async function savedCategories(page: Page): Promise<Record<string, string>> {
    const list = await (await page.request.get(`${node.url}/api/layers/${LAYER}/styles`)).json();
    const name = list.styles[0].name as string;
    const sld = await (await page.request.get(`${node.url}/api/layers/${LAYER}/styles/${name}`)).text();
    const out: Record<string, string> = {};
    for (const [, rule] of sld.matchAll(/<(?:\w+:)?Rule>([\s\S]*?)<\/(?:\w+:)?Rule>/g)) {
      const value = /<(?:\w+:)?Literal>([^<]*)</.exec(rule)?.[1];
      const fill = /<(?:\w+:)?SvgParameter name="fill">(#[0-9a-fA-F]{6})</.exec(rule)?.[1];
      if (value !== undefined && fill) out[value] = fill.toLowerCase();
    }
    return out;
  }

  /** The colour under the centre of every point clear of its neighbours, by category, read from
   *  the PNG tiles the points fall in. */
  async function tileColours(colours: Record<string, string>): Promise<Record<string, number[][]>> {
    const categories = categoryById();
    const pts = sourcePoints().map((p) => ({ ...p, ...pixel(p) }));
    const clear = pts.filter(
      (p) =>
        p.px % 256 > 6 &&
        p.px % 256 < 250 &&
        p.py % 256 > 6 &&
        p.py % 256 < 250 &&
        pts.every((q) => q === p || Math.hypot(q.px - p.px, q.py - p.py) > 14),
    );
    const tiles = new Map<string, { data: Buffer; width: number; png: Buffer; tx: number; ty: number }>();
    const out: Record<string, number[][]> = {};
    for (const p of clear) {
      const [tx, ty] = [Math.floor(p.px / 256), Math.floor(p.py / 256)];
      const key = `${tx}/${ty}`;
      if (!tiles.has(key)) {
        const r = await fetch(`${node.url}/tiles/${LAYER}/${ZOOM}/${tx}/${ty}.png`);
        expect(r.status, key).to.equal(200);
        const png = Buffer.from(await r.arrayBuffer());
        const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        expect(info.width, 'a 256 px tile').to.equal(256);
        tiles.set(key, { data, width: info.width, png, tx, ty });
      }
      const t = tiles.get(key)!;
      const i = (Math.floor(p.py % 256) * t.width + Math.floor(p.px % 256)) * 3;
      const category = categories.get(p.id)!;
      expect(colours, category).to.have.property(category);
      (out[category] ??= []).push([t.data[i], t.data[i + 1], t.data[i + 2]]);
    }
    // The tiles read, side by side on white, as the step's picture.
    const all = [...tiles.values()];
    const [x0, y0] = [Math.min(...all.map((t) => t.tx)), Math.min(...all.map((t) => t.ty))];
    const [w, h] = [Math.max(...all.map((t) => t.tx)) - x0 + 1, Math.max(...all.map((t) => t.ty)) - y0 + 1];
    await sharp({ create: { width: w * 256, height: h * 256, channels: 4, background: '#ffffff' } })
      .composite(all.map((t) => ({ input: t.png, left: (t.tx - x0) * 256, top: (t.ty - y0) * 256 })))
      .png()
      .toFile(`${ARTIFACTS}6-tiles-z${ZOOM}.png`);
    return out;
  }
});

/** Global pixel coordinates of a point at ZOOM in WebMercatorQuad (256 px tiles). */
function pixel(p: SourcePoint): { px: number; py: number } {
  const n = 256 * 2 ** ZOOM;
  const lat = (p.lat * Math.PI) / 180;
  return {
    px: ((p.lon + 180) / 360) * n,
    py: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n,
  };
}

function categoryById(): Map<number, string> {
  const fc = JSON.parse(readFileSync(POINTS, 'utf8'));
  return new Map(fc.features.map((f: any) => [f.properties.id, f.properties.category]));
}

const hexRgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 6);

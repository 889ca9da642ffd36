import { expect } from 'chai';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { meetsStandard } from '../support/review.js';
import { addUser, issueToken } from '../../data/users.js';
import { writeLayer } from '../../data/layers/write.js';

const ARTIFACTS = new URL('../../test-artifacts/style-editor/', import.meta.url).pathname;
const SCREENSHOT = new URL('../../docs/screenshots/workspace-style.png', import.meta.url).pathname;
const QGIS_SLD = new URL('./fixtures/taman-qgis.sld', import.meta.url).pathname;
const PASSWORD = 'Taman-Kota-2026!';
const LAYER = 'dpupr:taman_jenis';

/** Three squares of 0.01° side by side in the city, each of its own kind (jenis). */
const PARKS = [
  { jenis: 'Taman kota', luas: 12.5, x: 106.6 },
  { jenis: 'Hutan kota', luas: 40, x: 106.62 },
  { jenis: 'Taman lingkungan', luas: 3.2, x: 106.64 },
];
const Y = -6.18;
const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, Y],
      [x + 0.01, Y],
      [x + 0.01, Y + 0.01],
      [x, Y + 0.01],
      [x, Y],
    ],
  ],
});
const centre = (p: (typeof PARKS)[number]) => [p.x + 0.005, Y + 0.005];

const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The colour of pixel (x, y) of a PNG. */
async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (Math.floor(y) * info.width + Math.floor(x)) * info.channels;
  return [data[i], data[i + 1], data[i + 2]];
}
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 6);

async function bytes(url: string): Promise<Buffer> {
  const r = await fetch(url);
  expect(r.status, url).to.equal(200);
  return Buffer.from(await r.arrayBuffer());
}

/** The style editor in Chromium: a simple symbology previewed live and saved as the default that
 *  WMS and the tiles draw, an SLD checked before it is saved, and the access rules. */
describe('workspace: the style editor in Chromium', () => {
  let node: TestNode;
  let browser: Browser;
  const defaultStyle = async () =>
    (
      await node.ctx.db.query(
        `SELECT s.name FROM simpul.layer_style s JOIN simpul.layer l ON l.id = s.layer_id WHERE l.name = $1 AND s.is_default`,
        [LAYER],
      )
    ).rows[0]?.name;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await addUser(node.ctx.db, { username: 'dk', role: 'produsen', organisation: 'dinkes', password: PASSWORD });
    await writeLayer(
      node.ctx.db,
      meetsStandard('taman_jenis', {
        status: 'published',
        title: 'Taman menurut jenis',
        attributes: [
          { name: 'jenis', type: 'string' },
          { name: 'luas', type: 'number' },
        ],
      }),
      [PARKS.map((p) => ({ geojson: square(p.x), properties: { jenis: p.jenis, luas: p.luas } }))],
    );
    await node.ctx.catalogue.reload();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
  });
  after(async () => {
    await browser?.close();
    await node?.stop();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${node.url}/workspace/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(`${node.url}/workspace`);
    return page;
  }
  const legendCount = (page: Page, n: number) =>
    page.waitForFunction((k) => document.querySelectorAll('#st-legend li').length === k, n);
  const legend = (page: Page) =>
    page.$$eval('#st-legend li', (lis) =>
      lis.map(
        (li) =>
          [li.querySelector('.st-value')!.textContent!.trim(), li.getAttribute('data-colour')!] as [string, string],
      ),
    );

  it('previews categories live, saves them as the default that WMS and the tiles draw, audited', async () => {
    const page = await signIn('pu');
    await page.goto(`${node.url}/workspace/layers/${LAYER}`);
    await page.click('#edit-style');
    await page.waitForURL(/\/style$/);
    expect(await seriousViolations(page)).to.deep.equal([]);

    await page.check('#kind-categories');
    await page.selectOption('#st-attribute', 'jenis');
    await legendCount(page, 3);
    const categories = await page.getAttribute('#st-preview-img', 'src');
    await page.check('#kind-single');
    await legendCount(page, 1);
    const single = await page.getAttribute('#st-preview-img', 'src');
    expect(single).to.match(/^data:image\/png;base64,/);
    expect(categories, 'the preview redraws in the chosen style').to.not.equal(single);
    // Graduated: numeric classes; a text attribute is refused in the preview, and next to its
    // field when saved, with nothing written.
    await page.check('#kind-graduated');
    await page.selectOption('#st-attribute', 'luas');
    await page.fill('#st-classes', '3');
    await legendCount(page, 3);
    expect((await legend(page))[0][0]).to.match(/^3\.2 – /);
    await page.selectOption('#st-attribute', 'jenis');
    await page.waitForSelector('#st-preview-errors');
    await page.click('#st-save');
    await page.waitForSelector('#e-attribute');
    expect(await page.textContent('#e-attribute')).to.contain('atribut angka');
    expect(await page.getAttribute('#st-attribute', 'aria-invalid')).to.equal('true');
    expect(await defaultStyle(), 'a refused form writes nothing').to.equal(undefined);
    expect(await seriousViolations(page)).to.deep.equal([]);

    await page.check('#kind-categories');
    await legendCount(page, 3);
    const classes = new Map(await legend(page));
    expect([...classes.keys()].sort()).to.deep.equal(PARKS.map((p) => p.jenis).sort());
    expect(await defaultStyle(), 'the preview writes nothing').to.equal(undefined);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.click('#st-save');
    await page.waitForURL(/\/style\?saved=simple$/);
    expect(await page.textContent('#st-notice')).to.contain('Gaya tersimpan');
    expect(await defaultStyle()).to.equal('sederhana');
    // The page opens again on the choices that made the stored style.
    expect(await page.isChecked('#kind-categories')).to.equal(true);
    expect(await page.inputValue('#st-attribute')).to.equal('jenis');
    const trail = (
      await node.ctx.db.query('SELECT action, actor, before, after FROM simpul.audit WHERE layer_name = $1', [LAYER])
    ).rows;
    expect(trail.map((r: any) => [r.action, r.actor, r.before.defaultStyle, r.after.defaultStyle])).to.deep.equal([
      ['style.edit', 'pu', 'default', 'sederhana'],
    ]);

    // WMS with empty STYLES draws the new default: each park in its class's colour.
    const [w, h] = [300, 100];
    const bbox = [106.595, Y - 0.005, 106.655, Y + 0.015];
    const map = await bytes(
      `${node.url}/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=${LAYER}&STYLES=&SRS=EPSG:4326&BBOX=${bbox.join(',')}&WIDTH=${w}&HEIGHT=${h}&FORMAT=image/png`,
    );
    for (const p of PARKS) {
      const [lon, lat] = centre(p);
      const px = ((lon - bbox[0]) / (bbox[2] - bbox[0])) * w;
      const py = ((bbox[3] - lat) / (bbox[3] - bbox[1])) * h;
      const got = await pixel(map, px, py);
      expect(near(got, rgbOf(classes.get(p.jenis)!)), `WMS ${p.jenis}: ${got}`).to.equal(true);
    }
    // And an XYZ picture tile at zoom 14 of each park's centre.
    const z = 14;
    for (const p of PARKS) {
      const [lon, lat] = centre(p);
      const n = 256 * 2 ** z;
      const gx = ((lon + 180) / 360) * n;
      const s = Math.sin((lat * Math.PI) / 180);
      const gy = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
      const tile = await bytes(`${node.url}/tiles/${LAYER}/${z}/${Math.floor(gx / 256)}/${Math.floor(gy / 256)}.png`);
      const got = await pixel(tile, gx % 256, gy % 256);
      expect(near(got, rgbOf(classes.get(p.jenis)!)), `tile ${p.jenis}: ${got}`).to.equal(true);
    }
    await page.context().close();
  });

  it('checks an uploaded SLD: a bad one is named next to the field and saves nothing, a QGIS one is previewed then saved', async () => {
    const page = await signIn('pu');
    await page.goto(`${node.url}/workspace/layers/${LAYER}/style`);
    const rows = async () => Number((await node.ctx.db.query('SELECT count(*)::int AS n FROM simpul.audit')).rows[0].n);
    const audited = await rows();

    await page.setInputFiles('#st-sld', {
      name: 'rusak.sld',
      mimeType: 'application/xml',
      buffer: Buffer.from('<StyledLayerDescriptor><NamedLayer><Name>x</Name>'),
    });
    await page.waitForFunction(() => (document.getElementById('st-sldText') as HTMLTextAreaElement).value.length > 0);
    await page.click('#sld-save');
    await page.waitForSelector('#e-sld');
    expect(await page.textContent('#e-sld')).to.match(/^SLD tidak dapat dibaca/);
    expect(await page.getAttribute('#st-sldText', 'aria-invalid')).to.equal('true');
    expect(await seriousViolations(page)).to.deep.equal([]);

    // A well-formed SLD that reads an attribute the layer lacks is refused too.
    await page.fill('#st-sldText', readFileSync(QGIS_SLD, 'utf8').replaceAll('>jenis<', '>kategori<'));
    await page.click('#sld-check');
    await page.waitForFunction(() => document.getElementById('e-sld')?.textContent?.includes('kategori'));
    expect(await defaultStyle()).to.equal('sederhana');
    expect(await rows(), 'a refused SLD writes nothing').to.equal(audited);

    await page.fill('#st-sldText', '');
    await page.setInputFiles('#st-sld', QGIS_SLD);
    await page.waitForFunction(() => (document.getElementById('st-sldText') as HTMLTextAreaElement).value.length > 0);
    await page.click('#sld-check');
    await page.waitForSelector('#sld-preview-img');
    expect(await page.textContent('#sld-ok')).to.contain('2 aturan');
    const titles = await page.$$eval('#sld-legend li', (lis) => lis.map((li) => li.getAttribute('data-colour')));
    expect(titles).to.deep.equal(['#e31a1c', '#1f78b4']);
    expect(await defaultStyle(), 'checking writes nothing').to.equal('sederhana');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.screenshot({ path: `${ARTIFACTS}sld-checked.png`, fullPage: true });

    await page.click('#sld-save');
    await page.waitForURL(/\/style\?saved=sld$/);
    expect(await defaultStyle()).to.equal('taman_qgis');
    expect(await rows()).to.equal(audited + 1);
    const [lon, lat] = centre(PARKS[0]);
    const wms = await bytes(
      `${node.url}/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=${LAYER}&STYLES=&SRS=EPSG:4326&BBOX=${lon - 0.001},${lat - 0.001},${lon + 0.001},${lat + 0.001}&WIDTH=10&HEIGHT=10&FORMAT=image/png`,
    );
    expect(near(await pixel(wms, 5, 5), rgbOf('#e31a1c'))).to.equal(true);

    // An SLD larger than a form body may be (64 KB) is checked all the same: sent as XML.
    const padded = readFileSync(QGIS_SLD, 'utf8').replace(
      '<StyledLayerDescriptor',
      `<!-- ${'x'.repeat(100_000)} -->\n$&`,
    );
    await page.fill('#st-sldText', padded);
    await page.click('#sld-check');
    await page.waitForSelector('#sld-preview-img');
    expect(await page.textContent('#sld-ok')).to.contain('2 aturan');
    // Without the script, the plain form checks it too (an SLD that fits in a form body).
    const plain = await page.request.post(`${node.url}/workspace/layers/${LAYER}/style`, {
      form: {
        _csrf: (await page.getAttribute('#sld-form', 'data-csrf'))!,
        do: 'sld-check',
        sldText: readFileSync(QGIS_SLD, 'utf8'),
      },
    });
    expect(plain.status()).to.equal(200);
    expect(await plain.text()).to.contain('id="sld-preview-img"');
    await page.context().close();
  });

  it('audits style changes made through the JSON API too', async () => {
    const token = await issueToken(node.ctx.db, 'pu');
    const url = `${node.url}/api/layers/${LAYER}/styles/api_merah`;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.ogc.sld+xml' };
    const sld = readFileSync(QGIS_SLD, 'utf8');
    expect((await get(`${url}?default=true`, { method: 'PUT', headers, body: sld })).status).to.equal(200);
    expect((await get(url, { method: 'DELETE', headers })).status).to.equal(204);
    const trail = (
      await node.ctx.db.query(
        `SELECT action, actor, subject, before, after FROM simpul.audit WHERE layer_name = $1 AND subject = 'api_merah' ORDER BY id`,
        [LAYER],
      )
    ).rows.map((r: any) => [r.action, r.actor, r.before.defaultStyle, r.after.defaultStyle]);
    expect(trail).to.deep.equal([
      ['style.edit', 'pu', 'taman_qgis', 'api_merah'],
      ['style.delete', 'pu', 'api_merah', 'default'],
    ]);
  });

  it('hides the page of another organisation’s layer (404) and refuses a form without the CSRF token (403)', async () => {
    const page = await signIn('dk');
    const r = await page.goto(`${node.url}/workspace/layers/${LAYER}/style`);
    expect(r!.status()).to.equal(404);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'simpul_session')!;
    const post = await get(`${node.url}/workspace/layers/dinkes:fasilitas_kesehatan/style`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: `simpul_session=${cookie.value}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ do: 'simple', kind: 'single', colour: '#ff0000', strokeWidth: '1' }),
    });
    expect(post.status).to.equal(403);
    expect(
      (
        await node.ctx.db.query(
          `SELECT count(*)::int AS n FROM simpul.layer_style s JOIN simpul.layer l ON l.id = s.layer_id WHERE l.name = 'dinkes:fasilitas_kesehatan'`,
        )
      ).rows[0].n,
    ).to.equal(0);
    await page.context().close();
  });
});

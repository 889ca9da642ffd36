import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { giveOwnContact, meetsStandard, POINT } from '../support/review.js';
import { addUser } from '../../data/users.js';
import { writeLayer, type NewLayer } from '../../data/layers/write.js';

const ARTIFACTS = new URL('../../test-artifacts/workspace/', import.meta.url).pathname;
const PASSWORD = 'Taman-Kota-2026!';
const LAYER = 'dpupr:taman_baru';

/** The workspace in Chromium: the review workflow from sign-in to publication, and its guards. */
describe('workspace: sign-in, produsen and walidata pages, the workflow in Chromium', () => {
  let node: TestNode;
  let browser: Browser;
  const complete = (localName: string, extra: Partial<NewLayer> = {}): NewLayer =>
    meetsStandard(localName, {
      title: 'Taman Baru Kota Tangerang',
      abstract: 'Taman dan ruang terbuka hijau kota yang baru',
      metadata: {
        topicCategory: 'environment',
        lineage: 'Survei lapangan Dinas PUPR 2026',
        licence: 'https://creativecommons.org/licenses/by/4.0/',
      },
      ...extra,
    });
  const statusOf = async (name: string) =>
    (await node.ctx.db.query('SELECT status FROM simpul.layer WHERE name = $1', [name])).rows[0]?.status as string;
  const sessionsOf = async (username: string) =>
    Number(
      (
        await node.ctx.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM simpul.web_session s JOIN simpul.app_user u ON u.id = s.user_id WHERE u.username = $1',
          [username],
        )
      ).rows[0].n,
    );

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await addUser(node.ctx.db, {
      username: 'walidata',
      role: 'walidata',
      organisation: 'diskominfo',
      password: PASSWORD,
    });
    await giveOwnContact(node.ctx.db, 'dpupr');
    await writeLayer(node.ctx.db, complete('taman_baru'), [[POINT]]);
    await writeLayer(node.ctx.db, complete('rahasia_dinkes', { organisation: 'dinkes', title: 'Draf Dinkes' }), [
      [POINT],
    ]);
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

  async function signIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${node.url}/workspace`);
    await page.waitForURL(/\/workspace\/sign-in\?next=%2Fworkspace/);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(`${node.url}/workspace`);
    return { context, page };
  }

  /** A session over plain HTTP: its cookie and the CSRF token of its pages. */
  async function httpSession(username: string): Promise<{ cookie: string; csrf: string }> {
    const form = await fetch(`${node.url}/workspace/sign-in`);
    const pre = /simpul_signin=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
    const r = await fetch(`${node.url}/workspace/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `simpul_signin=${pre}` },
      body: new URLSearchParams({ _csrf: token, username, password: PASSWORD, next: '/workspace' }),
    });
    expect(r.status).to.equal(303);
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie)
      .to.match(/simpul_session=[^;]+;.*HttpOnly/i)
      .and.match(/SameSite=Lax/i)
      .and.not.match(/Secure/);
    const cookie = /simpul_session=[^;]+/.exec(setCookie)![0];
    const home = await get(`${node.url}/workspace`, { headers: { Cookie: cookie } });
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home.body)![1] };
  }

  it('walks a layer from draft to published: submit, return with a note, resubmit, verify, publish; then it is in WMS GetCapabilities', async () => {
    const pu = await signIn('pu');
    // The produsen's own layers, drafts among them; the search runs on the server.
    await pu.page.goto(`${node.url}/workspace?status=draft&q=taman`);
    await pu.page.waitForSelector(`tr[data-layer="${LAYER}"]`);
    const rows = await pu.page
      .locator('#layers tbody tr')
      .evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.layer, (e as HTMLElement).dataset.status]));
    expect(rows).to.deep.include([LAYER, 'draft']);
    for (const [name, status] of rows) expect([name!.split(':')[0], status]).to.deep.equal(['dpupr', 'draft']);
    expect(await seriousViolations(pu.page)).to.deep.equal([]);
    await pu.page.click(`tr[data-layer="${LAYER}"] a`);
    await pu.page.waitForSelector('.gate-ok');
    await pu.page.click('button[data-action="submit"]');
    await pu.page.waitForSelector(`article[data-layer="${LAYER}"][data-status="submitted"] .done`);
    expect(await statusOf(LAYER)).to.equal('submitted');

    const wd = await signIn('walidata');
    await wd.page.selectOption('#organisation', 'dpupr');
    await wd.page.click('#queue-filter button');
    await wd.page.waitForURL(/organisation=dpupr/);
    const card = `article[data-layer="${LAYER}"]`;
    await wd.page.waitForSelector(`${card} .gate-ok`);
    expect(await seriousViolations(wd.page)).to.deep.equal([]);
    await wd.page.screenshot({ path: `${ARTIFACTS}walidata-queue.png`, fullPage: true });
    // Returning without a note: the error stands next to the note, in Indonesian; nothing changes.
    await wd.page.click(`${card} button[data-action="return"]`);
    await wd.page.waitForSelector(`${card} textarea[aria-invalid="true"] + .error`);
    expect(await wd.page.locator(`${card} .step-return .error`).textContent()).to.equal(
      'Langkah ini wajib disertai catatan.',
    );
    expect(await statusOf(LAYER)).to.equal('submitted');
    expect(await seriousViolations(wd.page)).to.deep.equal([]);
    await wd.page.fill(`${card} .step-return textarea`, 'Lengkapi atribut nama taman');
    await wd.page.click(`${card} button[data-action="return"]`);
    await wd.page.waitForSelector(`${card}[data-status="returned"]`);
    expect(await statusOf(LAYER)).to.equal('returned');

    // The produsen finds it first in its list, reads the note, and submits again.
    await pu.page.goto(`${node.url}/workspace`);
    expect(await pu.page.locator('#layers tbody tr').first().getAttribute('data-layer')).to.equal(LAYER);
    await pu.page.screenshot({ path: `${ARTIFACTS}produsen-home.png`, fullPage: true });
    await pu.page.click(`tr[data-layer="${LAYER}"] a`);
    expect(await pu.page.locator('#history tbody').textContent()).to.contain('Lengkapi atribut nama taman');
    await pu.page.click('button[data-action="submit"]');
    await pu.page.waitForSelector(`article[data-layer="${LAYER}"][data-status="submitted"]`);

    await wd.page.goto(`${node.url}/workspace/layers/${LAYER}`);
    await wd.page.click('button[data-action="verify"]');
    await wd.page.waitForSelector(`${card}[data-status="verified"]`);
    await wd.page.click('button[data-action="publish"]');
    await wd.page.waitForSelector(`${card}[data-status="published"]`);
    expect(await statusOf(LAYER)).to.equal('published');
    const trail = (
      await node.ctx.db.query('SELECT action, actor FROM simpul.audit WHERE layer_name = $1 ORDER BY id', [LAYER])
    ).rows.map((r: any) => `${r.actor}:${r.action}`);
    expect(trail).to.deep.equal([
      'pu:layer.submit',
      'walidata:layer.return',
      'pu:layer.submit',
      'walidata:layer.verify',
      'walidata:layer.publish',
    ]);

    const caps = await get(`${node.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`);
    expect(caps.status).to.equal(200);
    expect(caps.body).to.contain(`<Name>${LAYER}</Name>`);
    await pu.context.close();
    await wd.context.close();
  });

  it("draws the dashboard: layers by status and this week's steps, the same figures in its tables", async () => {
    const { context, page } = await signIn('walidata');
    await page.click('a[href="/workspace/dashboard"]');
    await page.waitForFunction(
      () => (window as any).Chart?.getChart('steps-chart') && (window as any).Chart.getChart('status-chart'),
    );
    const visible = (
      await node.ctx.db.query<{ status: string; n: number }>(
        "SELECT status, count(*)::int AS n FROM simpul.layer WHERE access_class <> 'IGSTRATEGIS' GROUP BY status",
      )
    ).rows;
    const table = await page
      .locator('#status-table tbody tr')
      .evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.status, Number(e.children[1].textContent)]));
    for (const [status, n] of table)
      expect(n, String(status)).to.equal(visible.find((r) => r.status === status)?.n ?? 0);
    const drawn = await page.evaluate(() => (window as any).Chart.getChart('status-chart').data.datasets[0].data);
    expect(drawn).to.deep.equal(table.map(([, n]) => n));
    // This week: two submissions, one return, one verification, one publication.
    const week = await page
      .locator('#steps-table tbody tr')
      .last()
      .evaluate((e) => [...e.children].slice(1).map((c) => Number(c.textContent)));
    expect(week).to.deep.equal([2, 1, 1, 1]);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.screenshot({ path: `${ARTIFACTS}dashboard.png`, fullPage: true });
    await context.close();
  });

  it('refuses a POST without the CSRF token (403), in the workspace and on the JSON API', async () => {
    const s = await httpSession('pu');
    const form = (body: Record<string, string>) => ({
      method: 'POST',
      redirect: 'manual' as const,
      headers: { Cookie: s.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
    expect((await get(`${node.url}/workspace/layers/dpupr:jalan/steps/submit`, form({}))).status).to.equal(403);
    expect(
      (await get(`${node.url}/workspace/layers/dpupr:jalan/steps/submit`, form({ _csrf: 'x'.repeat(s.csrf.length) })))
        .status,
    ).to.equal(403);
    expect((await get(`${node.url}/workspace/sign-out`, form({}))).status).to.equal(403);
    // The cookie signs in on the API too, as the same principal; a change there needs the token as well.
    const me = await get(`${node.url}/api/me`, { headers: { Cookie: s.cookie } });
    expect(me.status).to.equal(200);
    expect(JSON.parse(me.body)).to.include({ username: 'pu', role: 'produsen', organisation: 'dpupr' });
    const api = (headers: Record<string, string>) =>
      get(`${node.url}/api/me/tokens`, {
        method: 'POST',
        headers: { Cookie: s.cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ label: 'QGIS' }),
      });
    expect((await api({})).status).to.equal(403);
    expect((await api({ 'X-CSRF-Token': s.csrf })).status).to.equal(201);
    expect(await sessionsOf('pu')).to.be.greaterThan(0);
  });

  it('answers 404 when a produsen opens another organisation’s draft', async () => {
    const s = await httpSession('pu');
    const r = await get(`${node.url}/workspace/layers/dinkes:rahasia_dinkes`, { headers: { Cookie: s.cookie } });
    expect(r.status).to.equal(404);
    expect(r.body).to.not.contain('Draf Dinkes');
    const step = await get(`${node.url}/workspace/layers/dinkes:rahasia_dinkes/steps/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: s.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.csrf }),
    });
    expect(step.status).to.equal(404);
    expect(await statusOf('dinkes:rahasia_dinkes')).to.equal('draft');
  });

  it('sends an expired session (idle or past its age) back to sign-in, and deletes it', async () => {
    for (const column of ['last_seen_at', 'created_at']) {
      const s = await httpSession('walidata');
      const hours = column === 'last_seen_at' ? 2 : 13;
      await node.ctx.db.query(
        `UPDATE simpul.web_session SET ${column} = now() - interval '${hours} hours' WHERE user_id = (SELECT id FROM simpul.app_user WHERE username = 'walidata')`,
      );
      const r = await get(`${node.url}/workspace`, { headers: { Cookie: s.cookie }, redirect: 'manual' });
      expect(r.status, column).to.equal(303);
      expect(r.headers.get('location')).to.equal('/workspace/sign-in?next=%2Fworkspace&expired=1');
      expect(r.headers.get('set-cookie')).to.match(/^simpul_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
      const hash = createHash('sha256')
        .update(decodeURIComponent(s.cookie.split('=')[1]))
        .digest('base64url');
      expect(
        (await node.ctx.db.query('SELECT 1 FROM simpul.web_session WHERE id_hash = $1', [hash])).rows,
      ).to.have.length(0);
      expect((await get(`${node.url}/api/me`, { headers: { Cookie: s.cookie } })).status).to.equal(401);
    }
  });

  it('signs out in Chromium: the session is gone from the database and its cookie opens nothing', async () => {
    const before = await sessionsOf('walidata');
    const { context, page } = await signIn('walidata');
    expect(await sessionsOf('walidata')).to.equal(before + 1);
    const cookie = (await context.cookies()).find((c) => c.name === 'simpul_session')!;
    expect(cookie).to.include({ httpOnly: true, sameSite: 'Lax', secure: false });
    await page.click('#sign-out');
    await page.waitForURL(/\/workspace\/sign-in$/);
    expect(await sessionsOf('walidata')).to.equal(before);
    const r = await get(`${node.url}/workspace`, {
      headers: { Cookie: `simpul_session=${cookie.value}` },
      redirect: 'manual',
    });
    expect(r.status).to.equal(303);
    const ended = (
      await node.ctx.db.query(
        "SELECT count(*)::int AS n FROM simpul.audit WHERE action = 'session.end' AND actor = 'walidata'",
      )
    ).rows[0].n;
    expect(ended).to.equal(1);
    await context.close();
  });

  it('marks the session cookie Secure behind a trusted HTTPS proxy (X-Forwarded-Proto), and only there', async () => {
    const proxied = await testNode({ serve: true, config: { trustProxy: ['loopback'] } });
    try {
      await addUser(proxied.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
      const signInVia = async (proto: string) => {
        const form = await fetch(`${proxied.url}/workspace/sign-in`, { headers: { 'X-Forwarded-Proto': proto } });
        const pre = /simpul_signin=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
        const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
        const r = await fetch(`${proxied.url}/workspace/sign-in`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Cookie: `simpul_signin=${pre}`,
            'X-Forwarded-Proto': proto,
          },
          body: new URLSearchParams({ _csrf: token, username: 'pu', password: PASSWORD }),
        });
        expect(r.status).to.equal(303);
        return /simpul_session=[^\n]*/.exec(r.headers.get('set-cookie') ?? '')![0];
      };
      expect(await signInVia('https'))
        .to.match(/; Secure/)
        .and.match(/HttpOnly/)
        .and.match(/SameSite=Lax/);
      expect(await signInVia('http')).to.not.match(/Secure/);
    } finally {
      await proxied.stop();
    }
  });

  it('refuses a wrong password with the message next to the form, counted by the sign-in limits', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${node.url}/workspace/sign-in`);
    await page.fill('#username', 'pu');
    await page.fill('#password', 'salah-sekali-123');
    await page.click('#sign-in');
    await page.waitForSelector('#signin-error');
    expect(await page.locator('#signin-error').textContent()).to.equal('Nama pengguna atau kata sandi salah.');
    expect(await seriousViolations(page)).to.deep.equal([]);
    const failed = (
      await node.ctx.db.query("SELECT after FROM simpul.audit WHERE action = 'signin.failed' AND subject = 'pu'")
    ).rows;
    expect(failed.map((r: any) => r.after.method)).to.deep.equal(['form']);
    await context.close();
  });
});

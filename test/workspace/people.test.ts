import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { addUser } from '../../data/users.js';

const ARTIFACTS = new URL('../../test-artifacts/workspace/', import.meta.url).pathname;
const PASSWORD = 'Taman-Kota-2026!';

/** The workspace's account, people, organisation and audit pages in Chromium. */
describe('workspace: account and tokens, users, organisation profile, audit trail', () => {
  let node: TestNode;
  let browser: Browser;
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
    await addUser(node.ctx.db, {
      username: 'walidata',
      role: 'walidata',
      organisation: 'diskominfo',
      password: PASSWORD,
    });
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await addUser(node.ctx.db, { username: 'pu-admin', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await node.ctx.db.query("UPDATE simpul.app_user SET is_org_admin = true WHERE username = 'pu-admin'");
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
  });
  after(async () => {
    await browser?.close();
    await node?.stop();
  });

  async function signIn(username: string, password = PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${node.url}/workspace/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#sign-in');
    await page.waitForURL(`${node.url}/workspace`);
    return { context, page };
  }

  it('issues a token shown once, with Basic-auth steps for QGIS and ArcGIS that work as written', async () => {
    const { context, page } = await signIn('walidata');
    await page.goto(`${node.url}/workspace/account`);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.fill('#token-label', 'QGIS kantor');
    await page.fill('#token-days', '30');
    await page.click('#issue-token');
    await page.waitForSelector('#new-token');
    const token = (await page.locator('#new-token').textContent())!.trim();
    expect(token).to.match(/^spl_[A-Za-z0-9_-]{32}$/);
    const steps = await page.locator('.issued').textContent();
    expect(steps)
      .to.contain(`URL: ${node.url}/wms`)
      .and.contain('Nama pengguna walidata')
      .and.contain('User Name walidata');
    expect(await page.locator('#token-list tbody tr').count()).to.equal(1);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.screenshot({ path: `${ARTIFACTS}account-token.png`, fullPage: true });
    // As QGIS sends it: Basic with the username and the token as the password.
    const basic = `Basic ${Buffer.from(`walidata:${token}`).toString('base64')}`;
    const me = await get(`${node.url}/api/me`, { headers: { Authorization: basic } });
    expect(JSON.parse(me.body)).to.include({ username: 'walidata', role: 'walidata' });
    // Shown once: the page afterwards lists it without the secret.
    await page.goto(`${node.url}/workspace/account`);
    expect(await page.content()).to.not.contain(token);
    await page.click('#token-list button');
    await page.waitForURL(/done=revoked/);
    expect(await page.locator('#token-list').count()).to.equal(0);
    expect((await get(`${node.url}/api/me`, { headers: { Authorization: basic } })).status).to.equal(401);
    await context.close();
  });

  it('changes the own password: a weak one is refused next to the field; then the other sessions end', async () => {
    const other = await signIn('pu');
    const { context, page } = await signIn('pu');
    expect(await sessionsOf('pu')).to.equal(2);
    await page.goto(`${node.url}/workspace/account`);
    await page.fill('#current-password', PASSWORD);
    await page.fill('#new-password', 'pendek');
    await page.click('#change-password');
    await page.waitForSelector('#new-password-error');
    expect(await page.locator('#new-password-error').textContent()).to.equal('kata sandi paling sedikit 10 karakter.');
    await page.fill('#current-password', 'bukan-sandinya-1');
    await page.fill('#new-password', 'Sandi-Baru-Taman-2026');
    await page.click('#change-password');
    await page.waitForSelector('#current-password-error');
    expect(await page.locator('#current-password-error').textContent()).to.equal('Kata sandi sekarang salah.');
    await page.fill('#current-password', PASSWORD);
    await page.fill('#new-password', 'Sandi-Baru-Taman-2026');
    await page.click('#change-password');
    await page.waitForSelector('.done');
    expect(await sessionsOf('pu')).to.equal(1);
    await other.page.goto(`${node.url}/workspace`);
    expect(other.page.url()).to.contain('/workspace/sign-in');
    await other.context.close();
    await context.close();
    await (await signIn('pu', 'Sandi-Baru-Taman-2026')).context.close();
  });

  it('lets the walidata create, disable and reset accounts; disabling ends the sessions at once', async () => {
    const pu = await signIn('pu-admin');
    const { context, page } = await signIn('walidata');
    await page.goto(`${node.url}/workspace/users?organisation=dpupr`);
    expect(
      await page.locator('#users tbody tr').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.user)),
    ).to.deep.equal(['pu', 'pu-admin']);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.fill('#new-username', 'dinkes.gis');
    await page.selectOption('#new-role', 'produsen');
    await page.selectOption('#new-org', 'dinkes');
    await page.fill('#new-password', 'rahasia123');
    await page.click('#create');
    await page.waitForSelector('#new-password-error');
    expect(await page.locator('#new-password-error').textContent()).to.equal('kata sandi ini terlalu umum.');
    expect(await page.inputValue('#new-username')).to.equal('dinkes.gis');
    await page.fill('#new-password', 'Puskesmas-Peta-2026');
    await page.click('#create');
    await page.waitForSelector('tr[data-user="dinkes.gis"]');
    await page.goto(`${node.url}/workspace/users?organisation=dpupr`);
    await page.click('tr[data-user="pu-admin"] button[data-change="disable"]');
    await page.waitForSelector('tr[data-user="pu-admin"][data-disabled="true"]');
    expect(await sessionsOf('pu-admin')).to.equal(0);
    await pu.page.goto(`${node.url}/workspace`);
    expect(pu.page.url()).to.contain('/workspace/sign-in');
    await page.click('tr[data-user="pu-admin"] button[data-change="enable"]');
    await page.waitForSelector('tr[data-user="pu-admin"][data-disabled="false"]');
    await page.fill('#pw-pu-admin', 'Reset-Oleh-Walidata-1');
    await page.click('tr[data-user="pu-admin"] form.reset button');
    await page.waitForSelector('.done');
    const trail = (
      await node.ctx.db.query(
        "SELECT action FROM simpul.audit WHERE actor = 'walidata' AND action LIKE 'user.%' ORDER BY id",
      )
    ).rows.map((r: any) => r.action);
    expect(trail).to.deep.equal(['user.create', 'user.disable', 'user.enable', 'user.password.reset']);
    await pu.context.close();
    await context.close();
    await (await signIn('pu-admin', 'Reset-Oleh-Walidata-1')).context.close();
  });

  it('ends the workspace sessions of an account whose password is reset over the JSON API', async () => {
    const { context, page } = await signIn('pu-admin', 'Reset-Oleh-Walidata-1');
    expect(await sessionsOf('pu-admin')).to.be.greaterThan(0);
    const walidata = `Basic ${Buffer.from(`walidata:${PASSWORD}`).toString('base64')}`;
    const r = await get(`${node.url}/api/users/pu-admin/password`, {
      method: 'PUT',
      headers: { Authorization: walidata, 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: 'Lewat-API-Taman-2026' }),
    });
    expect(r.status, r.body).to.equal(200);
    expect(await sessionsOf('pu-admin')).to.equal(0);
    await page.goto(`${node.url}/workspace`);
    expect(page.url()).to.contain('/workspace/sign-in');
    await context.close();
    const back = await get(`${node.url}/api/users/pu-admin/password`, {
      method: 'PUT',
      headers: { Authorization: walidata, 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: 'Reset-Oleh-Walidata-1' }),
    });
    expect(back.status, back.body).to.equal(200);
  });

  it('lets an organisation admin edit its profile and contact; a bad phone is refused next to its field', async () => {
    const { context, page } = await signIn('pu-admin', 'Reset-Oleh-Walidata-1');
    await page.goto(`${node.url}/workspace/organisation`);
    await page.waitForURL(/\/workspace\/organisations\/dpupr$/);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.fill('#f-phone', 'telepon');
    await page.fill('#f-contactName', 'Ir. Budi Santoso');
    await page.click('#save');
    await page.waitForSelector('#f-phone-error');
    expect(await page.locator('#f-phone-error').textContent()).to.equal('Isian ini tidak valid.');
    expect(await page.inputValue('#f-contactName')).to.equal('Ir. Budi Santoso');
    await page.fill('#f-phone', '021 5587 1234');
    await page.click('#save');
    await page.waitForSelector('.done');
    const o = JSON.parse((await get(`${node.url}/api/organisations/dpupr`)).body);
    expect(o).to.include({ phone: '021 5587 1234', contactName: 'Ir. Budi Santoso' });
    // Another organisation's profile is not this admin's to edit.
    const r = await page.goto(`${node.url}/workspace/organisations/dinkes`);
    expect(r!.status()).to.equal(403);
    await context.close();
  });

  it('filters the audit trail by user, action and date, paged; a produsen reads only its organisation', async () => {
    const { context, page } = await signIn('walidata');
    await page.goto(`${node.url}/workspace/audit?user=walidata&action=user.`);
    expect(
      await page.locator('#audit tbody tr').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action)),
    ).to.deep.equal([
      'user.password.reset',
      'user.password.reset',
      'user.password.reset',
      'user.enable',
      'user.disable',
      'user.create',
    ]);
    expect(await seriousViolations(page)).to.deep.equal([]);
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${node.url}/workspace/audit?action=session.start&since=${today}&until=${today}`);
    const starts = Number(
      (await node.ctx.db.query("SELECT count(*)::int AS n FROM simpul.audit WHERE action = 'session.start'")).rows[0].n,
    );
    expect(await page.locator('#matched').textContent()).to.equal(`${starts} catatan`);
    const bad = await page.goto(`${node.url}/workspace/audit?since=kemarin`);
    expect(bad!.status()).to.equal(400);
    expect(await page.locator('#a-since-error').textContent()).to.equal('Tanggal tidak valid.');
    await context.close();
    const pu = await signIn('pu', 'Sandi-Baru-Taman-2026');
    await pu.page.goto(`${node.url}/workspace/audit?action=user.`);
    const orgs = await pu.page.locator('#audit tbody tr td:nth-child(5)').allTextContents();
    expect(orgs.length).to.be.greaterThan(0);
    for (const o of orgs) expect(o).to.equal('dpupr');
    await pu.context.close();
  });
});

import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { giveOwnContact, meetsStandard, POINT } from '../support/review.js';
import { addUser } from '../../data/users.js';
import { writeLayer } from '../../data/layers/write.js';

const ARTIFACTS = new URL('../../test-artifacts/metadata-editor/', import.meta.url).pathname;
const PASSWORD = 'Taman-Kota-2026!';
const LAYER = 'dpupr:taman_sunting';
const LINEAGE = 'Digitasi citra 2025, diperiksa lapangan oleh Dinas PUPR';

/** The metadata editor in Chromium: the live check writes nothing, a bad value is refused next to
 *  its field, "save and submit" writes through the one writer and takes the workflow's step. */
describe('workspace: the metadata editor in Chromium', () => {
  let node: TestNode;
  let browser: Browser;
  const row = async () =>
    (await node.ctx.db.query('SELECT status, abstract, metadata FROM simpul.layer WHERE name = $1', [LAYER])).rows[0];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await addUser(node.ctx.db, { username: 'dk', role: 'produsen', organisation: 'dinkes', password: PASSWORD });
    await giveOwnContact(node.ctx.db, 'dpupr');
    // A draft short of the standard: no lineage, no licence.
    await writeLayer(node.ctx.db, meetsStandard('taman_sunting', { metadata: { topicCategory: 'environment' } }), [
      [POINT],
    ]);
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

  it('checks live without writing, refuses a bad e-mail next to its field, then saves and submits', async () => {
    const page = await signIn('pu');
    await page.goto(`${node.url}/workspace/layers/${LAYER}`);
    await page.click('#edit-metadata');
    await page.waitForURL(/\/metadata$/);
    expect(Number(await page.getAttribute('#md-gate', 'data-missing'))).to.be.greaterThan(0);
    expect(await seriousViolations(page)).to.deep.equal([]);

    await page.fill('#md-lineage', LINEAGE);
    await page.selectOption('#md-licence', 'https://creativecommons.org/licenses/by/4.0/');
    await page.waitForSelector('#md-gate.gate-ok');
    expect((await row()).metadata.lineage, 'the live check writes nothing').to.equal(undefined);
    await page.screenshot({ path: `${ARTIFACTS}editor.png`, fullPage: true });

    await page.fill('#md-contactEmail', 'bukan-surel@');
    await page.click('#md-save');
    await page.waitForSelector('#e-contactEmail');
    expect(await page.getAttribute('#md-contactEmail', 'aria-invalid')).to.equal('true');
    expect((await row()).metadata.lineage, 'a refused form writes nothing').to.equal(undefined);
    expect(await seriousViolations(page)).to.deep.equal([]);

    await page.fill('#md-contactEmail', 'taman@dpupr.tangerangkota.go.id');
    await page.click('#md-submit');
    await page.waitForURL(new RegExp(`/workspace/layers/${encodeURIComponent(LAYER)}\\?done=submit`));
    const after = await row();
    expect(after.status).to.equal('submitted');
    expect(after.metadata.lineage).to.equal(LINEAGE);
    const trail = (
      await node.ctx.db.query('SELECT action FROM simpul.audit WHERE layer_name = $1 ORDER BY id', [LAYER])
    ).rows.map((r: any) => r.action);
    expect(trail).to.deep.equal(['layer.metadata', 'layer.submit']);
    await page.context().close();
  });

  it('hides another organisation’s layer (404) and refuses a form without the CSRF token (403)', async () => {
    const page = await signIn('dk');
    const r = await page.goto(`${node.url}/workspace/layers/${LAYER}/metadata`);
    expect(r!.status()).to.equal(404);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'simpul_session')!;
    const own = await get(`${node.url}/workspace/layers/dinkes:fasilitas_kesehatan/metadata`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: `simpul_session=${cookie.value}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ then: 'save', abstract: 'tanpa token' }),
    });
    expect(own.status).to.equal(403);
    await page.context().close();
  });
});

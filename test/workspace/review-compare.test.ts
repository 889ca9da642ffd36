import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testNode, get, type TestNode } from '../support/context.js';
import { seriousViolations } from '../support/axe.js';
import { giveOwnContact, meetsStandard } from '../support/review.js';
import { addUser } from '../../data/users.js';
import type { Principal } from '../../data/access.js';
import { writeLayer } from '../../data/layers/write.js';
import { writeLayerMetadata } from '../../data/layers/metadata.js';
import { ELEMENT_RULES } from '../../data/layers/standard.js';
import { WORKFLOW } from '../../data/access.js';
import { foldChanges } from '../../data/layers/compare.js';

const ARTIFACTS = new URL('../../test-artifacts/review/', import.meta.url).pathname;
const PASSWORD = 'Taman-Kota-2026!';
const LAYER = 'dpupr:taman_banding';
const FIRST = 'dpupr:taman_pertama';

/** The walidata's review page: the published version beside the pending one, in Chromium. */
describe('workspace review: published and pending versions side by side', () => {
  let node: TestNode;
  let browser: Browser;
  const point = (x: number, y: number, props: Record<string, unknown>) => ({
    geojson: { type: 'Point', coordinates: [x, y] },
    properties: props,
  });
  /** WFS hits: what the node serves of the layer now. */
  const served = async () => {
    const r = await get(
      `${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=${LAYER}&RESULTTYPE=hits`,
    );
    return Number(/numberMatched="(\d+)"/.exec(r.body)?.[1]);
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    node = await testNode({ serve: true });
    const db = node.ctx.db;
    const pu = await addUser(db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: PASSWORD });
    await addUser(db, { username: 'dinkes', role: 'produsen', organisation: 'dinkes', password: PASSWORD });
    await addUser(db, { username: 'walidata', role: 'walidata', organisation: 'diskominfo', password: PASSWORD });
    await giveOwnContact(db, 'dpupr');
    // Version 1, published: three parks with id and nama.
    const attributes = [
      { name: 'id', type: 'integer' as const },
      { name: 'nama', type: 'string' as const },
    ];
    const { layer } = await writeLayer(
      db,
      meetsStandard('taman_banding', { status: 'published', title: 'Taman Kota (perbandingan)', attributes }),
      [[0, 1, 2].map((i) => point(106.6 + i * 0.01, -6.2 + i * 0.01, { id: i, nama: `Taman ${i}` }))],
    );
    const produsen: Principal = {
      kind: 'user',
      userId: pu.id,
      username: 'pu',
      role: 'produsen',
      organisation: 'dpupr',
    };
    // A metadata change after the publication (audited), then version 2: five parks over a wider
    // extent with a new column, uploaded by the produsen: it waits for review.
    await writeLayerMetadata(db, produsen, layer, { fields: { purpose: 'Inventaris taman kota 2026' } });
    await writeLayer(
      db,
      {
        organisation: 'dpupr',
        localName: 'taman_banding',
        nativeSrid: 4326,
        attributes: [...attributes, { name: 'luas', type: 'number' }],
      },
      [
        [0, 1, 2, 3, 4].map((i) =>
          point(106.55 + i * 0.05, -6.25 + i * 0.02, { id: i, nama: `Taman ${i}`, luas: 10 * i }),
        ),
      ],
      { replace: true, actor: produsen },
    );
    // A layer never published: its review shows the pending side only.
    await writeLayer(db, meetsStandard('taman_pertama', { status: 'submitted' }), [[point(106.63, -6.17, {})]]);
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

  async function signIn(username: string, next = '/workspace'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${node.url}${next}`);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(`${node.url}${next}`);
    return { context, page };
  }

  it('folds audited metadata changes into one before/after per field', () => {
    // Newest first, as the trail gives them; the lineage went back to what it was: no change.
    const rows = [
      { action: 'layer.metadata', before: { lineage: 'l2' }, after: { lineage: 'l' }, at: '4', actor: 'z' },
      { action: 'layer.metadata', before: { purpose: 'b' }, after: { purpose: 'c' }, at: '3', actor: 'y' },
      { action: 'layer.status', before: { status: 'x' }, after: { status: 'y' }, at: '2', actor: 'x' },
      {
        action: 'layer.metadata',
        before: { purpose: 'a', lineage: 'l' },
        after: { purpose: 'b', lineage: 'l2' },
        at: '1',
        actor: 'x',
      },
    ];
    expect(foldChanges(rows)).to.deep.equal([{ field: 'purpose', before: 'a', after: 'c', at: '3', actor: 'y' }]);
  });

  it('shows both versions, the added column, the metadata change and both extents; verify and publish switch the served version', async () => {
    const { context, page } = await signIn('walidata', '/workspace?kind=version-pending');
    await page.click(`article[data-layer="${LAYER}"] a.compare`);
    await page.waitForURL(/\/review$/);
    const count = (side: string) => page.locator(`#version-${side} .feature-count`).getAttribute('data-count');
    expect([await count('published'), await count('pending')]).to.deep.equal(['3', '5']);
    expect(await page.locator('#version-pending .delta').getAttribute('data-delta')).to.equal('2');
    expect(await page.locator('#version-published h2').textContent()).to.contain('Versi terbit');
    expect(await page.locator('#version-pending h2').textContent()).to.contain('Versi menunggu');
    expect(
      await page
        .locator('#schema-changes tbody tr')
        .evaluateAll((els) =>
          els.map((e) => (e as HTMLElement).dataset.column + ':' + (e as HTMLElement).dataset.change),
        ),
    ).to.deep.equal(['luas:added']);
    const purpose = page.locator('#metadata-changes tr[data-field="purpose"]');
    expect(await purpose.locator('ins').textContent()).to.equal('Inventaris taman kota 2026');
    expect(await page.locator('#metadata-note').textContent()).to.contain('jejak audit');
    // The map draws one outline per version, from the page's GeoJSON.
    await page.waitForFunction(
      () => (window as any).simpulReviewMap?.loaded() && (window as any).simpulReviewMap.isStyleLoaded(),
    );
    const outlines = await page.evaluate(() => {
      const map = (window as any).simpulReviewMap;
      const style = map.getStyle();
      return ['published', 'pending'].map((s) => ({
        features: style.sources[s].data.features.map((f: any) => f.properties.version),
        line: map.getPaintProperty(`${s}-line`, 'line-color'),
      }));
    });
    expect(outlines.map((o) => o.features)).to.deep.equal([[1], [2]]);
    expect(outlines[0].line).to.not.equal(outlines[1].line);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.screenshot({ path: `${ARTIFACTS}workspace-review.png`, fullPage: true });

    // The steps on the page: verify, then publish; the page comes back with the new state.
    expect(await served()).to.equal(3);
    await page.click('button[data-action="verify-version"]');
    await page.waitForURL(/\/review\?done=verify-version$/);
    expect(await page.locator('#version-pending dd').first().textContent()).to.equal('terverifikasi');
    expect(await served()).to.equal(3);
    await page.click('button[data-action="publish-version"]');
    await page.waitForURL(/\/review\?done=publish-version$/);
    expect(await served()).to.equal(5);
    expect(await page.locator('#version-published').getAttribute('data-version')).to.equal('2');
    expect(await page.locator('#nothing-waits').count()).to.equal(1);
    const trail = (
      await node.ctx.db.query(
        "SELECT action, actor FROM simpul.audit WHERE layer_name = $1 AND actor = 'walidata' ORDER BY id",
        [LAYER],
      )
    ).rows.map((r: any) => r.action);
    expect(trail).to.deep.equal(['layer.verify-version', 'layer.publish-version']);

    // A first publication: the pending side only, said so.
    await page.goto(`${node.url}/workspace/layers/${FIRST}/review`);
    expect(await page.locator('#first-publication').count()).to.equal(1);
    expect(await page.locator('#version-published').count()).to.equal(0);
    expect(await page.locator('#version-pending .feature-count').getAttribute('data-count')).to.equal('1');
    await context.close();
  });

  it("hides the review from another organisation's produsen (404/403 as the API) and shows everyone the standard", async () => {
    const { context, page } = await signIn('dinkes', '/workspace/standard');
    const rows = await page
      .locator('#standard-elements tbody tr')
      .evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.element, (e as HTMLElement).dataset.required]));
    expect(rows.map(([e]) => e)).to.deep.equal(Object.keys(ELEMENT_RULES));
    expect(rows.filter(([, r]) => r === 'true').map(([e]) => e)).to.include.members(['title', 'licence', 'contact']);
    expect(await page.locator('#min-completeness').getAttribute('data-min')).to.equal('75');
    expect(await page.locator('#kugi-rule').textContent()).to.contain('KUGI');
    expect(
      await page
        .locator('#workflow-table tbody tr')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action)),
    ).to.deep.equal(WORKFLOW.map((t) => t.action));
    expect(await seriousViolations(page)).to.deep.equal([]);
    // As the versions API: a layer it cannot see is not found; a published one it sees, forbidden.
    expect((await page.goto(`${node.url}/workspace/layers/${FIRST}/review`))?.status()).to.equal(404);
    expect((await page.goto(`${node.url}/workspace/layers/${LAYER}/review`))?.status()).to.equal(403);
    const api = (name: string) => page.request.get(`${node.url}/api/layers/${name}/versions`).then((x) => x.status());
    expect([await api(FIRST), await api(LAYER)]).to.deep.equal([404, 403]);
    await context.close();
  });
});

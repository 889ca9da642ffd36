/**
 * Map viewer benchmark (not a test): time to interactive of /map with 2,491 extra layers in the
 * catalogue, in Chromium (page opened → map idle with its layers and the first search listed).
 *   npx tsx bench/map.ts        (PostGIS at 127.0.0.1:5432; SIMPUL_BENCH_LAYERS to change)
 * Shares its database with bench/catalogue.ts. Measures /map with no layer, with 3 and with 20
 * layers in the URL, 5 runs each (the median), and the size and time of /map/style.json.
 */
import { chromium } from 'playwright-core';
import { benchDatabase } from './support.js';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { loadDemo } from '../data/demo/load.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/log.js';
import { startServer } from '../server/serve.js';
import { nodeContext } from '../server/context.js';
import { ANONYMOUS } from '../data/access.js';

const LAYERS = Number(process.env.SIMPUL_BENCH_LAYERS ?? 2491);
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const db = await openDatabase({ databaseUrl: await benchDatabase('simpul_bench_catalogue') });
const catalogue = await Catalogue.open(db);
if (catalogue.unguardedAll().length < LAYERS) await loadDemo(db, catalogue, { extraLayers: LAYERS });
const ctx = nodeContext({
  db,
  catalogue,
  config: { ...loadConfig({}), port: 0, host: '127.0.0.1', logLevel: 'silent' },
  log: createLogger('silent'),
});
const server = await startServer(ctx);
const visible = catalogue.visibleLayers(ANONYMOUS).map((l) => l.name);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});

console.log(`layers in the catalogue: ${catalogue.unguardedAll().length} (${visible.length} public)`);
for (const n of [0, 3, 20]) {
  const layers = visible.slice(0, n).join(',');
  const style = `${server.url}/map/style.json?layers=${layers}`;
  const t0 = performance.now();
  const body = await (await fetch(style)).text();
  const styleMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t = performance.now();
    await page.goto(`${server.url}/map${n ? `?layers=${layers}` : ''}`);
    await page.waitForFunction(
      () => document.body.dataset.ready === 'true' && document.querySelector('#map-results li'),
      null,
      { timeout: 120_000 },
    );
    times.push(performance.now() - t);
    await page.close();
  }
  console.log(
    `/map with ${n} layers: time to interactive median ${(median(times) / 1000).toFixed(2)} s (runs ${times.map((x) => (x / 1000).toFixed(2)).join(', ')}); style.json ${(body.length / 1024).toFixed(1)} kB in ${styleMs.toFixed(0)} ms`,
  );
}
await browser.close();
await server.stop();

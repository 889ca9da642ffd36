/**
 * Catalogue search benchmark (not a test): p50/p95 of the home page's search at 2,491 extra layers.
 *   npx tsx bench/catalogue.ts        (PostGIS at 127.0.0.1:5432; SIMPUL_BENCH_LAYERS to change)
 * Measures the search itself (data/catalogue/search.ts over the in-memory catalogue) and the
 * whole page over HTTP (GET /?q=…), for 200 queries: words, prefixes, facets (organisation,
 * kecamatan), sorts and pages.
 */
import { benchDatabase } from './support.js';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { loadDemo } from '../data/demo/load.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/log.js';
import { startServer } from '../server/serve.js';
import { nodeContext } from '../server/context.js';
import { ANONYMOUS } from '../data/access.js';
import { searchLayers } from '../data/catalogue/search.js';
import { searchQueryOf } from '../server/routes/home.js';

const LAYERS = Number(process.env.SIMPUL_BENCH_LAYERS ?? 2491);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const WORDS = [
  'sekolah',
  'posy',
  'banjir',
  'jalan',
  'taman',
  'pasar',
  'halte',
  'cctv',
  'hidran',
  'umkm',
  'bank sampah',
  'pendidikan',
  'kesehatan',
  'dinas',
  'kecamatan',
  '',
];
const QUERIES = Array.from({ length: 200 }, (_, i) => {
  const p = new URLSearchParams({ q: WORDS[i % WORDS.length] });
  if (i % 3 === 0) p.set('org', ['dinkes', 'dindik', 'bapenda', 'dpupr'][i % 4]);
  // The kecamatan facet (from the layers' place keywords): one of the city's 13.
  if (i % 4 === 1) p.set('kecamatan', `36.71.${String((i % 13) + 1).padStart(2, '0')}`);
  if (i % 5 === 0) p.set('sort', ['title', 'date'][i % 2]);
  if (i % 7 === 0) p.set('page', '2');
  return p;
});

const db = await openDatabase({ databaseUrl: await benchDatabase('simpul_bench_catalogue') });
const catalogue = await Catalogue.open(db);
if (catalogue.unguardedAll().length < LAYERS) {
  const t = process.hrtime.bigint();
  await loadDemo(db, catalogue, { extraLayers: LAYERS });
  console.log(`loaded ${catalogue.unguardedAll().length} layers in ${(ms(t) / 1000).toFixed(1)} s`);
}
const ctx = nodeContext({
  db,
  catalogue,
  config: { ...loadConfig({}), port: 0, host: '127.0.0.1', logLevel: 'silent' },
  log: createLogger('silent'),
});
const server = await startServer(ctx);

const inMemory: number[] = [];
for (const [i, p] of [...QUERIES, ...QUERIES].entries()) {
  const t = process.hrtime.bigint();
  searchLayers(
    catalogue.visibleLayers(ANONYMOUS),
    (c) => catalogue.organisation(c),
    searchQueryOf(Object.fromEntries(p)),
  );
  if (i >= QUERIES.length) inMemory.push(ms(t)); // the first round warms the prepared text
}
const http: number[] = [];
for (const p of QUERIES) {
  const t = process.hrtime.bigint();
  const r = await fetch(`${server.url}/?${p}`);
  await r.text();
  http.push(ms(t));
}
console.log(`layers: ${catalogue.unguardedAll().length}`);
console.log(`search (in memory): p50 ${pct(inMemory, 50).toFixed(1)} ms, p95 ${pct(inMemory, 95).toFixed(1)} ms`);
console.log(`home page GET /?q=… (HTTP): p50 ${pct(http, 50).toFixed(1)} ms, p95 ${pct(http, 95).toFixed(1)} ms`);
await server.stop();

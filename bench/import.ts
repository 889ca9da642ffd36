/**
 * Import benchmark (not a test):  npx tsx bench/import.ts   (PostGIS at 127.0.0.1:5432, ogr2ogr on PATH)
 * GeoPackages of 20,000 and 200,000 polygons, lines and points (EPSG:4326, four attributes), made
 * once with ogr2ogr from generated GeoJSON under WORK. Each is imported into PostGIS
 *  1. by Simpul, in process (importFile: the import process reads with GDAL, the layer writer
 *     loads, repairs, indexes and adds the EPSG:3857 column) — the import process is started by
 *     a warm-up import first, so this is the import's own time;
 *  2. by `ogr2ogr -f PostgreSQL --config PG_USE_COPY YES -lco SPATIAL_INDEX=GIST` into the same
 *     database (no validation, no second geometry column);
 * and by Simpul into the embedded database (in memory; no peer). The ratio is ogr2ogr's time
 * over Simpul's: ≥ 1.0 means Simpul is no slower. "read" is the import process alone reading the
 * file (GDAL's bulk copy read back and formatted as COPY rows, batches handed to the node, no
 * database): the floor under Simpul's time, since the load runs alongside the reading. The CLI's own start (`node bin/simpul.js
 * import` of the 20,000 polygons, less the in-process time) is printed once, apart.
 * Each figure is the best of RUNS runs (default 3). SIMPUL_BENCH_SIZES=20000 and
 * SIMPUL_BENCH_KINDS=polygons,points narrow the cases; SIMPUL_BENCH_EMBEDDED=0 skips the
 * embedded database. The node is compiled first and run from dist/, as it ships.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { benchDatabase, gridFeatures, parcelRing, type Cell } from './support.js';
import type { Db } from '../data/db/types.js';

// The node as it ships: compiled (dist/), as `simpul serve` and `simpul import` run it. Under tsx
// the import process would run through tsx's transform too, a quarter slower on its own.
process.stdout.write('compiling (npm run build)…\n');
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const compiled = (m: string) => new URL(`../dist/data/${m}`, import.meta.url).href;
const { openDatabase } = (await import(compiled('db/open.js'))) as typeof import('../data/db/open.js');
const { importFile } = (await import(
  compiled('import/import-file.js')
)) as typeof import('../data/import/import-file.js');
const { importPool } = (await import(
  compiled('import/import-pool.js')
)) as typeof import('../data/import/import-pool.js');
import type { ImportReply } from '../data/import/import-protocol.js';
import type { Rng } from '../data/demo/random.js';

const DB = 'simpul_bench_import';
const WORK = '/tmp/simpul-bench-import';
const RUNS = Number(process.env.SIMPUL_BENCH_RUNS ?? 3);
const SIZES = (process.env.SIMPUL_BENCH_SIZES ?? '20000,200000').split(',').map(Number);
const KINDS = (process.env.SIMPUL_BENCH_KINDS ?? 'polygons,lines,points').split(',') as Kind[];
const EMBEDDED = process.env.SIMPUL_BENCH_EMBEDDED !== '0';

type Kind = 'polygons' | 'lines' | 'points';

/** A feature of each kind in its grid cell: a 12–24-gon parcel, a 4–16-vertex road, a point. */
const GEOMETRY: Record<Kind, (r: Rng, cell: Cell) => object> = {
  polygons: (r, cell) => ({ type: 'Polygon', coordinates: [parcelRing(r, cell)] }),
  lines: (r, { cx, cy, dx, dy }) => {
    const k = r.int(4, 16);
    return {
      type: 'LineString',
      coordinates: Array.from({ length: k }, (_, j) => [cx + dx * (j / k - 0.5) * 0.9, cy + dy * r.between(-0.4, 0.4)]),
    };
  },
  points: (r, { cx, cy, dx, dy }) => ({
    type: 'Point',
    coordinates: [cx + dx * r.between(-0.4, 0.4), cy + dy * r.between(-0.4, 0.4)],
  }),
};

const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

/** WORK/<kind>-<n>.gpkg, made once (GeoJSON written here, then ogr2ogr to a GeoPackage). */
async function geopackage(kind: Kind, n: number): Promise<string> {
  const gpkg = `${WORK}/${kind}-${n}.gpkg`;
  if (existsSync(gpkg)) return gpkg;
  const json = `${WORK}/${kind}-${n}.geojson`;
  const out = createWriteStream(json);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{"type":"FeatureCollection","features":[\n');
  let first = true;
  const batches = gridFeatures(n, n + kind.length, (r, cell, i) => ({
    geojson: GEOMETRY[kind](r, cell),
    properties: {
      nib: `3671${String(i).padStart(9, '0')}`,
      penggunaan: r.pick(['permukiman', 'industri', 'perdagangan', 'rth', 'pertanian']),
      luas_m2: Math.round(r.between(60, 2000) * 10) / 10,
      tahun: r.int(1990, 2024),
    },
  }));
  for (const batch of batches) {
    for (const f of batch) {
      await write(
        `${first ? '' : ',\n'}${JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geojson })}`,
      );
      first = false;
    }
  }
  out.end(']}\n');
  await once(out, 'finish');
  execFileSync('ogr2ogr', ['-f', 'GPKG', `${gpkg}.tmp.gpkg`, json, '-nln', kind], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(`${gpkg}.tmp.gpkg`, gpkg);
  return gpkg;
}

async function best(f: () => Promise<number>): Promise<number> {
  let b = Infinity;
  for (let i = 0; i < RUNS; i++) b = Math.min(b, await f());
  return b;
}

async function simpul(db: Db, file: string, name: string): Promise<number> {
  const t = process.hrtime.bigint();
  const r = await importFile(db, { file, organisation: 'dpupr', name, maxFeatures: 5_000_000, replace: true });
  const s = seconds(t);
  if (!r.layers[0].report.written) throw new Error(`${name}: nothing written`);
  return s;
}

/** The import process reading the whole file and handing it over, with nothing written. */
async function readOnly(file: string): Promise<number> {
  const lease = await importPool().lease();
  const t = process.hrtime.bigint();
  try {
    const opened = await lease.process.ask({ type: 'open', file, maxFeatures: 5_000_000 });
    if (opened.type !== 'opened') throw new Error(`open: ${opened.type}`);
    for (let r: ImportReply; (r = await lease.process.ask({ type: 'next', layer: 0 })).type === 'batch' && !r.done;);
    return seconds(t);
  } finally {
    await lease.process.ask({ type: 'close' });
    lease.release(true);
  }
}

function ogr2ogr(dbName: string, file: string, table: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(
    'ogr2ogr',
    [
      '-f',
      'PostgreSQL',
      `PG:host=127.0.0.1 user=postgres dbname=${dbName}`,
      file,
      '-nln',
      `bench_ogr.${table}`,
      '-overwrite',
      '-lco',
      'SPATIAL_INDEX=GIST',
      '--config',
      'PG_USE_COPY',
      'YES',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (r.status !== 0) throw new Error(`ogr2ogr exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return seconds(t);
}

/** The CLI's own start: `node bin/simpul.js import` (built) of one file less the in-process time. */
function cli(url: string, file: string, name: string): number | null {
  if (!existsSync(new URL('../dist/server/cli.js', import.meta.url))) return null;
  const t = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['bin/simpul.js', 'import', file, '--org', 'dpupr', '--name', name, '--replace'],
    {
      env: { ...process.env, DATABASE_URL: url, SIMPUL_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  if (r.status !== 0) throw new Error(`simpul import exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return seconds(t);
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const url = await benchDatabase(DB, true);
  const db = await openDatabase({ databaseUrl: url });
  await db.query('CREATE SCHEMA IF NOT EXISTS bench_ogr');
  const embedded = EMBEDDED ? await openDatabase({ dataDir: null }) : null;

  const rows: Array<{ kind: Kind; n: number; simpul: number; ogr: number; read: number; embedded: number | null }> = [];
  let cliLine = '';
  try {
    for (const n of SIZES) {
      for (const kind of KINDS) {
        process.stdout.write(`${kind} × ${n}: preparing…`);
        const file = await geopackage(kind, n);
        const name = `${kind}_${n}`;
        await simpul(db, file, name); // warm-up: starts the import process
        const s = await best(() => simpul(db, file, name));
        const o = await best(async () => ogr2ogr(DB, file, name));
        const rd = await best(() => readOnly(file));
        const e = embedded ? await best(() => simpul(embedded, file, name)) : null;
        rows.push({ kind, n, simpul: s, ogr: o, read: rd, embedded: e });
        process.stdout.write(
          ` Simpul ${s.toFixed(2)} s, ogr2ogr ${o.toFixed(2)} s, read ${rd.toFixed(2)} s${e === null ? '' : `, embedded ${e.toFixed(2)} s`}\n`,
        );
        if (!cliLine && kind === 'polygons') {
          const c = cli(url, file, `cli_${name}`);
          cliLine =
            c === null
              ? 'CLI start: not measured (run `npm run build` first)'
              : `CLI: \`simpul import\` of ${n} polygons ${c.toFixed(2)} s, of which start ≈ ${(c - s).toFixed(2)} s`;
        }
      }
    }
  } finally {
    importPool().close();
    await db.close();
    await embedded?.close();
  }

  process.stdout.write(
    `\nImport of a GeoPackage into PostGIS, best of ${RUNS} (ratio: ogr2ogr's time / Simpul's; ≥ 1.00 = Simpul no slower)\n`,
  );
  process.stdout.write(
    `${'case'.padEnd(18)} ${'Simpul'.padStart(8)} ${'ogr2ogr'.padStart(8)} ${'ratio'.padStart(7)} ${'feat/s'.padStart(9)} ${'read'.padStart(7)} ${'embedded'.padStart(9)}\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `${`${r.kind} × ${r.n}`.padEnd(18)} ${r.simpul.toFixed(2).padStart(8)} ${r.ogr.toFixed(2).padStart(8)} ${`${(r.ogr / r.simpul).toFixed(2)}×`.padStart(7)} ${Math.round(
        r.n / r.simpul,
      )
        .toString()
        .padStart(
          9,
        )} ${r.read.toFixed(2).padStart(7)} ${(r.embedded === null ? '-' : r.embedded.toFixed(2)).padStart(9)}\n`,
    );
  }
  if (cliLine) process.stdout.write(`${cliLine}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);

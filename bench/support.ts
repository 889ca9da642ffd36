/** What the benchmarks share: their PostGIS databases and seeded layers, a Simpul server in its
 *  own process, and MapServer's config (and CGI environment). */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import pg from 'pg';
import type { FeatureIn } from '../data/layers/write.js';
import { rng, type Rng } from '../data/demo/random.js';

/** The PostGIS server the benchmarks use (SIMPUL_BENCH_PG: a URL of any database on it). */
export const BENCH_PG = process.env.SIMPUL_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of benchmark database `name` on that server. */
export function benchDbUrl(name: string): string {
  return BENCH_PG.replace(/\/[^/]*$/, `/${name}`);
}

/** Creates benchmark database `name` when it is missing (or drops and creates it, `fresh`); returns its URL. */
export async function benchDatabase(name: string, fresh = false): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_PG });
  await admin.connect();
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (fresh || !(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length)
    await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return benchDbUrl(name);
}

/** Kota Tangerang's box (lon/lat) that the seeded layers fill. */
export const BENCH_EXTENT = [106.55, -6.26, 106.75, -6.1];

export interface Cell {
  cx: number;
  cy: number;
  dx: number;
  dy: number;
}

/** n features, one per cell of a square grid over BENCH_EXTENT, from one seed, in batches of 2,000. */
export function* gridFeatures(
  n: number,
  seed: number,
  make: (r: Rng, cell: Cell, i: number) => FeatureIn,
): Iterable<FeatureIn[]> {
  const r = rng(seed);
  const side = Math.ceil(Math.sqrt(n));
  const [x0, y0, x1, y1] = BENCH_EXTENT;
  const dx = (x1 - x0) / side;
  const dy = (y1 - y0) / side;
  let batch: FeatureIn[] = [];
  for (let i = 0; i < n; i++) {
    batch.push(make(r, { cx: x0 + ((i % side) + 0.5) * dx, cy: y0 + (Math.floor(i / side) + 0.5) * dy, dx, dy }, i));
    if (batch.length === 2000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** A parcel: an irregular 12–24-gon filling most of its cell. */
export function parcelRing(r: Rng, { cx, cy, dx, dy }: Cell): number[][] {
  const k = r.int(12, 24);
  const ring: number[][] = [];
  for (let j = 0; j < k; j++) {
    const a = (2 * Math.PI * j) / k;
    const rad = 0.45 * r.between(0.6, 1);
    ring.push([cx + Math.cos(a) * dx * rad, cy + Math.sin(a) * dy * rad]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Starts `simpul serve` on PostGIS and waits until /health answers (up to `waitMs`). */
export async function startSimpul(
  databaseUrl: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
  waitMs = 30_000,
): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/cli-main.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SIMPUL_LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (const end = Date.now() + waitMs; Date.now() < end;) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, base };
}

/** Writes MapServer 8's config (any mapfile path allowed, so requests name theirs with `map=`) into `dir`; returns its path. */
export function mapserverConfig(dir: string): string {
  writeFileSync(`${dir}/mapserver.conf`, 'CONFIG\n  ENV\n    MS_MAP_PATTERN "."\n  END\nEND\n');
  return `${dir}/mapserver.conf`;
}

/** MapServer 8's config in `dir`, and the CGI environment for one query (plain CGI: one `mapserv` per request). */
export function mapservCgi(dir: string): (query: string) => NodeJS.ProcessEnv {
  const config = mapserverConfig(dir);
  return (query) => ({ ...process.env, MAPSERVER_CONFIG_FILE: config, REQUEST_METHOD: 'GET', QUERY_STRING: query });
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/** A lean HTTP GET for load runs (node:http over kept-alive connections, as a browser or QGIS
 *  holds them). The load runs on the same cores as the servers it measures, so its own cost
 *  counts against whichever server it talks to: fetch (undici) cost about 0.5 ms of CPU more
 *  per request than the FastCGI client MapServer is measured with, this about as much. */
export function httpGet(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

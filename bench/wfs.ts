/**
 * WFS benchmark (not a test): GetFeature of a whole 20,000-polygon layer, as GeoJSON and as
 * GML 3.2, from Simpul, from ogr2ogr reading the same PostGIS table, and from MapServer's WFS
 * on the same table, in one run.
 *   npx tsx bench/wfs.ts        (PostGIS at 127.0.0.1:5432, trust auth; SIMPUL_BENCH_PG to change)
 * - The layer is generated reproducibly (seeded) into database simpul_bench_wfs once.
 * - Simpul runs as its own process (`server/cli-main.ts serve`); the client reads the response
 *   and throws the bytes away.
 * - ogr2ogr writes to /vsistdout/ (GeoJSON; GML with FORMAT=GML3.2) into a pipe that is drained.
 * - MapServer (Debian cgi-mapserv 8) runs as plain CGI: the bench sets the CGI environment and
 *   drains mapserv's stdout directly (no HTTP bridge, so MapServer gets no HTTP overhead).
 * Peak memory: RSS of each server process sampled every 20 ms from /proc/<pid>/status.
 * Each figure is the best of RUNS runs (default 3).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { benchDatabase, benchDbUrl, gridFeatures, mapservCgi, parcelRing, startSimpul } from './support.js';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { writeLayer, type FeatureIn } from '../data/layers/write.js';

const DB = 'simpul_bench_wfs';
const DB_URL = benchDbUrl(DB);
const N = Number(process.env.SIMPUL_BENCH_FEATURES ?? 20_000);
const RUNS = Number(process.env.SIMPUL_BENCH_RUNS ?? 3);
const PORT = Number(process.env.SIMPUL_BENCH_PORT ?? 18931);
const LAYER = 'bappeda:bench_kavling';
const TABLE = 'org_bappeda.bench_kavling';
const WORK = '/tmp/simpul-bench-wfs';

/** 20,000 polygons (irregular 12–24-gons) on a grid over Kota Tangerang, seeded. */
function features(): Iterable<FeatureIn[]> {
  return gridFeatures(N, 20_000, (r, cell, i) => ({
    geojson: { type: 'Polygon', coordinates: [parcelRing(r, cell)] },
    properties: {
      nib: `3671${String(i).padStart(9, '0')}`,
      penggunaan: r.pick(['permukiman', 'industri', 'perdagangan', 'rth', 'pertanian']),
      luas_m2: Math.round(r.between(60, 2000) * 10) / 10,
      tahun: r.int(1990, 2024),
    },
  }));
}

async function prepare(): Promise<void> {
  const db = await openDatabase({ databaseUrl: await benchDatabase(DB) });
  const cat = await Catalogue.open(db);
  if (cat.unguardedGet(LAYER)?.featureCount !== N) {
    await writeLayer(
      db,
      {
        organisation: 'bappeda',
        localName: 'bench_kavling',
        title: 'Benchmark parcels',
        nativeSrid: 4326,
        status: 'published',
        accessClass: 'PUBLIC',
        attributes: [
          { name: 'nib', type: 'string' },
          { name: 'penggunaan', type: 'string' },
          { name: 'luas_m2', type: 'number' },
          { name: 'tahun', type: 'integer' },
        ],
      },
      features(),
      { replace: true },
    );
  }
  await db.close();
}

/** Peak RSS (MB) of a process, sampled until stop() is called. */
function rssSampler(pid: number) {
  let peak = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      /* gone */
    }
  };
  read();
  const t = setInterval(read, 20);
  return { stop: () => (clearInterval(t), read(), peak) };
}

interface Figure {
  seconds: number;
  bytes: number;
  peakMb: number;
}

/** Runs a process and drains its stdout; peak RSS is the child's own. */
function runDrained(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Figure> {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const rss = rssSampler(child.pid!);
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => {
      const peakMb = rss.stop();
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 300)}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - t) / 1e9, bytes, peakMb });
    });
  });
}

async function fetchDrained(url: string, server: ChildProcess): Promise<Figure> {
  const rss = rssSampler(server.pid!);
  const t = process.hrtime.bigint();
  // Uncompressed, like the other two (the compression middleware would otherwise gzip it).
  const r = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  if (r.status !== 200) throw new Error(`${url} → ${r.status}: ${(await r.text()).slice(0, 300)}`);
  let bytes = 0;
  for await (const chunk of r.body as any) bytes += chunk.length;
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, bytes, peakMb: rss.stop() };
}

async function best(f: () => Promise<Figure>): Promise<Figure> {
  const all: Figure[] = [];
  for (let i = 0; i < RUNS; i++) all.push(await f());
  const b = all.reduce((a, x) => (x.seconds < a.seconds ? x : a));
  return { ...b, peakMb: Math.max(...all.map((x) => x.peakMb)) };
}

function mapfile(): string {
  const u = new URL(DB_URL);
  return `MAP
  NAME "bench"
  EXTENT 106.5 -6.3 106.8 -6.05
  PROJECTION "init=epsg:4326" END
  OUTPUTFORMAT NAME "geojson" DRIVER "OGR/GEOJSON" MIMETYPE "application/json; subtype=geojson" FORMATOPTION "STORAGE=stream" FORMATOPTION "FORM=SIMPLE" END
  WEB METADATA
    "wfs_title" "bench" "wfs_onlineresource" "http://127.0.0.1/cgi-bin/mapserv?" "wfs_srs" "EPSG:4326"
    "wfs_enable_request" "*" "wfs_getfeature_formatlist" "geojson" "wfs_maxfeatures" "1000000"
  END END
  LAYER
    NAME "kavling" TYPE POLYGON STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=${u.hostname} port=${u.port || 5432} dbname=${DB} user=${u.username || 'postgres'}"
    DATA "geom FROM ${TABLE} USING UNIQUE fid USING SRID=4326"
    PROJECTION "init=epsg:4326" END
    METADATA "wfs_title" "kavling" "gml_include_items" "all" "gml_featureid" "fid" "wfs_getfeature_formatlist" "geojson" "gml_types" "auto" END
  END
END
`;
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  process.stdout.write(`Preparing ${N} polygons in ${DB}…\n`);
  await prepare();

  const { server, base } = await startSimpul(DB_URL, PORT, { SIMPUL_MAX_FEATURES: '1000000' });
  const idle = rssSampler(server.pid!).stop();
  const wfs = (fmt: string) =>
    `${base}/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=${LAYER}&outputFormat=${encodeURIComponent(fmt)}`;
  const pgConn = `PG:${new URL(DB_URL).toString().replace(/^postgres:/, 'postgresql:')}`;
  writeFileSync(`${WORK}/bench.map`, mapfile());
  const cgiEnv = mapservCgi(WORK);
  const mapserv = (fmt: string) =>
    runDrained(
      'mapserv',
      [],
      cgiEnv(
        `map=${WORK}/bench.map&service=WFS&version=2.0.0&request=GetFeature&typeNames=kavling&outputFormat=${encodeURIComponent(fmt)}`,
      ),
    );

  const rows: Array<[string, string, Figure | Error]> = [];
  const measure = async (who: string, what: string, f: () => Promise<Figure>) => {
    try {
      await f(); // warm-up
      rows.push([who, what, await best(f)]);
    } catch (e) {
      rows.push([who, what, e as Error]);
    }
  };
  try {
    await measure('Simpul', 'GeoJSON', () => fetchDrained(wfs('application/json'), server));
    await measure('ogr2ogr', 'GeoJSON', () => runDrained('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', pgConn, TABLE]));
    await measure('MapServer', 'GeoJSON', () => mapserv('geojson'));
    await measure('Simpul', 'GML 3.2', () => fetchDrained(wfs('application/gml+xml; version=3.2'), server));
    await measure('ogr2ogr', 'GML 3.2', () =>
      runDrained('ogr2ogr', ['-f', 'GML', '/vsistdout/', pgConn, TABLE, '-dsco', 'FORMAT=GML3.2']),
    );
    await measure('MapServer', 'GML 3.2', () => mapserv('application/gml+xml; version=3.2'));
  } finally {
    server.kill('SIGTERM');
  }

  process.stdout.write(
    `\nGetFeature of ${N} polygons, best of ${RUNS} (peak RSS of the serving process; Simpul idle: ${idle.toFixed(0)} MB)\n`,
  );
  process.stdout.write(
    `${'who'.padEnd(10)} ${'format'.padEnd(8)} ${'seconds'.padStart(8)} ${'MB out'.padStart(8)} ${'feat/s'.padStart(9)} ${'peak RSS'.padStart(9)}\n`,
  );
  for (const [who, what, f] of rows) {
    if (f instanceof Error)
      process.stdout.write(`${who.padEnd(10)} ${what.padEnd(8)} failed: ${f.message.split('\n')[0]}\n`);
    else
      process.stdout.write(
        `${who.padEnd(10)} ${what.padEnd(8)} ${f.seconds.toFixed(2).padStart(8)} ${(f.bytes / 1e6).toFixed(1).padStart(8)} ${Math.round(
          N / f.seconds,
        )
          .toString()
          .padStart(9)} ${`${f.peakMb.toFixed(0)} MB`.padStart(9)}\n`,
      );
  }
  for (const what of ['GeoJSON', 'GML 3.2']) {
    const s = rows.find((r) => r[0] === 'Simpul' && r[1] === what)?.[2];
    for (const other of ['ogr2ogr', 'MapServer']) {
      const o = rows.find((r) => r[0] === other && r[1] === what)?.[2];
      if (s && o && !(s instanceof Error) && !(o instanceof Error))
        process.stdout.write(`${what}: Simpul is ${(o.seconds / s.seconds).toFixed(2)}× the throughput of ${other}\n`);
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);

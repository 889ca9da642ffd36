/**
 * WMS benchmark (not a test):
 *   npx tsx bench/wms.ts   (PostGIS at 127.0.0.1:5432, trust auth; SIMPUL_BENCH_PG to change)
 * - GetMap 256×256 PNG in EPSG:3857 of 500 seeded random views (zoom 13–16 over Kota Tangerang)
 *   of three layers: 20,000 polygons, 10,000 lines, 5,000 points, at concurrency 1 and 8.
 * - The same tables through MapServer 8 (Debian cgi-mapserver). MapServer runs as plain CGI:
 *   one `mapserv` process per request with the CGI environment set, stdout drained directly
 *   (no HTTP bridge). CGI start-up is part of MapServer's cost here; say so when quoting.
 * - GetCapabilities 1.3.0 with the demo plus extra layers (SIMPUL_BENCH_LAYERS, default 2,491
 *   in all), Simpul vs MapServer with a mapfile listing the same layers.
 * The layers are generated reproducibly (seeded) into database simpul_bench_wms once.
 */
import { spawn } from 'node:child_process';
import { mapservCgi, startSimpul } from './support.js';
import { writeFileSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { writeLayer, type FeatureIn } from '../data/layers/write.js';
import { loadDemo } from '../data/demo/load.js';
import { rng } from '../data/demo/random.js';

const ADMIN = process.env.SIMPUL_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'simpul_bench_wms';
const DB_URL = ADMIN.replace(/\/[^/]*$/, `/${DB}`);
const VIEWS = Number(process.env.SIMPUL_BENCH_VIEWS ?? 500);
const TOTAL_LAYERS = Number(process.env.SIMPUL_BENCH_LAYERS ?? 2491);
const PORT = Number(process.env.SIMPUL_BENCH_PORT ?? 18932);
const WORK = '/tmp/simpul-bench-wms';
const EXTENT = [106.55, -6.26, 106.75, -6.1];

type Kind = 'polygon' | 'line' | 'point';
const LAYERS: Array<{ local: string; kind: Kind; n: number }> = [
  { local: 'bench_persil', kind: 'polygon', n: 20_000 },
  { local: 'bench_jalan', kind: 'line', n: 10_000 },
  { local: 'bench_titik', kind: 'point', n: 5_000 },
];

function* generate(kind: Kind, n: number): Iterable<FeatureIn[]> {
  const r = rng(n + kind.length);
  const side = Math.ceil(Math.sqrt(n));
  const [x0, y0, x1, y1] = EXTENT;
  const dx = (x1 - x0) / side;
  const dy = (y1 - y0) / side;
  let batch: FeatureIn[] = [];
  for (let i = 0; i < n; i++) {
    const cx = x0 + ((i % side) + 0.5) * dx;
    const cy = y0 + (Math.floor(i / side) + 0.5) * dy;
    let geojson: any;
    if (kind === 'point') geojson = { type: 'Point', coordinates: [cx + r.between(-0.4, 0.4) * dx, cy + r.between(-0.4, 0.4) * dy] };
    else if (kind === 'line') {
      const pts: number[][] = [];
      for (let j = 0, x = cx - dx, y = cy; j < 8; j++, x += dx / 3.5, y += r.between(-0.3, 0.3) * dy) pts.push([x, y]);
      geojson = { type: 'LineString', coordinates: pts };
    } else {
      const k = r.int(12, 24);
      const ring: number[][] = [];
      for (let j = 0; j < k; j++) {
        const a = (2 * Math.PI * j) / k;
        const rad = 0.45 * r.between(0.6, 1);
        ring.push([cx + Math.cos(a) * dx * rad, cy + Math.sin(a) * dy * rad]);
      }
      ring.push(ring[0]);
      geojson = { type: 'Polygon', coordinates: [ring] };
    }
    batch.push({ geojson, properties: { kelas: r.pick(['a', 'b', 'c']), nilai: r.int(1, 100) } });
    if (batch.length === 2000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function prepare(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rows.length) await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: DB_URL });
  const cat = await Catalogue.open(db);
  for (const l of LAYERS) {
    if (cat.unguardedGet(`dpupr:${l.local}`)?.featureCount === l.n) continue;
    await writeLayer(db, {
      organisation: 'dpupr', localName: l.local, title: `Benchmark ${l.kind}`, nativeSrid: 4326, status: 'published', accessClass: 'PUBLIC',
      attributes: [{ name: 'kelas', type: 'string' }, { name: 'nilai', type: 'integer' }],
    }, generate(l.kind, l.n), { replace: true });
  }
  await cat.reload();
  const have = cat.unguardedAll().length;
  if (have < TOTAL_LAYERS) await loadDemo(db, cat, { extraLayers: Math.max(0, TOTAL_LAYERS - have - 11), quiet: true });
  await cat.reload();
  const names = cat.unguardedAll().filter((l: any) => l.status === 'published' && l.accessClass === 'PUBLIC').map((l: any) => `${l.organisation}.${l.name.split(':')[1]}|${l.geometryType}`);
  await db.close();
  return names;
}

/** 500 seeded web-mercator tile boxes at zoom 13–16 inside the extent. */
function views(): number[][] {
  const r = rng(4242);
  const R = 6378137;
  const merc = (lon: number, lat: number) => [(lon * Math.PI * R) / 180, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
  const [a, b] = [merc(EXTENT[0], EXTENT[1]), merc(EXTENT[2], EXTENT[3])];
  const out: number[][] = [];
  for (let i = 0; i < VIEWS; i++) {
    const z = r.int(13, 16);
    const size = (2 * Math.PI * R) / 2 ** z;
    const x = r.between(a[0], b[0] - size);
    const y = r.between(a[1], b[1] - size);
    out.push([x, y, x + size, y + size]);
  }
  return out;
}

function mapfile(layers: string[]): string {
  const u = new URL(DB_URL);
  const conn = `host=${u.hostname} port=${u.port || 5432} dbname=${DB} user=${u.username || 'postgres'}`;
  const type = (g: string) => (/Point/.test(g) ? 'POINT' : /Line/.test(g) ? 'LINE' : 'POLYGON');
  const style = (g: string) => (/Point/.test(g) ? 'SYMBOL "circle" SIZE 8 COLOR 31 119 180 OUTLINECOLOR 255 255 255' : /Line/.test(g) ? 'COLOR 214 39 40 WIDTH 1.5' : 'COLOR 44 160 44 OPACITY 35 OUTLINECOLOR 44 160 44 WIDTH 1');
  const layer = (entry: string) => {
    const [qualified, g] = entry.split('|');
    const [org, name] = qualified.split('.');
    return `  LAYER NAME "${org}_${name}" TYPE ${type(g)} STATUS ON CONNECTIONTYPE POSTGIS CONNECTION "${conn}" PROCESSING "CLOSE_CONNECTION=DEFER"
    DATA "geom FROM \\"org_${org}\\".\\"${name}\\" USING UNIQUE fid USING SRID=4326" PROJECTION "init=epsg:4326" END
    METADATA "wms_title" "${name}" "wms_srs" "EPSG:4326 EPSG:3857" "wms_enable_request" "*" END
    CLASS STYLE ${style(g)} END END
  END`;
  };
  return `MAP NAME "bench" EXTENT 106.5 -6.3 106.8 -6.05 SIZE 256 256 IMAGETYPE png
  PROJECTION "init=epsg:4326" END
  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END
  WEB METADATA "wms_title" "bench" "wms_onlineresource" "http://127.0.0.1/cgi-bin/mapserv?" "wms_srs" "EPSG:4326 EPSG:3857" "wms_enable_request" "*" END END
${layers.map(layer).join('\n')}
END
`;
}

let cgiEnv: (query: string) => NodeJS.ProcessEnv;

function cgi(query: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('mapserv', [], { env: cgiEnv(query), stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = 0;
    let head = '';
    child.stdout.on('data', (d: Buffer) => {
      if (bytes < 200) head += d.toString('latin1', 0, Math.min(d.length, 200));
      bytes += d.length;
    });
    child.on('close', (code) => (code === 0 && !/xml/.test(head.slice(0, 120)) ? resolve(bytes) : reject(new Error(`mapserv: ${code} ${head.slice(0, 200)}`))));
  });
}

async function http(url: string): Promise<number> {
  const r = await fetch(url);
  const b = await r.arrayBuffer();
  if (r.status !== 200 || !/image|xml/.test(r.headers.get('content-type') ?? '')) throw new Error(`${url} → ${r.status}`);
  return b.byteLength;
}

interface Run { rps: number; p50: number; p99: number; errors: number }

async function load(tasks: Array<() => Promise<number>>, concurrency: number): Promise<Run> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      const t = performance.now();
      try {
        await task();
      } catch {
        errors++;
      }
      lat.push(performance.now() - t);
    }
  }));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
  return { rps: tasks.length / secs, p50: q(0.5), p99: q(0.99), errors };
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  process.stdout.write('Preparing layers…\n');
  const names = await prepare();
  // GetMap reads a mapfile of the three layers only (a 2,491-layer mapfile would be parsed on every CGI call).
  writeFileSync(`${WORK}/bench.map`, mapfile(names.filter((n) => /\.bench_/.test(n))));
  writeFileSync(`${WORK}/caps.map`, mapfile(names));
  cgiEnv = mapservCgi(WORK);
  const { server, base } = await startSimpul(DB_URL, PORT);
  const boxes = views();
  const lines: string[] = [];
  const row = (who: string, what: string, r: Run) =>
    lines.push(`${who.padEnd(10)} ${what.padEnd(24)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  errors ${r.errors}`);
  try {
    for (const l of LAYERS) {
      const simpul = boxes.map((b) => () => http(`${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:${l.local}&STYLES=&CRS=EPSG:3857&BBOX=${b.join(',')}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE`));
      const ms = boxes.map((b) => () => cgi(`map=${WORK}/bench.map&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr_${l.local}&STYLES=&CRS=EPSG:3857&BBOX=${b.join(',')}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE`));
      await load(simpul.slice(0, 20), 4); // warm-up
      for (const c of [1, 8]) {
        row('Simpul', `${l.kind} ${l.n} c=${c}`, await load(simpul, c));
        row('MapServer', `${l.kind} ${l.n} c=${c}`, await load(ms, c));
      }
    }
    const capsN = 20;
    const sc = Array.from({ length: capsN }, () => () => http(`${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`));
    const mc = Array.from({ length: 5 }, () => () => cgi(`map=${WORK}/caps.map&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`).catch(() => 0));
    await http(`${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`);
    row('Simpul', `GetCapabilities ${names.length}`, await load(sc, 1));
    row('MapServer', `GetCapabilities ${names.length}`, await load(mc, 1));
  } finally {
    server.kill('SIGTERM');
  }
  process.stdout.write(`\nWMS GetMap 256×256 PNG EPSG:3857, ${VIEWS} views z13–16; MapServer 8 as plain CGI\n${lines.join('\n')}\n`);
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});

/**
 * WMS benchmark (not a test):
 *   npx tsx bench/wms.ts   (PostGIS at 127.0.0.1:5432, trust auth; SIMPUL_BENCH_PG to change;
 *   needs Debian's cgi-mapserver, mapserver-bin and spawn-fcgi)
 * - GetMap 256×256 PNG in EPSG:3857 of 500 seeded random views (SIMPUL_BENCH_VIEWS; zoom 13–16 over
 *   Kota Tangerang) of three layers: 20,000 polygons, 10,000 lines, 5,000 points, at concurrency 1 and 8.
 * - The same tables through MapServer 8 (Debian cgi-mapserver) under FastCGI with 2 processes:
 *   `spawn-fcgi -F 2` forks two `mapserv` on a Unix socket, started once before the runs; the bench
 *   speaks FastCGI to it directly (bench/fastcgi.ts), one connection per request as nginx does
 *   without fastcgi_keep_conn, so MapServer pays no CGI start-up and no HTTP parsing. Its PostGIS
 *   connections persist between requests (PROCESSING "CLOSE_CONNECTION=DEFER").
 * - Simpul is asked over HTTP with kept-alive connections through node:http (support.ts httpGet):
 *   the load runs on the same two cores, and both clients are kept as lean as each other.
 * - Equal work: the mapfile draws Simpul's default styles (styles/defaults.ts: the same per-layer
 *   colour; polygons filled at 35 % opacity with an opaque 1 px outline, lines 1.5 px round caps and
 *   joins, points 8 px circles with a 1 px white outline), and both answer `image/png` with a
 *   transparent background: MapServer as 32-bit RGBA PNG (the mapfile's "png" OUTPUTFORMAT is
 *   AGG/PNG, IMAGEMODE RGBA, zlib level 6), Simpul as the same kind of PNG, or as an indexed PNG
 *   with the very same pixels when the picture has at most 256 RGBA values (styles/render/png.ts).
 * - Both are warmed with 20 views per layer before measuring.
 * - GetCapabilities 1.3.0 with the demo plus extra layers (SIMPUL_BENCH_LAYERS, default 2,491
 *   in all), Simpul vs MapServer (the same FastCGI processes) with a mapfile listing the same layers.
 * At the end: per layer at c=8, Simpul/MapServer req/s and whether Simpul's p99 is no worse (issue #4
 * asks ≥ 1.2× with p99 no worse), and how many times faster Simpul's capabilities are (asks ≥ 10×).
 * The layers are generated reproducibly (seeded) into database simpul_bench_wms once.
 * SIMPUL_BENCH_ONLY=line,polygon,point,caps runs only those parts (all by default).
 */
import { BENCH_EXTENT, benchDatabase, benchDbUrl, gridFeatures, httpGet, parcelRing, startSimpul } from './support.js';
import { fastCgiGet, startMapservFastCgi } from './fastcgi.js';
import { writeFileSync, mkdirSync } from 'node:fs';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { writeLayer, type FeatureIn } from '../data/layers/write.js';
import { loadDemo } from '../data/demo/load.js';
import { rng } from '../data/demo/random.js';
import { layerColour } from '../styles/defaults.js';

const DB = 'simpul_bench_wms';
const DB_URL = benchDbUrl(DB);
const VIEWS = Number(process.env.SIMPUL_BENCH_VIEWS ?? 500);
const TOTAL_LAYERS = Number(process.env.SIMPUL_BENCH_LAYERS ?? 2491);
const PORT = Number(process.env.SIMPUL_BENCH_PORT ?? 18932);
const WORK = '/tmp/simpul-bench-wms';
const ONLY = new Set((process.env.SIMPUL_BENCH_ONLY ?? 'polygon,line,point,caps').split(',').map((s) => s.trim()));

type Kind = 'polygon' | 'line' | 'point';
const LAYERS: Array<{ local: string; kind: Kind; n: number }> = [
  { local: 'bench_persil', kind: 'polygon', n: 20_000 },
  { local: 'bench_jalan', kind: 'line', n: 10_000 },
  { local: 'bench_titik', kind: 'point', n: 5_000 },
];

function generate(kind: Kind, n: number): Iterable<FeatureIn[]> {
  return gridFeatures(n, n + kind.length, (r, cell) => {
    const { cx, cy, dx, dy } = cell;
    let geojson: any;
    if (kind === 'point')
      geojson = { type: 'Point', coordinates: [cx + r.between(-0.4, 0.4) * dx, cy + r.between(-0.4, 0.4) * dy] };
    else if (kind === 'line') {
      const pts: number[][] = [];
      for (let j = 0, x = cx - dx, y = cy; j < 8; j++, x += dx / 3.5, y += r.between(-0.3, 0.3) * dy) pts.push([x, y]);
      geojson = { type: 'LineString', coordinates: pts };
    } else geojson = { type: 'Polygon', coordinates: [parcelRing(r, cell)] };
    return { geojson, properties: { kelas: r.pick(['a', 'b', 'c']), nilai: r.int(1, 100) } };
  });
}

async function prepare(): Promise<string[]> {
  const db = await openDatabase({ databaseUrl: await benchDatabase(DB) });
  const cat = await Catalogue.open(db);
  for (const l of LAYERS) {
    if (cat.unguardedGet(`dpupr:${l.local}`)?.featureCount === l.n) continue;
    await writeLayer(
      db,
      {
        organisation: 'dpupr',
        localName: l.local,
        title: `Benchmark ${l.kind}`,
        nativeSrid: 4326,
        status: 'published',
        accessClass: 'PUBLIC',
        attributes: [
          { name: 'kelas', type: 'string' },
          { name: 'nilai', type: 'integer' },
        ],
      },
      generate(l.kind, l.n),
      { replace: true },
    );
  }
  await cat.reload();
  const have = cat.unguardedAll().length;
  if (have < TOTAL_LAYERS) await loadDemo(db, cat, { extraLayers: Math.max(0, TOTAL_LAYERS - have - 11), quiet: true });
  await cat.reload();
  const names = cat
    .unguardedAll()
    .filter((l: any) => l.status === 'published' && l.accessClass === 'PUBLIC')
    .map((l: any) => `${l.organisation}.${l.name.split(':')[1]}|${l.geometryType}`);
  await db.close();
  return names;
}

/** 500 seeded web-mercator tile boxes at zoom 13–16 inside the extent. */
function views(): number[][] {
  const r = rng(4242);
  const R = 6378137;
  const merc = (lon: number, lat: number) => [
    (lon * Math.PI * R) / 180,
    R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
  ];
  const [a, b] = [merc(BENCH_EXTENT[0], BENCH_EXTENT[1]), merc(BENCH_EXTENT[2], BENCH_EXTENT[3])];
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
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(' ');
  // Simpul's default style (styles/defaults.ts), in its colour for this layer.
  const style = (g: string, c: string) =>
    /Point/.test(g)
      ? `STYLE SYMBOL "circle" SIZE 8 COLOR ${c} OUTLINECOLOR 255 255 255 WIDTH 1 END`
      : /Line/.test(g)
        ? `STYLE COLOR ${c} WIDTH 1.5 LINECAP ROUND LINEJOIN ROUND END`
        : `STYLE COLOR ${c} OPACITY 35 END STYLE OUTLINECOLOR ${c} WIDTH 1 END`;
  const layer = (entry: string) => {
    const [qualified, g] = entry.split('|');
    const [org, name] = qualified.split('.');
    return `  LAYER NAME "${org}_${name}" TYPE ${type(g)} STATUS ON CONNECTIONTYPE POSTGIS CONNECTION "${conn}" PROCESSING "CLOSE_CONNECTION=DEFER"
    DATA "geom FROM \\"org_${org}\\".\\"${name}\\" USING UNIQUE fid USING SRID=4326" PROJECTION "init=epsg:4326" END
    METADATA "wms_title" "${name}" "wms_srs" "EPSG:4326 EPSG:3857" "wms_enable_request" "*" END
    CLASS ${style(g, rgb(layerColour(`${org}:${name}`)))} END
  END`;
  };
  return `MAP NAME "bench" EXTENT 106.5 -6.3 106.8 -6.05 SIZE 256 256 IMAGETYPE png
  PROJECTION "init=epsg:4326" END
  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGBA EXTENSION "png" TRANSPARENT ON FORMATOPTION "COMPRESSION=6" END
  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END
  WEB METADATA "wms_title" "bench" "wms_onlineresource" "http://127.0.0.1/cgi-bin/mapserv?" "wms_srs" "EPSG:4326 EPSG:3857" "wms_enable_request" "*" END END
${layers.map(layer).join('\n')}
END
`;
}

let socket = '';

/** One MapServer request over FastCGI; an XML answer to a GetMap is an exception report, so an error. */
async function ms(query: string): Promise<number> {
  const r = await fastCgiGet(socket, query);
  const type = r.headers['content-type'] ?? '';
  const getMap = /REQUEST=GetMap/i.test(query);
  if (
    r.status !== 200 ||
    (getMap ? !/^image\//.test(type) : /ServiceException/.test(r.body.toString('latin1', 0, 300)))
  ) {
    throw new Error(`mapserv: ${r.status} ${type} ${r.body.toString('latin1', 0, 300)}`);
  }
  return r.body.length;
}

/** GetMap through the lean client (support.ts httpGet); capabilities through fetch, which asks
 *  for gzip as harvesters do (the bytes shown are after decompression). */
/** Simpul's PNG answers by colour type (3 indexed, 6 RGBA), counted per layer for the report. */
let pngTypes = new Map<number, number>();

async function http(url: string): Promise<number> {
  const r = /GetCapabilities/.test(url)
    ? await fetch(url).then(async (f) => ({
        status: f.status,
        type: f.headers.get('content-type') ?? '',
        body: Buffer.from(await f.arrayBuffer()),
      }))
    : await httpGet(url);
  if (r.status !== 200 || !/image|xml/.test(r.type)) throw new Error(`${url} → ${r.status}`);
  if (r.type === 'image/png') pngTypes.set(r.body[25], (pngTypes.get(r.body[25]) ?? 0) + 1);
  return r.body.length;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  bytes: number;
}

async function load(tasks: Array<() => Promise<number>>, concurrency: number): Promise<Run> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  let bytes = 0;
  let firstError = '';
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        const t = performance.now();
        try {
          const n = await task(); // not `bytes += await …`: that would read `bytes` before the await
          bytes += n;
        } catch (e) {
          if (!errors++) firstError = String((e as Error)?.message ?? e).slice(0, 300);
        }
        lat.push(performance.now() - t);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
  if (errors) process.stderr.write(`${errors} errors, first: ${firstError}\n`);
  return {
    rps: tasks.length / secs,
    p50: q(0.5),
    p99: q(0.99),
    errors,
    bytes: bytes / Math.max(1, tasks.length - errors),
  };
}

/** A PNG's IHDR: width×height, bit depth and colour type (6 = RGBA, 3 = palette). */
async function pngHeader(get: () => Promise<Buffer>): Promise<string> {
  const b = await get();
  if (b.toString('latin1', 1, 4) !== 'PNG') return `not a PNG: ${b.toString('latin1', 0, 120)}`;
  const type = b[25];
  return `${b.readUInt32BE(16)}×${b.readUInt32BE(20)} ${b[24]}-bit ${type === 6 ? 'RGBA' : type === 2 ? 'RGB' : type === 3 ? 'palette' : `colour type ${type}`}`;
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  process.stdout.write('Preparing layers…\n');
  const names = await prepare();
  // GetMap reads a mapfile of the three layers only: MapServer parses the mapfile on every request, FastCGI or not.
  writeFileSync(`${WORK}/bench.map`, mapfile(names.filter((n) => /\.bench_/.test(n))));
  writeFileSync(`${WORK}/caps.map`, mapfile(names));
  const { server, base } = await startSimpul(DB_URL, PORT);
  const peer = startMapservFastCgi(WORK, 2);
  socket = peer.socket;
  const boxes = views();
  const lines: string[] = [];
  const results = new Map<string, Run>();
  const row = (who: string, what: string, r: Run) => {
    results.set(`${who} ${what}`, r);
    lines.push(
      `${who.padEnd(10)} ${what.padEnd(24)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  ${(r.bytes / 1024).toFixed(1).padStart(7)} KiB  errors ${r.errors}`,
    );
  };
  const simpulMap = (local: string, b: number[]) =>
    `${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:${local}&STYLES=&CRS=EPSG:3857&BBOX=${b.join(',')}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE`;
  const msMap = (local: string, b: number[]) =>
    `map=${WORK}/bench.map&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr_${local}&STYLES=&CRS=EPSG:3857&BBOX=${b.join(',')}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE`;
  const notes: string[] = [];
  try {
    process.stdout.write(`MapServer: FastCGI pids ${peer.pids.join(', ')} on ${peer.socket}\n`);
    notes.push(
      `PNG answered: Simpul ${await pngHeader(async () => Buffer.from(await (await fetch(simpulMap(LAYERS[0].local, boxes[0]))).arrayBuffer()))}, ` +
        `MapServer ${await pngHeader(async () => (await fastCgiGet(socket, msMap(LAYERS[0].local, boxes[0]))).body)}`,
    );
    for (const l of LAYERS.filter((l) => ONLY.has(l.kind))) {
      const simpul = boxes.map((b) => () => http(simpulMap(l.local, b)));
      const mapserver = boxes.map((b) => () => ms(msMap(l.local, b)));
      await load(simpul.slice(0, 20), 4); // warm-up
      await load(mapserver.slice(0, 20), 4);
      pngTypes = new Map();
      for (const c of [1, 8]) {
        row('Simpul', `${l.kind} ${l.n} c=${c}`, await load(simpul, c));
        row('MapServer', `${l.kind} ${l.n} c=${c}`, await load(mapserver, c));
      }
      const indexed = pngTypes.get(3) ?? 0;
      const all = [...pngTypes.values()].reduce((a, b) => a + b, 0);
      notes.push(
        `Simpul ${l.kind} answers written as indexed PNG (≤ 256 RGBA values, same pixels): ${indexed} of ${all}`,
      );
    }
    const simpulCaps = `${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`;
    const msCaps = `map=${WORK}/caps.map&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`;
    if (ONLY.has('caps')) {
      await http(simpulCaps);
      await ms(msCaps);
      row(
        'Simpul',
        `GetCapabilities ${names.length}`,
        await load(
          Array.from({ length: 20 }, () => () => http(simpulCaps)),
          1,
        ),
      );
      row(
        'MapServer',
        `GetCapabilities ${names.length}`,
        await load(
          Array.from({ length: 5 }, () => () => ms(msCaps)),
          1,
        ),
      );
    }
  } finally {
    server.kill('SIGTERM');
    await peer.stop();
  }
  const verdicts = LAYERS.filter((l) => ONLY.has(l.kind)).map((l) => {
    const [s, m] = [results.get(`Simpul ${l.kind} ${l.n} c=8`)!, results.get(`MapServer ${l.kind} ${l.n} c=8`)!];
    const ratio = s.rps / m.rps;
    return (
      `${`${l.kind} ${l.n} c=8:`.padEnd(20)} Simpul/MapServer req/s ratio ${ratio.toFixed(2)}× (goal ≥ 1.20: ${ratio >= 1.2 ? 'met' : 'not met'}); ` +
      `p99 ${s.p99.toFixed(1)} vs ${m.p99.toFixed(1)} ms: ${s.p99 <= m.p99 ? 'no worse' : 'worse'}`
    );
  });
  if (ONLY.has('caps')) {
    const [sc, mc] = [
      results.get(`Simpul GetCapabilities ${names.length}`)!,
      results.get(`MapServer GetCapabilities ${names.length}`)!,
    ];
    const capsRatio = sc.rps / mc.rps;
    verdicts.push(
      `GetCapabilities ${names.length}: Simpul ${capsRatio.toFixed(1)}× MapServer's speed (goal ≥ 10: ${capsRatio >= 10 ? 'met' : 'not met'})`,
    );
  }
  process.stdout.write(
    `\nWMS GetMap 256×256 PNG EPSG:3857, ${VIEWS} views z13–16; MapServer 8 under FastCGI, 2 processes (spawn-fcgi)\n${notes.join('\n')}\n${lines.join('\n')}\n\n${verdicts.join('\n')}\n`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);

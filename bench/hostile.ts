/**
 * Load under attack (not a test): many clients send a mix of well-formed requests (GetMap,
 * GetFeature, vector tiles, CSW GetRecords) for a while, once alone and once with a few hostile
 * clients beside them (the requests of the hardening findings). Prints, for the well-formed
 * requests of each run, count, errors, req/s, p50 and p99, and the ratios between the runs.
 *   npx tsx bench/hostile.ts      (PostGIS at 127.0.0.1:5432; SIMPUL_BENCH_CLIENTS, default 64;
 *                                  SIMPUL_BENCH_SECONDS per run, default 60; SIMPUL_BENCH_HOSTILE
 *                                  hostile clients in the second run, default 4)
 * An error is a well-formed request answered other than 200/204, or not answered at all.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { Agent, request } from 'node:http';
import { benchDatabase, startSimpul } from './support.js';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { loadDemo } from '../data/demo/load.js';
import { rng, type Rng } from '../data/demo/random.js';

const CLIENTS = Number(process.env.SIMPUL_BENCH_CLIENTS ?? 64);
const SECONDS = Number(process.env.SIMPUL_BENCH_SECONDS ?? 60);
const HOSTILE = Number(process.env.SIMPUL_BENCH_HOSTILE ?? 4);
const PORT = 18_470;
const TIMEOUT_MS = 30_000;

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS + HOSTILE + 8 });

interface Answer {
  status: number;
  ms: number;
}

function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const t = process.hrtime.bigint();
  const done = (status: number) => ({ status, ms: Number(process.hrtime.bigint() - t) / 1e6 });
  return new Promise((resolve) => {
    const req = request(
      url,
      { agent, method: init.method ?? 'GET', headers: init.headers, timeout: TIMEOUT_MS },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(done(res.statusCode ?? 0)));
        res.on('error', () => resolve(done(0)));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(done(0)));
    req.end(init.body);
  });
}

const [X0, Y0, X1, Y1] = [106.55, -6.26, 106.75, -6.1];
const LAYERS = ['bappeda:batas_kelurahan', 'dpupr:jalan', 'dindik:sekolah'];

/** A tile of WebMercatorQuad level z that holds the point. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const s = Math.sin((lat * Math.PI) / 180);
  const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
  return [x, y];
}

/** One well-formed request, drawn from the mix. */
function wellFormed(base: string, r: Rng): Promise<Answer> {
  const lon = r.between(X0, X1);
  const lat = r.between(Y0, Y1);
  const layer = LAYERS[r.int(0, LAYERS.length - 1)];
  switch (r.int(0, 3)) {
    case 0: {
      const d = r.between(0.005, 0.03);
      return send(
        `${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=${layer}&STYLES=&CRS=CRS:84&BBOX=${lon - d},${lat - d},${lon + d},${lat + d}&WIDTH=256&HEIGHT=256&FORMAT=image/png`,
      );
    }
    case 1:
      return send(
        `${base}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=${layer}&COUNT=50&BBOX=${lon - 0.02},${lat - 0.02},${lon + 0.02},${lat + 0.02},urn:ogc:def:crs:OGC:1.3:CRS84&OUTPUTFORMAT=application/json`,
      );
    case 2: {
      const z = r.int(12, 15);
      const [x, y] = tileOf(lon, lat, z);
      return send(`${base}/tiles/${layer}/${z}/${x}/${y}.pbf`);
    }
    default:
      return send(
        `${base}/csw?SERVICE=CSW&VERSION=2.0.2&REQUEST=GetRecords&typeNames=csw:Record&resultType=results&elementSetName=brief&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent(`AnyText LIKE '%${['jalan', 'sekolah', 'kelurahan', 'banjir'][r.int(0, 3)]}%'`)}`,
      );
  }
}

/** A PNG header that declares 40000 × 40000 pixels in a few hundred bytes. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(40_000, 0);
  ihdr.writeUInt32BE(40_000, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const bombSld = `<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink">
<NamedLayer><Name>dindik:sekolah</Name><UserStyle><FeatureTypeStyle><Rule><PointSymbolizer><Graphic><ExternalGraphic>
<OnlineResource xlink:type="simple" xlink:href="data:image/png;base64,${pngBomb().toString('base64')}"/><Format>image/png</Format>
</ExternalGraphic><Size>32</Size></Graphic></PointSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`;

/** The hostile requests of the hardening findings, in turn. */
function hostile(base: string, r: Rng, i: number): Promise<Answer> {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  switch (i % 5) {
    case 0:
      return send(
        `${base}/csw?SERVICE=CSW&VERSION=2.0.2&REQUEST=GetRecords&typeNames=csw:Record&resultType=hits&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("AnyText LIKE '%a%a%a%a%a%a%!'")}`,
      );
    case 1:
      return send(`${base}/wms`, {
        method: 'POST',
        headers: form,
        body: new URLSearchParams({
          SERVICE: 'WMS',
          VERSION: '1.3.0',
          REQUEST: 'GetMap',
          LAYERS: Array(40_000).fill('dpupr').join(','),
          STYLES: '',
          CRS: 'CRS:84',
          BBOX: `${X0},${Y0},${X1},${Y1}`,
          WIDTH: '256',
          HEIGHT: '256',
          FORMAT: 'image/png',
        }).toString(),
      });
    case 2:
      return send(`${base}/wms`, {
        method: 'POST',
        headers: form,
        body: new URLSearchParams({
          SERVICE: 'WMS',
          VERSION: '1.3.0',
          REQUEST: 'GetMap',
          LAYERS: 'dindik:sekolah',
          STYLES: '',
          CRS: 'CRS:84',
          BBOX: `${X0},${Y0},${X1},${Y1}`,
          WIDTH: '256',
          HEIGHT: '256',
          FORMAT: 'image/png',
          SLD_BODY: bombSld,
        }).toString(),
      });
    case 3:
      return send(`${base}/wms?SERVICE=WMS&REQUEST=GetCapabilities`, {
        headers: { Authorization: `Basic ${Buffer.from(`walidata:tebakan-${r.int(0, 1e9)}`).toString('base64')}` },
      });
    default: {
      const z = 22;
      const n = 2 ** z;
      return send(`${base}/tiles/bappeda:batas_kelurahan/${z}/${r.int(0, n - 1)}/${r.int(0, n - 1)}.png`);
    }
  }
}

interface RunFigures {
  count: number;
  errors: number;
  p50: number;
  p99: number;
  rps: number;
  hostile: number;
  hostileStatuses: Record<string, number>;
}

async function run(base: string, hostileClients: number, seed: number): Promise<RunFigures> {
  const end = Date.now() + SECONDS * 1000;
  const times: number[] = [];
  let errors = 0;
  let hostileCount = 0;
  const hostileStatuses: Record<string, number> = {};
  const started = Date.now();
  const client = async (k: number) => {
    const r = rng(seed * 1000 + k);
    while (Date.now() < end) {
      const a = await wellFormed(base, r);
      times.push(a.ms);
      if (a.status !== 200 && a.status !== 204) errors++;
    }
  };
  const attacker = async (k: number) => {
    const r = rng(seed * 7919 + k);
    for (let i = k; Date.now() < end; i++) {
      const a = await hostile(base, r, i);
      hostileCount++;
      hostileStatuses[a.status] = (hostileStatuses[a.status] ?? 0) + 1;
    }
  };
  await Promise.all([
    ...Array.from({ length: CLIENTS }, (_, k) => client(k)),
    ...Array.from({ length: hostileClients }, (_, k) => attacker(k)),
  ]);
  const seconds = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
  return {
    count: times.length,
    errors,
    p50: at(0.5),
    p99: at(0.99),
    rps: times.length / seconds,
    hostile: hostileCount,
    hostileStatuses,
  };
}

const line = (name: string, f: RunFigures) =>
  `${name.padEnd(22)} ${String(f.count).padStart(7)} well-formed  ${f.rps.toFixed(1).padStart(7)} req/s  p50 ${f.p50.toFixed(1).padStart(7)} ms  p99 ${f.p99.toFixed(1).padStart(8)} ms  errors ${f.errors}` +
  (f.hostile ? `  | hostile ${f.hostile}: ${JSON.stringify(f.hostileStatuses)}` : '');

async function main() {
  const url = await benchDatabase('simpul_bench_hostile');
  const db = await openDatabase({ databaseUrl: url });
  const catalogue = await Catalogue.open(db);
  if (!catalogue.unguardedAll().length) await loadDemo(db, catalogue, { quiet: true });
  await db.close();
  const { server, base } = await startSimpul(url, PORT, { SIMPUL_TILE_CACHE: 'off' });
  try {
    // Warm up: render workers, capabilities, the catalogue.
    const r = rng(1);
    for (let i = 0; i < 40; i++) await wellFormed(base, r);
    console.log(
      `${CLIENTS} clients × ${SECONDS} s per run; tile cache off; hostile run adds ${HOSTILE} hostile clients`,
    );
    const calm = await run(base, 0, 2);
    console.log(line('well-formed alone', calm));
    const attacked = await run(base, HOSTILE, 2);
    console.log(line('with hostile clients', attacked));
    console.log(
      `under attack: req/s ${(attacked.rps / calm.rps).toFixed(2)}× of the calm run, p99 ${(attacked.p99 / calm.p99).toFixed(2)}×, p50 ${(attacked.p50 / calm.p50).toFixed(2)}×; errors among the well-formed: ${calm.errors} + ${attacked.errors} (goal 0)`,
    );
  } finally {
    server.kill('SIGTERM');
    agent.destroy();
  }
}

await main();

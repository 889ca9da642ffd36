/**
 * Tile benchmark (not a test):  npx tsx bench/tiles.ts   (PostGIS at 127.0.0.1:5432, mapserv on PATH)
 * SIMPUL_TILE_CACHE=off npx tsx bench/tiles.ts measures every part without the tile cache.
 * A 20,000-polygon PUBLIC layer over Kota Tangerang in a fresh PostGIS database; 500 tiles at
 * z12–16 (100 per level, seeded random positions over the city). Measures:
 *  1. uncached MVT through Simpul's tile path (SQL + gzip + cache write) vs the bare ST_AsMVT
 *     query on the same pool (goal ≤ 1.1×);
 *  2. cached tiles over HTTP on loopback: p50/p95 (goal p50 < 2 ms);
 *  3. uncached PNG tiles (Simpul's renderer) vs MapServer 8 (mapserv CGI) WMS GetMap of the
 *     same boxes on the same table.
 */
import { benchDatabase, mapservCgi } from './support.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { writeLayer } from '../data/layers/write.js';
import { ANONYMOUS } from '../data/access.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/log.js';
import { startServer } from '../server/serve.js';
import { rng } from '../data/demo/random.js';
import { tileBounds, WEB_MERCATOR } from '../tiles/matrix-sets.js';
import { postgisTileSql } from '../data/tiles/vector.js';
import { nodeContext } from '../server/context.js';

const DB = 'simpul_bench_tiles';
const WORK = '/tmp/simpul-bench-tiles';
const N = 20_000;
const CITY: [number, number, number, number] = [106.55, -6.3, 106.75, -6.09];

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

async function main() {
  const url = await benchDatabase(DB, true);
  const db = await openDatabase({ databaseUrl: url });
  const rand = rng(20261128).next;
  // 20,000 small irregular hexagon-ish polygons (parcels) over the city.
  const features = Array.from({ length: N }, (_, i) => {
    const cx = CITY[0] + rand() * (CITY[2] - CITY[0]);
    const cy = CITY[1] + rand() * (CITY[3] - CITY[1]);
    const r = 0.0004 + rand() * 0.0012;
    const ring = Array.from({ length: 7 }, (_, k) => [
      cx + r * Math.cos((k * Math.PI) / 3) * (0.8 + 0.4 * rand()),
      cy + r * Math.sin((k * Math.PI) / 3) * (0.8 + 0.4 * rand()),
    ]);
    ring[6] = ring[0];
    return {
      geojson: { type: 'Polygon', coordinates: [ring] },
      properties: { kode: `P${i}`, luas: Math.round(r * 1e7) },
    };
  });
  const batches = Array.from({ length: N / 1000 }, (_, i) => features.slice(i * 1000, (i + 1) * 1000));
  const t0 = process.hrtime.bigint();
  await writeLayer(
    db,
    {
      organisation: 'dpupr',
      localName: 'persil_bench',
      title: 'Persil (bench)',
      nativeSrid: 4326,
      accessClass: 'PUBLIC',
      status: 'published',
      attributes: [
        { name: 'kode', type: 'string' },
        { name: 'luas', type: 'integer' },
      ],
    },
    batches,
  );
  process.stdout.write(`layer of ${N} polygons written in ${(ms(t0) / 1000).toFixed(1)} s\n`);
  const catalogue = await Catalogue.open(db);
  const layer = catalogue.find(ANONYMOUS, 'dpupr:persil_bench')!;
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // SIMPUL_TILE_CACHE=off passes through: every tile is then made afresh (part 2 measures uncached tiles over HTTP).
  const config = {
    ...loadConfig({ SIMPUL_TILE_CACHE: process.env.SIMPUL_TILE_CACHE }),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: url,
    dataDir: WORK,
    cacheDir: `${WORK}/cache`,
    logLevel: 'silent' as const,
  };
  const ctx = nodeContext({ db, catalogue, config, log: createLogger('silent') });

  const tiles: Array<{ z: number; x: number; y: number }> = [];
  for (let z = 12; z <= 16; z++) {
    // Distinct tiles over the city; the low levels have fewer than 100 (z12: about 9).
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 20000 && seen.size < 100; attempt++) {
      const t = tileOf(CITY[0] + rand() * (CITY[2] - CITY[0]), CITY[1] + rand() * (CITY[3] - CITY[1]), z);
      if (seen.has(`${t.x}/${t.y}`)) continue;
      seen.add(`${t.x}/${t.y}`);
      tiles.push(t);
    }
  }
  // Pad to 500 with more distinct z15/z16 tiles.
  const have = new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`));
  while (tiles.length < 500) {
    const t = tileOf(
      CITY[0] + rand() * (CITY[2] - CITY[0]),
      CITY[1] + rand() * (CITY[3] - CITY[1]),
      15 + (tiles.length % 2),
    );
    if (!have.has(`${t.z}/${t.x}/${t.y}`)) {
      have.add(`${t.z}/${t.x}/${t.y}`);
      tiles.push(t);
    }
  }
  const box = (t: { z: number; x: number; y: number }) => tileBounds(WEB_MERCATOR.matrices[t.z], t.x, t.y);

  // Warm-up (plans, connections).
  const bare = postgisTileSql([layer], 3857);
  for (const t of tiles.slice(0, 20)) await db.query(bare, [...box(t), 3857, layer.name]);

  // 1. Bare ST_AsMVT vs Simpul's uncached path, interleaved so both see the same conditions.
  const bareMs: number[] = [];
  const simpulMs: number[] = [];
  let bytes = 0;
  for (const t of tiles) {
    let s = process.hrtime.bigint();
    const r = await db.query<{ mvt: Buffer }>(bare, [...box(t), 3857, layer.name]);
    bareMs.push(ms(s));
    bytes += r.rows[0].mvt.length;
    s = process.hrtime.bigint();
    await ctx.tiles.bytes(ANONYMOUS, { layers: [layer], tms: WEB_MERCATOR, z: t.z, col: t.x, row: t.y, format: 'pbf' });
    simpulMs.push(ms(s));
  }
  process.stdout.write(
    `MVT, 500 tiles z12–16 (${(bytes / 500 / 1024).toFixed(1)} KiB avg): bare ST_AsMVT total ${sum(bareMs).toFixed(0)} ms (p50 ${pct(bareMs, 50).toFixed(2)} ms), ` +
      `Simpul uncached total ${sum(simpulMs).toFixed(0)} ms (p50 ${pct(simpulMs, 50).toFixed(2)} ms): ratio ${(sum(simpulMs) / sum(bareMs)).toFixed(2)}×\n`,
  );

  // 2. Cached, over HTTP.
  const server = await startServer(ctx);
  const cached: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const t of tiles) {
      const s = process.hrtime.bigint();
      const r = await fetch(`${server.url}/tiles/dpupr:persil_bench/${t.z}/${t.x}/${t.y}.pbf`, {
        headers: { 'Accept-Encoding': 'gzip' },
      });
      await r.arrayBuffer();
      if (round) cached.push(ms(s));
    }
  }
  process.stdout.write(
    `${config.tileCache ? 'cached' : 'uncached (SIMPUL_TILE_CACHE=off)'} MVT over HTTP (loopback, 500 tiles): p50 ${pct(cached, 50).toFixed(2)} ms, p95 ${pct(cached, 95).toFixed(2)} ms\n`,
  );

  // 3. Raster: Simpul PNG (uncached) vs mapserv.
  const rasterTiles = tiles.filter((_, i) => i % 5 === 0); // 100 tiles
  const png: number[] = [];
  for (const t of rasterTiles) {
    const s = process.hrtime.bigint();
    await ctx.tiles.bytes(ANONYMOUS, { layers: [layer], tms: WEB_MERCATOR, z: t.z, col: t.x, row: t.y, format: 'png' });
    png.push(ms(s));
  }
  process.stdout.write(
    `PNG tiles, Simpul uncached (100 tiles): p50 ${pct(png, 50).toFixed(1)} ms, p95 ${pct(png, 95).toFixed(1)} ms\n`,
  );
  // MapServer 8 as plain CGI (one process per request, as Debian's cgi-mapserver runs it): a
  // WMS 1.3.0 GetMap of exactly the tile's box, 256×256 PNG, same table and pool-less connection.
  const mapfile = `${WORK}/bench.map`;
  const cgiEnv = mapservCgi(WORK);
  writeFileSync(
    mapfile,
    `MAP
  SIZE 256 256
  EXTENT 11861000 -704000 11884000 -681000
  IMAGETYPE png
  PROJECTION "init=epsg:3857" END
  WEB METADATA "wms_title" "bench" "wms_onlineresource" "http://127.0.0.1/cgi-bin/mapserv?" "wms_srs" "EPSG:3857" "wms_enable_request" "*" END END
  LAYER
    NAME "persil" TYPE POLYGON STATUS ON
    METADATA "wms_title" "persil" END
    CONNECTIONTYPE POSTGIS CONNECTION "host=127.0.0.1 port=5432 dbname=${DB} user=postgres"
    DATA "geom from ${layer.schema}.${layer.table} using unique fid using srid=4326"
    PROJECTION "init=epsg:4326" END
    CLASS STYLE COLOR 200 120 80 OUTLINECOLOR 90 60 40 END END
  END
END
`,
  );
  const getMap = (b: number[]) =>
    execFileSync('mapserv', [], {
      env: cgiEnv(
        `map=${mapfile}&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=persil&STYLES=&CRS=EPSG:3857&BBOX=${b.join(',')}&WIDTH=256&HEIGHT=256&FORMAT=image/png`,
      ),
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 << 20,
    });
  const ms2: number[] = [];
  const floor: number[] = [];
  try {
    for (const t of rasterTiles) {
      const s = process.hrtime.bigint();
      const out = getMap(box(t));
      ms2.push(ms(s));
      if (!/Content-Type: image\/png/i.test(out.subarray(0, 200).toString('latin1')))
        throw new Error(out.subarray(0, 300).toString());
    }
    // The process start alone: the same request over an empty box far from the data.
    for (let i = 0; i < 20; i++) {
      const s = process.hrtime.bigint();
      getMap([0, 0, 1000, 1000]);
      floor.push(ms(s));
    }
    process.stdout.write(
      `PNG tiles, MapServer 8 mapserv CGI WMS GetMap of the same boxes (100 tiles): p50 ${pct(ms2, 50).toFixed(1)} ms, p95 ${pct(ms2, 95).toFixed(1)} ms ` +
        `(of which process start + empty map: p50 ${pct(floor, 50).toFixed(1)} ms)\n`,
    );
  } catch (err) {
    process.stdout.write(`mapserv failed: ${String((err as any).stderr ?? err).slice(0, 300)}\n`);
  }
  await server.stop(); // closes the database too
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});

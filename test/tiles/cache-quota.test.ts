import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { testNode, type TestNode } from '../support/context.js';
import { TMP_ROOT } from '../support/backend.js';
import { CITY, tileOf } from './helpers.js';
import { diskCost } from '../../tiles/cache-disk.js';
import { openTileCache } from '../../tiles/cache.js';
import { tileMatrixSet, tileRangeForLonLat } from '../../tiles/matrix-sets.js';
import { redisDelete, redisKeys as keysMatching, TEST_REDIS_URL } from '../support/redis.js';
import type { Config } from '../../server/config.js';
import { countSeedTiles, seed } from '../../tiles/seed.js';
import { OgcError } from '../../data/errors.js';
import { WEB_MERCATOR } from '../../tiles/matrix-sets.js';

const LAYER = 'bappeda:batas_kelurahan,dpupr:jalan';
const QUOTA = 200 * 1024;

/** Files under a folder (path relative, size). */
function filesUnder(dir: string, rel = ''): Array<{ rel: string; size: number }> {
  if (!existsSync(join(dir, rel))) return [];
  const out: Array<{ rel: string; size: number }> = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(dir, r));
    else if (!e.name.startsWith('.')) out.push({ rel: r, size: statSync(join(dir, r)).size });
  }
  return out;
}

const redisKeys = (prefix: string) => keysMatching(`${prefix}*`);

/** Distinct z16 tiles over the middle of the city, in a fixed order. */
function cityTiles(n: number) {
  const r = tileRangeForLonLat(
    tileMatrixSet('WebMercatorQuad')!,
    tileMatrixSet('WebMercatorQuad')!.matrices[16],
    [106.6, -6.21, 106.68, -6.13],
  )!;
  const out: Array<{ z: number; x: number; y: number }> = [];
  for (let y = r.minRow; y <= r.maxRow && out.length < n; y++)
    for (let x = r.minCol; x <= r.maxCol && out.length < n; x++) out.push({ z: 16, x, y });
  return out;
}

for (const backend of ['disk', 'redis'] as const) {
  describe(`tiles: the ${backend} cache is bounded`, function () {
    this.timeout(120_000);
    let node: TestNode;
    let cacheDir: string;
    const prefix = `simpul-test-${randomBytes(4).toString('hex')}:tile:`;
    const config = (extra: Partial<Config> = {}): Partial<Config> => ({
      cacheDir,
      tileCacheBytes: QUOTA,
      tileCacheMaxZoom: 18,
      ...(backend === 'redis' ? { redisUrl: TEST_REDIS_URL, redisPrefix: prefix } : {}),
      ...extra,
    });
    const tilesDir = () => join(cacheDir, 'tiles');
    const stored = async () =>
      backend === 'disk'
        ? filesUnder(tilesDir()).map((f) => f.rel)
        : (await redisKeys(prefix)).map((k) => k.slice(prefix.length));
    before(async () => {
      cacheDir = mkdtempSync(`${TMP_ROOT}tile-cache-`);
      node = await testNode({ serve: true, config: config() });
      await node.ctx.tiles.cache.ready;
    });
    after(async () => {
      await node?.stop();
      if (backend === 'redis') {
        await redisDelete(await redisKeys(prefix.replace(/:tile:$/, '')));
      }
      rmSync(cacheDir, { recursive: true, force: true });
    });

    it('keeps the cache under the quota, evicting the least recently used (a tile just read survives)', async () => {
      const tiles = cityTiles(220);
      const url = (t: { z: number; x: number; y: number }) => `${node.url}/tiles/${LAYER}/${t.z}/${t.x}/${t.y}.pbf`;
      const first = tiles[0];
      expect([200, 204]).to.include((await fetch(url(first))).status);
      await node.ctx.tiles.flush();
      const firstKey = (await stored())[0];
      expect(firstKey).to.match(/\/16\//);
      for (let i = 1; i < tiles.length; i++) {
        const r = await fetch(url(tiles[i]));
        await r.arrayBuffer();
        expect([200, 204]).to.include(r.status);
        await node.ctx.tiles.flush();
        if (i % 5 === 0) await (await fetch(url(first))).arrayBuffer(); // kept in use
      }
      await node.ctx.tiles.flush();
      const s = await node.ctx.tiles.cache.stats();
      expect(s.bytes).to.be.at.most(QUOTA);
      const keys = await stored();
      expect(keys.length).to.be.greaterThan(3);
      expect(keys.length, JSON.stringify(s)).to.be.lessThan(tiles.length); // some went
      expect(keys).to.include(firstKey);
      // The second tile was not read again: long gone.
      expect(keys.some((k) => k.includes(`/16/${tiles[1].x}/${tiles[1].y}/`))).to.equal(false);
      if (backend === 'disk') {
        const onDisk = filesUnder(tilesDir());
        expect(onDisk.reduce((a, f) => a + diskCost(f.size), 0)).to.be.at.most(QUOTA);
        expect(onDisk.length).to.equal(s.entries);
      }
    });

    it("does not store tiles outside the layers' extent (still 204) or beyond the maximum zoom", async () => {
      const before = (await stored()).length;
      // Far from Kota Tangerang (over Europe) at z10, and z19–22 over the city.
      for (const [z, x, y] of [
        [10, 530, 340],
        [10, 531, 341],
        [12, 2100, 1400],
      ]) {
        const r = await fetch(`${node.url}/tiles/${LAYER}/${z}/${x}/${y}.pbf`);
        expect(r.status).to.equal(204);
      }
      for (const z of [19, 20, 22]) {
        const t = tileOf(CITY.lon, CITY.lat, z);
        const r = await fetch(`${node.url}/tiles/${LAYER}/${t.z}/${t.x}/${t.y}.pbf`);
        expect([200, 204]).to.include(r.status);
      }
      await node.ctx.tiles.flush();
      const keys = await stored();
      expect(keys.length).to.equal(before);
      expect(keys.filter((k) => /\/(10|19|20|22)\//.test(k))).to.deep.equal([]);
    });

    it('an ETag still answers 304 for a tile that is not stored', async () => {
      const t = tileOf(CITY.lon, CITY.lat, 20);
      const u = `${node.url}/tiles/${LAYER}/${t.z}/${t.x}/${t.y}.pbf`;
      const a = await fetch(u);
      await a.arrayBuffer();
      const etag = a.headers.get('etag')!;
      expect(a.headers.get('cache-control')).to.equal('public, max-age=0, must-revalidate');
      expect((await fetch(u, { headers: { 'If-None-Match': etag } })).status).to.equal(304);
    });

    it('a new node over the same cache knows its size; a clear empties the books', async () => {
      await node.ctx.tiles.flush();
      const was = await node.ctx.tiles.cache.stats();
      expect(was.bytes).to.be.greaterThan(0);
      const other = await testNode({ config: config() });
      try {
        const cache = other.ctx.tiles.cache;
        await cache.ready;
        const s = await cache.stats();
        expect(s.bytes).to.equal(was.bytes);
        expect(s.entries).to.equal(was.entries);
        expect(s.complete).to.equal(true);
        const n = await cache.clear('dpupr:jalan');
        expect(n).to.equal(was.entries);
        expect((await cache.stats()).bytes).to.equal(0);
        expect(await stored()).to.deep.equal([]);
      } finally {
        await other.stop();
      }
    });

    it('seeding stops when its tiles fill the quota (keeping the coarse levels) and refuses levels beyond the max zoom', async () => {
      const layers = [node.ctx.catalogue.unguardedGet('bappeda:batas_kelurahan')!];
      const o = {
        layers,
        tms: WEB_MERCATOR,
        minZoom: 12,
        maxZoom: 16,
        bbox: [106.55, -6.3, 106.75, -6.09] as [number, number, number, number],
        format: 'pbf' as const,
      };
      const s = await seed(node.ctx, o);
      expect(s.quotaReached).to.equal(true);
      expect(s.skipped).to.be.greaterThan(0);
      expect(s.tiles + s.skipped).to.equal(countSeedTiles(o));
      expect((await node.ctx.tiles.cache.stats()).bytes).to.be.at.most(QUOTA);
      const keys = await stored();
      expect(keys.some((k) => k.includes('/12/'))).to.equal(true); // the coarsest level stayed
      let err: unknown;
      await seed(node.ctx, { ...o, minZoom: 19, maxZoom: 19 }).catch((e) => (err = e));
      expect(err).to.be.instanceOf(OgcError);
      expect(String(err)).to.contain('SIMPUL_TILE_CACHE_MAX_ZOOM');
    });

    it('a clear by another process (simpul cache clear) makes the serving node count again', async function () {
      if (backend === 'redis') this.skip(); // Redis keeps its books in Redis itself
      await node.ctx.tiles.flush();
      expect(node.ctx.tiles.hot.size).to.be.greaterThan(0);
      const cli = openTileCache({ cacheDir, redisUrl: null }, { index: false });
      expect(await cli.clear()).to.be.greaterThan(0);
      await new Promise((r) => setTimeout(r, 2100)); // the node looks at the marker every 2 s, on a write
      const t = cityTiles(225)[224];
      await (await fetch(`${node.url}/tiles/bappeda:batas_kelurahan/${t.z}/${t.x}/${t.y}.pbf`)).arrayBuffer();
      await node.ctx.tiles.flush();
      await node.ctx.tiles.cache.ready;
      const s = await node.ctx.tiles.cache.stats();
      expect(s.entries).to.equal(filesUnder(tilesDir()).length);
      expect(s.entries).to.be.at.most(1);
    });

    it('SIMPUL_TILE_CACHE=off stores nothing, in memory or in the cache', async () => {
      const was = (await stored()).sort();
      const off = await testNode({ serve: true, config: config({ tileCache: false }) });
      try {
        for (const t of cityTiles(6)) {
          const u = `${off.url}/tiles/${LAYER}/${t.z}/${t.x}/${t.y}.pbf`;
          const a = await fetch(u);
          await a.arrayBuffer();
          const b = await fetch(u, { headers: { 'If-None-Match': a.headers.get('etag')! } });
          expect(b.status).to.equal(304);
        }
        await off.ctx.tiles.flush();
        expect(off.ctx.tiles.hot.size).to.equal(0);
        expect((await stored()).sort()).to.deep.equal(was);
      } finally {
        await off.stop();
      }
    });
  });
}

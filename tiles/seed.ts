/** Seeding: renders every tile of a layer over a zoom range and a lon/lat box into the cache
 *  (the anonymous scope, which is what public clients ask for), a few tiles at a time, level
 *  by level from the coarsest. It respects the cache's limits: levels finer than the maximum
 *  cached zoom are refused (nothing would be kept), tiles outside the layers' extent are made
 *  but not kept, and when the seed's tiles fill the quota it stops (rather than evicting its
 *  own earlier, coarser tiles) and says how many tiles it left out. */
import { ANONYMOUS, type Principal } from '../data/access.js';
import { httpError } from '../data/errors.js';
import type { Layer } from '../data/catalogue/layer.js';
import { tileRangeForLonLat, type TileMatrixSet } from './matrix-sets.js';
import { maxCachedLevel } from './cache-policy.js';
import type { TileFormat } from './format.js';
import type { TileService } from './service.js';

/** What seeding needs of the node: its tile service and the cache settings. */
export interface SeedNode {
  tiles: TileService;
  config: { tileCache: boolean; tileCacheMaxZoom: number; tileCacheBytes: number };
}

export interface SeedOptions {
  layers: Layer[];
  tms: TileMatrixSet;
  minZoom: number;
  maxZoom: number;
  bbox: [number, number, number, number];
  format: TileFormat;
  principal?: Principal;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  tiles: number;
  rendered: number;
  cached: number;
  empty: number;
  bytes: number;
  seconds: number;
  /** Tiles made but not kept (outside the layers' extent). */
  notStored: number;
  /** The seed's tiles filled the cache's quota: `skipped` tiles were left out. */
  quotaReached: boolean;
  skipped: number;
}

/** Why a seed cannot be kept, or null. */
export function seedRefusal(config: SeedNode['config'], tms: TileMatrixSet, maxZoom: number): string | null {
  if (config.tileCache === false) return 'tile caching is off (SIMPUL_TILE_CACHE=off): there is nothing to seed';
  const last = maxCachedLevel(tms, config.tileCacheMaxZoom);
  if (maxZoom > last)
    return `${tms.id} levels finer than ${last} are not cached (SIMPUL_TILE_CACHE_MAX_ZOOM=${config.tileCacheMaxZoom}): seed up to ${last}`;
  return null;
}

export function* seedTiles(
  o: Pick<SeedOptions, 'tms' | 'minZoom' | 'maxZoom' | 'bbox'>,
): Generator<{ z: number; col: number; row: number }> {
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    const r = tileRangeForLonLat(o.tms, o.tms.matrices[z], o.bbox);
    if (!r) continue;
    for (let row = r.minRow; row <= r.maxRow; row++)
      for (let col = r.minCol; col <= r.maxCol; col++) yield { z, col, row };
  }
}

export function countSeedTiles(o: Pick<SeedOptions, 'tms' | 'minZoom' | 'maxZoom' | 'bbox'>): number {
  let n = 0;
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    const r = tileRangeForLonLat(o.tms, o.tms.matrices[z], o.bbox);
    if (r) n += (r.maxRow - r.minRow + 1) * (r.maxCol - r.minCol + 1);
  }
  return n;
}

export async function seed(node: SeedNode, o: SeedOptions): Promise<SeedSummary> {
  const refusal = seedRefusal(node.config, o.tms, o.maxZoom);
  if (refusal) throw httpError(400, refusal);
  const started = Date.now();
  const total = countSeedTiles(o);
  const s: SeedSummary = {
    tiles: 0,
    rendered: 0,
    cached: 0,
    empty: 0,
    bytes: 0,
    seconds: 0,
    notStored: 0,
    quotaReached: false,
    skipped: 0,
  };
  const { tiles } = node;
  const { cache } = tiles;
  await cache.ready; // the quota is known
  const quota = node.config.tileCacheBytes;
  // What the seed's own tiles take, and the largest one: it stops before the next could push
  // one of its own out.
  let kept = 0,
    largest = 0;
  const it = seedTiles(o);
  const worker = async () => {
    for (let next = it.next(); !next.done; next = it.next()) {
      if (kept + largest > quota) {
        s.quotaReached = true;
        break;
      }
      const { z, col, row } = next.value;
      const r = await tiles.bytes(o.principal ?? ANONYMOUS, {
        layers: o.layers,
        tms: o.tms,
        z,
        col,
        row,
        format: o.format,
      });
      s.tiles++;
      if (r.cached) s.cached++;
      else s.rendered++;
      if (!r.body.length) s.empty++;
      s.bytes += r.body.length;
      if (r.stored) {
        const c = cache.cost(r.body.length);
        kept += c;
        largest = Math.max(largest, c);
      } else s.notStored++;
      o.onProgress?.(s.tiles, total);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  await tiles.flush();
  cache.announceChange?.();
  s.skipped = total - s.tiles;
  s.seconds = (Date.now() - started) / 1000;
  return s;
}

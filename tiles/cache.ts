/** The tile cache: on disk under config.cacheDir, or in Redis when REDIS_URL is set, each
 *  bounded by a quota (SIMPUL_TILE_CACHE_MB) with least-recently-used eviction; or none at all
 *  (SIMPUL_TILE_CACHE=off). Keys carry the layers' data and style versions and the caller's
 *  scope (cache-key.ts), so old entries are simply never asked for again; the quota evicts
 *  them, and `simpul cache clear` frees space at once. */
import { join } from 'node:path';
import { DiskTileCache } from './cache-disk.js';
import { RedisTileCache } from './cache-redis.js';
import type { CacheStats, TileCache, TileKey } from './cache-key.js';

export { tileKey, type TileKey, type TileKeyParts, type TileCache, type CacheStats } from './cache-key.js';
export { DiskTileCache } from './cache-disk.js';
export { RedisTileCache } from './cache-redis.js';

/** No cache: every tile is made afresh (SIMPUL_TILE_CACHE=off, to measure uncached speed). */
export class NoTileCache implements TileCache {
  readonly ready = Promise.resolve();
  async get(_key: TileKey): Promise<Buffer | null> {
    return null;
  }
  async set(_key: TileKey, _body: Buffer): Promise<void> {}
  async clear(): Promise<number> {
    return 0;
  }
  stats(): CacheStats {
    return { bytes: 0, entries: 0, maxBytes: 0, complete: true };
  }
  cost(): number {
    return 0;
  }
  async close(): Promise<void> {}
}

export interface TileCacheConfig {
  cacheDir: string;
  redisUrl: string | null;
  tileCache?: boolean;
  tileCacheBytes?: number;
  redisPrefix?: string;
}

export interface OpenOptions {
  /** false: skip rebuilding the disk index (a command that only clears). */
  index?: boolean;
  /** Told when the cache's server (Redis) cannot be reached. */
  onError?: (err: Error) => void;
}

/** The cache a node uses: none when switched off, Redis when configured, else the disk. */
export function openTileCache(config: TileCacheConfig, opts: OpenOptions = {}): TileCache {
  if (config.tileCache === false) return new NoTileCache();
  if (config.redisUrl)
    return new RedisTileCache(config.redisUrl, {
      prefix: config.redisPrefix,
      maxBytes: config.tileCacheBytes,
      onError: opts.onError,
    });
  return new DiskTileCache(join(config.cacheDir, 'tiles'), { maxBytes: config.tileCacheBytes, index: opts.index });
}

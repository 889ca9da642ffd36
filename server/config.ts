/** Configuration from the environment: one table of settings, documented in the README. */

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  publicUrl: string | null;
  corsOrigins: string[] | '*';
  redisUrl: string | null;
  maxUploadBytes: number;
  maxImportFeatures: number;
  /** The most features one response may carry (WFS count, OGC API limit are capped to it). */
  maxFeatures: number;
  defaultFeatures: number;
  maxImagePixels: number;
  statementTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Where tiles are cached on disk when REDIS_URL is not set. */
  cacheDir: string;
  /** Worker threads that draw map images; 0 draws on the main thread. Default: one per core. */
  renderThreads?: number;
  /** Map queries (GetMap, raster tiles) running at once; the rest wait in turn. Default: one
   *  per core; 0: no limit. */
  mapQueries?: number;
  /** Longest a map picture may take to draw (ms), else it is ended with an exception; 0: no limit. */
  renderTimeoutMs?: number;
  /** Tile caching (memory and disk/Redis); SIMPUL_TILE_CACHE=off makes every tile afresh. */
  tileCache: boolean;
  /** Quota of the disk or Redis tile cache, bytes (least recently used tiles go first). */
  tileCacheBytes: number;
  /** Tiles finer than this WebMercatorQuad level (by resolution, in any tile matrix set) are
   *  served but not cached. */
  tileCacheMaxZoom: number;
  /** Prefix of the tile cache's keys in Redis (several deployments on one Redis server). */
  redisPrefix: string;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

/** An integer setting in [min, max]; anything else is refused with the setting's name. */
function strictInt(env: NodeJS.ProcessEnv, name: string, d: number, min: number, max: number): number {
  const v = env[name]?.trim();
  if (!v) return d;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new Error(`${name}=${v}: must be a whole number from ${min} to ${max}`);
  return Number(v);
}

function onOff(env: NodeJS.ProcessEnv, name: string, d: boolean): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (!v) return d;
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new Error(`${name}=${env[name]}: must be on or off`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.SIMPUL_DATA_DIR || './var';
  const cors = (env.SIMPUL_CORS_ORIGINS ?? '*').trim();
  return {
    port: int(env.PORT, 8080),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    publicUrl: env.SIMPUL_PUBLIC_URL ? env.SIMPUL_PUBLIC_URL.replace(/\/+$/, '') : null,
    corsOrigins: cors === '*' ? '*' : cors.split(',').map((s) => s.trim()).filter(Boolean),
    redisUrl: env.REDIS_URL || null,
    maxUploadBytes: int(env.SIMPUL_MAX_UPLOAD_MB, 512) * 1024 * 1024,
    maxImportFeatures: int(env.SIMPUL_MAX_IMPORT_FEATURES, 5_000_000),
    maxFeatures: int(env.SIMPUL_MAX_FEATURES, 100_000),
    defaultFeatures: int(env.SIMPUL_DEFAULT_FEATURES, 1000),
    maxImagePixels: int(env.SIMPUL_MAX_IMAGE_PIXELS, 4096 * 4096),
    statementTimeoutMs: int(env.SIMPUL_STATEMENT_TIMEOUT_MS, 30_000),
    logLevel: (env.SIMPUL_LOG_LEVEL as Config['logLevel']) || 'info',
    cacheDir: env.SIMPUL_CACHE_DIR || `${dataDir}/cache`,
    renderThreads: env.SIMPUL_RENDER_THREADS && /^\d+$/.test(env.SIMPUL_RENDER_THREADS) ? Number(env.SIMPUL_RENDER_THREADS) : undefined,
    mapQueries: env.SIMPUL_MAP_QUERIES && /^\d+$/.test(env.SIMPUL_MAP_QUERIES) ? Number(env.SIMPUL_MAP_QUERIES) : undefined,
    renderTimeoutMs: renderTimeout(env.SIMPUL_RENDER_TIMEOUT_MS),
    tileCache: onOff(env, 'SIMPUL_TILE_CACHE', true),
    tileCacheBytes: strictInt(env, 'SIMPUL_TILE_CACHE_MB', 1024, 1, 1024 * 1024) * 1024 * 1024,
    tileCacheMaxZoom: strictInt(env, 'SIMPUL_TILE_CACHE_MAX_ZOOM', 18, 0, 24),
    redisPrefix: env.SIMPUL_REDIS_PREFIX || 'simpul:tile:',
  };
}

/** SIMPUL_RENDER_TIMEOUT_MS: whole milliseconds (0: no limit); anything else stops the start
 *  rather than silently drawing without a limit. */
function renderTimeout(v: string | undefined): number {
  if (v === undefined || v.trim() === '') return 20_000;
  if (!/^\s*\d+\s*$/.test(v)) throw new Error(`SIMPUL_RENDER_TIMEOUT_MS must be a whole number of milliseconds (0: no limit), not ${JSON.stringify(v)}`);
  return Number(v);
}

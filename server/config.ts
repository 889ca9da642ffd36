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
  /** Imports read at once, each in its own GDAL process. */
  importProcesses: number;
  /** Imports that may wait for their turn; more are answered 503 with Retry-After. */
  importQueue: number;
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
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

/** A whole number of at least 1 (or 0 with `count`); anything else is an error, not a surprise. */
function count(v: string | undefined, d: number, name: string, min = 0): number {
  if (v === undefined || v.trim() === '') return d;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min) throw new Error(`${name} must be a whole number${min ? ` of at least ${min}` : ''} (got "${v}")`);
  return Number(v);
}
const positive = (v: string | undefined, d: number, name: string) => count(v, d, name, 1);

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
    importProcesses: positive(env.SIMPUL_IMPORT_PROCESSES, 1, 'SIMPUL_IMPORT_PROCESSES'),
    importQueue: count(env.SIMPUL_IMPORT_QUEUE, 4, 'SIMPUL_IMPORT_QUEUE'),
    maxFeatures: int(env.SIMPUL_MAX_FEATURES, 100_000),
    defaultFeatures: int(env.SIMPUL_DEFAULT_FEATURES, 1000),
    maxImagePixels: int(env.SIMPUL_MAX_IMAGE_PIXELS, 4096 * 4096),
    statementTimeoutMs: int(env.SIMPUL_STATEMENT_TIMEOUT_MS, 30_000),
    logLevel: (env.SIMPUL_LOG_LEVEL as Config['logLevel']) || 'info',
    cacheDir: env.SIMPUL_CACHE_DIR || `${dataDir}/cache`,
    renderThreads: env.SIMPUL_RENDER_THREADS && /^\d+$/.test(env.SIMPUL_RENDER_THREADS) ? Number(env.SIMPUL_RENDER_THREADS) : undefined,
    mapQueries: env.SIMPUL_MAP_QUERIES && /^\d+$/.test(env.SIMPUL_MAP_QUERIES) ? Number(env.SIMPUL_MAP_QUERIES) : undefined,
  };
}

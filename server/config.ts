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
  /** Time budget of a request to its first byte, ms (0: none); over it the request is cancelled. */
  requestTimeoutMs: number;
  /** Time budget of an upload (multipart body sent and imported), ms (0: none). */
  uploadTimeoutMs: number;
  /** Largest form (application/x-www-form-urlencoded) KVP body, bytes. */
  maxFormBytes: number;
  /** Largest XML POST body (WFS, WMS, CSW, SLD), bytes. */
  maxXmlBytes: number;
  /** Largest JSON API body, bytes. */
  maxJsonBytes: number;
  /** Most KVP parameters one request (query string or form) may carry. */
  maxParameters: number;
}

/** A whole number setting; anything else stops the node with the setting's name (a typo must not
 *  silently become the default or no limit). */
function setting(env: NodeJS.ProcessEnv, name: string, d: number, min = 0): number {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return d;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`${name} must be a whole number${min ? ` of at least ${min}` : ''} (got "${v}")`);
  return Number(v);
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

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
    requestTimeoutMs: setting(env, 'SIMPUL_REQUEST_TIMEOUT_MS', 60_000),
    uploadTimeoutMs: setting(env, 'SIMPUL_UPLOAD_TIMEOUT_MS', 30 * 60_000),
    maxFormBytes: setting(env, 'SIMPUL_MAX_FORM_KB', 64, 1) * 1024,
    maxXmlBytes: setting(env, 'SIMPUL_MAX_XML_KB', 4096, 1) * 1024,
    maxJsonBytes: setting(env, 'SIMPUL_MAX_JSON_KB', 1024, 1) * 1024,
    maxParameters: setting(env, 'SIMPUL_MAX_PARAMETERS', 200, 10),
  };
}

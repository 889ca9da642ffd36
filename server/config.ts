/** Configuration: the site settings file (server/settings.ts: config/simpul.yaml or
 *  SIMPUL_CONFIG) with the environment over it, one table of settings documented in the README. */
import { isIP } from 'node:net';
import type { Site } from '../data/site.js';
import { readSettings, type CacheSizes } from './settings.js';

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
  /** Failed sign-ins an account (existing or not) is allowed before back-off starts. */
  /** Workspace sessions: ended after this long unused, and this long after sign-in (ms). */
  sessionIdleMs: number;
  sessionMaxMs: number;
  signInAccountFailures: number;
  /** Failed sign-ins (passwords or tokens) one client address is allowed before back-off starts. */
  signInAddressFailures: number;
  /** First back-off after the allowance; it doubles with each further failure, up to the maximum. */
  signInBackoffMs: number;
  signInBackoffMaxMs: number;
  /** Password hashes (scrypt) computed at once, and how many more may wait; past that: 503. */
  passwordHashConcurrency: number;
  passwordHashQueue: number;
  /** Express `trust proxy`: which proxies' X-Forwarded-For gives the client's address (null: none). */
  trustProxy: number | string[] | null;
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
  /** Who runs the node, for which place (the settings file). */
  site: Site;
  /** How much each in-memory cache keeps (the settings file's limits.caches). */
  caches: CacheSizes;
  /** The pembina may verify and return submissions, beside setting the standard (SIMPUL_PEMBINA_VERIFIES). */
  pembinaVerifies: boolean;
  /** Days a retired layer's tombstone stays in OGC API Records (SIMPUL_RETIRED_TOMBSTONE_DAYS). */
  retiredTombstoneDays: number;
  /** The SMTP server of the workflow's e-mail (SIMPUL_SMTP_URL, else notifications.smtp); null: none sent. */
  smtpUrl: string | null;
  /** The sender of the node's e-mail (notifications.from). */
  mailFrom: string;
  /** Versions of a layer's data kept, the served one included (versions.keep, SIMPUL_VERSIONS_KEEP). */
  keepVersions: number;
}

/** SIMPUL_TRUST_PROXY: a number of proxy hops, or a list of proxy addresses/ranges (and the names
 *  loopback, linklocal, uniquelocal). "true" is refused: trusting every address would let any
 *  client choose its own address with X-Forwarded-For and so escape the sign-in limits. */
export function trustProxyOf(v: string | undefined): number | string[] | null {
  if (v === undefined || !v.trim()) return null;
  if (/^\d+$/.test(v.trim())) return Number(v) || null;
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ok = (s: string) =>
    ['loopback', 'linklocal', 'uniquelocal'].includes(s) ||
    (/^([^/]+)(\/\d{1,3})?$/.test(s) && isIP(s.split('/')[0]) !== 0);
  const bad = list.filter((s) => !ok(s));
  if (bad.length || !list.length)
    throw new Error(`SIMPUL_TRUST_PROXY must be a number of proxies or a list of proxy addresses (got "${v}")`);
  return list;
}

/** A whole number setting; anything else stops the node with the setting's name (a typo must not
 *  silently become the default or no limit). */
function setting(env: NodeJS.ProcessEnv, name: string, d: number, min = 0): number {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return d;
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new Error(`${name} must be a whole number${min ? ` of at least ${min}` : ''} (got "${v}")`);
  return Number(v);
}

/** A whole number from the environment, else `d` (from the settings file); a wrong value stops
 *  the start with the variable's name. */
function int(env: NodeJS.ProcessEnv, name: string, d: number, min = 0): number {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return d;
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new Error(`${name} must be an integer >= ${min} (got ${JSON.stringify(env[name])})`);
  return Number(v);
}

/** An integer setting in [min, max]; anything else is refused with the setting's name. */
function strictInt(env: NodeJS.ProcessEnv, name: string, d: number, min: number, max: number): number {
  const v = env[name]?.trim();
  if (!v) return d;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new Error(`${name}=${v}: must be a whole number from ${min} to ${max}`);
  return Number(v);
}

function onOff(env: NodeJS.ProcessEnv, name: string, d: boolean): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (!v) return d;
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new Error(`${name}=${env[name]}: must be on or off`);
}
/** A whole number of at least 1 (or 0 with `count`); anything else is an error, not a surprise. */
function count(v: string | undefined, d: number, name: string, min = 0): number {
  if (v === undefined || v.trim() === '') return d;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min)
    throw new Error(`${name} must be a whole number${min ? ` of at least ${min}` : ''} (got "${v}")`);
  return Number(v);
}
const positive = (v: string | undefined, d: number, name: string) => count(v, d, name, 1);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { limits, notifications, versions, ...site } = readSettings(env.SIMPUL_CONFIG?.trim() || undefined);
  const dataDir = env.SIMPUL_DATA_DIR || './var';
  const cors = (env.SIMPUL_CORS_ORIGINS ?? '*').trim();
  return {
    site,
    caches: limits.caches,
    port: int(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    publicUrl: env.SIMPUL_PUBLIC_URL ? env.SIMPUL_PUBLIC_URL.replace(/\/+$/, '') : null,
    corsOrigins:
      cors === '*'
        ? '*'
        : cors
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    redisUrl: env.REDIS_URL || null,
    maxUploadBytes: int(env, 'SIMPUL_MAX_UPLOAD_MB', limits.maxUploadMB, 1) * 1024 * 1024,
    maxImportFeatures: int(env, 'SIMPUL_MAX_IMPORT_FEATURES', 5_000_000, 1),
    importProcesses: positive(env.SIMPUL_IMPORT_PROCESSES, 1, 'SIMPUL_IMPORT_PROCESSES'),
    importQueue: count(env.SIMPUL_IMPORT_QUEUE, 4, 'SIMPUL_IMPORT_QUEUE'),
    maxFeatures: int(env, 'SIMPUL_MAX_FEATURES', limits.maxFeatures, 1),
    defaultFeatures: int(env, 'SIMPUL_DEFAULT_FEATURES', limits.defaultFeatures, 1),
    maxImagePixels: int(env, 'SIMPUL_MAX_IMAGE_PIXELS', limits.maxImagePixels, 1),
    statementTimeoutMs: int(env, 'SIMPUL_STATEMENT_TIMEOUT_MS', 30_000),
    logLevel: (env.SIMPUL_LOG_LEVEL as Config['logLevel']) || 'info',
    cacheDir: env.SIMPUL_CACHE_DIR || `${dataDir}/cache`,
    renderThreads: env.SIMPUL_RENDER_THREADS?.trim() ? int(env, 'SIMPUL_RENDER_THREADS', 0) : undefined,
    mapQueries: env.SIMPUL_MAP_QUERIES?.trim() ? int(env, 'SIMPUL_MAP_QUERIES', 0) : undefined,
    renderTimeoutMs: renderTimeout(env.SIMPUL_RENDER_TIMEOUT_MS),
    tileCache: onOff(env, 'SIMPUL_TILE_CACHE', true),
    tileCacheBytes: strictInt(env, 'SIMPUL_TILE_CACHE_MB', 1024, 1, 1024 * 1024) * 1024 * 1024,
    tileCacheMaxZoom: strictInt(env, 'SIMPUL_TILE_CACHE_MAX_ZOOM', 18, 0, 24),
    redisPrefix: env.SIMPUL_REDIS_PREFIX || 'simpul:tile:',
    sessionIdleMs: strictInt(env, 'SIMPUL_SESSION_IDLE_MINUTES', limits.sessionIdleMinutes, 1, 10_080) * 60_000,
    sessionMaxMs: strictInt(env, 'SIMPUL_SESSION_MAX_HOURS', limits.sessionMaxHours, 1, 720) * 3_600_000,
    signInAccountFailures: strictInt(env, 'SIMPUL_SIGNIN_ACCOUNT_FAILURES', 5, 1, 1_000_000),
    signInAddressFailures: strictInt(env, 'SIMPUL_SIGNIN_ADDRESS_FAILURES', 30, 1, 1_000_000),
    signInBackoffMs: strictInt(env, 'SIMPUL_SIGNIN_BACKOFF_MS', 1000, 1, 86_400_000),
    signInBackoffMaxMs: strictInt(env, 'SIMPUL_SIGNIN_BACKOFF_MAX_MS', 900_000, 1, 86_400_000),
    passwordHashConcurrency: strictInt(env, 'SIMPUL_PASSWORD_HASH_CONCURRENCY', 1, 1, 64),
    passwordHashQueue: strictInt(env, 'SIMPUL_PASSWORD_HASH_QUEUE', 16, 0, 100_000),
    trustProxy: trustProxyOf(env.SIMPUL_TRUST_PROXY),
    requestTimeoutMs: setting(env, 'SIMPUL_REQUEST_TIMEOUT_MS', 60_000),
    uploadTimeoutMs: setting(env, 'SIMPUL_UPLOAD_TIMEOUT_MS', 30 * 60_000),
    maxFormBytes: setting(env, 'SIMPUL_MAX_FORM_KB', 64, 1) * 1024,
    maxXmlBytes: setting(env, 'SIMPUL_MAX_XML_KB', 4096, 1) * 1024,
    maxJsonBytes: setting(env, 'SIMPUL_MAX_JSON_KB', 1024, 1) * 1024,
    maxParameters: setting(env, 'SIMPUL_MAX_PARAMETERS', 200, 10),
    pembinaVerifies: onOff(env, 'SIMPUL_PEMBINA_VERIFIES', true),
    retiredTombstoneDays: strictInt(env, 'SIMPUL_RETIRED_TOMBSTONE_DAYS', 90, 0, 36_500),
    smtpUrl: smtpUrl(env.SIMPUL_SMTP_URL?.trim() || notifications.smtp.trim()),
    mailFrom: notifications.from,
    keepVersions: strictInt(env, 'SIMPUL_VERSIONS_KEEP', versions.keep, 1, 1000),
  };
}

/** SIMPUL_RENDER_TIMEOUT_MS: whole milliseconds (0: no limit); anything else stops the start
 *  rather than silently drawing without a limit. */
function renderTimeout(v: string | undefined): number {
  if (v === undefined || v.trim() === '') return 20_000;
  if (!/^\s*\d+\s*$/.test(v))
    throw new Error(
      `SIMPUL_RENDER_TIMEOUT_MS must be a whole number of milliseconds (0: no limit), not ${JSON.stringify(v)}`,
    );
  return Number(v);
}

/** An smtp:// or smtps:// address, or nothing (no e-mail); anything else stops the start. */
function smtpUrl(v: string): string | null {
  if (!v) return null;
  if (!/^smtps?:\/\/[^\s]+$/.test(v))
    throw new Error('SIMPUL_SMTP_URL (or notifications.smtp) must be smtp://[user:password@]host[:port] or smtps://…');
  return v;
}

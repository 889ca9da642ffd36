/** One tile, whichever door it came through (XYZ, WMTS KVP/REST, OGC API): checks the tile
 *  address, answers 304 from the ETag alone, else from the cache, else renders (vector tiles
 *  here, raster through the WMS renderer) and stores — if the tile is within the layers'
 *  extent and the maximum cached zoom (cache-policy.ts) and caching is on. Identical requests
 *  in flight share one rendering. The caller has already resolved the layers through the
 *  catalogue (hidden → 404). */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AppContext } from '../server/context.js';
import type { Principal } from '../data/access.js';
import { visibilityScope } from '../data/access.js';
import type { Layer } from '../data/catalogue/layer.js';
import { OgcError } from '../data/errors.js';
import { openTileCache, tileKey, type TileCache } from './cache.js';
import { cacheable } from './cache-policy.js';
import { tileBounds, type TileMatrixSet } from './matrix-sets.js';
import { vectorTile } from './mvt/query.js';
import { renderRasterTile, RASTER_TYPES } from './raster.js';

export type TileFormat = 'pbf' | 'png' | 'jpg' | 'webp';

export const TILE_TYPES: Record<TileFormat, string> = {
  pbf: 'application/vnd.mapbox-vector-tile',
  ...RASTER_TYPES,
};

/** Format from a file extension or a MIME type. */
export function tileFormat(s: string): TileFormat | undefined {
  const t = s.toLowerCase().trim();
  if (t === 'pbf' || t === 'mvt' || t === 'application/vnd.mapbox-vector-tile' || t === 'application/x-protobuf') return 'pbf';
  if (t === 'png' || t === 'image/png') return 'png';
  if (t === 'jpg' || t === 'jpeg' || t === 'image/jpeg') return 'jpg';
  if (t === 'webp' || t === 'image/webp') return 'webp';
  return undefined;
}

export interface TileRequest {
  layers: Layer[];
  tms: TileMatrixSet;
  z: number;
  col: number;
  row: number;
  format: TileFormat;
  style?: string;
}

export interface TileResponse {
  status: 200 | 204 | 304;
  body: Buffer;
  headers: Record<string, string>;
}

interface TileState {
  cache: TileCache;
  /** SIMPUL_TILE_CACHE: off keeps nothing, in memory or in the cache. */
  on: boolean;
  inflight: Map<string, Promise<Buffer>>;
  /** Writes to the cache still under way (seeding and closing wait for them). */
  writes: Set<Promise<void>>;
  /** The hottest tiles in memory, in front of the disk or Redis (keys are versioned too). */
  hot: Map<string, Buffer>;
  hotBytes: number;
}

const HOT_MAX_BYTES = 64 * 1024 * 1024;
const HOT_MAX_TILE = 256 * 1024;

function remember(s: TileState, key: string, body: Buffer) {
  if (body.length > HOT_MAX_TILE || s.hot.has(key)) return;
  s.hot.set(key, body);
  s.hotBytes += body.length;
  for (const [k, v] of s.hot) {
    if (s.hotBytes <= HOT_MAX_BYTES) break;
    s.hot.delete(k);
    s.hotBytes -= v.length;
  }
}

/** A hit in memory moves to the end, so the hottest tiles stay. */
function recall(s: TileState, key: string): Buffer | undefined {
  const body = s.hot.get(key);
  if (body) {
    s.hot.delete(key);
    s.hot.set(key, body);
  }
  return body;
}

/** Waits until every tile rendered so far is in the cache. */
export async function flushTileWrites(ctx: AppContext): Promise<void> {
  const s = STATE.get(ctx);
  if (s) await Promise.all([...s.writes]);
}
const STATE = new WeakMap<AppContext, TileState>();

export function tileState(ctx: AppContext): TileState {
  let s = STATE.get(ctx);
  if (!s) {
    const cache = openTileCache(ctx.config);
    const state: TileState = { cache, on: ctx.config.tileCache !== false, inflight: new Map(), writes: new Set(), hot: new Map(), hotBytes: 0 };
    s = state;
    STATE.set(ctx, s);
    ctx.onClose.push(async () => {
      await Promise.all([...state.writes]);
      await cache.close();
    });
  }
  return s;
}

/** Throws TileOutOfRange for a matrix or column/row the set does not have. */
export function checkTileAddress(tms: TileMatrixSet, z: number, col: number, row: number) {
  const m = Number.isInteger(z) ? tms.matrices[z] : undefined;
  if (!m) throw new OgcError('TileOutOfRange', `TileMatrix ${z} is not in ${tms.id} (0–${tms.matrices.length - 1})`, 'TileMatrix');
  if (!Number.isInteger(row) || row < 0 || row >= m.matrixHeight) throw new OgcError('TileOutOfRange', `TileRow ${row} is outside 0–${m.matrixHeight - 1}`, 'TileRow');
  if (!Number.isInteger(col) || col < 0 || col >= m.matrixWidth) throw new OgcError('TileOutOfRange', `TileCol ${col} is outside 0–${m.matrixWidth - 1}`, 'TileCol');
  return m;
}

/** Renders (or reads from the cache) the stored form of a tile: gzipped MVT or image bytes;
 *  an empty vector tile is stored as 0 bytes. `stored`: the tile is one the cache keeps. */
export async function tileBytes(ctx: AppContext, principal: Principal, t: TileRequest): Promise<{ body: Buffer; etag: string; cached: boolean; stored: boolean }> {
  const m = checkTileAddress(t.tms, t.z, t.col, t.row);
  const key = tileKey({ layers: t.layers, scope: visibilityScope(principal), tms: t.tms.id, z: t.z, x: t.col, y: t.row, format: t.format, style: t.style });
  const state = tileState(ctx);
  const bounds = tileBounds(m, t.col, t.row);
  const stored = state.on && cacheable(t.layers, t.tms, t.z, bounds, ctx.config.tileCacheMaxZoom);
  if (stored) {
    const hot = recall(state, key.text);
    if (hot) {
      state.cache.touch?.(key);
      return { body: hot, etag: key.etag, cached: true, stored };
    }
    const hit = await state.cache.get(key);
    if (hit) {
      remember(state, key.text, hit);
      return { body: hit, etag: key.etag, cached: true, stored };
    }
  }
  let p = state.inflight.get(key.text);
  if (!p) {
    p = (async () => {
      let body: Buffer;
      if (t.format === 'pbf') {
        const raw = await vectorTile(ctx.db, t.layers, { bounds, srid: t.tms.srid });
        // Level 1: half the CPU of level 4 for a few per cent more bytes on a tile of a few KiB.
        body = raw.length ? gzipSync(raw, { level: 1 }) : Buffer.alloc(0);
      } else {
        body = await renderRasterTile(ctx, t, bounds, m.tileWidth, m.tileHeight);
      }
      if (!stored) return body;
      // Stored in the background: the answer does not wait for the disk or Redis.
      const w = state.cache.set(key, body).finally(() => state.writes.delete(w));
      state.writes.add(w);
      remember(state, key.text, body);
      return body;
    })().finally(() => state.inflight.delete(key.text));
    state.inflight.set(key.text, p);
  }
  return { body: await p, etag: key.etag, cached: false, stored };
}

/** A full HTTP answer for a tile: 304 on a matching If-None-Match, 204 for an empty vector tile. */
export async function serveTile(ctx: AppContext, principal: Principal, t: TileRequest, reqHeaders: { ifNoneMatch?: string; acceptEncoding?: string }): Promise<TileResponse> {
  const { body, etag } = await tileBytes(ctx, principal, t);
  const isPublic = principal.kind === 'anonymous' && t.layers.every((l) => l.accessClass === 'PUBLIC');
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `${isPublic ? 'public' : 'private'}, max-age=0, must-revalidate`,
    Vary: 'Authorization, Accept-Encoding',
  };
  const inm = reqHeaders.ifNoneMatch;
  if (inm && inm.split(',').some((v) => v.trim().replace(/^W\//, '') === etag || v.trim() === '*')) return { status: 304, body: Buffer.alloc(0), headers };
  if (t.format === 'pbf') {
    if (!body.length) return { status: 204, body, headers };
    headers['Content-Type'] = TILE_TYPES.pbf;
    if (/\bgzip\b/i.test(reqHeaders.acceptEncoding ?? '')) {
      headers['Content-Encoding'] = 'gzip';
      return { status: 200, body, headers };
    }
    return { status: 200, body: gunzipSync(body), headers };
  }
  headers['Content-Type'] = TILE_TYPES[t.format];
  return { status: 200, body, headers };
}

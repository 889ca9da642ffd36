/** One tile, whichever door it came through (XYZ, WMTS KVP/REST, OGC API): checks the tile
 *  address, answers 304 from the ETag alone, else from the cache, else renders (vector tiles
 *  here, raster through the WMS renderer) and stores — if the tile is within the layers'
 *  extent and the maximum cached zoom (cache-policy.ts) and caching is on. Identical requests
 *  in flight share one rendering. The caller has already resolved the layers through the
 *  catalogue (hidden → 404). The node creates one TileService at start; it owns the caches. */
import { gunzipSync, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { Db } from '../data/db/types.js';
import type { Principal } from '../data/access.js';
import { visibilityScope } from '../data/access.js';
import type { Layer } from '../data/catalogue/layer.js';
import { OgcError } from '../data/errors.js';
import type { Reply, ServiceRequest } from '../data/reply.js';
import { openTileCache, tileKey, type TileCache, type TileCacheConfig } from './cache.js';
import { cacheable } from './cache-policy.js';
import { TILE_TYPES, type TileFormat } from './format.js';
import { tileBounds, type TileMatrixSet } from './matrix-sets.js';
import { vectorTile } from './mvt/query.js';
import { renderRasterTile, type RasterNode } from './raster.js';

/** What the tile service needs of the node. */
export type TileNode = RasterNode & {
  db: Db;
  config: TileCacheConfig & { tileCache: boolean; tileCacheMaxZoom: number };
  log: { warn(msg: string, fields?: object): void };
};

export interface TileRequest {
  layers: Layer[];
  tms: TileMatrixSet;
  z: number;
  col: number;
  row: number;
  format: TileFormat;
  style?: string;
}

/** The stored form of a tile: gzipped MVT or image bytes; an empty vector tile is 0 bytes.
 *  `stored`: the tile is one the cache keeps. */
export interface TileBytes {
  body: Buffer;
  etag: string;
  cached: boolean;
  stored: boolean;
}

export interface TileServiceOptions {
  /** Memory for the hottest tiles, in front of the disk or Redis. */
  hotBytes?: number;
  /** Larger tiles are not kept in memory. */
  hotTileBytes?: number;
}

/** Throws TileOutOfRange for a matrix or column/row the set does not have. */
export function checkTileAddress(tms: TileMatrixSet, z: number, col: number, row: number) {
  const m = Number.isInteger(z) ? tms.matrices[z] : undefined;
  if (!m)
    throw new OgcError(
      'TileOutOfRange',
      `TileMatrix ${z} is not in ${tms.id} (0–${tms.matrices.length - 1})`,
      'TileMatrix',
    );
  if (!Number.isInteger(row) || row < 0 || row >= m.matrixHeight)
    throw new OgcError('TileOutOfRange', `TileRow ${row} is outside 0–${m.matrixHeight - 1}`, 'TileRow');
  if (!Number.isInteger(col) || col < 0 || col >= m.matrixWidth)
    throw new OgcError('TileOutOfRange', `TileCol ${col} is outside 0–${m.matrixWidth - 1}`, 'TileCol');
  return m;
}

/** If-None-Match names this ETag (weak or strong), or is `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch?.split(',').some((v) => v.trim().replace(/^W\//, '') === etag || v.trim() === '*');
}

export class TileService {
  private opened: TileCache | null = null;
  /** The hottest tiles in memory (keys are versioned, as in the cache); a hit moves a tile to
   *  the front. */
  readonly hot: LRUCache<string, Buffer>;
  /** SIMPUL_TILE_CACHE: off keeps nothing, in memory or in the cache. */
  private readonly on: boolean;
  private readonly inflight = new Map<string, Promise<Buffer>>();
  /** Writes to the cache still under way (seeding and closing wait for them). */
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly node: TileNode,
    opts: TileServiceOptions = {},
  ) {
    this.on = node.config.tileCache !== false;
    const hotTile = opts.hotTileBytes ?? 256 * 1024;
    this.hot = new LRUCache<string, Buffer>({
      maxSize: opts.hotBytes ?? 64 * 1024 * 1024,
      maxEntrySize: hotTile,
      sizeCalculation: (b) => b.length || 1,
    });
  }

  /** The disk or Redis cache, opened on first use: a command that makes no tiles (most of
   *  the CLI) neither indexes the disk nor connects to Redis. */
  get cache(): TileCache {
    return (this.opened ??= openTileCache(this.node.config, {
      onError: (err) => this.node.log.warn('tile cache unreachable', { error: err.message }),
    }));
  }

  /** Renders (or reads from the cache) the stored form of a tile. */
  async bytes(principal: Principal, t: TileRequest): Promise<TileBytes> {
    const m = checkTileAddress(t.tms, t.z, t.col, t.row);
    const key = tileKey({
      layers: t.layers,
      scope: visibilityScope(principal),
      tms: t.tms.id,
      z: t.z,
      x: t.col,
      y: t.row,
      format: t.format,
      style: t.style,
    });
    const bounds = tileBounds(m, t.col, t.row);
    const stored = this.on && cacheable(t.layers, t.tms, t.z, bounds, this.node.config.tileCacheMaxZoom);
    if (stored) {
      const hot = this.hot.get(key.text);
      if (hot) {
        this.cache.touch?.(key);
        return { body: hot, etag: key.etag, cached: true, stored };
      }
      const hit = await this.cache.get(key);
      if (hit) {
        this.hot.set(key.text, hit);
        return { body: hit, etag: key.etag, cached: true, stored };
      }
    }
    let p = this.inflight.get(key.text);
    if (!p) {
      p = (async () => {
        let body: Buffer;
        if (t.format === 'pbf') {
          const raw = await vectorTile(this.node.db, t.layers, { bounds, srid: t.tms.srid });
          // Level 1: half the CPU of level 4 for a few per cent more bytes on a tile of a few KiB.
          body = raw.length ? gzipSync(raw, { level: 1 }) : Buffer.alloc(0);
        } else {
          body = await renderRasterTile(this.node, {
            layers: t.layers,
            style: t.style,
            format: t.format,
            srid: t.tms.srid,
            bounds,
            width: m.tileWidth,
            height: m.tileHeight,
          });
        }
        if (!stored) return body;
        // Stored in the background: the answer does not wait for the disk or Redis.
        const w = this.cache.set(key, body).finally(() => this.writes.delete(w));
        this.writes.add(w);
        this.hot.set(key.text, body);
        return body;
      })().finally(() => this.inflight.delete(key.text));
      this.inflight.set(key.text, p);
    }
    return { body: await p, etag: key.etag, cached: false, stored };
  }

  /** A tile's reply: 304 on a matching If-None-Match, 204 for an empty vector tile, a vector
   *  tile gzipped when the client takes it. */
  async reply(req: Pick<ServiceRequest, 'headers' | 'principal'>, t: TileRequest): Promise<Reply> {
    const { body, etag } = await this.bytes(req.principal, t);
    const isPublic = req.principal.kind === 'anonymous' && t.layers.every((l) => l.accessClass === 'PUBLIC');
    const headers: Record<string, string> = {
      etag,
      'cache-control': `${isPublic ? 'public' : 'private'}, max-age=0, must-revalidate`,
      vary: 'Authorization, Accept-Encoding',
    };
    if (matches(req.headers['if-none-match'], etag)) return { status: 304, headers, body: null };
    if (t.format !== 'pbf') return { status: 200, headers: { 'content-type': TILE_TYPES[t.format], ...headers }, body };
    if (!body.length) return { status: 204, headers, body: null };
    headers['content-type'] = TILE_TYPES.pbf;
    if (!/\bgzip\b/i.test(req.headers['accept-encoding'] ?? ''))
      return { status: 200, headers, body: gunzipSync(body) };
    // Already compressed: the HTTP side sends it as it is.
    return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body };
  }

  /** Waits until every tile rendered so far is in the cache. */
  async flush(): Promise<void> {
    await Promise.all([...this.writes]);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.opened?.close();
  }
}

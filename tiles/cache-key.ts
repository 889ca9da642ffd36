/** What every tile cache shares: the key of a tile and the cache's interface. A key names the
 *  layers with their data and style versions and the caller's visibility scope, so an edit
 *  (which moves dataVersion) or a new style is never answered from an old entry, and nothing
 *  crosses scopes. */
import { createHash } from 'node:crypto';
import type { Layer } from '../data/catalogue/layer.js';

export interface TileKeyParts {
  layers: Layer[];
  scope: string;
  tms: string;
  z: number;
  x: number;
  y: number;
  /** File extension: pbf, png, jpg, webp. */
  format: string;
  /** Style names (raster), '' for the default. */
  style?: string;
}

export interface TileKey {
  /** Folder part: the layer names (what `cache clear LAYER` matches). */
  layerPart: string;
  /** The full, unique key text. */
  text: string;
  /** Strong validator for HTTP. */
  etag: string;
}

export const safe = (s: string) =>
  s.replace(/[^A-Za-z0-9_.,-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

export function tileKey(p: TileKeyParts): TileKey {
  const layerPart = p.layers.map((l) => safe(l.name)).join(',');
  const versions = p.layers.map((l) => `${l.dataVersion}.${l.styleVersion}`).join(',');
  const ids = createHash('sha1')
    .update(p.layers.map((l) => l.id).join(','))
    .digest('hex')
    .slice(0, 8);
  const text = `${layerPart}/${safe(p.scope)}/${p.tms}/${p.z}/${p.x}/${p.y}/${ids}.${versions}.${safe(p.style ?? '')}.${p.format}`;
  const etag = `"${createHash('sha1').update(text).digest('base64url').slice(0, 22)}"`;
  return { layerPart, text, etag };
}

/** What a cache holds, as it counts it. */
export interface CacheStats {
  bytes: number;
  entries: number;
  maxBytes: number;
  /** False while the disk index is still being rebuilt (bytes is then a lower bound). */
  complete: boolean;
}

export interface TileCache {
  get(key: TileKey): Promise<Buffer | null>;
  set(key: TileKey, body: Buffer): Promise<void>;
  /** Removes every tile of a layer (every tile when no layer is named); returns how many entries went. */
  clear(layer?: string): Promise<number>;
  stats(): Promise<CacheStats> | CacheStats;
  /** Bytes one stored tile of `size` bytes counts against the quota. */
  cost(size: number): number;
  /** A hit in the memory in front of the cache: the entry was used (least recently used
   *  eviction must not take the hottest tiles because memory answered them). */
  touch?(key: TileKey): void;
  /** Tells other processes serving from the same cache that this one changed it. */
  announceChange?(): void;
  /** Resolves once the cache knows what it holds (the disk index is rebuilt). */
  ready: Promise<void>;
  close(): Promise<void>;
}

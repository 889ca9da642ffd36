/** Tile formats: vector (MVT, stored gzipped) and pictures, by file extension or MIME type. */
export type TileFormat = 'pbf' | 'png' | 'jpg' | 'webp';

export const RASTER_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;

export const TILE_TYPES: Record<TileFormat, string> = {
  pbf: 'application/vnd.mapbox-vector-tile',
  ...RASTER_TYPES,
};

/** Every name a format is asked by. */
const NAMES: Record<string, TileFormat> = {
  pbf: 'pbf',
  mvt: 'pbf',
  'application/vnd.mapbox-vector-tile': 'pbf',
  'application/x-protobuf': 'pbf',
  png: 'png',
  'image/png': 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  'image/jpeg': 'jpg',
  webp: 'webp',
  'image/webp': 'webp',
};

/** Format from a file extension or a MIME type. */
export function tileFormat(s: string): TileFormat | undefined {
  const t = s.toLowerCase().trim();
  return Object.hasOwn(NAMES, t) ? NAMES[t] : undefined;
}

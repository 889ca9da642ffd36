/** Seeding: renders every tile of a layer over a zoom range and a lon/lat box into the cache
 *  (the anonymous scope, which is what public clients ask for), a few tiles at a time. */
import type { AppContext } from '../server/context.js';
import { ANONYMOUS, type Principal } from '../data/access.js';
import type { Layer } from '../data/catalogue/layer.js';
import { tileRangeForLonLat, type TileMatrixSet } from './matrix-sets.js';
import { flushTileWrites, tileBytes, type TileFormat } from './service.js';

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
}

export function* seedTiles(o: Pick<SeedOptions, 'tms' | 'minZoom' | 'maxZoom' | 'bbox'>): Generator<{ z: number; col: number; row: number }> {
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    const r = tileRangeForLonLat(o.tms, o.tms.matrices[z], o.bbox);
    if (!r) continue;
    for (let row = r.minRow; row <= r.maxRow; row++) for (let col = r.minCol; col <= r.maxCol; col++) yield { z, col, row };
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

export async function seed(ctx: AppContext, o: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const total = countSeedTiles(o);
  const s: SeedSummary = { tiles: 0, rendered: 0, cached: 0, empty: 0, bytes: 0, seconds: 0 };
  const it = seedTiles(o);
  const worker = async () => {
    for (let next = it.next(); !next.done; next = it.next()) {
      const { z, col, row } = next.value;
      const r = await tileBytes(ctx, o.principal ?? ANONYMOUS, { layers: o.layers, tms: o.tms, z, col, row, format: o.format });
      s.tiles++;
      if (r.cached) s.cached++;
      else s.rendered++;
      if (!r.body.length) s.empty++;
      s.bytes += r.body.length;
      o.onProgress?.(s.tiles, total);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  await flushTileWrites(ctx);
  s.seconds = (Date.now() - started) / 1000;
  return s;
}

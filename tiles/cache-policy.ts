/** Which tiles the cache keeps: only tiles that touch the requested layers' extent (with a
 *  margin for symbols and labels that spill over) and no finer than a maximum zoom. Anything
 *  else is still served, made afresh each time: otherwise anyone could fill the cache with
 *  empty tiles far from the data or at z22. */
import type { Layer } from '../data/catalogue/layer.js';
import { projectBox, WEB_MERCATOR, type TileMatrixSet } from './matrix-sets.js';

type Box = [number, number, number, number];

/** Margin around the extent, in pixels of the tile's level (half a 256 px tile). */
const MARGIN_PX = 128;
/** Points along each edge of a lon/lat box projected into a CRS where its edges bend (UTM). */
const EDGE_POINTS = 9;

/** Whether level z of a set is no finer than WebMercatorQuad level maxZoom. Levels compare by
 *  scale denominator (ground resolution), so the limit means the same in every set: 18 keeps
 *  WebMercatorQuad 0–18, WorldCRS84Quad/WGS84Quad 0–17 (each of their levels is one finer
 *  Web Mercator level) and UTM48SKotaTangerang 0–8 (1 m cells; level 9 is 0.5 m, finer than
 *  z18's 0.6 m). */
export function withinMaxZoom(tms: TileMatrixSet, z: number, maxZoom: number): boolean {
  const m = tms.matrices[z];
  const limit = WEB_MERCATOR.matrices[Math.min(maxZoom, WEB_MERCATOR.matrices.length - 1)].scaleDenominator;
  return !!m && m.scaleDenominator >= limit * (1 - 1e-9);
}

/** The finest level of a set that is cached, or -1. */
export function maxCachedLevel(tms: TileMatrixSet, maxZoom: number): number {
  let z = -1;
  while (z + 1 < tms.matrices.length && withinMaxZoom(tms, z + 1, maxZoom)) z++;
  return z;
}

const EXTENTS = new WeakMap<Layer, Map<number, Box | null>>();

/** A layer's lon/lat extent in a set's CRS (easting first), remembered per layer object (a
 *  changed layer is a new object in the catalogue). Null: the layer holds nothing. */
function extentIn(layer: Layer, srid: number): Box | null {
  let bySrid = EXTENTS.get(layer);
  if (!bySrid) EXTENTS.set(layer, (bySrid = new Map()));
  if (bySrid.has(srid)) return bySrid.get(srid)!;
  const b = layer.bbox;
  let out: Box | null = null;
  if (b && b.every(Number.isFinite)) {
    if (srid === 4326 || srid === 3857)
      out = projectBox(srid, [b[0], b[1], b[2], b[3]]); // edges stay straight
    else {
      // Elsewhere a parallel bends: take the edges' points, not only the corners.
      out = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < EDGE_POINTS; i++) {
        const f = i / (EDGE_POINTS - 1);
        const lon = b[0] + f * (b[2] - b[0]),
          lat = b[1] + f * (b[3] - b[1]);
        for (const [x, y] of [
          [lon, b[1]],
          [lon, b[3]],
          [b[0], lat],
          [b[2], lat],
        ]) {
          const p = projectBox(srid, [x, y, x, y]);
          out = [Math.min(out[0], p[0]), Math.min(out[1], p[1]), Math.max(out[2], p[2]), Math.max(out[3], p[3])];
        }
      }
    }
    if (!out.every(Number.isFinite)) out = [-Infinity, -Infinity, Infinity, Infinity]; // cannot tell: keep
  }
  bySrid.set(srid, out);
  return out;
}

/** Whether a tile (bounds in the set's CRS, easting first) touches the union of the layers'
 *  extents, widened by MARGIN_PX pixels of the tile's level. */
export function touchesExtent(layers: Layer[], tms: TileMatrixSet, z: number, bounds: Box): boolean {
  const m = tms.matrices[z];
  const margin = m ? m.cellSize * MARGIN_PX : 0;
  for (const l of layers) {
    const e = extentIn(l, tms.srid);
    if (
      e &&
      bounds[0] <= e[2] + margin &&
      bounds[2] >= e[0] - margin &&
      bounds[1] <= e[3] + margin &&
      bounds[3] >= e[1] - margin
    )
      return true;
  }
  return false;
}

/** Whether a tile goes into the cache. */
export function cacheable(layers: Layer[], tms: TileMatrixSet, z: number, bounds: Box, maxZoom: number): boolean {
  return withinMaxZoom(tms, z, maxZoom) && touchesExtent(layers, tms, z, bounds);
}

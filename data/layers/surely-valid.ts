/** A validity check that only ever answers "surely valid" or "ask PostGIS". PostGIS's ST_IsValid
 *  (GEOS) was most of the database's work in a load (20,000 parcels: COPY 140 ms, with validity
 *  480 ms); the common geometries — points, lines, polygons of one simple ring — are proved valid
 *  here in a few microseconds, and every other one (holes, several parts, a ring that touches
 *  itself, collinear or undecidable corners) is left to ST_IsValid. Orientations use Shewchuk's
 *  error bound: a sign too close to call counts as "ask PostGIS", so rounding never says valid. */

/** Relative error bound of a 2×2 orientation determinant in doubles ((3 + 16ε)ε, ε = 2⁻⁵³). */
const CCW_BOUND = 3.3306690738754716e-16;

/** +1 / -1 when c is surely left / right of a→b; 0 when on it or too close to tell. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const l = (ax - cx) * (by - cy);
  const r = (ay - cy) * (bx - cx);
  const det = l - r;
  const bound = CCW_BOUND * (Math.abs(l) + Math.abs(r));
  return det > bound ? 1 : det < -bound ? -1 : 0;
}

/** True only when the WKB (2D, as the loader stores it) is surely valid by OGC/GEOS rules. */
export function surelyValid(wkb: Uint8Array): boolean {
  const view = new DataView(wkb.buffer, wkb.byteOffset, wkb.byteLength);
  const le = view.getUint8(0) === 1;
  const type = view.getUint32(1, le);
  if (type === 1) return Number.isFinite(view.getFloat64(5, le)) && Number.isFinite(view.getFloat64(13, le));
  if (type === 2) return lineValid(view, 5, le);
  if (type === 3) return view.getUint32(5, le) === 1 && simpleRing(view, 9, le);
  // A one-part MultiPolygon (a polygon the loader wrapped) is valid when its polygon is.
  if (type === 6) return view.getUint32(5, le) === 1 && surelyValid(wkb.subarray(9));
  if (type === 4 || type === 5) {
    let at = 9;
    for (let p = view.getUint32(5, le); p > 0; p--) {
      const ple = view.getUint8(at) === 1;
      if (view.getUint32(at + 1, ple) !== type - 3) return false;
      if (
        type === 4 &&
        !(Number.isFinite(view.getFloat64(at + 5, ple)) && Number.isFinite(view.getFloat64(at + 13, ple)))
      )
        return false;
      if (type === 5 && !lineValid(view, at + 5, ple)) return false;
      at += type === 4 ? 21 : 9 + 16 * view.getUint32(at + 5, ple);
    }
    return true;
  }
  return false;
}

/** At least two distinct points, all finite. */
function lineValid(view: DataView, at: number, le: boolean): boolean {
  const n = view.getUint32(at, le);
  let distinct = false;
  const x0 = view.getFloat64(at + 4, le);
  const y0 = view.getFloat64(at + 12, le);
  for (let i = 0; i < n; i++) {
    const x = view.getFloat64(at + 4 + 16 * i, le);
    const y = view.getFloat64(at + 12 + 16 * i, le);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (x !== x0 || y !== y0) distinct = true;
  }
  return n >= 2 && distinct;
}

/** A closed ring of at least three distinct corners, none collinear, whose edges meet only their
 *  neighbours at their shared corner (a sweep over edges sorted by their west end). */
function simpleRing(view: DataView, at: number, le: boolean): boolean {
  const n = view.getUint32(at, le);
  if (n < 4) return false;
  if (scratchX.length < n) {
    scratchX = new Float64Array(n * 2);
    scratchY = new Float64Array(n * 2);
  }
  const xs = scratchX;
  const ys = scratchY;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = view.getFloat64(at + 4 + 16 * i, le);
    const y = view.getFloat64(at + 12 + 16 * i, le);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (m && x === xs[m - 1] && y === ys[m - 1]) continue; // a repeated point is allowed
    xs[m] = x;
    ys[m++] = y;
  }
  if (xs[0] !== xs[m - 1] || ys[0] !== ys[m - 1]) return false;
  m--; // corners; edge i runs from corner i to corner i + 1 (mod m)
  if (m < 3) return false;
  for (let i = 0; i < m; i++) {
    const p = (i + m - 1) % m;
    const q = (i + 1) % m;
    if (orient(xs[p], ys[p], xs[i], ys[i], xs[q], ys[q]) === 0) return false;
  }
  return m <= SMALL ? edgesApart(xs, ys, m, null) : edgesApart(xs, ys, m, byWestEnd(xs, m));
}

/** Up to this many corners every pair of edges is tried (no sorting): most parcels and roads. */
const SMALL = 48;
/** Coordinates of the ring being checked, kept between calls (no allocation per geometry). */
let scratchX = new Float64Array(256);
let scratchY = new Float64Array(256);

/** Edge numbers sorted by their west end. */
function byWestEnd(xs: Float64Array, m: number): Uint32Array {
  const west = new Float64Array(m);
  for (let i = 0; i < m; i++) west[i] = Math.min(xs[i], xs[i + 1]);
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  return order.sort((a, b) => west[a] - west[b]);
}

/** Each edge's box, kept between calls (no allocation per geometry). */
let boxW = new Float64Array(256);
let boxE = new Float64Array(256);
let boxS = new Float64Array(256);
let boxN = new Float64Array(256);

/** No two edges meet but neighbours at their corner: every pair, or a sweep over `order`. Each
 *  edge's box is made once, so most pairs are told apart by four comparisons. */
function edgesApart(xs: Float64Array, ys: Float64Array, m: number, order: Uint32Array | null): boolean {
  if (boxW.length < m) {
    boxW = new Float64Array(m * 2);
    boxE = new Float64Array(m * 2);
    boxS = new Float64Array(m * 2);
    boxN = new Float64Array(m * 2);
  }
  const w = boxW;
  const e = boxE;
  const sb = boxS;
  const nb = boxN;
  for (let i = 0; i < m; i++) {
    const x1 = xs[i];
    const x2 = xs[i + 1];
    const y1 = ys[i];
    const y2 = ys[i + 1];
    w[i] = x1 < x2 ? x1 : x2;
    e[i] = x1 < x2 ? x2 : x1;
    sb[i] = y1 < y2 ? y1 : y2;
    nb[i] = y1 < y2 ? y2 : y1;
  }
  for (let k = 0; k < m; k++) {
    const a = order ? order[k] : k;
    const a2 = a + 1;
    const aWest = w[a];
    const aEast = e[a];
    const aSouth = sb[a];
    const aNorth = nb[a];
    for (let j = k + 1; j < m; j++) {
      const b = order ? order[j] : j;
      if (order && w[b] > aEast) break; // sorted: no later edge reaches a
      if (e[b] < aWest || w[b] > aEast || nb[b] < aSouth || sb[b] > aNorth) continue;
      const b2 = b + 1;
      if (b === a2 || b2 === a || (a === 0 && b === m - 1) || (b === 0 && a === m - 1)) continue; // neighbours: checked at their corner
      const o1 = orient(xs[a], ys[a], xs[a2], ys[a2], xs[b], ys[b]);
      const o2 = orient(xs[a], ys[a], xs[a2], ys[a2], xs[b2], ys[b2]);
      if (o1 !== 0 && o1 === o2) continue;
      const o3 = orient(xs[b], ys[b], xs[b2], ys[b2], xs[a], ys[a]);
      const o4 = orient(xs[b], ys[b], xs[b2], ys[b2], xs[a2], ys[a2]);
      if (o3 !== 0 && o3 === o4) continue;
      return false; // they meet, or it is too close to tell
    }
  }
  return true;
}

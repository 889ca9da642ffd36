/** What the loader needs to know of a WKB geometry without a database round trip: its type, its
 *  box, whether it is empty — read in one walk over the bytes (a 20-vertex polygon: ~1 µs) — and
 *  the two rewrites it does itself: a single geometry wrapped as a one-part Multi*, and GeoJSON
 *  written as WKB (the demo and tests hand GeoJSON to the layer writer). 2D only: the reader
 *  flattens what it reads, and so does fromGeoJson. */

/** OGC type codes 1–7 (Point … GeometryCollection); arcs (8 and above) are made straight before. */
export type WkbType = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WkbInfo {
  type: WkbType;
  empty: boolean;
  /** [minx, miny, maxx, maxy]; null when empty. */
  box: [number, number, number, number] | null;
}

/** Extra ordinates per point from the type word: ISO (1000s) or extended (high bits) Z/M. */
function dimsOf(word: number): { type: number; extra: number } {
  const z = (word & 0x80000000) !== 0;
  const m = (word & 0x40000000) !== 0;
  const iso = (word & 0x0fffffff) % 1000;
  const isoDims = Math.floor((word & 0x0fffffff) / 1000);
  if (isoDims > 3) throw new Error(`WKB type ${word} is not known`);
  return { type: iso, extra: (z ? 1 : 0) + (m ? 1 : 0) + [0, 1, 1, 2][isoDims] };
}

// One walk over a WKB geometry's points, for inspectWkb and mapXYInPlace. Its state is at module
// level, so that a walk makes no closures (it runs several times for every row of a load); a
// visit never starts another walk.
let walkView: DataView = new DataView(new ArrayBuffer(0));
let walkAt = 0;
let walkVisit: (view: DataView, at: number, le: boolean) => boolean = () => false;

function walkPoints(n: number, le: boolean, extra: number): boolean {
  const view = walkView;
  const step = 16 + 8 * extra;
  for (let i = 0, at = walkAt; i < n; i++, at += step) if (!walkVisit(view, at, le)) return false;
  walkAt += n * step;
  return true;
}

/** The geometry's type, or 0 when a visit stopped the walk. */
function walkGeometry(): number {
  const view = walkView;
  const le = view.getUint8(walkAt) === 1;
  const { type, extra } = dimsOf(view.getUint32(walkAt + 1, le));
  walkAt += 5;
  if (view.getUint32(walkAt - 4, le) & 0x20000000) walkAt += 4; // an EWKB SRID
  if (type < 1 || type > 7) throw new Error(`WKB geometry type ${type} is not supported here`);
  if (type === 1) return walkPoints(1, le, extra) ? type : 0;
  const n = view.getUint32(walkAt, le);
  walkAt += 4;
  if (type === 2) return walkPoints(n, le, extra) ? type : 0;
  for (let p = 0; p < n; p++) {
    if (type === 3) {
      walkAt += 4;
      if (!walkPoints(view.getUint32(walkAt - 4, le), le, extra)) return 0;
    } else if (!walkGeometry()) return 0;
  }
  return type;
}

/** Calls `visit(view, at, le)` for each point of a WKB geometry (x at byte `at` of the view, y
 *  8 bytes on); returns its type, or 0 when a visit returned false. Throws on bytes that are not
 *  WKB (the view ends where the geometry's bytes end). */
function walkWkb(wkb: Uint8Array, visit: (view: DataView, at: number, le: boolean) => boolean): number {
  walkView = new DataView(wkb.buffer, wkb.byteOffset, wkb.byteLength);
  walkAt = 0;
  walkVisit = visit;
  return walkGeometry();
}

const seen: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];

function widenSeen(view: DataView, at: number, le: boolean): boolean {
  const x = view.getFloat64(at, le);
  const y = view.getFloat64(at + 8, le);
  // POINT EMPTY is NaN NaN in WKB.
  if (Number.isNaN(x) || Number.isNaN(y)) return true;
  if (x < seen[0]) seen[0] = x;
  if (y < seen[1]) seen[1] = y;
  if (x > seen[2]) seen[2] = x;
  if (y > seen[3]) seen[3] = y;
  return true;
}

/** Type, box and emptiness of a WKB geometry; throws on bytes that are not WKB. */
export function inspectWkb(wkb: Uint8Array): WkbInfo {
  seen[0] = seen[1] = Infinity;
  seen[2] = seen[3] = -Infinity;
  const type = walkWkb(wkb, widenSeen) as WkbType;
  const empty = seen[0] === Infinity;
  return { type, empty, box: empty ? null : [seen[0], seen[1], seen[2], seen[3]] };
}

let mapping: (x: number, y: number, out: Float64Array) => boolean = () => false;
const mapped = new Float64Array(2);

function mapPoint(view: DataView, at: number, le: boolean): boolean {
  const x = view.getFloat64(at, le);
  const y = view.getFloat64(at + 8, le);
  if (Number.isNaN(x) || Number.isNaN(y)) return true;
  if (!mapping(x, y, mapped)) return false;
  view.setFloat64(at, mapped[0], le);
  view.setFloat64(at + 8, mapped[1], le);
  return true;
}

/** Replaces, in place, each point's x and y of a WKB geometry by `map(x, y, out)`, which writes
 *  the new pair into `out` (POINT EMPTY's NaNs stay as they are); false, with the bytes partly
 *  rewritten, when `map` returns false for some point. The layout, Z and M included, is kept. */
export function mapXYInPlace(wkb: Uint8Array, map: (x: number, y: number, out: Float64Array) => boolean): boolean {
  mapping = map;
  return walkWkb(wkb, mapPoint) !== 0;
}

/** A copy of a WKB geometry with each point mapped as mapXYInPlace does; null when `map` refuses one. */
export function mapXY(wkb: Uint8Array, map: (x: number, y: number, out: Float64Array) => boolean): Uint8Array | null {
  // Not wkb.slice(): on a Buffer that is a view of the same bytes.
  const copy = new Uint8Array(wkb);
  return mapXYInPlace(copy, map) ? copy : null;
}

/** A Point/LineString/Polygon as a MultiPoint/MultiLineString/MultiPolygon of one part. */
export function toMulti(wkb: Uint8Array, type: WkbType): Uint8Array {
  const out = new Uint8Array(9 + wkb.byteLength);
  const view = new DataView(out.buffer);
  out[0] = 1;
  view.setUint32(1, type + 3, true);
  view.setUint32(5, 1, true);
  out.set(wkb, 9);
  return out;
}

const GEOJSON_TYPES: Record<string, number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};

/** Little-endian WKB written into a buffer that grows as needed. */
class WkbWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private room(n: number): number {
    if (this.length + n > this.buf.byteLength) {
      const bigger = new Uint8Array(Math.max(this.buf.byteLength * 2, this.length + n));
      bigger.set(this.buf.subarray(0, this.length));
      this.buf = bigger;
      this.view = new DataView(bigger.buffer);
    }
    return (this.length += n) - n;
  }
  // The offset first: room() may replace the buffer and its view.
  u8(v: number) {
    const at = this.room(1);
    this.buf[at] = v;
  }
  u32(v: number) {
    const at = this.room(4);
    this.view.setUint32(at, v, true);
  }
  f64(v: number) {
    const at = this.room(8);
    this.view.setFloat64(at, v, true);
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** A GeoJSON geometry as little-endian 2D WKB (Z dropped); throws when it is not GeoJSON. */
export function fromGeoJson(g: object): Uint8Array {
  const w = new WkbWriter();
  const bad = (why: string): never => {
    throw new Error(`not a GeoJSON geometry (${why})`);
  };
  const list = (c: unknown): unknown[] => (Array.isArray(c) ? c : bad('coordinates are not an array'));
  const xy = (c: unknown) => {
    const p = list(c);
    if (typeof p[0] !== 'number' || typeof p[1] !== 'number') bad('a position is not [x, y]');
    w.f64(p[0] as number);
    w.f64(p[1] as number);
  };
  const line = (c: unknown) => {
    const ps = list(c);
    w.u32(ps.length);
    ps.forEach(xy);
  };
  const polygon = (c: unknown) => {
    const rings = list(c);
    w.u32(rings.length);
    rings.forEach(line);
  };
  const PART = [xy, line, polygon];
  const write = (geom: { type?: unknown; coordinates?: unknown; geometries?: unknown }): void => {
    const type = GEOJSON_TYPES[String(geom?.type)];
    if (!type) bad(`type ${JSON.stringify(geom?.type)}`);
    w.u8(1);
    w.u32(type);
    const c = geom.coordinates;
    if (type === 1 && Array.isArray(c) && c.length === 0) {
      w.f64(NaN);
      w.f64(NaN);
    } else if (type <= 3) PART[type - 1](c);
    else {
      const parts = list(type === 7 ? geom.geometries : c);
      w.u32(parts.length);
      for (const part of parts) {
        if (type === 7) write(part as object);
        else {
          w.u8(1);
          w.u32(type - 3);
          PART[type - 4](part);
        }
      }
    }
  };
  write(g);
  return w.bytes();
}

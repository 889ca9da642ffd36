/** The one Mapbox Vector Tile 2.1 encoder of the embedded path. Geometries arrive as WKB
 *  already in tile coordinates (x right, y down, 0..extent plus the buffer, snapped to the
 *  grid by SQL); this writes zigzag-encoded MoveTo/LineTo/ClosePath commands with MVT 2.1
 *  winding (exterior rings positive area in tile coordinates, holes negative). */
import { PbfWriter as Pbf } from 'pbf';

export type MvtValue = string | number | boolean;

export interface MvtFeature {
  id?: number;
  properties: Record<string, MvtValue | null | undefined>;
  /** ISO WKB (2D) in tile coordinates. */
  wkb: Uint8Array;
}

export interface MvtLayer {
  name: string;
  extent?: number;
  features: MvtFeature[];
}

type Pt = [number, number];
type Geom = { type: 1; parts: Pt[][] } | { type: 2; parts: Pt[][] } | { type: 3; polygons: Pt[][][] };

/** Reads 2D WKB (Point … GeometryCollection) into points, lines or polygons. */
export function readWkb(buf: Uint8Array): Geom | null {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let o = 0;
  const points: Pt[][] = [];
  const lines: Pt[][] = [];
  const polygons: Pt[][][] = [];
  const readGeom = (): void => {
    const le = dv.getUint8(o) === 1;
    o += 1;
    const rawType = dv.getUint32(o, le);
    o += 4;
    // ISO Z/M codes (1000s) and EWKB flags: only 2D is expected, but read the type through them.
    const hasZ =
      (rawType & 0x80000000) !== 0 || (rawType % 10000 >= 1000 && rawType % 10000 < 2000) || rawType % 10000 >= 3000;
    const hasM = (rawType & 0x40000000) !== 0 || rawType % 10000 >= 2000;
    if (rawType & 0x20000000) o += 4; // EWKB SRID
    const type = (rawType & 0x0fffffff) % 1000;
    const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const pt = (): Pt => {
      const p: Pt = [dv.getFloat64(o, le), dv.getFloat64(o + 8, le)];
      o += 8 * dims;
      return p;
    };
    const seq = (): Pt[] => {
      const n = dv.getUint32(o, le);
      o += 4;
      const out: Pt[] = [];
      for (let i = 0; i < n; i++) out.push(pt());
      return out;
    };
    const rings = (): Pt[][] => {
      const n = dv.getUint32(o, le);
      o += 4;
      const out: Pt[][] = [];
      for (let i = 0; i < n; i++) out.push(seq());
      return out;
    };
    const count = (): number => {
      const n = dv.getUint32(o, le);
      o += 4;
      return n;
    };
    switch (type) {
      case 1: {
        const p = pt();
        if (Number.isFinite(p[0]) && Number.isFinite(p[1])) points.push([p]);
        return;
      }
      case 2:
        lines.push(seq());
        return;
      case 3:
        polygons.push(rings());
        return;
      case 4:
      case 5:
      case 6:
      case 7: {
        const n = count();
        for (let i = 0; i < n; i++) readGeom();
        return;
      }
      default:
        throw new Error(`unsupported WKB type ${rawType}`);
    }
  };
  readGeom();
  // A feature has one MVT type: polygons win over lines over points (collections are rare).
  if (polygons.length) return { type: 3, polygons };
  if (lines.length) return { type: 2, parts: lines };
  if (points.length) return { type: 1, parts: points };
  return null;
}

const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const cmd = (id: number, count: number) => (id & 7) | (count << 3);

function dedupe(pts: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of pts) {
    const q: Pt = [Math.round(p[0]), Math.round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Surveyor's formula in tile coordinates (y down): exterior rings must come out positive. */
function area2(ring: Pt[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i],
      b = ring[(i + 1) % n];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

/** Geometry commands, or null when nothing is left after snapping. */
export function encodeGeometry(g: Geom): { type: 1 | 2 | 3; commands: number[] } | null {
  const out: number[] = [];
  let cx = 0,
    cy = 0;
  const moveTo = (pts: Pt[]) => {
    out.push(cmd(1, pts.length));
    for (const p of pts) {
      out.push(zigzag(p[0] - cx), zigzag(p[1] - cy));
      cx = p[0];
      cy = p[1];
    }
  };
  const lineTo = (pts: Pt[]) => {
    if (!pts.length) return;
    out.push(cmd(2, pts.length));
    for (const p of pts) {
      out.push(zigzag(p[0] - cx), zigzag(p[1] - cy));
      cx = p[0];
      cy = p[1];
    }
  };
  if (g.type === 1) {
    const pts = g.parts.map((p) => dedupe(p)[0]).filter(Boolean);
    if (!pts.length) return null;
    moveTo(pts);
    return { type: 1, commands: out };
  }
  if (g.type === 2) {
    for (const part of g.parts) {
      const pts = dedupe(part);
      if (pts.length < 2) continue;
      moveTo([pts[0]]);
      lineTo(pts.slice(1));
    }
    return out.length ? { type: 2, commands: out } : null;
  }
  for (const poly of g.polygons) {
    let exteriorKept = false;
    poly.forEach((ring, i) => {
      let pts = dedupe(ring);
      if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
      if (pts.length < 3) {
        if (i === 0) exteriorKept = false;
        return;
      }
      const a = area2(pts);
      if (a === 0) {
        if (i === 0) exteriorKept = false;
        return;
      }
      if (i === 0) exteriorKept = true;
      else if (!exteriorKept) return;
      const wantPositive = i === 0;
      if (a > 0 !== wantPositive) pts = pts.reverse();
      moveTo([pts[0]]);
      lineTo(pts.slice(1));
      out.push(cmd(7, 1));
    });
  }
  return out.length ? { type: 3, commands: out } : null;
}

/** Encodes layers into one tile; layers without features are left out; an empty tile is 0 bytes. */
export function encodeMvt(layers: MvtLayer[]): Uint8Array {
  const pbf = new Pbf();
  for (const layer of layers) {
    const keys: string[] = [];
    const keyIndex = new Map<string, number>();
    const values: MvtValue[] = [];
    const valueIndex = new Map<string, number>();
    const encoded: Array<{ id?: number; tags: number[]; type: number; commands: number[] }> = [];
    for (const f of layer.features) {
      const geom = readWkb(f.wkb);
      const g = geom && encodeGeometry(geom);
      if (!g) continue;
      const tags: number[] = [];
      for (const [k, v] of Object.entries(f.properties)) {
        if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
        let ki = keyIndex.get(k);
        if (ki === undefined) {
          ki = keys.push(k) - 1;
          keyIndex.set(k, ki);
        }
        const vk = `${typeof v}:${v}`;
        let vi = valueIndex.get(vk);
        if (vi === undefined) {
          vi = values.push(v) - 1;
          valueIndex.set(vk, vi);
        }
        tags.push(ki, vi);
      }
      encoded.push({ id: f.id, tags, type: g.type, commands: g.commands });
    }
    if (!encoded.length) continue;
    pbf.writeMessage(
      3,
      (_: unknown, p: Pbf) => {
        p.writeVarintField(15, 2);
        p.writeStringField(1, layer.name);
        for (const f of encoded) {
          p.writeMessage(
            2,
            (_f: unknown, q: Pbf) => {
              if (f.id !== undefined && f.id >= 0 && Number.isSafeInteger(f.id)) q.writeVarintField(1, f.id);
              if (f.tags.length) q.writePackedVarint(2, f.tags);
              q.writeVarintField(3, f.type);
              q.writePackedVarint(4, f.commands);
            },
            null,
          );
        }
        for (const k of keys) p.writeStringField(3, k);
        for (const v of values) {
          p.writeMessage(
            4,
            (_v: unknown, q: Pbf) => {
              if (typeof v === 'string') q.writeStringField(1, v);
              else if (typeof v === 'boolean') q.writeBooleanField(7, v);
              else if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) {
                if (v < 0) q.writeSVarintField(6, v);
                else q.writeVarintField(5, v);
              } else q.writeDoubleField(3, v);
            },
            null,
          );
        }
        p.writeVarintField(5, layer.extent ?? 4096);
      },
      null,
    );
  }
  return pbf.finish();
}

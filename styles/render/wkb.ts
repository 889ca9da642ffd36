/** WKB (2D, ISO or EWKB flags) → parts in pixel coordinates, by dimension. */
export type Pt = [number, number];

export interface Parts {
  points: Pt[];
  lines: Pt[][];
  /** Each polygon: its rings. */
  polygons: Pt[][][];
}

export function readWkb(buf: Uint8Array): Parts {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: Parts = { points: [], lines: [], polygons: [] };
  let o = 0;
  const geom = (): void => {
    const le = dv.getUint8(o) === 1;
    const raw = dv.getUint32(o + 1, le);
    o += 5;
    if (raw & 0x20000000) o += 4;
    const base = raw & 0x0fffffff;
    const dims = 2 + ((raw & 0x80000000) || (base % 10000 >= 1000 && base % 10000 < 2000) || base % 10000 >= 3000 ? 1 : 0) + ((raw & 0x40000000) || base % 10000 >= 2000 ? 1 : 0);
    const type = base % 1000;
    const u32 = () => { const n = dv.getUint32(o, le); o += 4; return n; };
    const pt = (): Pt => { const p: Pt = [dv.getFloat64(o, le), dv.getFloat64(o + 8, le)]; o += 8 * dims; return p; };
    const seq = (): Pt[] => { const n = u32(); const s: Pt[] = new Array(n); for (let i = 0; i < n; i++) s[i] = pt(); return s; };
    if (type === 1) {
      const p = pt();
      if (!Number.isNaN(p[0])) out.points.push(p);
    } else if (type === 2) out.lines.push(seq());
    else if (type === 3) {
      const n = u32();
      const rings: Pt[][] = [];
      for (let i = 0; i < n; i++) rings.push(seq());
      out.polygons.push(rings);
    } else if (type >= 4 && type <= 7) {
      const n = u32();
      for (let i = 0; i < n; i++) geom();
    }
  };
  if (buf.length >= 5) geom();
  return out;
}

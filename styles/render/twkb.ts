/** TWKB (Tiny WKB, as PostGIS ST_AsTWKB writes it) → parts in pixel coordinates. The map query
 *  sends geometry already in pixels at 0.1 px precision: zigzag varint deltas, a quarter of
 *  the bytes of WKB, with points closer than the precision already dropped by PostGIS.
 *  The reader keeps its state in module variables (one decode at a time per thread): closures
 *  made per geometry were slower than reading WKB. */
import type { Parts, Pt } from './parts.js';

let buf: Uint8Array = new Uint8Array(0);
let o = 0;
let x = 0;
let y = 0;
let dims = 2;
let scale = 1;

function varint(): number {
  let b = buf[o++];
  if (b < 0x80) return b;
  let v = b & 0x7f;
  let shift = 128;
  for (;;) {
    // Past the end buf[o] is undefined, which is never < 0x80: stop rather than loop forever.
    if (o >= buf.length) throw new RangeError('TWKB ends too soon');
    b = buf[o++];
    v += (b & 0x7f) * shift;
    if (b < 0x80) return v;
    shift *= 128;
  }
}

function zigzag(): number {
  const v = varint();
  return v % 2 ? -(v + 1) / 2 : v / 2;
}

function point(): Pt {
  x += zigzag();
  y += zigzag();
  for (let d = 2; d < dims; d++) zigzag();
  return [x / scale, y / scale];
}

function seq(): Pt[] {
  const n = varint();
  if (n > buf.length - o) throw new RangeError('TWKB ends too soon');
  const s: Pt[] = new Array(n);
  for (let i = 0; i < n; i++) s[i] = point();
  return s;
}

function rings(): Pt[][] {
  const n = varint();
  const r: Pt[][] = new Array(n);
  for (let i = 0; i < n; i++) r[i] = seq();
  return r;
}

function geometry(out: Parts): void {
  const head = buf[o++];
  const type = head & 0x0f;
  const p = head >> 4;
  scale = 10 ** (p % 2 ? -(p + 1) / 2 : p / 2);
  const meta = buf[o++];
  dims = 2;
  if (meta & 0x08) {
    const ext = buf[o++];
    dims += (ext & 1) + ((ext >> 1) & 1);
  }
  if (meta & 0x10) return; // empty
  if (meta & 0x02) varint(); // size
  if (meta & 0x01) for (let i = 0; i < dims * 2; i++) varint(); // bbox
  // Deltas run on through every ring and part of one geometry.
  x = 0;
  y = 0;
  if (type === 1) out.points.push(point());
  else if (type === 2) out.lines.push(seq());
  else if (type === 3) out.polygons.push(rings());
  else if (type >= 4 && type <= 7) {
    const n = varint();
    if (meta & 0x04) for (let i = 0; i < n; i++) varint(); // id list
    for (let i = 0; i < n; i++) {
      if (type === 4) out.points.push(point());
      else if (type === 5) out.lines.push(seq());
      else if (type === 6) out.polygons.push(rings());
      else geometry(out);
    }
  }
}

export function readTwkb(bytes: Uint8Array): Parts {
  const out: Parts = { points: [], lines: [], polygons: [] };
  buf = bytes;
  o = 0;
  if (bytes.length >= 2) geometry(out);
  return out;
}

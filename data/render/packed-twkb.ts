/** The map query's geometry block: each feature's TWKB after its length as a 4-byte big-endian
 *  integer, one after another. PostgreSQL writes it (data/render/features.ts), the render
 *  worker reads it (styles/render/draw-job.ts); this module is the one place that packs or
 *  unpacks it in JavaScript. It imports nothing, so the worker can load it. */

/** One block from separate TWKB values. */
export function packTwkb(items: Uint8Array[]): Uint8Array {
  const packed = new Uint8Array(items.reduce((n, t) => n + 4 + t.length, 0));
  const view = new DataView(packed.buffer);
  let o = 0;
  for (const t of items) {
    view.setUint32(o, t.length);
    packed.set(t, o + 4);
    o += 4 + t.length;
  }
  return packed;
}

/** The block's TWKB values, as views into it; a truncated block ends the list. */
export function unpackTwkb(packed: Uint8Array): Uint8Array[] {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const out: Uint8Array[] = [];
  for (let o = 0; o + 4 <= packed.length;) {
    const n = view.getUint32(o);
    if (o + 4 + n > packed.length) break;
    out.push(packed.subarray(o + 4, o + 4 + n));
    o += 4 + n;
  }
  return out;
}

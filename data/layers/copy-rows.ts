/** A layer table's rows for COPY (binary where every value has a binary form, copy-binary.ts;
 *  text otherwise), and the geometry column's shape they must fit. The one way rows are made:
 *  by the import process where it reads a file (the node then passes one buffer per batch to
 *  the database instead of decoding a thousand feature objects and formatting them on its own
 *  thread), and by the loader (load.ts) for features handed to it as objects.
 *  A row is: geom, geom_3857 (web-mercator.ts; null when PostGIS must compute it), geom_proved,
 *  then the attributes in order. */
import type { Attribute, BBox, GeometryType } from '../catalogue/layer.js';
import type { CopyFormat } from '../db/types.js';
import { coerce } from './columns.js';
import { CopyBinary, binaryRows } from './copy-binary.js';
import { CopyText } from './copy-text.js';
import { surelyValid } from './surely-valid.js';
import { toWebMercatorInPlace, webMercatorWkb } from './web-mercator.js';
import { toMulti, type WkbInfo, type WkbType } from './wkb.js';

/** What the geometry column holds: one dimension (1 point, 2 line, 3 polygon), single or multi,
 *  or any geometry (dim null). */
export interface Shape {
  dim: 1 | 2 | 3 | null;
  multi: boolean;
}

const DIM_NAME = { 1: 'Point', 2: 'LineString', 3: 'Polygon' } as const;

const dimOf = (t: WkbType) => (t === 7 ? null : ((((t - 1) % 3) + 1) as 1 | 2 | 3));
export const isMulti = (t: WkbType) => t >= 4;
export const typeName = (s: Shape): GeometryType =>
  s.dim === null ? 'Geometry' : (((s.multi ? 'Multi' : '') + DIM_NAME[s.dim]) as GeometryType);

/** The narrowest shape that holds what `s` holds and a geometry of type t. */
export function widen(s: Shape | null, t: WkbType): Shape {
  const dim = dimOf(t);
  if (!s) return { dim, multi: dim !== null && isMulti(t) };
  if (s.dim === null) return s;
  if (dim !== s.dim) return { dim: null, multi: false };
  return isMulti(t) && !s.multi ? { dim, multi: true } : s;
}

export const sameShape = (a: Shape | null, b: Shape) => !!a && a.dim === b.dim && a.multi === b.multi;

/** Must a geometry of type t be wrapped as a one-part Multi* to fit a column of shape s? */
export const needsWrap = (s: Shape, t: WkbType) => s.dim !== null && s.multi && !isMulti(t);

/** Hex of bytes, read in place (Buffer.from(Uint8Array) would copy them first). */
export const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

/** A batch of formatted rows. */
export interface RowBatch {
  /** The rows in COPY `format` (binary: tuples without the header and trailer; text: one line each). */
  rows: Uint8Array;
  format: CopyFormat;
  /** Rows sent without their EPSG:3857 geometry (PostGIS computes it after the load). */
  unprojected: number;
  /** Rows whose geometry the loader could not prove valid (PostGIS checks them). */
  unproved: number;
  /** Each row's geometry type as stored. */
  types: Uint8Array;
  /** Each row's place among the batch's features, from 0 (features without geometry are not rows). */
  offsets: Uint32Array;
  /** The batch's features, rows and those without geometry. */
  read: number;
  box: BBox | null;
  /** Some single geometry was wrapped as a Multi* to fit the column. */
  wrapped: boolean;
}

/** A feature read, ready to be a row: its 2D WKB in EPSG:4326, what inspectWkb found, its values by attribute. */
export interface RowSource {
  wkb: Uint8Array;
  info: WkbInfo;
  values: unknown[];
  /** Its place among the batch's features, from 0. */
  offset: number;
}

/** Formats a batch's rows to fit the column as widened by them; returns the batch and the new shape. */
export function formatRows(
  shape: Shape | null,
  items: RowSource[],
  read: number,
  attributes: Attribute[],
): { batch: RowBatch; shape: Shape | null } {
  for (const it of items) shape = widen(shape, it.info.type);
  const types = new Uint8Array(items.length);
  const offsets = new Uint32Array(items.length);
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  let wrapped = false;
  let unprojected = 0;
  let unproved = 0;
  // The geometries as stored, and whether each was proved valid.
  const stored: Uint8Array[] = new Array(items.length);
  const proved: boolean[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const { wkb, info, offset } = items[i];
    let g = wkb;
    let type = info.type;
    if (needsWrap(shape!, type)) {
      g = toMulti(wkb, type);
      type = (type + 3) as WkbType;
      wrapped = true;
    }
    stored[i] = g;
    proved[i] = surelyValid(wkb);
    if (!proved[i]) unproved++;
    types[i] = type;
    offsets[i] = offset;
    const b = info.box!;
    if (b[0] < box[0]) box[0] = b[0];
    if (b[1] < box[1]) box[1] = b[1];
    if (b[2] > box[2]) box[2] = b[2];
    if (b[3] > box[3]) box[3] = b[3];
  }
  const size = items.length ? 1024 + items.length * (items[0].wkb.length * 2 + 128) : 0;
  const fields = 3 + attributes.length;
  const bin = new CopyBinary(size);
  let format: CopyFormat = 'binary';
  binary: for (let i = 0; i < items.length; i++) {
    bin.startRow(fields);
    bin.bytes(stored[i]);
    // The EPSG:3857 geometry: a second copy of the bytes, transformed where it lies.
    if (!bin.transformed(stored[i], toWebMercatorInPlace)) unprojected++;
    bin.bool(proved[i]);
    const values = items[i].values;
    for (let k = 0; k < attributes.length; k++) {
      if (!bin.value(coerce(values[k], attributes[k].type), attributes[k].type)) {
        format = 'text';
        break binary;
      }
    }
  }
  let rows: Uint8Array;
  if (format === 'binary') rows = bin.take();
  else {
    const out = new CopyText(size * 2);
    unprojected = 0;
    for (let i = 0; i < items.length; i++) {
      out.hex(stored[i]);
      out.tab();
      const mercator = webMercatorWkb(stored[i]);
      if (mercator) out.hex(mercator);
      else {
        out.nul();
        unprojected++;
      }
      out.field(proved[i]);
      const values = items[i].values;
      for (let k = 0; k < attributes.length; k++) out.field(coerce(values[k], attributes[k].type));
      out.endRow();
    }
    rows = out.take();
  }
  return {
    batch: { rows, format, unprojected, unproved, types, offsets, read, box: items.length ? box : null, wrapped },
    shape,
  };
}

/** The rows of a batch rewritten for a column that became Multi* after they were formatted (a
 *  batch of arcs made straight by the node came between): single geometries wrapped, in both
 *  systems. Rare. */
export function rewrap(batch: RowBatch, shape: Shape): RowBatch {
  const types = Uint8Array.from(batch.types);
  const wrap = (g: Uint8Array | null, t: WkbType) => (g ? toMulti(g, t) : null);
  if (batch.format === 'text') {
    const lines = Buffer.from(batch.rows.buffer, batch.rows.byteOffset, batch.rows.byteLength).toString().split('\n');
    for (let i = 0; i < types.length; i++) {
      const t = types[i] as WkbType;
      if (!needsWrap(shape, t)) continue;
      const [g, m, ...rest] = lines[i].split('\t');
      const mercator = m === '\\N' ? '\\N' : hex(wrap(Buffer.from(m, 'hex'), t)!);
      lines[i] = [hex(toMulti(Buffer.from(g, 'hex'), t)), mercator, ...rest].join('\t');
      types[i] = t + 3;
    }
    return { ...batch, rows: Buffer.from(lines.join('\n')), types, wrapped: true };
  }
  const rows = batch.rows;
  const out = new CopyBinary(rows.byteLength + types.length * 18);
  const bytes = (f: [number, number]) => (f[0] < 0 ? null : rows.subarray(f[0], f[1]));
  binaryRows(rows).forEach((fields, i) => {
    const t = types[i] as WkbType;
    const again = needsWrap(shape, t);
    out.startRow(fields.length);
    fields.forEach((f, k) => out.bytes(again && k < 2 ? wrap(bytes(f), t) : bytes(f)));
    if (again) types[i] = t + 3;
  });
  return { ...batch, rows: out.take(), types, wrapped: true };
}

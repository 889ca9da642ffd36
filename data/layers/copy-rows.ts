/** A layer table's rows in COPY text, and the geometry column's shape they must fit. Shared by the
 *  loader (load.ts), which formats features handed to it, and the import process, which formats
 *  the rows of a file where it reads them: the node then passes one buffer per batch to the
 *  database instead of decoding a thousand feature objects and formatting them on its own thread. */
import type { Attribute, BBox, GeometryType } from '../catalogue/layer.js';
import { coerce } from './columns.js';
import { CopyText, copyField } from './copy-text.js';
import { surelyValid } from './surely-valid.js';
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

/** One row without its newline: the geometry as stored, whether the loader proved it valid
 *  (surely-valid.ts; PostGIS checks the rest), then each attribute's value coerced to its type. */
export function copyRow(
  original: Uint8Array,
  stored: Uint8Array,
  values: ArrayLike<unknown>,
  attributes: Attribute[],
): string {
  let line = `${hex(stored)}\t${surelyValid(original) ? 't' : 'f'}`;
  for (let i = 0; i < attributes.length; i++) line += `\t${copyField(coerce(values[i], attributes[i].type))}`;
  return line;
}

/** A batch of rows formatted where they were read (the import process). */
export interface RowBatch {
  /** COPY text, one line per row: geom, geom_proved, then the attributes in order. */
  rows: Uint8Array;
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
  const out = new CopyText(items.length ? 1024 + items.length * (items[0].wkb.length * 2 + 128) : 0);
  const types = new Uint8Array(items.length);
  const offsets = new Uint32Array(items.length);
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  let wrapped = false;
  for (let i = 0; i < items.length; i++) {
    const { wkb, info, values, offset } = items[i];
    let stored = wkb;
    let type = info.type;
    if (needsWrap(shape!, type)) {
      stored = toMulti(wkb, type);
      type = (type + 3) as WkbType;
      wrapped = true;
    }
    out.hex(stored);
    out.field(surelyValid(wkb));
    for (let k = 0; k < attributes.length; k++) out.field(coerce(values[k], attributes[k].type));
    out.endRow();
    types[i] = type;
    offsets[i] = offset;
    const b = info.box!;
    if (b[0] < box[0]) box[0] = b[0];
    if (b[1] < box[1]) box[1] = b[1];
    if (b[2] > box[2]) box[2] = b[2];
    if (b[3] > box[3]) box[3] = b[3];
  }
  const rows = out.take();
  return { batch: { rows, types, offsets, read, box: items.length ? box : null, wrapped }, shape };
}

/** The rows of a batch rewritten for a column that became Multi* after they were formatted (a
 *  batch of arcs made straight by the node came between): single geometries wrapped. Rare. */
export function rewrap(batch: RowBatch, shape: Shape): RowBatch {
  const lines = Buffer.from(batch.rows.buffer, batch.rows.byteOffset, batch.rows.byteLength).toString().split('\n');
  const types = Uint8Array.from(batch.types);
  for (let i = 0; i < types.length; i++) {
    const t = types[i] as WkbType;
    if (!needsWrap(shape, t)) continue;
    const tab = lines[i].indexOf('\t');
    lines[i] = hex(toMulti(Buffer.from(lines[i].slice(0, tab), 'hex'), t)) + lines[i].slice(tab);
    types[i] = t + 3;
  }
  return { ...batch, rows: Buffer.from(lines.join('\n')), types, wrapped: true };
}

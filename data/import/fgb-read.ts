/** Reads the FlatGeobuf files the import process has GDAL write (bulk-read.ts): the header's
 *  columns, then each feature as 2D little-endian WKB and its values. Only what GDAL writes
 *  without a spatial index is read (features one after another); a FlatGeobuf feature is a
 *  flatbuffer whose coordinates are the same doubles, in the same order, as WKB's, so the WKB is
 *  made by copying byte ranges. Format: https://flatgeobuf.org (schema v3). */
import { closeSync, openSync, readSync } from 'node:fs';

/** FlatGeobuf column types (ColumnType in the schema), those the import reads. */
export const FGB_COLUMN = {
  Bool: 2,
  Short: 3,
  Int: 5,
  Long: 7,
  Float: 9,
  Double: 10,
  String: 11,
  Json: 12,
  DateTime: 13,
} as const;

/** Fixed-size values by column type: their bytes, and how they are read (as gdal-async gives the field). */
const FIXED: Record<number, [number, (view: DataView, at: number) => unknown]> = {
  [FGB_COLUMN.Bool]: [1, (v, at) => (v.getUint8(at) ? 1 : 0)],
  [FGB_COLUMN.Short]: [2, (v, at) => v.getInt16(at, true)],
  [FGB_COLUMN.Int]: [4, (v, at) => v.getInt32(at, true)],
  [FGB_COLUMN.Float]: [4, (v, at) => v.getFloat32(at, true)],
  [FGB_COLUMN.Long]: [8, (v, at) => Number(v.getBigInt64(at, true))],
  [FGB_COLUMN.Double]: [8, (v, at) => v.getFloat64(at, true)],
};

export interface FgbColumn {
  name: string;
  type: number;
}

export interface FgbFeature {
  /** 2D little-endian WKB; null for a feature without geometry. */
  wkb: Uint8Array | null;
  /** Values by column (null when the feature has none). */
  values: unknown[];
}

const MAGIC = [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62];

/** A flatbuffer table: its position and its vtable, read from `view`. */
class Table {
  constructor(
    readonly view: DataView,
    readonly at: number,
  ) {}
  private slot(field: number): number {
    const vt = this.at - this.view.getInt32(this.at, true);
    const vtSize = this.view.getUint16(vt, true);
    const o = 4 + 2 * field;
    return o < vtSize ? this.view.getUint16(vt + o, true) : 0;
  }
  /** Where a field's value is, 0 when absent. */
  field(field: number): number {
    const o = this.slot(field);
    return o ? this.at + o : 0;
  }
  uint8(field: number, fallback: number): number {
    const p = this.field(field);
    return p ? this.view.getUint8(p) : fallback;
  }
  uint16(field: number, fallback: number): number {
    const p = this.field(field);
    return p ? this.view.getUint16(p, true) : fallback;
  }
  /** A vector's first element's position and its length; null when absent. */
  vector(field: number): { start: number; length: number } | null {
    const p = this.field(field);
    if (!p) return null;
    const v = p + this.view.getUint32(p, true);
    return { start: v + 4, length: this.view.getUint32(v, true) };
  }
  table(field: number): Table | null {
    const p = this.field(field);
    return p ? new Table(this.view, p + this.view.getUint32(p, true)) : null;
  }
  /** The i-th table of a vector of tables. */
  tableAt(vec: { start: number }, i: number): Table {
    const p = vec.start + 4 * i;
    return new Table(this.view, p + this.view.getUint32(p, true));
  }
  string(field: number): string | null {
    const v = this.vector(field);
    return v ? utf8.decode(new Uint8Array(this.view.buffer, this.view.byteOffset + v.start, v.length)) : null;
  }
}

const utf8 = new TextDecoder('utf-8');

/** next() when the file does not hold the next feature yet (its writer is still writing). */
export const WAIT = Symbol('wait');

/** A FlatGeobuf file read feature by feature, a window of it in memory at a time — also while
 *  GDAL is still writing it, until `complete` is set. */
export class FgbReader {
  readonly columns: FgbColumn[];
  readonly geometryType: number;
  /** Set when the writer has finished: the end of the file is then the end of the features. */
  complete = false;
  private fd: number;
  private window: Buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  /** The window holds the file's bytes [base, base + filled); `at` is the next feature's offset in it. */
  private base = 0;
  private filled = 0;
  private at = 0;

  /** Bytes the file must have before its header can be read (0: not even the magic bytes yet). */
  static headerBytes(path: string): number {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(12);
      return readSync(fd, head, 0, 12, 0) < 12 ? 0 : 12 + head.readUInt32LE(8);
    } finally {
      closeSync(fd);
    }
  }

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    try {
      this.fill(0);
      const w = this.window;
      if (this.filled < 12 || MAGIC.some((b, i) => w[i] !== b)) throw new Error('not a FlatGeobuf file');
      const size = w.readUInt32LE(8);
      if (!this.ensure(12 + size)) throw new Error('the FlatGeobuf header is not complete');
      const view = this.view();
      const root = new Table(view, 12 + view.getUint32(12, true));
      this.geometryType = root.uint8(2, 0);
      if (root.uint8(3, 0) || root.uint8(4, 0) || root.uint8(5, 0) || root.uint8(6, 0))
        throw new Error('only 2D FlatGeobuf is read here');
      if (root.uint16(9, 16) !== 0) throw new Error('a FlatGeobuf file with a spatial index is not read here');
      const cols = root.vector(7);
      this.columns = [];
      for (let i = 0; cols && i < cols.length; i++) {
        const c = root.tableAt(cols, i);
        this.columns.push({ name: c.string(0) ?? '', type: c.uint8(1, 0) });
      }
      this.at = 12 + size;
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Where the next feature starts in the file. */
  get position(): number {
    return this.base + this.at;
  }

  private view(): DataView {
    return new DataView(this.window.buffer, this.window.byteOffset, this.filled);
  }

  /** Reads the file from `offset` into the window (from its start). */
  private fill(offset: number): void {
    this.base = offset;
    this.filled = 0;
    while (this.filled < this.window.length) {
      const n = readSync(this.fd, this.window, this.filled, this.window.length - this.filled, this.base + this.filled);
      if (!n) break;
      this.filled += n;
    }
  }

  /** Makes the window hold `length` bytes from `at` (moved to the window's start on a refill);
   *  false when the file does not have them (yet). */
  private ensure(length: number): boolean {
    if (this.at + length <= this.filled) return true;
    if (length > this.window.length) this.window = Buffer.allocUnsafe(Math.max(length, 2 * this.window.length));
    this.fill(this.base + this.at);
    this.at = 0;
    return length <= this.filled;
  }

  /** The next feature; null at the end; WAIT when the writer has not written it yet. */
  next(): FgbFeature | null | typeof WAIT {
    // `complete` is read first: bytes found after it are all the file will have.
    const complete = this.complete;
    if (!this.ensure(4)) {
      if (!complete) return WAIT;
      if (this.at === this.filled) return null;
      throw new Error('the FlatGeobuf file ends inside a feature');
    }
    if (!this.ensure(4 + this.window.readUInt32LE(this.at))) {
      if (!complete) return WAIT;
      throw new Error('the FlatGeobuf file ends inside a feature');
    }
    const view = this.view();
    const p = this.at + 4;
    this.at += 4 + view.getUint32(this.at, true);
    const feature = new Table(view, p + view.getUint32(p, true));
    const geometry = feature.table(0);
    return {
      wkb: geometry ? toWkb(geometry, geometry.uint8(6, this.geometryType)) : null,
      values: this.values(feature),
    };
  }

  private values(feature: Table): unknown[] {
    const values: unknown[] = new Array(this.columns.length).fill(null);
    const props = feature.vector(1);
    if (!props) return values;
    const view = feature.view;
    let p = props.start;
    const end = p + props.length;
    while (p < end) {
      const i = view.getUint16(p, true);
      p += 2;
      const column = this.columns[i];
      if (!column) throw new Error(`FlatGeobuf property of column ${i}, which the header does not have`);
      const fixed = FIXED[column.type];
      if (fixed) {
        values[i] = fixed[1](view, p);
        p += fixed[0];
      } else if (
        column.type === FGB_COLUMN.String ||
        column.type === FGB_COLUMN.Json ||
        column.type === FGB_COLUMN.DateTime
      ) {
        const n = view.getUint32(p, true);
        values[i] = utf8.decode(new Uint8Array(view.buffer, view.byteOffset + p + 4, n));
        p += 4 + n;
      } else throw new Error(`FlatGeobuf column type ${column.type} is not read here`);
    }
    return values;
  }
}

/** WKB writer for one geometry: sizes are known up front, so one buffer. */
function toWkb(g: Table, type: number): Uint8Array {
  const out = Buffer.allocUnsafe(wkbSize(g, type));
  const end = writeWkb(g, type, out, 0);
  return end === out.length ? out : out.subarray(0, end);
}

const POINT_BYTES = 16;

/** Bytes of a geometry's WKB (an upper bound for an empty point, written as NaN NaN). */
function wkbSize(g: Table, type: number): number {
  const xy = g.vector(1);
  const points = xy ? xy.length / 2 : 0;
  const parts = g.vector(7);
  if (parts) {
    let n = 9;
    for (let i = 0; i < parts.length; i++) {
      const part = g.tableAt(parts, i);
      n += wkbSize(part, part.uint8(6, partType(type)));
    }
    return n;
  }
  const ends = g.vector(0);
  const rings = ends ? ends.length : points ? 1 : 0;
  switch (type) {
    case 6:
    case 7:
      return 9;
    case 1:
      return 5 + POINT_BYTES;
    case 2:
    case 8:
      return 9 + points * POINT_BYTES;
    case 3:
    case 17:
      return 9 + 4 * rings + points * POINT_BYTES;
    case 4:
      return 9 + points * (5 + POINT_BYTES);
    case 5:
      return 9 + 9 * rings + points * POINT_BYTES;
    default:
      throw new Error(`FlatGeobuf geometry type ${type} is not read here`);
  }
}

/** The type of a Multi*'s parts when they do not say it. */
const partType = (type: number) => (type === 6 ? 3 : type === 5 ? 2 : type === 4 ? 1 : 0);

function header(out: Buffer, at: number, type: number, count: number): number {
  out[at] = 1;
  out.writeUInt32LE(type, at + 1);
  out.writeUInt32LE(count, at + 5);
  return at + 9;
}

function writeWkb(g: Table, type: number, out: Buffer, at: number): number {
  const parts = g.vector(7);
  if (parts) {
    at = header(out, at, type, parts.length);
    for (let i = 0; i < parts.length; i++) {
      const part = g.tableAt(parts, i);
      at = writeWkb(part, part.uint8(6, partType(type)), out, at);
    }
    return at;
  }
  const xy = g.vector(1);
  const points = xy ? xy.length / 2 : 0;
  const src = g.view;
  const copy = (from: number, n: number) => {
    const s = src.byteOffset + (xy?.start ?? 0) + from * POINT_BYTES;
    out.set(new Uint8Array(src.buffer, s, n * POINT_BYTES), at);
    at += n * POINT_BYTES;
  };
  const ringEnds = (): number[] => {
    const ends = g.vector(0);
    if (!ends) return points ? [points] : [];
    const r: number[] = [];
    for (let i = 0; i < ends.length; i++) r.push(src.getUint32(ends.start + 4 * i, true));
    return r;
  };
  switch (type) {
    case 1:
      out[at] = 1;
      out.writeUInt32LE(1, at + 1);
      at += 5;
      if (points) copy(0, 1);
      else {
        out.writeDoubleLE(NaN, at);
        out.writeDoubleLE(NaN, at + 8);
        at += POINT_BYTES;
      }
      return at;
    case 2:
    case 8:
      at = header(out, at, type, points);
      copy(0, points);
      return at;
    case 3:
    case 17: {
      const ends = ringEnds();
      at = header(out, at, type, ends.length);
      let from = 0;
      for (const e of ends) {
        out.writeUInt32LE(e - from, at);
        at += 4;
        copy(from, e - from);
        from = e;
      }
      return at;
    }
    case 4:
      at = header(out, at, 4, points);
      for (let i = 0; i < points; i++) {
        out[at] = 1;
        out.writeUInt32LE(1, at + 1);
        at += 5;
        copy(i, 1);
      }
      return at;
    case 5: {
      const ends = ringEnds();
      at = header(out, at, 5, ends.length);
      let from = 0;
      for (const e of ends) {
        at = header(out, at, 2, e - from);
        copy(from, e - from);
        from = e;
      }
      return at;
    }
    case 6:
    case 7:
      return header(out, at, type, 0);
    default:
      throw new Error(`FlatGeobuf geometry type ${type} is not read here`);
  }
}

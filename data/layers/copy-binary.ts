/** Rows in PostgreSQL's COPY binary format: per row a field count, then per field its length
 *  (-1 for null) and its bytes in the type's binary form. A geometry goes as its WKB and a
 *  number as its eight bytes, so neither side writes or parses hex and decimal text (for a
 *  polygon layer, most of the database's share of a load). A value whose text the database
 *  would read in its own way (a date-time, a date not written YYYY-MM-DD, an integer beyond
 *  64 bits) has no binary form here: such a batch goes as COPY text (copy-text.ts) instead. */
import type { AttributeType } from '../catalogue/layer.js';
import { RowBytes } from './row-bytes.js';

/** The signature, no flags, no header extension. */
export const COPY_BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** A field count of -1. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

const DAY_MS = 86_400_000;
/** PostgreSQL counts days from 2000-01-01. */
const PG_EPOCH_DAYS = Date.UTC(2000, 0, 1) / DAY_MS;
const TWO_32 = 2 ** 32;
const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;

/** A date written YYYY-MM-DD as PostgreSQL's day number; null for anything else (or no such day). */
function dayNumber(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC reads years 0–99 as 1900–1999.
  if (y < 1000) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS - PG_EPOCH_DAYS;
}

/** An integer as a bigint exactly as COPY text would store it (String(n): digits past 2^53 are
 *  the shortest ones that read back as n); null beyond 64 bits. */
function int8Of(n: number): bigint | null {
  const s = String(n);
  if (!/^-?\d+$/.test(s)) return null;
  const b = BigInt(s);
  return b < INT8_MIN || b > INT8_MAX ? null : b;
}

/** Binary COPY tuples written straight into bytes (no header: the loader adds it to each COPY). */
export class CopyBinary extends RowBytes {
  startRow(fields: number): void {
    this.room(2);
    this.at = this.buf.writeInt16BE(fields, this.at);
  }

  /** Bytes as one field (a geometry's WKB), or null. */
  bytes(b: Uint8Array | null): void {
    if (!b) return this.null();
    this.room(4 + b.length);
    this.at = this.buf.writeInt32BE(b.length, this.at);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** A geometry's WKB, then rewritten in place by `transform`; null instead when it refuses.
   *  True when the geometry was written. */
  transformed(b: Uint8Array, transform: (written: Uint8Array) => boolean): boolean {
    const field = this.at;
    this.bytes(b);
    if (transform(this.buf.subarray(field + 4, this.at))) return true;
    this.at = field;
    this.null();
    return false;
  }

  bool(v: boolean): void {
    this.room(5);
    this.at = this.buf.writeInt32BE(1, this.at);
    this.buf[this.at++] = v ? 1 : 0;
  }

  /** A value as `coerce` (columns.ts) made it for a column of `type`; false when it has no binary
   *  form here (nothing is written then, and the batch goes as text). */
  value(v: unknown, type: AttributeType): boolean {
    if (v === null || v === undefined) {
      this.null();
      return true;
    }
    switch (type) {
      case 'string': {
        const s = String(v);
        this.room(4 + s.length * 3);
        const n = this.buf.write(s, this.at + 4);
        this.buf.writeInt32BE(n, this.at);
        this.at += 4 + n;
        return true;
      }
      case 'integer': {
        const n = v as number;
        this.room(12);
        this.at = this.buf.writeInt32BE(8, this.at);
        if (Number.isSafeInteger(n)) {
          const hi = Math.floor(n / TWO_32);
          this.at = this.buf.writeInt32BE(hi, this.at);
          this.at = this.buf.writeUInt32BE(n - hi * TWO_32, this.at);
          return true;
        }
        const b = int8Of(n);
        if (b === null) {
          this.at -= 4;
          return false;
        }
        this.at = this.buf.writeBigInt64BE(b, this.at);
        return true;
      }
      case 'number': {
        this.room(12);
        this.at = this.buf.writeInt32BE(8, this.at);
        // COPY text writes -0 as "0".
        this.at = this.buf.writeDoubleBE((v as number) || 0, this.at);
        return true;
      }
      case 'boolean':
        this.bool(v as boolean);
        return true;
      case 'date': {
        const day = dayNumber(String(v));
        if (day === null) return false;
        this.room(8);
        this.at = this.buf.writeInt32BE(4, this.at);
        this.at = this.buf.writeInt32BE(day, this.at);
        return true;
      }
      default:
        return false;
    }
  }

  private null(): void {
    this.room(4);
    this.at = this.buf.writeInt32BE(-1, this.at);
  }
}

/** Each row's fields in binary COPY tuples: [start, end) of each field's bytes, null as [-1, -1]
 *  (for the rare rewrite of rows already formatted). */
export function binaryRows(rows: Uint8Array): Array<Array<[number, number]>> {
  const b = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  const out: Array<Array<[number, number]>> = [];
  let at = 0;
  while (at < b.length) {
    const n = b.readInt16BE(at);
    at += 2;
    const fields: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      const len = b.readInt32BE(at);
      at += 4;
      fields.push(len < 0 ? [-1, -1] : [at, at + len]);
      if (len > 0) at += len;
    }
    out.push(fields);
  }
  return out;
}

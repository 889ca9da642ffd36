/** Values in PostgreSQL's COPY text format: a row is its fields joined by tabs, `\N` is null,
 *  and a backslash, tab, newline or carriage return inside a value is escaped with a backslash. */
import { RowBytes } from './row-bytes.js';

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field: a value as `coerce` (columns.ts) made it for its column (text, number, boolean, null). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const s = String(value);
  return HAS_SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ESCAPED[c]) : s;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef');
const TAB = 9;
const NEWLINE = 10;

/** Rows of COPY text written straight into bytes: building a string per row and joining them
 *  cost as much as all the rest of a batch's formatting (a polygon row is ~700 characters). */
export class CopyText extends RowBytes {
  /** Bytes as hex (a geometry's WKB). */
  hex(b: Uint8Array): void {
    this.room(b.length * 2);
    const out = this.buf;
    let at = this.at;
    for (let i = 0; i < b.length; i++) {
      const v = b[i];
      out[at++] = HEX_DIGITS[v >> 4];
      out[at++] = HEX_DIGITS[v & 15];
    }
    this.at = at;
  }

  tab(): void {
    this.room(1);
    this.buf[this.at++] = TAB;
  }

  /** A null value. */
  nul(): void {
    this.room(2);
    this.at += this.buf.write('\\N', this.at, 'latin1');
  }

  /** A tab, then a value as `coerce` made it (copyField). */
  field(value: unknown): void {
    this.tab();
    const s = copyField(value);
    this.room(s.length * 3);
    this.at += this.buf.write(s, this.at);
  }

  endRow(): void {
    this.room(1);
    this.buf[this.at++] = NEWLINE;
  }
}

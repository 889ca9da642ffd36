/** Values in PostgreSQL's COPY text format: a row is its fields joined by tabs, `\N` is null,
 *  and a backslash, tab, newline or carriage return inside a value is escaped with a backslash. */

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

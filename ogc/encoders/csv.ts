/** CSV (RFC 4180): fid, the attributes, and the geometry as WKT. */
import type { EncodePart } from './gml.js';
import { textValue } from './values.js';

const field = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function* csvRows(parts: EncodePart[]): AsyncGenerator<string> {
  let header = false;
  for (const part of parts) {
    if (!header) {
      yield `${['fid', ...part.attributes.map((a) => a.name), 'wkt'].map(field).join(',')}\r\n`;
      header = true;
    }
    for await (const batch of part.rows()) {
      let out = '';
      for (const row of batch) {
        out += `${[String(row.fid), ...part.attributes.map((a) => textValue(row[a.name], a)), (row.geometry as string | null) ?? null].map(field).join(',')}\r\n`;
      }
      yield out;
    }
  }
}

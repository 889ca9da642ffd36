/** CSV (RFC 4180): fid, the attributes, and the geometry as WKT. */
import type { ChunkWriter } from './stream.js';
import type { EncodePart } from './gml.js';
import { textValue } from './values.js';

const field = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeCsv(w: ChunkWriter, parts: EncodePart[]): Promise<void> {
  let header = false;
  for (const part of parts) {
    if (!header) {
      await w.write(`${['fid', ...part.attributes.map((a) => a.name), 'wkt'].map(field).join(',')}\r\n`);
      header = true;
    }
    for await (const batch of part.rows()) {
      let out = '';
      for (const row of batch) {
        out += `${[String(row.fid), ...part.attributes.map((a) => textValue(row[a.name], a)), (row.geometry as string | null) ?? null].map(field).join(',')}\r\n`;
      }
      await w.write(out);
    }
  }
  await w.end();
}

/** The `--srs` / "srs" option, read without GDAL (the node checks it before an import starts). */
import { importError } from './errors.js';

/** "EPSG:23834", "epsg:23834" or "23834" → 23834. */
export function parseSrsOption(text: string): number {
  const m = /^\s*(?:EPSG:)?(\d{4,6})\s*$/i.exec(text);
  if (!m) throw importError(`srs "${text}" is not an EPSG code (write it as EPSG:23834)`);
  return Number(m[1]);
}

/** Finds the dataset in what was given: a file, a `.gdb` folder, a folder of uploaded files
 *  (a shapefile's .shp/.shx/.dbf/.prj/.cpg), or a zip archive of any of these (read in
 *  place through GDAL's /vsizip/, never unpacked). */
import { statSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import gdal from 'gdal-async';
import { importError } from './errors.js';
import { networkPathRefusal } from './network-off.js';
import { ARCHIVE_EXTENSIONS, SUPPORTED_EXTENSIONS, formatOf, type SourceFormat } from './formats.js';

export interface LocatedSource {
  /** What GDAL opens (may be a /vsizip/ path). */
  gdalPath: string;
  format: SourceFormat;
  /** The name people know the dataset by, for messages. */
  label: string;
}

const isJunk = (name: string) => name.startsWith('.') || name === '__MACOSX';
const isArchive = (name: string) => ARCHIVE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));

/** Main files of datasets inside a GDAL virtual folder (a zip), searched a few levels deep. */
function datasetsInVsi(dir: string, depth = 0): string[] {
  let entries: string[] = [];
  try {
    entries = gdal.fs.readDir(dir);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of entries.filter((n) => !isJunk(n))) {
    const path = `${dir}/${name}`;
    if (formatOf(name)) found.push(path);
    else if (depth < 3 && !name.includes('.')) found.push(...datasetsInVsi(path, depth + 1));
  }
  return found;
}

function datasetsInFolder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => !isJunk(n))
    .sort()) {
    const path = join(dir, name);
    if (formatOf(name)) found.push(path);
    else if (isArchive(name)) found.push(...datasetsInVsi(`/vsizip/${path}`));
  }
  return found;
}

/**
 * The one dataset in `path` (a name given by `pick`, the file name without extension,
 * chooses among several). `label` is how to name `path` itself in messages.
 */
export function locateSource(path: string, label = basename(path), pick?: string): LocatedSource {
  const refusal = networkPathRefusal(path);
  if (refusal) throw importError(`${label} ${refusal}`);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw importError(`${label}: no such file`);
  }
  let candidates: string[];
  if (stat.isDirectory() && !formatOf(path)) candidates = datasetsInFolder(path);
  else if (isArchive(path)) candidates = datasetsInVsi(`/vsizip/${path}`);
  else candidates = [path];

  if (!candidates.length) {
    throw importError(`${label}: no dataset found; Simpul reads ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  const nameOf = (p: string) => basename(p.replace(/\/+$/, '')).replace(/\.[^.]+$/, '');
  if (candidates.length > 1 && pick) {
    const chosen = candidates.filter((c) => nameOf(c) === pick);
    if (chosen.length === 1) candidates = chosen;
  }
  if (candidates.length > 1) {
    throw importError(
      `${label} holds several datasets (${candidates.map((c) => basename(c)).join(', ')}): name one with --layer (the "layer" field of an upload)`,
    );
  }
  const gdalPath = candidates[0];
  const format = formatOf(gdalPath);
  if (!format) throw importError(`${label}: not a format Simpul reads (${SUPPORTED_EXTENSIONS.join(', ')})`);
  return { gdalPath, format, label: labelOf(gdalPath, path, label) };
}

/** `points.shp`, or `upload.zip (points.shp)` for a file inside an archive. */
function labelOf(gdalPath: string, path: string, label: string): string {
  if (gdalPath === path) return label;
  const inner = basename(gdalPath);
  const zip = /^\/vsizip\/(.*?\.zip)(?:\/|$)/i.exec(gdalPath);
  if (!zip) return inner;
  const outer = zip[1] === path ? label : basename(zip[1]);
  return `${outer} (${inner})`;
}

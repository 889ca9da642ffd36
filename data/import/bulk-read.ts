/** Bulk reading of a layer: GDAL copies it, in one native pass (transformed to EPSG:4326, made
 *  2D), into a temporary FlatGeobuf that fgb-read.ts reads back. Reading feature by feature
 *  through gdal-async costs ~20 µs a feature in calls and wrapper objects (toWKB alone ~12 µs);
 *  the copy and the read back take ~5 µs, which makes the file's reading no longer the slowest
 *  part of an import. Layers the copy cannot carry exactly (field types FlatGeobuf would change,
 *  identifiers kept from the file, geometry types other than points, lines and polygons) and
 *  copies that fail (a feature GDAL cannot transform) are read the feature-by-feature way, which
 *  reports such a feature instead. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gdal from 'gdal-async';
import { FGB_COLUMN, FgbReader } from './fgb-read.js';
import { isSimpleType, ogrGeometryType } from './geometry-type.js';
import type { SourceCrs } from './source-crs.js';

/** What of a source layer (read-source.ts) a bulk copy needs. */
interface BulkLayer {
  fidAttribute: string | null;
  read: number;
  gdalLayer: gdal.Layer;
  crs: SourceCrs;
  knownCount: number | null;
}

/** The OGR field types copied exactly, and the FlatGeobuf column types each may become (by its subtype). */
const COLUMNS_OF: Record<string, number[]> = {
  integer: [FGB_COLUMN.Int, FGB_COLUMN.Bool, FGB_COLUMN.Short],
  integer64: [FGB_COLUMN.Long],
  real: [FGB_COLUMN.Double, FGB_COLUMN.Float],
  string: [FGB_COLUMN.String, FGB_COLUMN.Json],
  // Written as "2024-05-01T00:00:00"; the day is read back (read-source.ts). Times of day keep the
  // feature-by-feature way: their zones are written otherwise than gdal-async gives them.
  date: [FGB_COLUMN.DateTime],
};

/** The copy is read while GDAL writes it; the reader waits for this much more, or the end. */
const AHEAD_BYTES = 1024 * 1024;
const POLL_MS = 2;

/** GDAL's FlatGeobuf writer leaves out features without geometry (or with an empty one), which
 *  would renumber the rest: a shapefile's copy carries each feature's number (its FID, which
 *  is its place in the file) in this first column, so those left out are still counted; a
 *  GeoPackage is copied only when it has none (a count on its R-tree says so). */
const ORDINAL = '__simpul_n';

/** A layer being read in bulk. */
export interface BulkSource {
  reader: FgbReader;
  /** The copy's first column is each feature's FID, its place from 0 (see ORDINAL). */
  ordinal: boolean;
  /** Features in the source layer, to count those left out at its end (ordinal copies). */
  count: number | null;
  /** GDAL's message when the copy stopped early (a feature it could not transform): the
   *  features after the copied ones are then read feature by feature. */
  failure: string | null;
  /** Resolves when the copy has grown well past the reader, or is finished. */
  more(): Promise<void>;
  /** Resolves when GDAL has finished the copy (and let go of the dataset). */
  done: Promise<void>;
  close(): void;
}

/** How a layer can be read in bulk (with its features' numbers, or none left out), or null. */
function eligible(dataset: gdal.Dataset, layer: BulkLayer): { ordinal: boolean } | null {
  if (layer.fidAttribute || layer.read > 0) return null;
  const driver = dataset.driver.description;
  if (driver !== 'ESRI Shapefile' && driver !== 'GPKG') return null;
  const l = layer.gdalLayer;
  if (!isSimpleType(ogrGeometryType(l.geomType).base)) return null;
  let ok = !l.name.includes('"');
  l.fields.forEach((f) => {
    if (!(f.type in COLUMNS_OF) || f.name.toLowerCase() === ORDINAL) ok = false;
  });
  if (!ok) return null;
  if (driver === 'ESRI Shapefile') return { ordinal: true };
  return everyGeometryPresent(l) ? { ordinal: false } : null;
}

/** Whether no feature lacks a geometry (or has an empty one): all are in the R-tree's count. */
function everyGeometryPresent(l: gdal.Layer): boolean {
  try {
    const all = l.features.count(false);
    l.setSpatialFilter(-1e300, -1e300, 1e300, 1e300);
    try {
      return all >= 0 && l.features.count(true) === all;
    } finally {
      l.setSpatialFilter(null);
    }
  } catch {
    return false;
  }
}

/** Copies not yet removed: removed when the import process ends, however it ends. */
const copies = new Set<string>();
process.on('exit', () => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** Starts the layer's copy and opens it for reading as soon as its header is written; null when
 *  the layer is read feature by feature. */
export async function openBulk(dataset: gdal.Dataset, layer: BulkLayer, limit: number): Promise<BulkSource | null> {
  const how = process.env.SIMPUL_IMPORT_BULK === '0' ? null : eligible(dataset, layer);
  if (!how) return null;
  const dir = mkdtempSync(join(tmpdir(), 'simpul-import-'));
  copies.add(dir);
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    copies.delete(dir);
  };
  const file = join(dir, 'layer.fgb');
  const args = ['-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=NO', '-nlt', 'GEOMETRY', '-dim', 'XY'];
  // Without a transformation the coordinates are taken as they are, whatever the file says.
  if (layer.crs.transform) {
    if (layer.crs.assigned) args.push('-s_srs', `EPSG:${layer.crs.assigned}`);
    args.push('-t_srs', 'EPSG:4326');
  }
  // One more than the limit, so that going over it is seen (and said) as the reading goes.
  if (Number.isFinite(limit)) args.push('-limit', String(Math.max(0, limit) + 1));
  if (how.ordinal)
    args.push('-dialect', 'OGRSQL', '-sql', `SELECT FID AS "${ORDINAL}", * FROM "${layer.gdalLayer.name}"`);
  else args.push(layer.gdalLayer.name);

  let finished = false;
  let failure: string | null = null;
  const copied = gdal.vectorTranslateAsync(file, dataset, args).then(
    (copy) => {
      copy.close();
      finished = true;
    },
    (err: unknown) => {
      failure = String((err as Error)?.message ?? err).split('\n')[0] || 'the copy stopped';
      finished = true;
    },
  );
  let reader: FgbReader | null = null;
  try {
    for (;;) {
      const done = finished;
      const size = sizeOf(file);
      const need = size >= 12 ? FgbReader.headerBytes(file) : 0;
      if (need && size >= need) break;
      if (done) throw new Error(failure ?? 'no header written');
      await sleep(POLL_MS);
    }
    reader = new FgbReader(file);
    const fields: string[] = [];
    layer.gdalLayer.fields.forEach((f) => void fields.push(f.type));
    const columns = how.ordinal ? reader.columns.slice(1) : reader.columns;
    const same =
      (!how.ordinal || reader.columns[0]?.name === ORDINAL) &&
      columns.length === fields.length &&
      columns.every((c, i) => COLUMNS_OF[fields[i]].includes(c.type));
    if (!same) throw new Error('columns changed by the copy');
  } catch {
    // Read feature by feature instead, once GDAL has let go of the dataset.
    await copied;
    reader?.close();
    remove();
    return null;
  }
  const r = reader;
  void copied.then(() => (r.complete = true));
  return {
    reader: r,
    ordinal: how.ordinal,
    count: layer.knownCount,
    get failure() {
      return failure;
    },
    done: copied,
    async more() {
      while (!finished && sizeOf(file) < r.position + AHEAD_BYTES) await sleep(POLL_MS);
      await (finished ? copied : undefined);
    },
    close: () => {
      r.close();
      remove();
    },
  };
}

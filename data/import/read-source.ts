/** Reads a located dataset with GDAL: its layers, their attributes (as Simpul columns)
 *  and their features in batches, geometry transformed to EPSG:4326 WKB. */
import gdal from 'gdal-async';
import type { Attribute, AttributeType } from '../catalogue/layer.js';
import { attributesFrom } from '../layers/columns.js';
import type { FeatureIn } from '../layers/write.js';
import { importError, isImportError } from './errors.js';
import type { LocatedSource } from './locate.js';
import { NO_NETWORK_OPEN_OPTIONS } from './network-off.js';
import type { Rejection } from './import-protocol.js';
import { resolveSourceCrs, type SourceCrs } from './source-crs.js';

/** OGR field types → Simpul attribute types (lists, times and binaries are kept as text). */
const FIELD_TYPES: Record<string, AttributeType> = {
  integer: 'integer',
  integer64: 'integer',
  real: 'number',
  date: 'date',
  datetime: 'datetime',
};

/** OGR's non-linear geometry types (2D codes; Z/M variants add 1000/2000/3000). */
const CURVE_TYPES = new Set([8, 9, 10, 11, 12, 13, 14]);

const BATCH = 1000;
const MAX_REJECTIONS_LISTED = 20;

export type { Rejection };

/** One layer of the source, ready to be read. */
export interface SourceLayer {
  name: string;
  /** "file.shp, layer x" for messages. */
  where: string;
  attributes: Attribute[];
  crs: SourceCrs;
  /** Only when described (OpenOptions.describe): why the CRS could not be settled; the layer's
   *  features are then not read. */
  crsProblem: string | null;
  /** Features the driver reports without reading them all; null when unknown. */
  knownCount: number | null;
  /** Lines before the first feature, for formats where a feature is a line (CSV); else null. */
  lineOffset: number | null;
  /** The attribute that carries the feature's identifier (GeoJSON "id"), when not a field already. */
  fidAttribute: string | null;
  gdalLayer: gdal.Layer;
  /** Features read so far. */
  read: number;
  rejected: number;
  rejections: Rejection[];
  /** Text values that were not valid in the file's supposed encoding. */
  garbledText: number;
}

export interface OpenedSource {
  source: LocatedSource;
  dataset: gdal.Dataset;
  layers: SourceLayer[];
  close(): void;
}

export interface OpenOptions {
  /** Only this layer of a multi-layer source. */
  layer?: string;
  /** Force this EPSG code on every layer. */
  srs?: number;
  /** Code page of the text (CP1252, ISO-8859-1…) when a shapefile has no .cpg. */
  encoding?: string;
  /** Describe only (the upload wizard): a CRS that cannot be settled is told, not thrown. */
  describe?: boolean;
}

export function openSource(source: LocatedSource, opts: OpenOptions = {}): OpenedSource {
  const dataset = openDataset(source, opts.encoding);
  try {
    const layers = spatialLayers(source, dataset, opts.layer).map((l, _, all) =>
      sourceLayer(source, l, all.length > 1 || !!opts.layer, opts.srs, opts.describe),
    );
    return { source, dataset, layers, close: () => dataset.close() };
  } catch (err) {
    dataset.close();
    throw err;
  }
}

function openDataset(source: LocatedSource, encoding?: string): gdal.Dataset {
  const openOptions = [...(source.format.openOptions ?? [])];
  if (encoding) {
    if (!source.format.encodingOption)
      throw importError(
        `${source.label}: an encoding can be given for shapefiles only (${source.format.label} says its own)`,
      );
    if (!/^[A-Za-z0-9_.:-]{2,32}$/.test(encoding))
      throw importError(`encoding "${encoding}" is not a code page name (e.g. CP1252, ISO-8859-1, UTF-8)`);
    openOptions.push(`${source.format.encodingOption}=${encoding}`);
  }
  const errors: string[] = [];
  for (const driverName of source.format.drivers) {
    const driver = gdal.drivers.get(driverName);
    if (!driver) continue;
    try {
      return driver.open(source.gdalPath, 'r', [...openOptions, ...(NO_NETWORK_OPEN_OPTIONS[driverName] ?? [])]);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  throw importError(
    `${source.label}: cannot be read as ${source.format.label}${errors.length ? ` (${errors[0]})` : ''}`,
  );
}

/** The layers to import: the one named, or all that have geometry (attribute tables and DXF blocks are not map layers). */
function spatialLayers(source: LocatedSource, dataset: gdal.Dataset, only?: string): gdal.Layer[] {
  let layers: gdal.Layer[] = [];
  dataset.layers.forEach((l) => {
    layers.push(l);
  });
  if (only) {
    const chosen = layers.filter((l) => l.name === only);
    if (!chosen.length)
      throw importError(
        `${source.label} has no layer "${only}" (it has: ${layers.map((l) => l.name).join(', ') || 'none'})`,
      );
    layers = chosen;
  }
  const spatial = layers.filter((l) => l.geomType !== gdal.wkbNone);
  if (!spatial.length) {
    throw importError(
      `${source.label}${only ? `, layer ${only}` : ''}: no geometry found` +
        (source.format.id === 'csv' ? ' (give coordinates in lon/lat (or x/y) columns, or in a WKT column)' : ''),
    );
  }
  return spatial;
}

function sourceLayer(
  source: LocatedSource,
  l: gdal.Layer,
  named: boolean,
  srs?: number,
  describe = false,
): SourceLayer {
  const where = named ? `${source.label}, layer ${l.name}` : source.label;
  const fields = l.fields.map((f) => ({ name: f.name, type: FIELD_TYPES[f.type] ?? 'string' }));
  const idAttribute = source.format.featureIdAttribute;
  const keepFid = !!idAttribute && !fields.some((f) => f.name.toLowerCase() === idAttribute);
  if (keepFid) fields.unshift({ name: idAttribute!, type: 'integer' });
  let knownCount: number | null = null;
  try {
    const n = l.features.count(false);
    knownCount = n >= 0 ? n : null;
  } catch {
    knownCount = null;
  }
  let crs: SourceCrs = { nativeSrid: 0, transform: null, srs: null };
  let crsProblem: string | null = null;
  try {
    crs = resolveSourceCrs(l.srs, source.format, where, srs);
  } catch (err) {
    if (!describe || !isImportError(err)) throw err;
    crsProblem = err.message;
  }
  return {
    name: l.name,
    where,
    attributes: attributesFrom(fields),
    crs,
    crsProblem,
    knownCount,
    lineOffset: source.format.id === 'csv' ? 1 : null,
    fidAttribute: keepFid ? idAttribute! : null,
    gdalLayer: l,
    read: 0,
    rejected: 0,
    rejections: [],
    garbledText: 0,
  };
}

/** One batch of a layer's features, geometry in EPSG:4326 WKB; `curved` lists the features
 *  whose geometry has arcs (to be made straight by the database). */
export interface FeatureBatch {
  features: FeatureIn[];
  curved: number[];
  done: boolean;
}

/** Reads the next batch of a layer (at most BATCH features); `onFeature` throws to stop (limits). */
export function readBatch(layer: SourceLayer, onFeature?: () => void): FeatureBatch {
  const columns = layer.attributes.map((a) => [a.sourceName ?? a.name, a.name, a.type] as const);
  const features = layer.gdalLayer.features;
  const batch: FeatureIn[] = [];
  const curved: number[] = [];
  while (batch.length < BATCH) {
    let f: gdal.Feature | null;
    try {
      f = layer.read === 0 ? features.first() : features.next();
    } catch (err) {
      throw importError(
        `${layer.where}, ${position(layer, layer.read + 1)}: cannot be read (${(err as Error).message})`,
      );
    }
    if (!f) return { features: batch, curved, done: true };
    layer.read++;
    onFeature?.();
    const geometry = toWkb(f, layer, layer.read);
    if (geometry === undefined) continue;
    if (geometry?.curved) curved.push(batch.length);
    batch.push({ wkb: geometry?.wkb ?? null, properties: propertiesOf(f, columns, layer) });
  }
  return { features: batch, curved, done: false };
}

/** WKB in EPSG:4326 (2D), null for a feature without geometry, undefined when rejected. */
function toWkb(
  f: gdal.Feature,
  layer: SourceLayer,
  index: number,
): { wkb: Buffer; curved: boolean } | null | undefined {
  let g: gdal.Geometry | null;
  try {
    g = f.getGeometry();
  } catch {
    g = null;
  }
  if (!g || g.isEmpty()) return null;
  const reject = (reason: string) => {
    layer.rejected++;
    if (layer.rejections.length < MAX_REJECTIONS_LISTED) {
      layer.rejections.push(
        layer.lineOffset === null
          ? { feature: index, reason }
          : { feature: index, line: index + layer.lineOffset, reason },
      );
    }
    return undefined;
  };
  try {
    g.flattenTo2D();
    g.closeRings();
    if (layer.crs.transform) g.transform(layer.crs.transform);
  } catch (err) {
    return reject(`geometry cannot be transformed to EPSG:4326 (${(err as Error).message})`);
  }
  // Coordinates beyond longitude/latitude mean a wrong CRS (metres read as degrees), not a place.
  const e = g.getEnvelope();
  if (!(e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90)) {
    return reject(
      `coordinates (${round(e.minX)}, ${round(e.minY)}) are not longitude/latitude after transformation: is EPSG:${layer.crs.nativeSrid} the right coordinate system?`,
    );
  }
  return { wkb: g.toWKB(), curved: CURVE_TYPES.has(g.wkbType % 1000) };
}

/** "feature 12", or "feature 12 (line 13)" in a CSV file. */
export function position(layer: Pick<SourceLayer, 'lineOffset'>, feature: number): string {
  return layer.lineOffset === null ? `feature ${feature}` : `feature ${feature} (line ${feature + layer.lineOffset})`;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

function propertiesOf(
  f: gdal.Feature,
  columns: ReadonlyArray<readonly [string, string, AttributeType]>,
  layer: SourceLayer,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [source, column, type] of columns) {
    const v = source === layer.fidAttribute ? f.fid : f.fields.get(source);
    // Bytes that are not UTF-8 arrive as U+FFFD: the file's code page was not declared.
    if (typeof v === 'string' && v.includes('\uFFFD')) layer.garbledText++;
    out[column] = v !== null && typeof v === 'object' && 'year' in v ? ogrDate(v, type) : v;
  }
  return out;
}

interface OgrDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  timezone?: number;
}

/** OGR's date parts as ISO text; OGR time zones are 0/1 unknown or local, 100 UTC, 100 ± n quarter hours. */
function ogrDate(v: OgrDate, type: AttributeType): string {
  const p = (x: number | undefined, n = 2) => String(Math.trunc(x ?? 0)).padStart(n, '0');
  const date = `${p(v.year, 4)}-${p(v.month)}-${p(v.day)}`;
  if (type === 'date') return date;
  const sec = v.second ?? 0;
  const secText = Number.isInteger(sec) ? p(sec) : sec.toFixed(3).padStart(6, '0');
  let zone = 'Z';
  if (v.timezone && v.timezone > 1 && v.timezone !== 100) {
    const minutes = (v.timezone - 100) * 15;
    const a = Math.abs(minutes);
    zone = `${minutes < 0 ? '-' : '+'}${p(Math.floor(a / 60))}:${p(a % 60)}`;
  }
  return `${date}T${p(v.hour)}:${p(v.minute)}:${secText}${zone}`;
}

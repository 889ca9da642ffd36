/** Reads a located dataset with GDAL: its layers, their attributes (as Simpul columns)
 *  and their features in batches, geometry transformed to EPSG:4326 WKB. */
import gdal from 'gdal-async';
import type { Attribute, AttributeType } from '../catalogue/layer.js';
import { attributesFrom } from '../layers/columns.js';
import { formatRows, widen, type RowBatch, type RowSource, type Shape } from '../layers/copy-rows.js';
import { inspectWkb, type WkbInfo } from '../layers/wkb.js';
import type { BulkSource } from './bulk-read.js';
import { WAIT } from './fgb-read.js';
import { isSimpleType, ogrGeometryType } from './geometry-type.js';
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
  /** Each attribute's field number in the source (-1: the feature's identifier). */
  fieldIndex: number[];
  /** The geometry column's shape as the rows formatted so far made it (copy-rows.ts). */
  shape: Shape | null;
  gdalLayer: gdal.Layer;
  /** The layer's bulk copy (bulk-read.ts) once it is made; null when read feature by feature. */
  bulk?: BulkSource | null;
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
    const close = () => {
      for (const l of layers) l.bulk?.close();
      dataset.close();
    };
    return { source, dataset, layers, close };
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
    fieldIndex: fields.map((_, i) => (keepFid ? i - 1 : i)),
    shape: null,
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

/** A feature read: its geometry (null: none or empty) and its values by attribute. */
interface Read {
  geometry: Geometry | null;
  values: unknown[];
}

/** A geometry in EPSG:4326, 2D; `info` is null for arcs and collections (read by PostGIS instead). */
interface Geometry {
  wkb: Buffer;
  info: WkbInfo | null;
  curved: boolean;
}

/** The next batch's features (at most BATCH), those rejected left out; `done` at the layer's end. */
function readFeatures(layer: SourceLayer, onFeature?: () => void): { read: Read[]; done: boolean } {
  if (layer.bulk) return readBulk(layer, layer.bulk, onFeature);
  const features = layer.gdalLayer.features;
  const read: Read[] = [];
  while (read.length < BATCH) {
    let f: gdal.Feature | null;
    try {
      f = layer.read === 0 ? features.first() : features.next();
    } catch (err) {
      throw unreadable(layer, err);
    }
    if (!f) return { read, done: true };
    try {
      layer.read++;
      onFeature?.();
      const geometry = geometryOf(f, layer, layer.read);
      if (geometry !== undefined) read.push({ geometry, values: valuesOf(f, layer) });
    } finally {
      // Freed now rather than when its wrapper is collected: a large file read a fifth faster.
      f.destroy();
    }
  }
  return { read, done: false };
}

/** readFeatures from the layer's bulk copy: the same checks, on WKB made by GDAL in one pass. A
 *  batch may be short while GDAL is still writing (the caller waits with bulk.more()). Where the
 *  copy stopped early, the rest of the layer is read feature by feature, from the first feature
 *  not copied, which then says why it could not be. */
function readBulk(layer: SourceLayer, bulk: BulkSource, onFeature?: () => void): { read: Read[]; done: boolean } {
  const read: Read[] = [];
  // Features the copy left out (no geometry) up to feature n: counted, as features without geometry.
  const leftOut = (n: number) => {
    while (layer.read < n) {
      layer.read++;
      onFeature?.();
      read.push({ geometry: null, values: [] });
    }
  };
  while (read.length < BATCH) {
    let f: ReturnType<BulkSource['reader']['next']>;
    try {
      f = bulk.reader.next();
    } catch (err) {
      if (!bulk.failure) throw unreadable(layer, err);
      f = null;
    }
    if (f === WAIT) return { read, done: false };
    if (!f) {
      if (!bulk.failure) {
        if (bulk.ordinal && bulk.count !== null) leftOut(bulk.count);
        return { read, done: true };
      }
      bulk.close();
      layer.bulk = null;
      skipTo(layer);
      return { read, done: false };
    }
    let values = f.values;
    if (bulk.ordinal) {
      leftOut(Number(values[0]));
      values = values.slice(1);
    }
    layer.read++;
    onFeature?.();
    const geometry = f.wkb && wkbGeometry(f.wkb, layer, layer.read);
    if (geometry !== undefined) read.push({ geometry: geometry ?? null, values: bulkValues(values, layer) });
  }
  return { read, done: false };
}

/** The next feature of a layer could not be read: said with its place. */
function unreadable(layer: SourceLayer, err: unknown): Error {
  return importError(`${layer.where}, ${position(layer, layer.read + 1)}: cannot be read (${(err as Error).message})`);
}

/** Puts the layer's GDAL cursor after the features read so far (a bulk copy read them). */
function skipTo(layer: SourceLayer): void {
  if (!layer.read) return;
  const features = layer.gdalLayer.features;
  for (let i = 0; i < layer.read; i++) (i ? features.next() : features.first())?.destroy();
}

/** A bulk-read feature's geometry as geometryOf says it: null when empty, rings closed, undefined when rejected. */
function wkbGeometry(wkb: Uint8Array, layer: SourceLayer, index: number): Geometry | null | undefined {
  let info = inspectWkb(wkb);
  if (info.empty) return null;
  let bytes = Buffer.from(wkb.buffer, wkb.byteOffset, wkb.byteLength);
  if (info.type === 7)
    return inLonLat(info.box!, layer, rejecter(layer, index)) ? { wkb: bytes, info: null, curved: false } : undefined;
  if ((info.type === 3 || info.type === 6) && !ringsClosed(bytes)) {
    bytes = closeRings(bytes);
    info = inspectWkb(bytes);
  }
  return inLonLat(info.box!, layer, rejecter(layer, index)) ? { wkb: bytes, info, curved: false } : undefined;
}

/** Values by attribute from a bulk copy's columns (which are the file's fields, in order). */
function bulkValues(values: unknown[], layer: SourceLayer): unknown[] {
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== 'string') continue;
    if (layer.attributes[k].type === 'date') values[k] = v.slice(0, 10);
    else if (v.includes('\uFFFD')) layer.garbledText++;
  }
  return values;
}

/** Reads the next batch of a layer (at most BATCH features); `onFeature` throws to stop (limits). */
export function readBatch(layer: SourceLayer, onFeature?: () => void): FeatureBatch {
  const { read, done } = readFeatures(layer, onFeature);
  return { ...asFeatures(layer, read), done };
}

function asFeatures(layer: SourceLayer, read: Read[]): Omit<FeatureBatch, 'done'> {
  const curved: number[] = [];
  const features = read.map(({ geometry, values }, i) => {
    if (geometry?.curved) curved.push(i);
    const properties: Record<string, unknown> = {};
    layer.attributes.forEach((a, k) => (properties[a.name] = values[k]));
    return { wkb: geometry?.wkb ?? null, properties };
  });
  return { features, curved };
}

/** The next batch as COPY rows for the layer writer (copy-rows.ts) — or as features when it has
 *  arcs or collections, which PostGIS reads (and makes straight) first. */
export function readRows(
  layer: SourceLayer,
  onFeature?: () => void,
): ({ rows: RowBatch } | Omit<FeatureBatch, 'done'>) & { done: boolean } {
  const { read, done } = readFeatures(layer, onFeature);
  const rows: RowSource[] = [];
  for (let i = 0; i < read.length; i++) {
    const g = read[i].geometry;
    if (!g) continue;
    if (!g.info) {
      // The batch goes as features; the shape still learns what it can of them.
      for (const r of read) if (r.geometry?.info) layer.shape = widen(layer.shape, r.geometry.info.type);
      return { ...asFeatures(layer, read), done };
    }
    rows.push({ wkb: g.wkb, info: g.info, values: read[i].values, offset: i });
  }
  const formatted = formatRows(layer.shape, rows, read.length, layer.attributes);
  layer.shape = formatted.shape;
  return { rows: formatted.batch, done };
}

/** WKB in EPSG:4326 (2D), null for a feature without geometry, undefined when rejected. Points,
 *  lines, polygons and their Multi* take few calls into GDAL (emptiness, box and closed rings are
 *  read from the WKB here); the other types take the general way. */
function geometryOf(f: gdal.Feature, layer: SourceLayer, index: number): Geometry | null | undefined {
  let g: gdal.Geometry | null;
  try {
    g = f.getGeometry();
  } catch {
    g = null;
  }
  if (!g) return null;
  const reject = rejecter(layer, index);
  const { base, zm } = ogrGeometryType(g.wkbType);
  if (!isSimpleType(base)) return generalGeometry(g, layer, reject);
  try {
    if (zm) g.flattenTo2D();
    if (layer.crs.transform) g.transform(layer.crs.transform);
  } catch (err) {
    if (g.isEmpty()) return null;
    return reject(`geometry cannot be transformed to EPSG:4326 (${(err as Error).message})`);
  }
  let wkb = g.toWKB('LSB');
  let info = inspectWkb(wkb);
  if (info.empty) return null;
  if ((base === 3 || base === 6) && !ringsClosed(wkb)) {
    g.closeRings();
    wkb = g.toWKB('LSB');
    info = inspectWkb(wkb);
  }
  return inLonLat(info.box!, layer, reject) ? { wkb, info, curved: false } : undefined;
}

/** Records a feature left out, and why (the first MAX_REJECTIONS_LISTED are listed). */
function rejecter(layer: SourceLayer, index: number): (reason: string) => undefined {
  return (reason) => {
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
}

/** Arcs, collections and the rest: GDAL says what is empty, closes rings and gives the box. */
function generalGeometry(
  g: gdal.Geometry,
  layer: SourceLayer,
  reject: (reason: string) => undefined,
): Geometry | null | undefined {
  if (g.isEmpty()) return null;
  try {
    g.flattenTo2D();
    g.closeRings();
    if (layer.crs.transform) g.transform(layer.crs.transform);
  } catch (err) {
    return reject(`geometry cannot be transformed to EPSG:4326 (${(err as Error).message})`);
  }
  const e = g.getEnvelope();
  if (!inLonLat([e.minX, e.minY, e.maxX, e.maxY], layer, reject)) return undefined;
  return { wkb: g.toWKB(), info: null, curved: CURVE_TYPES.has(g.wkbType % 1000) };
}

/** Coordinates beyond longitude/latitude mean a wrong CRS (metres read as degrees), not a place. */
function inLonLat(
  [minX, minY, maxX, maxY]: [number, number, number, number],
  layer: SourceLayer,
  reject: (reason: string) => undefined,
): boolean {
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return true;
  reject(
    `coordinates (${round(minX)}, ${round(minY)}) are not longitude/latitude after transformation: is EPSG:${layer.crs.nativeSrid} the right coordinate system?`,
  );
  return false;
}

/** Whether the ring of n points from byte `first` ends elsewhere than it starts. */
function ringOpen(wkb: Buffer, first: number, n: number): boolean {
  const last = first + 16 * (n - 1);
  return (
    n > 1 &&
    !(wkb.readDoubleLE(first) === wkb.readDoubleLE(last) && wkb.readDoubleLE(first + 8) === wkb.readDoubleLE(last + 8))
  );
}

/** Whether every ring of a 2D little-endian Polygon or MultiPolygon ends where it starts. */
function ringsClosed(wkb: Buffer): boolean {
  const multi = wkb.readUInt32LE(1) === 6;
  const polygons = multi ? wkb.readUInt32LE(5) : 1;
  let at = multi ? 9 : 0;
  for (let p = 0; p < polygons; p++) {
    at += 5;
    const rings = wkb.readUInt32LE(at);
    at += 4;
    for (let r = 0; r < rings; r++) {
      const n = wkb.readUInt32LE(at);
      if (ringOpen(wkb, at + 4, n)) return false;
      at += 4 + 16 * n;
    }
  }
  return true;
}

/** A 2D little-endian Polygon or MultiPolygon with each ring ending where it starts (a point added where not). */
function closeRings(wkb: Buffer): Buffer {
  const out: Buffer[] = [];
  const multi = wkb.readUInt32LE(1) === 6;
  let at = 0;
  if (multi) {
    out.push(wkb.subarray(0, 9));
    at = 9;
  }
  const polygons = multi ? wkb.readUInt32LE(5) : 1;
  for (let p = 0; p < polygons; p++) {
    out.push(wkb.subarray(at, at + 9));
    const rings = wkb.readUInt32LE(at + 5);
    at += 9;
    for (let r = 0; r < rings; r++) {
      const n = wkb.readUInt32LE(at);
      const first = at + 4;
      const open = ringOpen(wkb, first, n);
      const count = Buffer.allocUnsafe(4);
      count.writeUInt32LE(open ? n + 1 : n);
      out.push(count, wkb.subarray(first, first + 16 * n));
      if (open) out.push(wkb.subarray(first, first + 16));
      at = first + 16 * n;
    }
  }
  return Buffer.concat(out);
}

/** "feature 12", or "feature 12 (line 13)" in a CSV file. */
export function position(layer: Pick<SourceLayer, 'lineOffset'>, feature: number): string {
  return layer.lineOffset === null ? `feature ${feature}` : `feature ${feature} (line ${feature + layer.lineOffset})`;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

/** The feature's values, one per attribute, in the attributes' order (one call into GDAL for all fields). */
function valuesOf(f: gdal.Feature, layer: SourceLayer): unknown[] {
  const fields = f.fields.toArray();
  return layer.attributes.map((a, k) => {
    const i = layer.fieldIndex[k];
    const v = i < 0 ? f.fid : fields[i];
    // Bytes that are not UTF-8 arrive as U+FFFD: the file's code page was not declared.
    if (typeof v === 'string' && v.includes('\uFFFD')) layer.garbledText++;
    return v !== null && typeof v === 'object' && 'year' in v ? ogrDate(v as OgrDate, a.type) : v;
  });
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

/** The catalogue's picture of a layer: one row of simpul.layer. */
import type { AccessClass, LayerStatus, VersionStatus } from '../access.js';

export type AttributeType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export interface Attribute {
  /** Column name in the layer's table (sanitised, safe). */
  name: string;
  type: AttributeType;
  /** The name in the source file, when sanitising changed it. */
  sourceName?: string;
}

export type GeometryType =
  'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon' | 'Geometry';

export type BBox = [minx: number, miny: number, maxx: number, maxy: number];

/** Metadata written by people (the rest is derived from the data). Issue #6 extends it. */
export interface LayerMetadata {
  purpose?: string;
  topicCategory?: string;
  lineage?: string;
  maintenance?: string;
  licence?: string;
  useConstraints?: string;
  placeKeywords?: Array<{ name: string; code: string }>;
  [key: string]: unknown;
}

export interface Layer {
  id: string;
  /** `org:layer` */
  name: string;
  organisation: string;
  /** The part after the colon. */
  localName: string;
  schema: string;
  table: string;
  title: string;
  abstract: string;
  keywords: string[];
  kugiFcode: string | null;
  geometryType: GeometryType;
  nativeSrid: number;
  /** WGS84 lon/lat extent; null for an empty layer. */
  bbox: BBox | null;
  featureCount: number;
  attributes: Attribute[];
  accessClass: AccessClass;
  status: LayerStatus;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  /** When it was retired (the Records tombstone's age), and when its produsen asked for that. */
  retiredAt?: Date | null;
  retirementRequestedAt?: Date | null;
  /** When the workflow last moved it (inboxes sort and filter by it). */
  statusChangedAt?: Date | null;
  dataVersion: number;
  styleVersion: number;
  metadata: LayerMetadata;
  /** The number of the version of its data that is served (data/layers/versions.ts). */
  version: number;
  /** Its versions beside the served one, as the catalogue last loaded them. */
  versions?: LayerVersions;
}

/** A layer's versions that are not served: the one waiting for review, and those kept. */
export interface LayerVersions {
  waiting: { version: number; status: Extract<VersionStatus, 'pending' | 'verified'>; since: Date; by: string } | null;
  archived: number[];
}

export const LAYER_COLUMNS = `id, name, organisation, table_schema, table_name, title, abstract, keywords, kugi_fcode,
  geometry_type, native_srid, minx, miny, maxx, maxy, feature_count, attributes, access_class, status,
  created_at, updated_at, published_at, data_version, style_version, metadata, retired_at, retirement_requested_at, status_changed_at, version`;

/** Degrees to `decimals` places (6: about 0.1 m), rounded outwards so that the box still holds
 *  every feature; a value within floating-point noise of a step (-6.300000000000001) is that step.
 *  Every document (capabilities, ISO 19139, Records, DCAT) takes the box from here. */
export function roundedBbox(b: BBox, decimals = 6): BBox {
  const f = 10 ** decimals;
  const step = (v: number, outward: (x: number) => number) => {
    const x = v * f;
    const near = Math.round(x);
    return (Math.abs(x - near) < 1e-3 ? near : outward(x)) / f + 0; // + 0: never -0
  };
  return [step(b[0], Math.floor), step(b[1], Math.floor), step(b[2], Math.ceil), step(b[3], Math.ceil)];
}

export function layerFromRow(r: Record<string, any>): Layer {
  return {
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    localName: String(r.name).split(':')[1],
    schema: r.table_schema,
    table: r.table_name,
    title: r.title,
    abstract: r.abstract,
    keywords: r.keywords ?? [],
    kugiFcode: r.kugi_fcode,
    geometryType: r.geometry_type,
    nativeSrid: r.native_srid,
    bbox: r.minx == null ? null : roundedBbox([r.minx, r.miny, r.maxx, r.maxy]),
    featureCount: Number(r.feature_count),
    attributes: r.attributes ?? [],
    accessClass: r.access_class,
    status: r.status,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    publishedAt: r.published_at ? new Date(r.published_at) : null,
    retiredAt: r.retired_at ? new Date(r.retired_at) : null,
    retirementRequestedAt: r.retirement_requested_at ? new Date(r.retirement_requested_at) : null,
    statusChangedAt: r.status_changed_at ? new Date(r.status_changed_at) : null,
    dataVersion: r.data_version,
    styleVersion: r.style_version,
    metadata: r.metadata ?? {},
    version: Number(r.version ?? 1),
  };
}

/** Points, lines or polygons (mixed and unknown geometry count as polygons). */
export function geometryKind(l: Pick<Layer, 'geometryType'>): 'point' | 'line' | 'polygon' {
  return /Point/.test(l.geometryType) ? 'point' : /Line/.test(l.geometryType) ? 'line' : 'polygon';
}

/** Quoted "schema"."table" of a layer. Identifiers come only from the catalogue. */
export function layerTableSql(l: Pick<Layer, 'schema' | 'table'>): string {
  return `${quoteIdent(l.schema)}.${quoteIdent(l.table)}`;
}

/** Quotes an identifier that the catalogue produced (never one from a request). */
export function quoteIdent(id: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(id)) throw new Error(`unsafe identifier ${JSON.stringify(id)}`);
  return `"${id}"`;
}

/** The one feature query model. WFS KVP, WFS POST XML, OGC API query strings and CQL2 parse
 *  into it (ogc/); WMS GetFeatureInfo, GetMap and tiles build it too; data/query/compile.ts
 *  turns it into parameterised SQL. Geometries and boxes here are already in x = east,
 *  y = north order (lon/lat for geographic CRSs): axis swapping happens in the parsers. */
import type { Geometry } from 'geojson';
import type { Layer } from '../catalogue/layer.js';

/** A value in a filter: a property of the layer, a literal, or a function call. */
export type Expr = { property: string } | { literal: string | number | boolean | null } | { fn: string; args: Expr[] };

/** A geometry literal with its CRS (EPSG code), coordinates east/north. */
export interface GeometryLiteral {
  geometry: Geometry;
  srid: number;
}

export interface Envelope {
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
  /** EPSG code; coordinates east/north. */
  srid: number;
}

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type SpatialRel =
  'intersects' | 'disjoint' | 'contains' | 'within' | 'touches' | 'crosses' | 'overlaps' | 'equals';

/** The one filter tree (FES 2.0, Filter 1.1, CQL2 text/JSON, SLD rules, bbox). */
export type Filter =
  | { op: 'and' | 'or'; args: Filter[] }
  | { op: 'not'; arg: Filter }
  | { op: 'compare'; cmp: ComparisonOp; left: Expr; right: Expr; matchCase?: boolean }
  | {
      op: 'like';
      expr: Expr;
      pattern: string;
      wildCard: string;
      singleChar: string;
      escapeChar: string;
      matchCase: boolean;
    }
  | { op: 'isNull'; expr: Expr }
  | { op: 'between'; expr: Expr; lower: Expr; upper: Expr }
  | { op: 'in'; expr: Expr; list: Expr[] }
  /** `property` omitted = the layer's geometry. */
  | { op: 'spatial'; rel: SpatialRel; property?: string; geometry: GeometryLiteral }
  | { op: 'bbox'; property?: string; envelope: Envelope }
  | { op: 'dwithin' | 'beyond'; property?: string; geometry: GeometryLiteral; distance: number; units: string }
  /** Feature ids (`layer.fid` or plain fid). */
  | { op: 'ids'; ids: string[] }
  | { op: 'include' }
  | { op: 'exclude' };

export interface SortKey {
  property: string;
  descending: boolean;
}

export interface FeatureQuery {
  layer: Layer;
  filter?: Filter;
  /** Attribute names to return; undefined = all published attributes. */
  properties?: string[];
  /** Include the geometry (false for GetPropertyValue of an attribute, hits, some CSV). */
  geometry?: boolean;
  sortBy?: SortKey[];
  /** 0-based. */
  offset: number;
  limit: number;
  /** EPSG code of the returned geometries. */
  outputSrid: number;
  resultType: 'results' | 'hits';
  /** Simplify to this tolerance (in output CRS units), for maps and tiles. */
  simplify?: number;
}

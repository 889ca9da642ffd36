/** FeatureQuery and Filter → parameterised SQL. Values only ever travel as $n parameters;
 *  identifiers only ever come from the catalogue (layer attributes) or from the caller's
 *  property resolver (CSW queryables). An unknown property is an OgcError, never SQL. */
import type { AttributeType, Layer } from '../catalogue/layer.js';
import { layerTableSql, quoteIdent } from '../catalogue/layer.js';
import { OgcError } from '../errors.js';
import type { Envelope, Expr, FeatureQuery, Filter, GeometryLiteral, SpatialRel } from './types.js';
import { WEB_MERCATOR, WEB_MERCATOR_COLUMN } from '../layers/web-mercator.js';
import { FAMILY, FUNCTION_TYPE, literalProblem, literalType, operandName, typing } from './operands.js';

/** A property as SQL: the expression and, when known, its type (so literals are cast right). */
export interface ResolvedProperty {
  sql: string;
  type?: AttributeType;
  /** The property is a geometry (for spatial operators on a named property). */
  geometry?: boolean;
}

/** Property name → SQL; throws OgcError InvalidParameterValue for names it does not know. */
export type PropertyResolver = (name: string) => ResolvedProperty | string;

export interface CompileOptions {
  /** SQL of the default geometry (EPSG:4326), for spatial operators without a property. */
  geometry?: string;
  /** SQL condition for a feature-id list; default: integer `fid` taken from `layer.N` or `N`. */
  ids?: (ids: string[], params: unknown[]) => string;
  /** Locator of errors (the request parameter the filter came from). */
  locator?: string;
}

const SPATIAL_FN: Record<SpatialRel, string> = {
  intersects: 'ST_Intersects',
  disjoint: 'ST_Disjoint',
  contains: 'ST_Contains',
  within: 'ST_Within',
  touches: 'ST_Touches',
  crosses: 'ST_Crosses',
  overlaps: 'ST_Overlaps',
  equals: 'ST_Equals',
};

const CAST: Record<AttributeType, string> = {
  string: 'text',
  integer: 'numeric',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};

/** Metres per unit for DWithin/Beyond distances. */
const UNITS: Record<string, number> = {
  m: 1,
  meter: 1,
  meters: 1,
  metre: 1,
  metres: 1,
  'urn:ogc:def:uom:epsg::9001': 1,
  km: 1000,
  kilometer: 1000,
  kilometers: 1000,
  kilometre: 1000,
  kilometres: 1000,
  ft: 0.3048,
  feet: 0.3048,
  foot: 0.3048,
  mi: 1609.344,
  miles: 1609.344,
  'statute miles': 1609.344,
  nmi: 1852,
  'nautical miles': 1852,
};
const DEGREE_UNITS = new Set(['deg', 'degree', 'degrees', 'urn:ogc:def:uom:epsg::9102']);

/** SQL functions a filter may call (name in lower case → SQL template over the arguments). */
const FUNCTIONS: Record<string, (a: string[]) => string> = {
  upper: (a) => `upper((${a[0]})::text)`,
  lower: (a) => `lower((${a[0]})::text)`,
  casei: (a) => `lower((${a[0]})::text)`,
  strtouppercase: (a) => `upper((${a[0]})::text)`,
  strtolowercase: (a) => `lower((${a[0]})::text)`,
  accenti: (a) => `(${a[0]})`,
  strlength: (a) => `length((${a[0]})::text)`,
  abs: (a) => `abs((${a[0]})::numeric)`,
};

export function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** The layer's attributes as a resolver (`fid` too); others are InvalidParameterValue. */
export function layerResolver(layer: Layer, locator = 'filter'): PropertyResolver {
  const byName = new Map(layer.attributes.map((a) => [a.name.toLowerCase(), a]));
  return (name) => {
    const local = stripPrefix(name).toLowerCase();
    if (local === 'fid') return { sql: 'fid', type: 'integer' };
    if (local === 'geom' || local === 'geometry' || local === 'the_geom' || local === 'msgeometry')
      return { sql: 'geom', geometry: true };
    const a = byName.get(local);
    if (!a) throw new OgcError('InvalidParameterValue', `Unknown property ${name} of ${layer.name}`, locator);
    return { sql: quoteIdent(a.name), type: a.type };
  };
}

/** `dpupr:nama`, `nama`, `jalan/nama` or `@nama` → `nama`. */
export function stripPrefix(name: string): string {
  let n = name.trim();
  const slash = n.lastIndexOf('/');
  if (slash >= 0) n = n.slice(slash + 1);
  const colon = n.lastIndexOf(':');
  if (colon >= 0) n = n.slice(colon + 1);
  return n.replace(/^@/, '');
}

/** A Filter as an SQL boolean expression; its values are pushed onto `params`. */
export function compileFilter(
  filter: Filter,
  resolver: PropertyResolver,
  params: unknown[],
  opts: CompileOptions = {},
): string {
  const locator = opts.locator ?? 'filter';
  const geomSql = opts.geometry ?? 'geom';
  const resolve = (name: string): ResolvedProperty => {
    const r = resolver(name);
    return typeof r === 'string' ? { sql: r } : r;
  };
  const geometryOf = (property?: string) => {
    if (!property) return geomSql;
    const r = resolve(property);
    return r.geometry ? r.sql : geomSql;
  };
  /** A property that is not a geometry: comparisons, LIKE, BETWEEN and IN on a geometry would
   *  reach PostgreSQL and fail there (`geometry = text`), so they are refused here. */
  const scalarProperty = (name: string, what: string): ResolvedProperty => {
    const r = resolve(name);
    if (r.geometry)
      throw new OgcError(
        'InvalidParameterValue',
        `${name} is a geometry property: ${what} cannot use it (use a spatial operator such as Intersects or BBOX)`,
        locator,
      );
    return r;
  };
  const typeOf = (e: Expr, what: string): AttributeType | undefined =>
    'property' in e ? scalarProperty(e.property, what).type : 'fn' in e ? FUNCTION_TYPE[e.fn.toLowerCase()] : undefined;

  const expr = (e: Expr, what: string, castTo?: AttributeType, about = 'the other operand'): string => {
    if ('property' in e) return scalarProperty(e.property, what).sql;
    if ('literal' in e) {
      if (e.literal === null) return 'NULL';
      const p = param(params, typeof e.literal === 'boolean' ? e.literal : String(e.literal));
      const problem = castTo && literalProblem(e.literal, castTo, what, about);
      if (problem) throw new OgcError('InvalidParameterValue', problem, locator);
      return `${p}::${CAST[castTo ?? literalType(e.literal)]}`;
    }
    const name = e.fn.toLowerCase();
    const f = FUNCTIONS[name];
    if (!f) throw new OgcError('InvalidParameterValue', `Unsupported function ${e.fn}`, locator);
    // abs() casts its argument to a number: only numbers may go in.
    const argType = name === 'abs' ? 'number' : undefined;
    return f(
      e.args.map((a) => {
        const t = typeOf(a, `${e.fn}()`);
        if (argType && t && FAMILY[t] !== 'number')
          throw new OgcError('InvalidParameterValue', `${e.fn}() needs a number`, locator);
        return expr(a, `${e.fn}()`, 'literal' in a ? argType : undefined, `the argument`);
      }),
    );
  };
  /** Operands of one comparison (or BETWEEN, IN), typed as operands.ts says: literals cast to
   *  the first typed operand's type, all as text when their families differ. */
  const operands = (es: Expr[], what: string): [string[], AttributeType | undefined] => {
    const t = typing(es.map((e) => ('literal' in e ? { literal: e.literal } : { type: typeOf(e, what) })));
    const about = operandName(es.find((x) => !('literal' in x)));
    const sql = es.map((e) => expr(e, what, 'literal' in e ? t.castTo : undefined, about));
    return [t.asText ? sql.map((x) => `(${x})::text`) : sql, t.as];
  };
  /** Text orders by code point, whatever the database's collation (as in memory). */
  const ordered = (sql: string, as: AttributeType | undefined) => (as === 'string' ? `(${sql}) COLLATE "C"` : sql);
  const geomLiteral = (g: GeometryLiteral) => {
    const src = `ST_SetSRID(ST_GeomFromGeoJSON(${param(params, JSON.stringify(g.geometry))}), ${Number(g.srid) | 0})`;
    return g.srid === 4326 ? src : `ST_Transform(${src}, 4326)`;
  };
  const envelope = (e: Envelope) => {
    for (const v of [e.minx, e.miny, e.maxx, e.maxy]) {
      if (!Number.isFinite(v))
        throw new OgcError('InvalidParameterValue', 'Bounding box values must be numbers', locator);
    }
    const src = `ST_MakeEnvelope(${param(params, e.minx)}::float8, ${param(params, e.miny)}::float8, ${param(params, e.maxx)}::float8, ${param(params, e.maxy)}::float8, ${Number(e.srid) | 0})`;
    return e.srid === 4326 ? src : `ST_Transform(${src}, 4326)`;
  };

  const walk = (f: Filter): string => {
    switch (f.op) {
      case 'and':
      case 'or':
        if (f.args.length === 0) return f.op === 'and' ? 'TRUE' : 'FALSE';
        return `(${f.args.map(walk).join(f.op === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT COALESCE(${walk(f.arg)}, FALSE))`;
      case 'include':
        return 'TRUE';
      case 'exclude':
        return 'FALSE';
      case 'compare': {
        const [[l, r], as] = operands([f.left, f.right], 'a comparison');
        const [a, b] =
          f.matchCase === false && as === 'string' ? [`lower((${l})::text)`, `lower((${r})::text)`] : [l, r];
        return `(${f.cmp === '=' || f.cmp === '<>' ? a : ordered(a, as)} ${f.cmp} ${b})`;
      }
      case 'like': {
        const e = expr(f.expr, 'LIKE');
        const p = param(params, likePattern(f.pattern, f.wildCard, f.singleChar, f.escapeChar));
        return `((${e})::text ${f.matchCase ? 'LIKE' : 'ILIKE'} ${p} ESCAPE '\\')`;
      }
      case 'isNull': {
        // IS NULL is the one non-spatial test a geometry property may take.
        if ('property' in f.expr) return `(${resolve(f.expr.property).sql} IS NULL)`;
        return `(${expr(f.expr, 'IS NULL')} IS NULL)`;
      }
      case 'between': {
        const [[e, lo, hi], as] = operands([f.expr, f.lower, f.upper], 'BETWEEN');
        return `(${ordered(e, as)} BETWEEN ${lo} AND ${hi})`;
      }
      case 'in': {
        if (f.list.length === 0) return 'FALSE';
        const [[e, ...list]] = operands([f.expr, ...f.list], 'IN');
        return `(${e} IN (${list.join(', ')}))`;
      }
      case 'spatial': {
        const g = geometryOf(f.property);
        const lit = geomLiteral(f.geometry);
        // The index operator first, so the planner uses the GiST index.
        const idx = f.rel === 'disjoint' ? '' : `${g} && ${lit} AND `;
        return `(${idx}${SPATIAL_FN[f.rel]}(${g}, ${lit}))`;
      }
      case 'bbox': {
        const g = geometryOf(f.property);
        const env = envelope(f.envelope);
        return `(${g} && ${env} AND ST_Intersects(${g}, ${env}))`;
      }
      case 'dwithin':
      case 'beyond': {
        const g = geometryOf(f.property);
        const lit = geomLiteral(f.geometry);
        const unit = (f.units ?? 'm').trim().toLowerCase();
        if (!Number.isFinite(f.distance) || f.distance < 0)
          throw new OgcError('InvalidParameterValue', 'Distance must be a non-negative number', locator);
        let test: string;
        if (DEGREE_UNITS.has(unit)) test = `ST_DWithin(${g}, ${lit}, ${param(params, f.distance)}::float8)`;
        else {
          const k = UNITS[unit];
          if (k === undefined) throw new OgcError('InvalidParameterValue', `Unknown distance unit ${f.units}`, locator);
          test = `ST_DWithin(${g}::geography, (${lit})::geography, ${param(params, f.distance * k)}::float8)`;
        }
        return f.op === 'dwithin' ? `(${test})` : `(NOT ${test})`;
      }
      case 'ids': {
        if (opts.ids) return opts.ids(f.ids, params);
        const nums = f.ids.map(fidOf).filter((n): n is number => n !== undefined);
        if (nums.length === 0) return 'FALSE';
        return `(fid = ANY(${param(params, nums)}::int[]))`;
      }
    }
  };
  return walk(filter);
}

/** `sekolah.12`, `dindik:sekolah.12` or `12` → 12; anything else → undefined. */
export function fidOf(id: string): number | undefined {
  const m = /(?:^|\.)(\d{1,9})$/.exec(id.trim());
  return m ? Number(m[1]) : undefined;
}

/** An OGC LIKE pattern (any wildcard/single/escape characters) → SQL LIKE with escape `\`. */
export function likePattern(pattern: string, wildCard: string, singleChar: string, escapeChar: string): string {
  // By code point, as like.ts reads patterns (an option outside the BMP is one character).
  const chars = [...pattern];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (escapeChar && c === escapeChar && i + 1 < chars.length) {
      const n = chars[++i];
      out += n === '%' || n === '_' || n === '\\' ? `\\${n}` : n;
    } else if (wildCard && c === wildCard) out += '%';
    else if (singleChar && c === singleChar) out += '_';
    else if (c === '%' || c === '_' || c === '\\') out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** How the geometry is returned by compileFeatureQuery. */
export type GeometryEncoding =
  | { as: 'none' }
  /** `northFirst`: coordinates latitude first (OGC API crs=EPSG 4326 and other north-first CRSs). */
  | { as: 'geojson'; decimals?: number; northFirst?: boolean }
  | { as: 'wkb' }
  | { as: 'wkt'; decimals?: number }
  /** ST_AsGML: version 2 or 3; options bit 1 = URN srsName, 16 = lat/lon order, 4 = LineString. */
  | { as: 'gml'; version: 2 | 3; options: number; decimals?: number; idPrefix?: string; gmlPrefix?: string };

export interface CompiledQuery {
  /** Rows: fid, the attributes, and `geometry` when asked for. */
  sql: string;
  params: unknown[];
  /** `SELECT count(*)::int AS n`, or null when layer.featureCount already answers. */
  countSql: string | null;
  countParams: unknown[];
}

/** The selected attributes of a query (all when `properties` is undefined), in layer order. */
export function selectedAttributes(q: FeatureQuery, locator = 'propertyName') {
  if (!q.properties) return q.layer.attributes;
  const resolve = layerResolver(q.layer, locator);
  const wanted = new Set<string>();
  for (const p of q.properties) {
    const r = resolve(p);
    if (typeof r !== 'string' && !r.geometry && r.sql !== 'fid') wanted.add(stripPrefix(p).toLowerCase());
  }
  return q.layer.attributes.filter((a) => wanted.has(a.name.toLowerCase()));
}

export function compileFeatureQuery(q: FeatureQuery, geometry: GeometryEncoding = { as: 'geojson' }): CompiledQuery {
  const params: unknown[] = [];
  const table = layerTableSql(q.layer);
  const where = q.filter ? compileFilter(q.filter, layerResolver(q.layer), params) : '';
  const whereSql = where ? ` WHERE ${where}` : '';
  const countParams = [...params];
  const countSql = where ? `SELECT count(*)::int AS n FROM ${table}${whereSql}` : null;

  const cols = ['fid', ...selectedAttributes(q).map((a) => attributeSql(a.name, a.type))];
  if (q.geometry !== false && geometry.as !== 'none') cols.push(`${geometrySql(q, geometry)} AS geometry`);

  const resolve = layerResolver(q.layer, 'sortBy');
  const order = (q.sortBy ?? [])
    .map((k) => {
      const r = resolve(k.property);
      const sql = typeof r === 'string' ? r : r.sql;
      if (sql === 'fid') return null;
      return `${sql} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`;
    })
    .filter(Boolean);
  const fidKey = q.sortBy?.find((k) => stripPrefix(k.property).toLowerCase() === 'fid');
  order.push(`fid ${fidKey?.descending ? 'DESC' : 'ASC'}`);
  const limit = Math.max(0, Math.floor(q.limit));
  const offset = Math.max(0, Math.floor(q.offset));
  const sql = `SELECT ${cols.join(', ')} FROM ${table}${whereSql} ORDER BY ${order.join(', ')} LIMIT ${limit} OFFSET ${offset}`;
  return { sql, params, countSql, countParams };
}

/** Dates as ISO text (xsd:date / xsd:dateTime), so no encoder depends on the driver's types. */
function attributeSql(name: string, type: AttributeType): string {
  const id = quoteIdent(name);
  if (type === 'date') return `(${id})::text AS ${id}`;
  if (type === 'datetime') return `to_json(${id}) #>> '{}' AS ${id}`;
  return id;
}

function geometrySql(q: FeatureQuery, g: GeometryEncoding): string {
  // EPSG:3857 output reads the layer's stored copy (layers/web-mercator.ts).
  let geom =
    q.outputSrid === 4326
      ? 'geom'
      : q.outputSrid === WEB_MERCATOR
        ? WEB_MERCATOR_COLUMN
        : `ST_Transform(geom, ${Number(q.outputSrid) | 0})`;
  if (q.simplify && q.simplify > 0) geom = `ST_SimplifyPreserveTopology(${geom}, ${Number(q.simplify)})`;
  switch (g.as) {
    case 'geojson':
      return `ST_AsGeoJSON(${g.northFirst ? `ST_FlipCoordinates(${geom})` : geom}, ${Number(g.decimals ?? 9) | 0}, 0)`;
    case 'wkb':
      return `ST_AsBinary(${geom})`;
    case 'wkt':
      return `ST_AsText(${geom}, ${Number(g.decimals ?? 9) | 0})`;
    case 'gml': {
      const decimals = Number(g.decimals ?? 9) | 0;
      const prefix = g.gmlPrefix ?? 'gml';
      if (!/^[a-z]+$/.test(prefix)) throw new Error('bad GML prefix');
      if (g.version === 2) return `ST_AsGML(2, ${geom}, ${decimals}, ${Number(g.options) | 0})`;
      // gml:id on every geometry (GML 3.2 requires it): <idPrefix><fid>.
      const id = g.idPrefix !== undefined ? `'${g.idPrefix.replace(/[^A-Za-z0-9_.-]/g, '_')}' || fid` : 'NULL';
      return `ST_AsGML(3, ${geom}, ${decimals}, ${Number(g.options) | 0}, '${prefix}', ${id})`;
    }
    default:
      return 'NULL';
  }
}

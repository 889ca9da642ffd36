/** OGC API Features items: query parameters (Part 1 core, Part 2 crs/bbox-crs, Part 3 CQL2
 *  filters and queryables as parameters) → the one FeatureQuery. */
import type { Layer } from '../../../data/catalogue/layer.js';
import type { FeatureQuery, Filter, SortKey } from '../../../data/query/types.js';
import { parseCrs, type CrsRef } from '../../../data/crs.js';
import { OgcError } from '../../../data/errors.js';
import { parseCql2Json, parseCql2Text } from '../../../data/query/cql2.js';
import { SUPPORTED_CRS } from '../collections.js';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 10_000;

const KNOWN = new Set([
  'limit',
  'offset',
  'bbox',
  'bbox-crs',
  'crs',
  'datetime',
  'properties',
  'sortby',
  'filter',
  'filter-lang',
  'filter-crs',
  'f',
]);

export const bad = (why: string, locator?: string) => new OgcError('InvalidParameterValue', why, locator, 400);

function int(v: string | undefined, name: string, d: number, min: number, max: number): number {
  if (v === undefined || v === '') return d;
  if (!/^\d{1,15}$/.test(v)) throw bad(`${name} must be a whole number`, name);
  const n = Number(v);
  if (n < min || n > max) throw bad(`${name} must be between ${min} and ${max}`, name);
  return n;
}

/** A CRS URI of Part 2 (only the ones we list), else 400. */
export function crsParam(v: string | undefined, name: string): CrsRef {
  const uri = v ?? SUPPORTED_CRS[0];
  const crs = SUPPORTED_CRS.includes(uri) ? parseCrs(uri) : undefined;
  if (!crs) throw bad(`Unsupported ${name} ${uri}`, name);
  return crs;
}

const DATETIME =
  /^(\.\.|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9:]+)?)?)(\/(\.\.|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9:]+)?)?))?$/;

export interface ItemsRequest {
  query: FeatureQuery;
  crs: CrsRef;
  crsUri: string;
}

export function parseItems(layer: Layer, q: Record<string, string | undefined>): ItemsRequest {
  const attrs = new Map(layer.attributes.map((a) => [a.name, a]));
  for (const k of Object.keys(q)) if (!KNOWN.has(k) && !attrs.has(k)) throw bad(`Unknown query parameter ${k}`, k);
  // Above the maximum the maximum is served (Part 1 permits it; clients ask for large pages).
  const limit = Math.min(int(q.limit, 'limit', DEFAULT_LIMIT, 1, Number.MAX_SAFE_INTEGER), MAX_LIMIT);
  const offset = int(q.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const filters: Filter[] = [];

  if (q.bbox !== undefined) {
    const n = q.bbox.split(',').map((s) => Number(s.trim()));
    if ((n.length !== 4 && n.length !== 6) || n.some((x) => !Number.isFinite(x)))
      throw bad('bbox needs 4 or 6 numbers', 'bbox');
    const [a, b, c, d] = n.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
    const bc = crsParam(q['bbox-crs'], 'bbox-crs');
    const env = bc.northFirst ? { minx: b, miny: a, maxx: d, maxy: c } : { minx: a, miny: b, maxx: c, maxy: d };
    filters.push({ op: 'bbox', envelope: { ...env, srid: bc.def.epsg } });
  } else if (q['bbox-crs'] !== undefined) crsParam(q['bbox-crs'], 'bbox-crs');

  if (q.datetime !== undefined && !DATETIME.test(q.datetime))
    throw bad('datetime must be an RFC 3339 instant or interval', 'datetime');

  if (q.filter !== undefined) {
    const fc = crsParam(q['filter-crs'], 'filter-crs');
    const lang = q['filter-lang'] ?? 'cql2-text';
    const opts = { srid: fc.def.epsg, northFirst: fc.northFirst, locator: 'filter' };
    if (lang === 'cql2-text') filters.push(parseCql2Text(q.filter, opts));
    else if (lang === 'cql2-json') filters.push(parseCql2Json(q.filter, opts));
    else throw bad('filter-lang must be cql2-text or cql2-json', 'filter-lang');
  }
  for (const [k, v] of Object.entries(q)) {
    if (attrs.has(k) && v !== undefined)
      filters.push({ op: 'compare', cmp: '=', left: { property: k }, right: { literal: v } });
  }

  let properties: string[] | undefined;
  if (q.properties !== undefined) {
    properties = q.properties
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const p of properties) if (!attrs.has(p)) throw bad(`Unknown property ${p}`, 'properties');
  }
  let sortBy: SortKey[] | undefined;
  if (q.sortby !== undefined) {
    sortBy = q.sortby
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const descending = s.startsWith('-');
        const property = s.replace(/^[+-]/, '').replace(/ (ASC|DESC)$/i, '');
        if (!attrs.has(property) && property !== 'fid') throw bad(`Cannot sort by ${property}`, 'sortby');
        return { property, descending: descending || / DESC$/i.test(s) };
      });
  }
  const crs = crsParam(q.crs, 'crs');
  return {
    crs,
    crsUri: q.crs ?? SUPPORTED_CRS[0],
    query: {
      layer,
      filter: filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { op: 'and', args: filters },
      properties,
      sortBy,
      offset,
      limit,
      outputSrid: crs.def.epsg,
      resultType: 'results',
    },
  };
}

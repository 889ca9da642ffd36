/** The items query of the metadata collection: free text, bbox, datetime, facets and a CQL2
 *  filter over the records a caller may see, in identifier order. */
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import type { ServiceRequest } from '../../data/reply.js';
import { invalid } from '../../data/errors.js';
import { bboxesIntersect } from '../../data/bbox.js';
import type { BBox } from '../../data/catalogue/layer.js';
import { parseCql2Text } from '../../data/query/cql2.js';
import { compileRecordFilter } from '../csw/evaluate.js';

export const MAX_LIMIT = 500;

/** Facets: a query parameter of that name selects records with the value (any case), and
 *  `facets=true` counts every value over the matches. */
export const FACETS: Record<string, (e: IndexedRecord) => string[]> = {
  organisation: (e) => [e.record.organisationCode],
  topic: (e) => (e.record.topicCategory ? [e.record.topicCategory] : []),
  keyword: (e) => e.record.keywords,
  type: (e) => [e.record.type],
};

/** A parameter's value; a repeated name keeps its first value, as KVP does. */
export function param(query: ServiceRequest['query'], name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[0] : v;
}

function count(v: string | undefined, name: string, d: number, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || v === '') return d;
  if (!/^\d{1,9}$/.test(v)) throw invalid(name, `${name} must be a non-negative whole number`);
  return Math.min(Number(v), max);
}

function bbox(v: string): BBox {
  const b = v.split(',').map(Number);
  if (b.length !== 4 || b.some((n) => !Number.isFinite(n)) || b[0] > b[2] || b[1] > b[3])
    throw invalid('bbox', 'bbox must be minLon,minLat,maxLon,maxLat');
  return b as BBox;
}

/** [from, to] in ms; a single instant is its whole day, `..` an open end. */
function interval(v: string): [number, number] {
  const [from, to] = v.split('/');
  const lo = from && from !== '..' ? Date.parse(from) : -Infinity;
  const hi =
    to === undefined
      ? from && from !== '..'
        ? Date.parse(from) + 86_400_000
        : Infinity
      : to && to !== '..'
        ? Date.parse(to)
        : Infinity;
  if (Number.isNaN(lo) || Number.isNaN(hi))
    throw invalid('datetime', 'datetime must be an RFC 3339 instant or interval');
  return [lo, hi];
}

export function searchItems(
  all: IndexedRecord[],
  query: ServiceRequest['query'],
): { hits: IndexedRecord[]; limit: number; offset: number } {
  const q = (name: string) => param(query, name);
  let hits = all;
  const text = q('q');
  if (text) {
    const terms = text
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    hits = hits.filter((e) => terms.some((t) => e.anyText.includes(t)));
  }
  const box = q('bbox');
  if (box) {
    const b = bbox(box);
    hits = hits.filter((e) => !!e.record.bbox && bboxesIntersect(e.record.bbox, b));
  }
  const datetime = q('datetime');
  if (datetime) {
    const [lo, hi] = interval(datetime);
    hits = hits.filter((e) => e.record.dateStamp.getTime() >= lo && e.record.dateStamp.getTime() <= hi);
  }
  for (const [facet, get] of Object.entries(FACETS)) {
    const want = q(facet)?.toLowerCase();
    if (want) hits = hits.filter((e) => get(e).some((v) => v.toLowerCase() === want));
  }
  const filter = q('filter');
  if (filter) {
    const lang = q('filter-lang');
    if (lang && lang !== 'cql2-text') throw invalid('filter-lang', 'filter-lang must be cql2-text');
    const pred = compileRecordFilter(parseCql2Text(filter));
    hits = hits.filter((e) => pred(e));
  }
  hits = [...hits].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
  return { hits, limit: count(q('limit'), 'limit', 10, MAX_LIMIT), offset: count(q('offset'), 'offset', 0) };
}

export function facetCounts(hits: IndexedRecord[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, get] of Object.entries(FACETS)) {
    const counts: Record<string, number> = {};
    for (const e of hits) for (const v of get(e)) counts[v] = (counts[v] ?? 0) + 1;
    out[name] = counts;
  }
  return out;
}

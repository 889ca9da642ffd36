/** Catalogue records as features of the one filter evaluator (data/query/evaluate.ts): the
 *  queryables are their properties, the bounding box their geometry, the identifier their id.
 *  One rule of the catalogue's own: LIKE on AnyText ignores letter case. AnyText is not a
 *  property but "a target for full-text search" (CSW 2.0.2, OGC 07-006r1, table 1) whose
 *  matching the standard leaves to the catalogue; clients send PropertyIsLike on it without
 *  matchCase (OWSLib, QGIS MetaSearch), which the schema reads as true, and expect a search
 *  box's answer. pycsw, the reference implementation, does the same. Every other queryable
 *  follows the filter: FES/Filter matchCase (default true), CQL LIKE vs ILIKE/CASEI. */
import type { Filter } from '../../data/query/types.js';
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import { boxGeometry, compileEvaluator, type FeatureAccess } from '../../data/query/evaluate.js';
import { OgcError } from '../../data/errors.js';
import { queryable } from './queryables.js';

type Pred = (e: IndexedRecord) => boolean;

const ANY_TEXT = queryable('AnyText');

/** Queryables holding instants (ISO text): they compare as date-times, not as text. */
const INSTANTS = new Set(['Modified', 'PublicationDate', 'CreationDate'].map(queryable).filter(Boolean));

const RECORDS: FeatureAccess<IndexedRecord> = {
  property(name) {
    const get = queryable(name);
    if (!get) throw new OgcError('InvalidParameterValue', `Unknown queryable ${name}`, 'Constraint');
    return get;
  },
  type: (name) => (INSTANTS.has(queryable(name)) ? 'datetime' : undefined),
  geometry: () => (e) => (e.record.bbox ? boxGeometry(e.record.bbox) : null),
  ids: (ids) => (e) => ids.includes(e.record.id),
  // AnyText was folded once when the index was built (record-index.ts).
  folded: (name) => (queryable(name) === ANY_TEXT ? (e) => e.anyTextFolded : undefined),
};

function anyTextWithoutCase(f: Filter): Filter {
  switch (f.op) {
    case 'and':
    case 'or':
      return { ...f, args: f.args.map(anyTextWithoutCase) };
    case 'not':
      return { ...f, arg: anyTextWithoutCase(f.arg) };
    case 'like':
      return 'property' in f.expr && queryable(f.expr.property) === ANY_TEXT ? { ...f, matchCase: false } : f;
    default:
      return f;
  }
}

/** Compiles once per request, then runs per record. Unknown queryables fail at compile time. */
export function compileRecordFilter(f: Filter): Pred {
  return compileEvaluator(anyTextWithoutCase(f), RECORDS, 'Constraint');
}

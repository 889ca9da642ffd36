/** Catalogue records as features of the one filter evaluator (data/query/evaluate.ts): the
 *  queryables are their properties, the bounding box their geometry, the identifier their id.
 *  One rule of the catalogue's own: LIKE ignores letter case, as harvesters and portals
 *  expect of a text search. */
import type { Filter } from '../../data/query/types.js';
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import { boxGeometry, compileEvaluator, type FeatureAccess } from '../../data/query/evaluate.js';
import { OgcError } from '../../data/errors.js';
import { queryable } from './queryables.js';

type Pred = (e: IndexedRecord) => boolean;

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
};

function caseInsensitiveLike(f: Filter): Filter {
  switch (f.op) {
    case 'and':
    case 'or':
      return { ...f, args: f.args.map(caseInsensitiveLike) };
    case 'not':
      return { ...f, arg: caseInsensitiveLike(f.arg) };
    case 'like':
      return { ...f, matchCase: false };
    default:
      return f;
  }
}

/** Compiles once per request, then runs per record. Unknown queryables fail at compile time. */
export function compileRecordFilter(f: Filter): Pred {
  return compileEvaluator(caseInsensitiveLike(f), RECORDS, 'Constraint');
}

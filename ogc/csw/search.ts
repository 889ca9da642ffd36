/** GetRecords over the records a caller may see: filter, stable order and the page asked for. */
import { byId, type IndexedRecord } from '../../data/metadata/record-index.js';
import { OgcError } from '../../data/errors.js';
import { compileRecordFilter } from './evaluate.js';
import { queryable } from './queryables.js';
import { MAX_RECORDS_CAP, type GetRecords } from './request.js';

/** Matching records in a stable order: the requested sort keys, then the identifier. */
export function searchRecords(
  all: readonly IndexedRecord[],
  q: Pick<GetRecords, 'filter' | 'sortBy'>,
): IndexedRecord[] {
  const pred = q.filter ? compileRecordFilter(q.filter) : null;
  const hits = pred ? all.filter((e) => pred(e)) : [...all];
  const keys = q.sortBy.map((s) => {
    const get = queryable(s.property);
    if (!get) throw new OgcError('InvalidParameterValue', `Cannot sort by ${s.property}`, 'sortBy');
    return { get, dir: s.descending ? -1 : 1 };
  });
  // The index hands records over in identifier order already: checking is cheaper than sorting.
  if (!keys.length && hits.every((e, i) => i === 0 || byId(hits[i - 1], e) < 0)) return hits;
  return hits.sort((a, b) => {
    for (const k of keys) {
      const x = String(k.get(a) ?? '');
      const y = String(k.get(b) ?? '');
      if (x !== y) return x < y ? -k.dir : k.dir;
    }
    return byId(a, b);
  });
}

/**
 * The page of `hits` a GetRecords asks for (startPosition is 1-based) and its nextRecord:
 * the position after the page, or 0 when nothing follows. For resultType=hits the page is
 * empty and nextRecord is startPosition while records remain from there on, so a harvester
 * that counts first starts where it asked.
 */
export function pageOf<T>(
  hits: T[],
  q: Pick<GetRecords, 'resultType' | 'startPosition' | 'maxRecords'>,
): { page: T[]; next: number } {
  const start = q.startPosition;
  if (q.resultType === 'hits') return { page: [], next: hits.length >= start ? start : 0 };
  const page = hits.slice(start - 1, start - 1 + Math.min(q.maxRecords, MAX_RECORDS_CAP));
  const last = start - 1 + page.length;
  return { page, next: last < hits.length && page.length ? last + 1 : 0 };
}

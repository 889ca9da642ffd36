/** What the database answers for a FeatureQuery: how many features match, and the features
 *  themselves in batches (constant memory however many there are). The SQL is compile.ts's. */
import type { Db, Queryable } from '../db/types.js';
import { compileFeatureQuery, type GeometryEncoding } from './compile.js';
import type { FeatureQuery } from './types.js';

/** Rows per batch: large enough to keep round trips few, small enough to stay a few MB. */
const BATCH = 1000;

/** Number matched: the precomputed count for an unfiltered query, else a SQL count. */
export async function countMatched(db: Queryable, q: FeatureQuery): Promise<number> {
  const c = compileFeatureQuery(q, { as: 'none' });
  if (!c.countSql) return q.layer.featureCount;
  const r = await db.query<{ n: number }>(c.countSql, c.countParams);
  return Number(r.rows[0]?.n ?? 0);
}

/** The features of a query (fid, the selected attributes, `geometry` as asked), in batches. */
export function featureBatches(
  db: Pick<Db, 'stream'>,
  q: FeatureQuery,
  geometry: GeometryEncoding,
): AsyncIterable<Record<string, unknown>[]> {
  const c = compileFeatureQuery(q, geometry);
  return db.stream<Record<string, unknown>>(c.sql, c.params, BATCH);
}

/** What the style editor needs from a layer's data: the distinct values of an attribute (for
 *  categories, capped) and numeric class breaks (equal interval or quantile, for graduated).
 *  Identifiers come only from the catalogue's attribute list; values are parameters. */
import type { Db } from '../db/types.js';
import { layerTableSql, quoteIdent, type Attribute, type Layer } from '../catalogue/layer.js';
import { OgcError } from '../errors.js';

export const MAX_CATEGORIES = 50;
export type BreakMethod = 'equal' | 'quantile';
const NUMERIC = new Set<Attribute['type']>(['integer', 'number']);

/** The catalogue's attribute by name, or a 400 naming it (never an identifier from a request). */
function attributeOf(layer: Layer, name: string, numeric: boolean): Attribute {
  const a = layer.attributes.find((x) => x.name === name);
  if (!a) throw new OgcError('InvalidParameterValue', `Layer ${layer.name} has no attribute ${name}`, 'attribute', 400);
  if (numeric && !NUMERIC.has(a.type))
    throw new OgcError('InvalidParameterValue', `Attribute ${name} is not numeric`, 'attribute', 400);
  return a;
}

export const isNumeric = (a: Attribute) => NUMERIC.has(a.type);

/** Up to `cap` distinct non-null values, most frequent first (ties by value). */
export async function distinctValues(
  db: Db,
  layer: Layer,
  attribute: string,
  cap = MAX_CATEGORIES,
): Promise<(string | number)[]> {
  const col = quoteIdent(attributeOf(layer, attribute, false).name);
  const r = await db.query<{ v: string | number }>(
    `SELECT ${col} AS v FROM ${layerTableSql(layer)} WHERE ${col} IS NOT NULL
     GROUP BY ${col} ORDER BY count(*) DESC, ${col} LIMIT $1`,
    [Math.max(1, Math.min(MAX_CATEGORIES, cap))],
  );
  return r.rows.map((x) => (typeof x.v === 'number' || typeof x.v === 'string' ? x.v : String(x.v)));
}

/** n + 1 ascending class edges of a numeric attribute (fewer when values repeat). */
export async function classBreaks(
  db: Db,
  layer: Layer,
  attribute: string,
  classes: number,
  method: BreakMethod,
): Promise<number[]> {
  const col = quoteIdent(attributeOf(layer, attribute, true).name);
  const n = Math.max(2, Math.min(12, Math.round(classes) || 5));
  const fractions = Array.from({ length: n + 1 }, (_, i) => i / n);
  const r = await db.query<{ lo: number | null; hi: number | null; q: number[] | null }>(
    `SELECT min(${col})::float8 AS lo, max(${col})::float8 AS hi,
            percentile_cont($1::float8[]) WITHIN GROUP (ORDER BY ${col}::float8) AS q
       FROM ${layerTableSql(layer)} WHERE ${col} IS NOT NULL`,
    [fractions],
  );
  const { lo, hi, q } = r.rows[0] ?? {};
  if (lo == null || hi == null) return [];
  const edges = method === 'quantile' && q ? q.map(Number) : fractions.map((f) => lo + (hi - lo) * f);
  // Round inner edges for readable legend titles (the outer ones stay exact so every value
  // falls in a class), then drop edges that collapsed onto each other.
  const round = (v: number) => Number(v.toPrecision(6));
  return [...new Set(edges.map((v, i) => (i === 0 || i === n ? v : round(v))))];
}

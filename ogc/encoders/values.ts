/** Attribute values of a database row, as JSON values and as text, by the catalogue's type. */
import type { Attribute } from '../../data/catalogue/layer.js';

export function jsonValue(v: unknown, a: Attribute): unknown {
  if (v === null || v === undefined) return null;
  if ((a.type === 'integer' || a.type === 'number') && typeof v !== 'number') {
    const n = Number(v);
    return Number.isFinite(n) ? n : String(v);
  }
  if (a.type === 'boolean' && typeof v !== 'boolean') return v === 't' || v === 'true' || v === true;
  if (v instanceof Date) return a.type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
  return v;
}

export function textValue(v: unknown, a: Attribute): string | null {
  const j = jsonValue(v, a);
  return j === null ? null : String(j);
}

/** The properties object of a row (selected attributes only). */
export function rowProperties(row: Record<string, unknown>, attrs: Attribute[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of attrs) out[a.name] = jsonValue(row[a.name], a);
  return out;
}

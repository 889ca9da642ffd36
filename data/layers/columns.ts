/** Attribute names from files become safe column names; types map to SQL. */
import type { Attribute, AttributeType } from '../catalogue/layer.js';

const RESERVED = new Set([
  'fid',
  'geom',
  'oid',
  'ctid',
  'xmin',
  'xmax',
  'cmin',
  'cmax',
  'tableoid',
  'select',
  'from',
  'where',
  'order',
  'group',
  'user',
  'table',
  'limit',
  'offset',
  'default',
  'check',
  'primary',
  'references',
  'all',
  'and',
  'or',
  'not',
  'null',
  'true',
  'false',
  'as',
  'by',
  'desc',
  'asc',
  'end',
  'case',
  'when',
  'then',
  'else',
]);

export const SQL_TYPE: Record<AttributeType, string> = {
  string: 'text',
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};

/** Lower case ASCII letters, digits and underscores, not starting with a digit, unique, ≤ 63. */
export function sanitiseNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    let n = raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (!n) n = 'field';
    if (/^[0-9]/.test(n)) n = `f_${n}`;
    if (RESERVED.has(n)) n = `${n}_`;
    n = n.slice(0, 60);
    let candidate = n;
    for (let i = 2; used.has(candidate); i++) candidate = `${n}_${i}`;
    used.add(candidate);
    return candidate;
  });
}

/** Attributes from source (name, type) pairs, remembering the source name when it changed. */
export function attributesFrom(fields: Array<{ name: string; type: AttributeType }>): Attribute[] {
  const safe = sanitiseNames(fields.map((f) => f.name));
  return fields.map((f, i) =>
    safe[i] === f.name ? { name: safe[i], type: f.type } : { name: safe[i], type: f.type, sourceName: f.name },
  );
}

/** A source value as the column's type wants it (null when it cannot be one). */
export function coerce(value: unknown, type: AttributeType): unknown {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'string':
      return value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isFinite(n) ? Math.trunc(n) : null;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (/^(true|t|yes|y|1|ya)$/i.test(String(value))) return true;
      if (/^(false|f|no|n|0|tidak)$/i.test(String(value))) return false;
      return null;
    case 'date':
    case 'datetime': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      if (typeof value === 'object' && value && 'year' in value) {
        const v = value as {
          year: number;
          month: number;
          day: number;
          hour?: number;
          minute?: number;
          second?: number;
        };
        const p = (x: number | undefined) => String(x ?? 0).padStart(2, '0');
        return type === 'date'
          ? `${v.year}-${p(v.month)}-${p(v.day)}`
          : `${v.year}-${p(v.month)}-${p(v.day)}T${p(v.hour)}:${p(v.minute)}:${p(v.second)}Z`;
      }
      const s = String(value).trim().replace(/\//g, '-');
      return /^\d{4}-\d{1,2}-\d{1,2}/.test(s) ? s : null;
    }
  }
}

/** The Filter tree evaluated in memory against one feature's properties (SLD rules, CSW
 *  records, tests). Non-spatial operators only: spatial ones need the database and evaluate
 *  to true here (a map rule's spatial test is already done by the map's bbox query). */
import type { Expr, Filter } from './types.js';
import { fidOf } from './compile.js';
import { compileLike, type LikeMatcher } from './like.js';

export type Properties = Record<string, unknown>;

const FUNCTIONS: Record<string, (a: unknown[]) => unknown> = {
  upper: (a) => (a[0] == null ? null : String(a[0]).toUpperCase()),
  lower: (a) => (a[0] == null ? null : String(a[0]).toLowerCase()),
  casei: (a) => (a[0] == null ? null : String(a[0]).toLowerCase()),
  strtouppercase: (a) => (a[0] == null ? null : String(a[0]).toUpperCase()),
  strtolowercase: (a) => (a[0] == null ? null : String(a[0]).toLowerCase()),
  accenti: (a) => a[0],
  strlength: (a) => (a[0] == null ? null : String(a[0]).length),
  abs: (a) => (a[0] == null ? null : Math.abs(Number(a[0]))),
};

/** A property by name, ignoring a namespace prefix and letter case. */
function lookup(props: Properties, name: string): unknown {
  if (name in props) return props[name];
  const local = name.replace(/^.*[/:]/, '').replace(/^@/, '');
  if (local in props) return props[local];
  const lower = local.toLowerCase();
  for (const k of Object.keys(props)) if (k.toLowerCase() === lower) return props[k];
  return undefined;
}

function value(e: Expr, props: Properties): unknown {
  if ('property' in e) return lookup(props, e.property);
  if ('literal' in e) return e.literal;
  const f = FUNCTIONS[e.fn.toLowerCase()];
  return f ? f(e.args.map((a) => value(a, props))) : undefined;
}

/** -1/0/1, numerically when both sides read as numbers, else as text; undefined for nulls. */
function compare(a: unknown, b: unknown, matchCase = true): number | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  if (a instanceof Date) a = a.toISOString();
  if (b instanceof Date) b = b.toISOString();
  const na = typeof a === 'number' ? a : typeof a === 'string' && a.trim() !== '' ? Number(a) : NaN;
  const nb = typeof b === 'number' ? b : typeof b === 'string' && b.trim() !== '' ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb) && (typeof a === 'number' || typeof b === 'number' || (typeof a === 'string' && typeof b === 'string'))) {
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a).toLowerCase() === String(b).toLowerCase() ? 0 : 1;
  let sa = String(a);
  let sb = String(b);
  if (!matchCase) (sa = sa.toLowerCase()), (sb = sb.toLowerCase());
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Compiled LIKE matchers by pattern, so a rule's pattern is compiled once, not per feature. */
const likeCache = new Map<string, LikeMatcher>();
function likeMatcher(f: Extract<Filter, { op: 'like' }>): LikeMatcher {
  const key = `${f.pattern}\u0000${f.wildCard}\u0000${f.singleChar}\u0000${f.escapeChar}\u0000${f.matchCase}`;
  let m = likeCache.get(key);
  if (!m) {
    m = compileLike(f.pattern, f);
    if (likeCache.size >= 1000) likeCache.clear();
    likeCache.set(key, m);
  }
  return m;
}

/** Does the feature with these properties pass the filter? `fid` may be among the properties. */
export function evaluate(filter: Filter, props: Properties): boolean {
  switch (filter.op) {
    case 'and':
      return filter.args.every((f) => evaluate(f, props));
    case 'or':
      return filter.args.some((f) => evaluate(f, props));
    case 'not':
      return !evaluate(filter.arg, props);
    case 'include':
      return true;
    case 'exclude':
      return false;
    case 'compare': {
      const c = compare(value(filter.left, props), value(filter.right, props), filter.matchCase !== false);
      if (c === undefined) return false;
      switch (filter.cmp) {
        case '=': return c === 0;
        case '<>': return c !== 0;
        case '<': return c < 0;
        case '<=': return c <= 0;
        case '>': return c > 0;
        case '>=': return c >= 0;
      }
      return false;
    }
    case 'like': {
      const v = value(filter.expr, props);
      if (v === null || v === undefined) return false;
      return likeMatcher(filter)(String(v));
    }
    case 'isNull': {
      const v = value(filter.expr, props);
      return v === null || v === undefined;
    }
    case 'between': {
      const v = value(filter.expr, props);
      const lo = compare(v, value(filter.lower, props));
      const hi = compare(v, value(filter.upper, props));
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    }
    case 'in': {
      const v = value(filter.expr, props);
      return filter.list.some((e) => compare(v, value(e, props)) === 0);
    }
    case 'ids': {
      const fid = lookup(props, 'fid');
      return filter.ids.some((id) => String(id) === String(fid) || fidOf(id) === Number(fid));
    }
    default:
      // Spatial operators are answered by the query that produced the features.
      return true;
  }
}

/** Evaluates a Filter tree against catalogue records in memory. */
import type { Expr, Filter } from '../../data/query/types.js';
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import { compileLike } from '../../data/query/like.js';
import { OgcError } from '../../data/errors.js';
import { queryable, type QueryableValue } from './queryables.js';

type Pred = (e: IndexedRecord) => boolean;

/** Compiles once per request, then runs per record. Unknown queryables fail at compile time. */
export function compileRecordFilter(f: Filter): Pred {
  switch (f.op) {
    case 'and': {
      const ps = f.args.map(compileRecordFilter);
      return (e) => ps.every((p) => p(e));
    }
    case 'or': {
      const ps = f.args.map(compileRecordFilter);
      return (e) => ps.some((p) => p(e));
    }
    case 'not': {
      const p = compileRecordFilter(f.arg);
      return (e) => !p(e);
    }
    case 'include':
      return () => true;
    case 'exclude':
      return () => false;
    case 'compare': {
      const get = reader(f.left);
      const lit = literalOf(f.right);
      const cs = f.matchCase ?? true;
      return (e) => values(get(e)).some((v) => cmp(v, lit, f.cmp, cs));
    }
    case 'like': {
      const get = reader(f.expr);
      // Catalogue text search is case-insensitive, as harvesters and portals expect.
      const like = compileLike(f.pattern, { wildCard: f.wildCard, singleChar: f.singleChar, escapeChar: f.escapeChar, matchCase: false });
      return (e) => values(get(e)).some((v) => like(String(v)));
    }
    case 'isNull': {
      const get = reader(f.expr);
      return (e) => values(get(e)).length === 0;
    }
    case 'between': {
      const get = reader(f.expr);
      const lo = literalOf(f.lower);
      const hi = literalOf(f.upper);
      return (e) => values(get(e)).some((v) => cmp(v, lo, '>=', true) && cmp(v, hi, '<=', true));
    }
    case 'in': {
      const get = reader(f.expr);
      const lits = f.list.map(literalOf);
      return (e) => values(get(e)).some((v) => lits.some((l) => cmp(v, l, '=', false)));
    }
    case 'bbox': {
      const { minx, miny, maxx, maxy } = f.envelope;
      return (e) => !!e.record.bbox && e.record.bbox[0] <= maxx && e.record.bbox[2] >= minx && e.record.bbox[1] <= maxy && e.record.bbox[3] >= miny;
    }
    case 'spatial': {
      const flat = (c: any): number[][] => (typeof c[0] === 'number' ? [c] : c.flatMap(flat));
      // A loop, not Math.min(...xs): spreading a long coordinate list would overflow the stack.
      let [minx, miny, maxx, maxy] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of flat((f.geometry.geometry as any).coordinates)) {
        [minx, miny, maxx, maxy] = [Math.min(minx, x), Math.min(miny, y), Math.max(maxx, x), Math.max(maxy, y)];
      }
      const rel = f.rel;
      return (e) => {
        const b = e.record.bbox;
        if (!b) return false;
        const meets = b[0] <= maxx && b[2] >= minx && b[1] <= maxy && b[3] >= miny;
        if (rel === 'disjoint') return !meets;
        if (rel === 'within') return b[0] >= minx && b[2] <= maxx && b[1] >= miny && b[3] <= maxy;
        if (rel === 'contains') return b[0] <= minx && b[2] >= maxx && b[1] <= miny && b[3] >= maxy;
        if (rel === 'equals') return b[0] === minx && b[1] === miny && b[2] === maxx && b[3] === maxy;
        return meets;
      };
    }
    default:
      throw new OgcError('InvalidParameterValue', `Filter operator ${f.op} is not supported by this catalogue`, 'Constraint');
  }
}

function reader(x: Expr): (e: IndexedRecord) => QueryableValue {
  if (!('property' in x)) throw new OgcError('InvalidParameterValue', 'Comparisons must name a queryable', 'Constraint');
  const get = queryable(x.property);
  if (!get) throw new OgcError('InvalidParameterValue', `Unknown queryable ${x.property}`, 'Constraint');
  return get;
}

function literalOf(x: Expr): string | number {
  if ('literal' in x && x.literal !== null && typeof x.literal !== 'boolean') return x.literal;
  if ('literal' in x) return String(x.literal);
  throw new OgcError('InvalidParameterValue', 'Expected a literal value', 'Constraint');
}

function values(v: QueryableValue): Array<string | number> {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return (v as Array<string | number>).filter((x) => x !== null && x !== undefined);
  return [v];
}

function cmp(a: string | number, b: string | number, op: string, matchCase: boolean): boolean {
  let x: string | number = a;
  let y: string | number = b;
  if (typeof a === 'number' || typeof b === 'number') {
    x = Number(a);
    y = Number(b);
  } else if (!matchCase) {
    x = a.toLowerCase();
    y = b.toLowerCase();
  }
  switch (op) {
    case '=': return x === y;
    case '<>': return x !== y;
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
  }
  return false;
}

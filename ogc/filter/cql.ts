/** CQL text (CSW CQL_TEXT, the basic CQL2 text forms) into the shared Filter tree. */
import type { ComparisonOp, Expr, Filter } from '../../data/query/types.js';
import { parseCrs } from '../../data/crs.js';
import { bad } from './ogc-filter.js';

type Tok = { t: 'id' | 'str' | 'num' | 'op' | 'p'; v: string };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(<=|>=|<>|!=|=|<|>)|([(),])|([A-Za-z_][\w:.]*))/y;
  let i = 0;
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw bad(`CQL: cannot read "${s.slice(i, i + 20)}"`);
    i = re.lastIndex;
    if (m[1]) out.push({ t: 'str', v: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2]) out.push({ t: 'num', v: m[2] });
    else if (m[3]) out.push({ t: 'op', v: m[3] === '!=' ? '<>' : m[3] });
    else if (m[4]) out.push({ t: 'p', v: m[4] });
    else out.push({ t: 'id', v: m[5] });
  }
  return out;
}

export function filterFromCql(text: string): Filter {
  if (text.length > 10_000) throw bad('CQL constraint is too long');
  const toks = tokenize(text);
  let pos = 0;
  const peek = () => toks[pos];
  const kw = (w: string) => peek()?.t === 'id' && peek()!.v.toUpperCase() === w;
  const take = () => {
    const t = toks[pos++];
    if (!t) throw bad('CQL: unexpected end');
    return t;
  };
  const expect = (v: string) => {
    const t = take();
    if (t.v !== v) throw bad(`CQL: expected "${v}" but found "${t.v}"`);
  };
  const literal = (): Expr => {
    const t = take();
    if (t.t === 'str') return { literal: t.v };
    if (t.t === 'num') return { literal: Number(t.v) };
    throw bad(`CQL: expected a value, found "${t.v}"`);
  };

  const or = (): Filter => {
    const args = [and()];
    while (kw('OR')) {
      pos++;
      args.push(and());
    }
    return args.length === 1 ? args[0] : { op: 'or', args };
  };
  const and = (): Filter => {
    const args = [not()];
    while (kw('AND')) {
      pos++;
      args.push(not());
    }
    return args.length === 1 ? args[0] : { op: 'and', args };
  };
  const not = (): Filter => {
    if (kw('NOT')) {
      pos++;
      return { op: 'not', arg: not() };
    }
    return primary();
  };
  const primary = (): Filter => {
    if (peek()?.v === '(') {
      pos++;
      const f = or();
      expect(')');
      return f;
    }
    const id = take();
    if (id.t !== 'id') throw bad(`CQL: expected a property name, found "${id.v}"`);
    const upper = id.v.toUpperCase();
    if (upper === 'BBOX' || upper === 'INTERSECTS') {
      expect('(');
      take(); // the geometry property
      const n: number[] = [];
      for (let k = 0; k < 4; k++) {
        expect(',');
        const t = take();
        if (t.t !== 'num') throw bad('CQL: BBOX takes four numbers');
        n.push(Number(t.v));
      }
      let srs: string | undefined;
      if (peek()?.v === ',') {
        pos++;
        srs = String((literal() as { literal: unknown }).literal);
      }
      expect(')');
      // CQL BBOX is minx, miny, maxx, maxy in lon/lat unless a lat/lon CRS is named.
      const crs = srs ? parseCrs(srs, true) : undefined;
      const [a, b, c, d] = n;
      const e = crs?.northFirst ? { minx: b, miny: a, maxx: d, maxy: c } : { minx: a, miny: b, maxx: c, maxy: d };
      return { op: 'bbox', envelope: { ...e, srid: 4326 } };
    }
    const expr: Expr = { property: id.v };
    let negate = false;
    if (kw('NOT')) {
      pos++;
      negate = true;
    }
    let f: Filter;
    if (kw('LIKE') || kw('ILIKE')) {
      const ci = take().v.toUpperCase() === 'ILIKE';
      const p = literal();
      f = { op: 'like', expr, pattern: String((p as { literal: unknown }).literal), wildCard: '%', singleChar: '_', escapeChar: '\\', matchCase: !ci && false };
    } else if (kw('IS')) {
      pos++;
      let isNot = false;
      if (kw('NOT')) {
        pos++;
        isNot = true;
      }
      if (!kw('NULL')) throw bad('CQL: expected NULL after IS');
      pos++;
      f = isNot ? { op: 'not', arg: { op: 'isNull', expr } } : { op: 'isNull', expr };
    } else if (kw('BETWEEN')) {
      pos++;
      const lower = literal();
      if (!kw('AND')) throw bad('CQL: BETWEEN needs AND');
      pos++;
      f = { op: 'between', expr, lower, upper: literal() };
    } else if (kw('IN')) {
      pos++;
      expect('(');
      const list = [literal()];
      while (peek()?.v === ',') {
        pos++;
        list.push(literal());
      }
      expect(')');
      f = { op: 'in', expr, list };
    } else {
      const op = take();
      if (op.t !== 'op') throw bad(`CQL: expected an operator after ${id.v}`);
      f = { op: 'compare', cmp: op.v as ComparisonOp, left: expr, right: literal(), matchCase: false };
    }
    return negate ? { op: 'not', arg: f } : f;
  };

  const f = or();
  if (pos !== toks.length) throw bad(`CQL: unexpected "${toks[pos].v}"`);
  return f;
}

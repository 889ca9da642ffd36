/** CSW constraints — OGC Filter 1.1 XML and CQL_TEXT — into the shared Filter tree
 *  (data/query/types.ts). Only what a catalogue needs: comparisons, LIKE, NULL, BETWEEN,
 *  logical operators, and BBOX/spatial tests on the record envelope. */
import type { ComparisonOp, Envelope, Expr, Filter } from '../../data/query/types.js';
import { parseCrs } from '../../data/crs.js';
import { OgcError } from '../errors.js';

const bad = (why: string) => new OgcError('InvalidParameterValue', why, 'Constraint');

const COMPARISONS: Record<string, ComparisonOp> = {
  PropertyIsEqualTo: '=', PropertyIsNotEqualTo: '<>', PropertyIsLessThan: '<', PropertyIsGreaterThan: '>',
  PropertyIsLessThanOrEqualTo: '<=', PropertyIsGreaterThanOrEqualTo: '>=',
};
const SPATIAL = ['BBOX', 'Intersects', 'Within', 'Contains', 'Overlaps', 'Disjoint', 'Equals', 'Touches', 'Crosses'];

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: any): string => (v === undefined || v === null ? '' : typeof v === 'object' ? String(v['#text'] ?? '') : String(v));

/** A parsed (namespace prefixes removed) ogc:Filter element → Filter. */
export function filterFromXml(node: any): Filter {
  const parts: Filter[] = [];
  for (const [name, value] of Object.entries(node ?? {})) {
    if (name.startsWith('@')) continue;
    for (const v of asArray(value)) parts.push(operatorFromXml(name, v));
  }
  if (parts.length !== 1) throw bad('ogc:Filter must hold exactly one operator');
  return parts[0];
}

function operatorFromXml(name: string, v: any): Filter {
  if (name === 'And' || name === 'Or') {
    const args: Filter[] = [];
    for (const [k, child] of Object.entries(v ?? {})) if (!k.startsWith('@')) for (const c of asArray(child)) args.push(operatorFromXml(k, c));
    if (args.length < 1) throw bad(`${name} needs operands`);
    return { op: name === 'And' ? 'and' : 'or', args };
  }
  if (name === 'Not') return { op: 'not', arg: filterFromXml(v) };
  const property = (): Expr => ({ property: textOf(v.PropertyName ?? v.ValueReference) });
  if (!v || typeof v !== 'object') throw bad(`${name} is incomplete`);
  if (COMPARISONS[name]) {
    return { op: 'compare', cmp: COMPARISONS[name], left: property(), right: { literal: textOf(v.Literal) }, matchCase: v['@matchCase'] !== 'false' };
  }
  if (name === 'PropertyIsLike') {
    return {
      op: 'like', expr: property(), pattern: textOf(v.Literal),
      wildCard: v['@wildCard'] ?? '*', singleChar: v['@singleChar'] ?? '?', escapeChar: v['@escapeChar'] ?? v['@escape'] ?? '\\',
      matchCase: v['@matchCase'] === 'true',
    };
  }
  if (name === 'PropertyIsNull') return { op: 'isNull', expr: property() };
  if (name === 'PropertyIsBetween') {
    return { op: 'between', expr: property(), lower: { literal: textOf(v.LowerBoundary?.Literal) }, upper: { literal: textOf(v.UpperBoundary?.Literal) } };
  }
  if (SPATIAL.includes(name)) {
    const envelope = envelopeFromGml(v);
    if (name === 'BBOX' || name === 'Intersects') return { op: 'bbox', envelope };
    const rel = name.toLowerCase() as 'within' | 'contains' | 'overlaps' | 'disjoint' | 'equals' | 'touches' | 'crosses';
    const { minx, miny, maxx, maxy } = envelope;
    const ring = [[minx, miny], [maxx, miny], [maxx, maxy], [minx, maxy], [minx, miny]];
    return { op: 'spatial', rel, geometry: { geometry: { type: 'Polygon', coordinates: [ring] }, srid: 4326 } };
  }
  throw new OgcError('InvalidParameterValue', `Filter operator ${name} is not supported by this catalogue`, 'Constraint');
}

/** gml:Envelope (lower/upperCorner), gml:Box (coordinates) or gml:Polygon's extent, as lon/lat. */
function envelopeFromGml(v: any): Envelope {
  const env = v.Envelope ?? v.Box ?? v.Polygon;
  if (!env) throw bad('a spatial filter needs a gml:Envelope');
  const srs: string | undefined = env['@srsName'];
  let nums: number[];
  if (env.lowerCorner !== undefined) nums = `${textOf(env.lowerCorner)} ${textOf(env.upperCorner)}`.trim().split(/\s+/).map(Number);
  else if (env.coordinates !== undefined) nums = textOf(env.coordinates).trim().split(/[\s,]+/).map(Number);
  else if (env.exterior ?? env.outerBoundaryIs) {
    const ring = env.exterior?.LinearRing ?? env.outerBoundaryIs?.LinearRing;
    const pts = textOf(ring?.posList ?? ring?.coordinates).trim().split(/[\s,]+/).map(Number);
    const xs = pts.filter((_, i) => i % 2 === 0);
    const ys = pts.filter((_, i) => i % 2 === 1);
    nums = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  } else throw bad('a spatial filter needs a gml:Envelope');
  if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) throw bad('the envelope needs four numbers');
  // CSW 2.0.2's default CRS is urn:ogc:def:crs:EPSG::4326, latitude first; CRS:84 and the
  // legacy short form EPSG:4326 are longitude first.
  const crs = srs ? parseCrs(srs, true) : parseCrs('urn:ogc:def:crs:EPSG::4326');
  if (!crs) throw new OgcError('InvalidParameterValue', `Unsupported srsName ${srs}`, 'Constraint');
  const [a, b, c, d] = nums;
  return crs.northFirst ? { minx: b, miny: a, maxx: d, maxy: c, srid: 4326 } : { minx: a, miny: b, maxx: c, maxy: d, srid: 4326 };
}

// ---- CQL_TEXT ------------------------------------------------------------------------

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

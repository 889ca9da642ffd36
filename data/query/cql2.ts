/** CQL2 text and CQL2 JSON (OGC API Features Part 3, also CSW CQL_TEXT and WFS CQL) into the
 *  one Filter tree. Basic CQL2 (comparisons, property-property too), LIKE, BETWEEN, IN,
 *  IS NULL, CASEI/ACCENTI and other functions, and the spatial S_* predicates (plus the CQL1/ECQL
 *  forms INTERSECTS, BBOX(prop, x1, y1, x2, y2), DWITHIN) with WKT geometries.
 *  Geometries are in `srid` (default CRS84, lon/lat); `northFirst` swaps their axes. */
import type { Geometry } from 'geojson';
import type { ComparisonOp, Expr, Filter, SpatialRel } from './types.js';
import { OgcError } from '../errors.js';
import { countNodes, FilterBudget, FilterLimitError, MAX_FILTER_DEPTH } from './limits.js';
import { checkGeometry, checkTemporal } from './literals.js';

export interface CqlOptions {
  /** EPSG code of geometry literals (filter-crs); default 4326. */
  srid?: number;
  /** Literal coordinates are written north first (e.g. filter-crs EPSG 4326 by URI). */
  northFirst?: boolean;
  /** Error locator; default `filter`. */
  locator?: string;
}

const MAX_LEN = 20_000;

const SPATIAL: Record<string, SpatialRel> = {
  s_intersects: 'intersects',
  s_disjoint: 'disjoint',
  s_contains: 'contains',
  s_within: 'within',
  s_touches: 'touches',
  s_crosses: 'crosses',
  s_overlaps: 'overlaps',
  s_equals: 'equals',
  intersects: 'intersects',
  disjoint: 'disjoint',
  contains: 'contains',
  within: 'within',
  touches: 'touches',
  crosses: 'crosses',
  overlaps: 'overlaps',
  equals: 'equals',
};
const CMP: Record<string, ComparisonOp> = {
  '=': '=',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

type Tok = { t: 'id' | 'qid' | 'str' | 'num' | 'op' | 'p'; v: string };

function tokenize(s: string, bad: (w: string) => OgcError): Tok[] {
  const out: Tok[] = [];
  const re =
    /\s*(?:('(?:[^']|'')*')|("(?:[^"]|"")*")|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|(<=|>=|<>|!=|=|<|>)|([(),\[\]])|([A-Za-z_][\w:.\-]*))/y;
  const space = /\s*/y;
  let i = 0;
  while (i < s.length) {
    space.lastIndex = i;
    space.exec(s);
    if (space.lastIndex >= s.length) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw bad(`cannot read "${s.slice(i, i + 20)}"`);
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'str', v: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2] !== undefined) out.push({ t: 'qid', v: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'num', v: m[3] });
    else if (m[4] !== undefined) out.push({ t: 'op', v: m[4] });
    else if (m[5] !== undefined) out.push({ t: 'p', v: m[5] });
    else out.push({ t: 'id', v: m[6] });
  }
  return out;
}

const WKT_TYPES = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'ENVELOPE'];

/** CQL2 text → Filter. */
export function parseCql2Text(text: string, opts: CqlOptions = {}): Filter {
  const locator = opts.locator ?? 'filter';
  const bad = (why: string) => new OgcError('InvalidParameterValue', `CQL2: ${why}`, locator);
  if (text.length > MAX_LEN) throw bad('the filter is too long');
  const toks = tokenize(text, bad);
  const budget = new FilterBudget(locator, 'CQL2');
  let pos = 0;
  // A parenthesis may open a boolean or a scalar expression: the parser tries the first and
  // falls back to the second. Nesting is bounded, so this stays linear; the step count is a
  // second guard that the tries can never add up to more than a fixed multiple of the tokens.
  let steps = 0;
  const maxSteps = (MAX_FILTER_DEPTH + 2) * (toks.length + 1);
  const peek = (k = 0) => toks[pos + k];
  const kw = (w: string, k = 0) => peek(k)?.t === 'id' && peek(k)!.v.toUpperCase() === w;
  const take = () => {
    const t = toks[pos++];
    if (!t) throw bad('unexpected end of the filter');
    if (++steps > maxSteps)
      throw new FilterLimitError(
        'InvalidParameterValue',
        `CQL2: the filter is too complex to read (parameter ${locator})`,
        locator,
      );
    return t;
  };
  const expect = (v: string) => {
    const t = take();
    if (t.v !== v) throw bad(`expected "${v}" but found "${t.v}"`);
  };
  const srid = opts.srid ?? 4326;
  const swap = (c: number[]) => (opts.northFirst ? [c[1], c[0]] : [c[0], c[1]]);

  const number = (): number => {
    const t = take();
    if (t.t !== 'num') throw bad(`expected a number, found "${t.v}"`);
    return Number(t.v);
  };
  const point = (): number[] => {
    const a = number();
    const b = number();
    while (peek()?.t === 'num') take(); // Z/M ignored
    return swap([a, b]);
  };
  const list = <T>(item: () => T): T[] =>
    budget.nested(() => {
      expect('(');
      const out = [item()];
      while (peek()?.v === ',') {
        take();
        out.push(item());
      }
      expect(')');
      return out;
    });
  const pointInParens = () =>
    peek()?.v === '('
      ? (take(),
        (() => {
          const p = point();
          expect(')');
          return p;
        })())
      : point();
  const wkt = (): Geometry => checkGeometry(wktGeometry(), bad);
  const wktGeometry = (): Geometry => {
    const type = take().v.toUpperCase();
    if (kw('Z') || kw('M') || kw('ZM')) take();
    switch (type) {
      case 'POINT':
        return { type: 'Point', coordinates: list(point)[0] };
      case 'LINESTRING':
        return { type: 'LineString', coordinates: list(point) };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: list(() => list(point)) };
      case 'MULTIPOINT':
        return { type: 'MultiPoint', coordinates: list(pointInParens) };
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: list(() => list(point)) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: list(() => list(() => list(point))) };
      default: {
        // ENVELOPE(west, east, north, south) in CQL1; BBOX(x1, y1, x2, y2) in CQL2.
        const n = list(number);
        if (n.length !== 4 && n.length !== 6) throw bad('an envelope needs four numbers');
        const [x1, y1, x2, y2] =
          type === 'ENVELOPE' ? [n[0], n[3], n[1], n[2]] : n.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
        const [a, b] = swap([x1, y1]);
        const [c, d] = swap([x2, y2]);
        return {
          type: 'Polygon',
          coordinates: [
            [
              [a, b],
              [c, b],
              [c, d],
              [a, d],
              [a, b],
            ],
          ],
        };
      }
    }
  };
  const isGeometryStart = () =>
    peek()?.t === 'id' &&
    (WKT_TYPES.includes(peek()!.v.toUpperCase()) || (kw('BBOX') && peek(1)?.v === '(' && peek(2)?.t === 'num'));

  const scalar = (): Expr => {
    const t = peek();
    if (!t) throw bad('unexpected end of the filter');
    if (t.t === 'str') return (take(), { literal: t.v });
    if (t.t === 'num') return (take(), { literal: Number(t.v) });
    if (t.t === 'qid') return (take(), { property: t.v });
    if (t.v === '(') {
      take();
      const e = budget.nested(scalar);
      expect(')');
      return e;
    }
    if (t.t === 'id') {
      const up = t.v.toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') return (take(), { literal: up === 'TRUE' });
      if (up === 'NULL') return (take(), { literal: null });
      if ((up === 'DATE' || up === 'TIMESTAMP') && peek(1)?.v === '(') {
        take();
        expect('(');
        const s = take();
        if (s.t !== 'str') throw bad(`${up} needs a string`);
        expect(')');
        return { literal: checkTemporal(up === 'DATE' ? 'date' : 'timestamp', s.v, bad) };
      }
      take();
      if (peek()?.v === '(') {
        return budget.nested(() => {
          expect('(');
          const args: Expr[] = [];
          if (peek()?.v !== ')') {
            args.push(scalar());
            while (peek()?.v === ',') (take(), args.push(scalar()));
          }
          expect(')');
          return { fn: t.v, args };
        });
      }
      return { property: t.v };
    }
    throw bad(`unexpected "${t.v}"`);
  };
  const propertyName = (e: Expr) => {
    if (!('property' in e)) throw bad('a spatial predicate needs a property');
    return e.property;
  };

  const predicate = (): Filter => {
    if (peek()?.v === '(') {
      // A parenthesised boolean expression (scalar parentheses are handled by scalar()).
      const save = pos;
      take();
      try {
        const f = orExpr();
        expect(')');
        return f;
      } catch (e) {
        // Limits end the parse; any other error means "not a boolean expression".
        if (e instanceof FilterLimitError || !(e instanceof OgcError)) throw e;
        pos = save;
      }
    }
    if (kw('NOT')) {
      take();
      return { op: 'not', arg: budget.nested(predicate) };
    }
    if ((kw('TRUE') || kw('FALSE')) && !(peek(1)?.t === 'op')) {
      return take().v.toUpperCase() === 'TRUE' ? { op: 'include' } : { op: 'exclude' };
    }
    if (kw('INCLUDE') || kw('EXCLUDE'))
      return take().v.toUpperCase() === 'INCLUDE' ? { op: 'include' } : { op: 'exclude' };
    const name = peek()?.t === 'id' ? peek()!.v.toLowerCase() : '';
    if (SPATIAL[name] && peek(1)?.v === '(') {
      take();
      expect('(');
      let a: Expr | Geometry = isGeometryStart() ? wkt() : scalar();
      expect(',');
      let b: Expr | Geometry = isGeometryStart() ? wkt() : scalar();
      expect(')');
      let rel = SPATIAL[name];
      if ('type' in a && !('type' in b)) {
        // geometry first: swap operands, and the direction of the asymmetric relations.
        [a, b] = [b, a];
        rel = rel === 'within' ? 'contains' : rel === 'contains' ? 'within' : rel;
      }
      if (!('type' in b)) throw bad(`${name.toUpperCase()} needs a geometry literal`);
      return { op: 'spatial', rel, property: propertyName(a as Expr), geometry: { geometry: b as Geometry, srid } };
    }
    if (name === 'bbox' && peek(1)?.v === '(' && peek(2)?.t !== 'num') {
      take();
      expect('(');
      const p = propertyName(scalar());
      const n: number[] = [];
      while (peek()?.v === ',') (take(), n.push(number()));
      if (peek()?.v === ',') take();
      if (peek()?.t === 'str') take(); // ECQL's optional CRS is not honoured beyond filter-crs
      expect(')');
      if (n.length !== 4) throw bad('BBOX needs four numbers');
      const [x1, y1] = swap([n[0], n[1]]);
      const [x2, y2] = swap([n[2], n[3]]);
      return { op: 'bbox', property: p, envelope: { minx: x1, miny: y1, maxx: x2, maxy: y2, srid } };
    }
    if ((name === 'dwithin' || name === 'beyond') && peek(1)?.v === '(') {
      take();
      expect('(');
      const p = propertyName(scalar());
      expect(',');
      const g = wkt();
      expect(',');
      const d = number();
      expect(',');
      const u = take().v;
      expect(')');
      return { op: name as 'dwithin' | 'beyond', property: p, geometry: { geometry: g, srid }, distance: d, units: u };
    }
    const left = scalar();
    let negate = false;
    if (kw('NOT') && (kw('LIKE', 1) || kw('BETWEEN', 1) || kw('IN', 1) || kw('ILIKE', 1))) {
      take();
      negate = true;
    }
    const wrap = (f: Filter): Filter => (negate ? { op: 'not', arg: f } : f);
    const t = peek();
    if (t?.t === 'op') {
      take();
      return { op: 'compare', cmp: CMP[t.v], left, right: scalar() };
    }
    if (kw('LIKE') || kw('ILIKE')) {
      const ci = take().v.toUpperCase() === 'ILIKE';
      const p = scalar();
      const unwrap = (e: Expr): { pattern: string; casei: boolean } => {
        if ('literal' in e) return { pattern: String(e.literal), casei: false };
        if ('fn' in e && /^casei$/i.test(e.fn) && e.args[0]) return { pattern: unwrap(e.args[0]).pattern, casei: true };
        if ('fn' in e && /^accenti$/i.test(e.fn) && e.args[0]) return unwrap(e.args[0]);
        throw bad('LIKE needs a pattern string');
      };
      const u = unwrap(p);
      const ex = 'fn' in left && /^casei$/i.test(left.fn) && left.args[0] ? left.args[0] : left;
      return wrap({
        op: 'like',
        expr: ex,
        pattern: u.pattern,
        wildCard: '%',
        singleChar: '_',
        escapeChar: '\\',
        matchCase: !(ci || u.casei || ex !== left),
      });
    }
    if (kw('BETWEEN')) {
      take();
      const lower = scalar();
      if (!kw('AND')) throw bad('BETWEEN needs AND');
      take();
      return wrap({ op: 'between', expr: left, lower, upper: scalar() });
    }
    if (kw('IN')) {
      take();
      return wrap({ op: 'in', expr: left, list: list(scalar) });
    }
    if (kw('IS')) {
      take();
      const not = kw('NOT') ? (take(), true) : false;
      if (!kw('NULL')) throw bad('expected NULL after IS');
      take();
      const f: Filter = { op: 'isNull', expr: left };
      return not ? { op: 'not', arg: f } : f;
    }
    // A bare boolean property or function.
    if ('property' in left || 'fn' in left) return { op: 'compare', cmp: '=', left, right: { literal: true } };
    throw bad(`expected an operator after ${JSON.stringify(left)}`);
  };
  const andExpr = (): Filter => {
    const args = [predicate()];
    while (kw('AND')) (take(), args.push(predicate()));
    return args.length === 1 ? args[0] : { op: 'and', args };
  };
  const orExpr = (): Filter =>
    budget.nested(() => {
      const args = [andExpr()];
      while (kw('OR')) (take(), args.push(andExpr()));
      return args.length === 1 ? args[0] : { op: 'or', args };
    });
  if (toks.length === 0) throw bad('the filter is empty');
  const f = orExpr();
  if (pos !== toks.length) throw bad(`unexpected "${toks[pos].v}"`);
  countNodes(f, budget);
  return f;
}

/** CQL2 JSON (a parsed object or its text) → Filter. */
export function parseCql2Json(input: unknown, opts: CqlOptions = {}): Filter {
  const locator = opts.locator ?? 'filter';
  const bad = (why: string) => new OgcError('InvalidParameterValue', `CQL2 JSON: ${why}`, locator);
  let doc = input;
  if (typeof input === 'string') {
    if (input.length > MAX_LEN * 10) throw bad('the filter is too long');
    try {
      doc = JSON.parse(input);
    } catch {
      throw bad('not valid JSON');
    }
  }
  const srid = opts.srid ?? 4326;
  // Only called on coordinates checkGeometry has accepted, so the nesting is that of the type.
  const swapAll = (c: any): any => (typeof c[0] === 'number' ? [c[1], c[0]] : c.map(swapAll));
  const geometryOf = (v: any): Geometry | undefined => {
    if (v && typeof v === 'object' && Array.isArray(v.bbox) && !v.type) {
      const b = v.bbox.map(Number);
      if ((b.length !== 4 && b.length !== 6) || !b.every(Number.isFinite))
        throw bad('a bbox needs four or six numbers');
      const [x1, y1, x2, y2] = b.length === 6 ? [b[0], b[1], b[3], b[4]] : b;
      const ring = [
        [x1, y1],
        [x2, y1],
        [x2, y2],
        [x1, y2],
        [x1, y1],
      ];
      return { type: 'Polygon', coordinates: [opts.northFirst ? swapAll(ring) : ring] };
    }
    if (v && typeof v === 'object' && typeof v.type === 'string' && Array.isArray(v.coordinates)) {
      const g = checkGeometry({ type: v.type, coordinates: v.coordinates } as Geometry, bad);
      return opts.northFirst ? ({ ...g, coordinates: swapAll((g as any).coordinates) } as Geometry) : g;
    }
    return undefined;
  };
  const budget = new FilterBudget(locator, 'CQL2 JSON');
  const expr = (v: any): Expr => {
    budget.node();
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { literal: v };
    if (typeof v !== 'object') throw bad('unexpected value');
    if (typeof v.property === 'string') return { property: v.property };
    if (typeof v.date === 'string') return { literal: checkTemporal('date', v.date, bad) };
    if (typeof v.timestamp === 'string') return { literal: checkTemporal('timestamp', v.timestamp, bad) };
    if (typeof v.op === 'string' && Array.isArray(v.args) && /^(casei|accenti)$/i.test(v.op))
      return { fn: v.op, args: budget.nested(() => v.args.map(expr)) };
    if (v.function && typeof v.function.name === 'string') {
      const args = v.function.args ?? [];
      if (!Array.isArray(args)) throw bad('function args must be a list');
      return { fn: v.function.name, args: budget.nested(() => args.map(expr)) };
    }
    throw bad('unsupported expression');
  };
  const walk = (v: any): Filter => {
    budget.node();
    if (v === true) return { op: 'include' };
    if (v === false) return { op: 'exclude' };
    if (!v || typeof v !== 'object' || typeof v.op !== 'string' || !Array.isArray(v.args))
      throw bad('expected {"op": …, "args": […]}');
    const op = v.op.toLowerCase();
    const a = v.args;
    if (op === 'and' || op === 'or') return { op, args: budget.nested(() => a.map(walk)) };
    if (op === 'not') return { op: 'not', arg: budget.nested(() => walk(a[0])) };
    if (CMP[op]) return { op: 'compare', cmp: CMP[op], left: expr(a[0]), right: expr(a[1]) };
    if (op === 'like') {
      let p = a[1];
      let casei = false;
      for (let n = 0; p && typeof p === 'object' && /^(casei|accenti)$/i.test(p.op ?? ''); n++) {
        if (n >= MAX_FILTER_DEPTH) throw bad('like: the pattern is nested too deeply');
        casei ||= /^casei$/i.test(p.op);
        p = p.args?.[0];
      }
      let left = a[0];
      if (left && typeof left === 'object' && /^casei$/i.test(left.op ?? '')) ((casei = true), (left = left.args?.[0]));
      if (typeof p !== 'string') throw bad('like needs a pattern string');
      return {
        op: 'like',
        expr: expr(left),
        pattern: p,
        wildCard: '%',
        singleChar: '_',
        escapeChar: '\\',
        matchCase: !casei,
      };
    }
    if (op === 'between') return { op: 'between', expr: expr(a[0]), lower: expr(a[1]), upper: expr(a[2]) };
    if (op === 'in') {
      if (!Array.isArray(a[1])) throw bad('in needs a list');
      return { op: 'in', expr: expr(a[0]), list: budget.nested(() => a[1].map(expr)) };
    }
    if (op === 'isnull') return { op: 'isNull', expr: expr(a[0]) };
    if (SPATIAL[op]) {
      let [p, g] = a;
      let rel = SPATIAL[op];
      if (geometryOf(p) && !geometryOf(g)) {
        [p, g] = [g, p];
        rel = rel === 'within' ? 'contains' : rel === 'contains' ? 'within' : rel;
      }
      const geometry = geometryOf(g);
      if (!geometry || typeof p?.property !== 'string') throw bad(`${op} needs a property and a geometry`);
      return { op: 'spatial', rel, property: p.property, geometry: { geometry, srid } };
    }
    throw bad(`unsupported operator ${v.op}`);
  };
  return walk(doc);
}

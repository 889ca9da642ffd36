/** The one in-memory evaluator of the filter tree (types.ts), used by SLD rules, CSW and OGC API
 *  Records. It follows the same semantics as the SQL compiler (compile.ts); a property-based
 *  test (test/filter/agreement.test.ts) checks that both select the same features.
 *
 *  - NULL: a comparison, LIKE, BETWEEN or IN with a NULL (or missing) operand is false, as in
 *    SQL, and NOT of it is true (the SQL compiler writes NOT COALESCE(x, FALSE)).
 *  - Types (operands.ts): the first operand that has a type — a property or a function — sets
 *    the type of the comparison, and literals are read as that type (a literal that does not
 *    read as it is an InvalidParameterValue when the type is known up front, else the
 *    comparison is false). Operands of different families (text, number, boolean, time) compare
 *    as text. A property's type is its attribute type when the caller knows it (layers), else
 *    that of its value (number, boolean, Date; a string is text).
 *  - Text compares by Unicode code point (SQL: COLLATE "C"); numbers as numbers; booleans
 *    false < true; dates and date-times as instants (a date is its midnight UTC, a date-time
 *    without an offset is UTC).
 *  - matchCase=false (comparisons and LIKE) lower-cases both sides one code point at a time
 *    with the Unicode simple lowercase mapping (SQL: lower() and ILIKE in a UTF-8 database).
 *  - LIKE (like.ts): the tree's wildCard, singleChar and escapeChar, one character each; an
 *    escape character at the end stands for itself; the value is matched as text (numbers as
 *    their shortest decimal form, booleans as true/false). Whether LIKE is case-sensitive is
 *    the parser's choice: CQL2 is unless CASEI() or ILIKE, FES/Filter PropertyIsLike unless
 *    matchCase="false" (the schemas' default is true).
 *  - A property with several values (CSW Subject, Format) matches when any of its values does;
 *    it IS NULL when it has none.
 *  - Spatial operators test the feature's GeoJSON geometry (EPSG:4326, lon/lat) with turf;
 *    a filter geometry in another CRS is refused. A feature without geometry fails them, as in
 *    SQL. A caller that has no geometries to give (map rules: the map's bbox query has already
 *    chosen the features) gets true for every spatial operator.
 *  - Functions: upper/lower/casei (simple case mapping per code point), strLength (code
 *    points), abs; an unknown function is an InvalidParameterValue. */
import type { Geometry } from 'geojson';
import {
  bbox as turfBbox,
  bboxPolygon,
  booleanContains,
  booleanCrosses,
  booleanDisjoint,
  booleanEqual,
  booleanIntersects,
  booleanOverlap,
  booleanTouches,
  booleanWithin,
} from '@turf/turf';
import type { AttributeType } from '../catalogue/layer.js';
import { OgcError } from '../errors.js';
import { fidOf, stripPrefix } from './compile.js';
import { codePoints, compileLike, foldCodePoint } from './like.js';
import {
  BOOLEAN_WORDS,
  DATE_TIME,
  FUNCTION_TYPE,
  LITERAL_OK,
  literalProblem,
  literalType,
  operandName,
  typing,
  type LiteralValue,
  type Operand,
} from './operands.js';
import type { ComparisonOp, Envelope, Expr, Filter, GeometryLiteral, SpatialRel } from './types.js';

export type Properties = Record<string, unknown>;
export type Predicate<F> = (feature: F) => boolean;

/** How the evaluator reads a kind of feature (a property record, a catalogue record). */
export interface FeatureAccess<F> {
  /** The reader of a property; throws OgcError for a name it does not know. */
  property(name: string): (feature: F) => unknown;
  /** The property's declared type, when known; else the type of each value is used. */
  type?(name: string): AttributeType | undefined;
  /** The reader of the geometry (`name` undefined = the default one), EPSG:4326. Without it
   *  spatial operators hold (see the module comment). */
  geometry?(name: string | undefined): (feature: F) => Geometry | null | undefined;
  /** A feature-id list; default: the integer `fid` property, as the SQL compiler does. */
  ids?(ids: string[]): Predicate<F>;
  /** For a text property read often with a case-insensitive LIKE (a record's AnyText): the
   *  reader of its value already folded, `foldText(value)`, or undefined when the property
   *  has no such form (the LIKE then folds the value on every call). */
  folded?(name: string): ((feature: F) => string | null) | undefined;
}

/** Minimum x, minimum y, maximum x, maximum y. */
export type Box = [number, number, number, number];

/** Do two boxes share a point (touching counts, as with ST_Intersects)? */
export function boxesIntersect(a: readonly number[], b: readonly number[]): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** A box as a geometry: a polygon, or the line or point it shrinks to. */
export function boxGeometry(b: readonly number[]): Geometry {
  if (b[0] === b[2] && b[1] === b[3]) return { type: 'Point', coordinates: [b[0], b[1]] };
  if (b[0] === b[2] || b[1] === b[3])
    return {
      type: 'LineString',
      coordinates: [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
    };
  return bboxPolygon(b as Box).geometry;
}

function geometryIntersectsBox(g: Geometry, box: Box): boolean {
  if (g.type === 'Point') return boxesIntersect([...g.coordinates, ...g.coordinates], box);
  return boxesIntersect(turfBbox(g), box) && booleanIntersects(g, boxGeometry(box));
}

const SPATIAL: Record<SpatialRel, (a: Geometry, b: Geometry) => boolean> = {
  intersects: booleanIntersects,
  disjoint: booleanDisjoint,
  contains: booleanContains,
  within: booleanWithin,
  touches: booleanTouches,
  crosses: booleanCrosses,
  overlaps: booleanOverlap,
  equals: booleanEqual,
};

/** Simple case mapping of a string, one code point at a time. */
function mapCase(s: string, one: (c: number) => number): string {
  return String.fromCodePoint(...codePoints(s, false).map(one));
}
const lowerCase = (s: string) => mapCase(s, foldCodePoint);
const upperCase = (s: string) =>
  mapCase(s, (c) => {
    const u = String.fromCodePoint(c).toUpperCase();
    const d = u.codePointAt(0)!;
    return u.length === (d > 0xffff ? 2 : 1) ? d : c;
  });

/** A value as text, as PostgreSQL's cast to text writes it. */
function text(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

const onText = (f: (s: string) => unknown) => (a: unknown[]) => (a[0] == null ? null : f(text(a[0])));
const FUNCTIONS: Record<string, (a: unknown[]) => unknown> = {
  upper: onText(upperCase),
  strtouppercase: onText(upperCase),
  lower: onText(lowerCase),
  strtolowercase: onText(lowerCase),
  casei: onText(lowerCase),
  accenti: (a) => a[0],
  strlength: onText((s) => codePoints(s, false).length),
  abs: (a) => (a[0] == null || a[0] === '' ? null : Math.abs(Number(a[0]))),
};

/** A property by name, ignoring a namespace prefix and letter case. */
function lookup(props: Properties, name: string): unknown {
  if (name in props) return props[name];
  const local = stripPrefix(name);
  if (local in props) return props[local];
  const lower = local.toLowerCase();
  for (const k of Object.keys(props)) if (k.toLowerCase() === lower) return props[k];
  return undefined;
}

/** The type of a value whose property has no declared type. */
function typeOfValue(v: unknown): AttributeType | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Date) return 'datetime';
  return v === null || v === undefined ? undefined : 'string';
}

/** Milliseconds since 1970 (UTC); a date alone, or `dateOnly`, is its midnight UTC. */
function instant(v: unknown, dateOnly: boolean): number | undefined {
  if (v instanceof Date) return dateOnly ? Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) : v.getTime();
  const m = typeof v === 'string' ? DATE_TIME.exec(v) : null;
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '0', frac = '', zone = 'Z'] = m;
  if (dateOnly || h === undefined) return Date.UTC(+y, +mo - 1, +d);
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  const offset = z ? (z[1] === '-' ? -1 : 1) * (+z[2] * 60 + +(z[3] ?? 0)) : 0;
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, Math.round(Number(`0${frac}`) * 1000)) - offset * 60_000;
}

/** A value as the key it compares by under a type; undefined when it does not read as one. */
const KEY: Record<AttributeType, (v: unknown) => string | number | undefined> = {
  string: (v) => text(v),
  integer: (v) => KEY.number(v),
  number: (v) => {
    if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
    if (typeof v === 'bigint') return Number(v);
    return typeof v === 'string' && LITERAL_OK.number(v) ? Number(v) : undefined;
  },
  boolean: (v) => {
    const b = typeof v === 'boolean' ? v : typeof v === 'string' ? BOOLEAN_WORDS[v.trim().toLowerCase()] : undefined;
    return b === undefined ? undefined : Number(b);
  },
  date: (v) => instant(v, true),
  datetime: (v) => instant(v, false),
};

/** A literal cast to a type and then to text, as PostgreSQL writes it. */
const LITERAL_TEXT: Partial<Record<AttributeType, (key: string | number) => string>> = {
  number: (k) => String(k),
  boolean: (k) => (k ? 'true' : 'false'),
  date: (k) => new Date(k).toISOString().slice(0, 10),
};

/** Code point order (UTF-16 order differs from it only between surrogates and U+E000–U+FFFF). */
function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const CMP: Record<ComparisonOp, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

/** A compiled expression: its reader, its type when known up front, and its literal. */
interface Value<F> {
  get: (f: F) => unknown;
  type?: AttributeType;
  literal?: LiteralValue;
}

/** Every choice of one value per operand (a multi-valued property offers each of its values). */
function choices(vals: unknown[]): unknown[][] {
  let out: unknown[][] = [[]];
  for (const v of vals) {
    const opts = Array.isArray(v) ? v : [v];
    out = out.flatMap((c) => opts.map((o) => [...c, o]));
  }
  return out;
}

/** Compiles a filter once; the predicate then runs per feature. Throws OgcError (at `locator`)
 *  for what it cannot evaluate: unknown properties or functions, literals of the wrong type. */
export function compileEvaluator<F>(filter: Filter, access: FeatureAccess<F>, locator = 'filter'): Predicate<F> {
  const bad = (msg: string) => new OgcError('InvalidParameterValue', msg, locator);

  const value = (e: Expr): Value<F> => {
    if ('literal' in e) return { get: () => e.literal, literal: e.literal };
    if ('property' in e) return { get: access.property(e.property), type: access.type?.(e.property) };
    const f = FUNCTIONS[e.fn.toLowerCase()];
    if (!f) throw bad(`Unsupported function ${e.fn}`);
    const args = e.args.map(value);
    const type = FUNCTION_TYPE[e.fn.toLowerCase()];
    return {
      type,
      get: (x) => {
        const vs = args.map((a) => a.get(x));
        return Array.isArray(vs[0]) ? vs[0].map((v) => f([v, ...vs.slice(1)])) : f(vs);
      },
    };
  };

  /** Keys of one choice of operand values, typed together; a key is undefined where the value
   *  is NULL or does not read as the comparison's type. */
  const keysOf = (ops: Value<F>[], vals: unknown[], fold: boolean): Array<string | number | undefined> => {
    const operands: Operand[] = ops.map((o, i) =>
      o.literal !== undefined ? { literal: o.literal } : { type: o.type ?? typeOfValue(vals[i]) },
    );
    const t = typing(operands);
    return vals.map((v, i) => {
      if (v === null || v === undefined) return undefined;
      const typed = operands[i].type;
      const own = typed ?? t.castTo ?? literalType(v as string | number | boolean);
      const k = KEY[own](v);
      if (k === undefined) return undefined;
      const key = !t.asText ? k : typed !== undefined ? text(v) : (LITERAL_TEXT[own]?.(k) ?? text(v));
      return fold && t.as === 'string' ? lowerCase(String(key)) : key;
    });
  };
  const order = (a: string | number, b: string | number) =>
    typeof a === 'string' && typeof b === 'string' ? compareText(a, b) : a < b ? -1 : a > b ? 1 : 0;

  /** Literals checked once against the type set by the operands, where it is known up front. */
  const checkLiterals = (es: Expr[], ops: Value<F>[], what: string) => {
    const i = ops.findIndex((o) => o.literal === undefined);
    const type = ops[i]?.type;
    if (!type) return;
    const about = operandName(es[i]);
    for (const o of ops) {
      const problem =
        o.literal !== undefined && o.literal !== null ? literalProblem(o.literal, type, what, about) : undefined;
      if (problem) throw bad(problem);
    }
  };

  /** A test over operands that holds when it holds for some choice of their values. */
  const over = (
    es: Expr[],
    what: string,
    fold: boolean,
    test: (keys: Array<string | number | undefined>) => boolean,
  ): Predicate<F> => {
    const ops = es.map(value);
    checkLiterals(es, ops, what);
    return (f) => choices(ops.map((o) => o.get(f))).some((vals) => test(keysOf(ops, vals, fold)));
  };
  const known = (keys: Array<string | number | undefined>): keys is Array<string | number> =>
    keys.every((k) => k !== undefined);

  const geometryReader = (property?: string) => access.geometry?.(property);
  const literalGeometry = (g: GeometryLiteral | Envelope): void => {
    if (g.srid !== 4326)
      throw bad(`Filters on catalogue records and map rules take EPSG:4326 coordinates, not EPSG:${g.srid}`);
  };
  const spatial = (property: string | undefined, test: (g: Geometry) => boolean): Predicate<F> => {
    const read = geometryReader(property);
    if (!read) return () => true;
    return (f) => {
      const g = read(f);
      if (g === undefined) return true;
      if (g === null) return false;
      try {
        return test(g);
      } catch {
        throw bad(`This spatial test is not supported on ${g.type} geometries here`);
      }
    };
  };

  const walk = (f: Filter): Predicate<F> => {
    switch (f.op) {
      case 'and': {
        const ps = f.args.map(walk);
        return (x) => ps.every((p) => p(x));
      }
      case 'or': {
        const ps = f.args.map(walk);
        return (x) => ps.some((p) => p(x));
      }
      case 'not': {
        const p = walk(f.arg);
        return (x) => !p(x);
      }
      case 'include':
        return () => true;
      case 'exclude':
        return () => false;
      case 'compare': {
        const test = CMP[f.cmp];
        return over(
          [f.left, f.right],
          'a comparison',
          f.matchCase === false,
          (k) => known(k) && test(order(k[0], k[1])),
        );
      }
      case 'between':
        return over(
          [f.expr, f.lower, f.upper],
          'BETWEEN',
          false,
          (k) => known(k) && order(k[0], k[1]) >= 0 && order(k[0], k[2]) <= 0,
        );
      case 'in':
        // A NULL in the list matches nothing, and the others still may (as in SQL).
        return over(
          [f.expr, ...f.list],
          'IN',
          false,
          ([v, ...list]) => v !== undefined && list.some((l) => l !== undefined && order(v, l) === 0),
        );
      case 'like': {
        const read = value(f.expr);
        const like = compileLike(f.pattern, f);
        const folded = like.folds && 'property' in f.expr ? access.folded?.(f.expr.property) : undefined;
        if (folded)
          return (x) => {
            const t = folded(x);
            return t !== null && like.text(t);
          };
        return (x) => {
          const v = read.get(x);
          return (Array.isArray(v) ? v : [v]).some((one) => one !== null && one !== undefined && like(text(one)));
        };
      }
      case 'isNull': {
        const read = value(f.expr);
        return (x) => {
          const v = read.get(x);
          return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
        };
      }
      case 'bbox': {
        literalGeometry(f.envelope);
        const box: Box = [f.envelope.minx, f.envelope.miny, f.envelope.maxx, f.envelope.maxy];
        return spatial(f.property, (g) => geometryIntersectsBox(g, box));
      }
      case 'spatial': {
        literalGeometry(f.geometry);
        const test = SPATIAL[f.rel];
        const lit = f.geometry.geometry;
        return spatial(f.property, (g) => test(g, lit));
      }
      case 'dwithin':
      case 'beyond':
        if (geometryReader(f.property))
          throw bad('DWithin and Beyond are not supported on catalogue records and map rules');
        return () => true;
      case 'ids': {
        if (access.ids) return access.ids(f.ids);
        const fid = access.property('fid');
        const nums = f.ids.map(fidOf).filter((n): n is number => n !== undefined);
        return (x) => nums.includes(Number(fid(x)));
      }
    }
  };
  return walk(filter);
}

/** A feature as a property record, with its geometry when the caller has one. */
export interface PlainFeature {
  properties: Properties;
  geometry?: Geometry | null;
}

/** Access to plain features: properties by name (prefix and letter case ignored), `types`
 *  declared where known; `geometries` false for callers that have none to give. */
export function plainAccess(opts: {
  types?: Record<string, AttributeType>;
  geometries: boolean;
}): FeatureAccess<PlainFeature> {
  const types = new Map(Object.entries(opts.types ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    property: (name) => (f) => lookup(f.properties, name),
    type: (name) => types.get(stripPrefix(name).toLowerCase()),
    ...(opts.geometries ? { geometry: () => (f: PlainFeature) => f.geometry } : {}),
  };
}

const WITHOUT_GEOMETRY = plainAccess({ geometries: false });
const WITH_GEOMETRY = plainAccess({ geometries: true });
/** Compiled filters of map rules and other repeated callers, per filter object. */
const compiled = new WeakMap<Filter, { plain?: Predicate<PlainFeature>; spatial?: Predicate<PlainFeature> }>();

/** Does the feature with these properties (and geometry, if given) pass the filter? Without a
 *  geometry, spatial operators hold (map rules). A filter that cannot be evaluated (an unknown
 *  function) matches nothing, so that a map still draws. */
export function evaluate(filter: Filter, props: Properties, geometry?: Geometry | null): boolean {
  const slot = geometry === undefined ? 'plain' : 'spatial';
  let entry = compiled.get(filter);
  if (!entry) compiled.set(filter, (entry = {}));
  let p = entry[slot];
  if (!p) {
    try {
      p = compileEvaluator(filter, slot === 'plain' ? WITHOUT_GEOMETRY : WITH_GEOMETRY);
    } catch (e) {
      if (!(e instanceof OgcError)) throw e;
      p = () => false;
    }
    entry[slot] = p;
  }
  return p({ properties: props, geometry });
}

/** The SQL compiler (data/query/compile.ts) and the in-memory evaluator (data/query/evaluate.ts)
 *  select the same features: generated filters over generated feature sets (nulls, non-ASCII
 *  text, wildcard characters in values, points) on the test backend. */
import { expect } from 'chai';
import fc from 'fast-check';
import type { Geometry, Point } from 'geojson';
import type { AttributeType } from '../../data/catalogue/layer.js';
import { openDatabase } from '../../data/db/open.js';
import type { Db } from '../../data/db/types.js';
import { OgcError } from '../../data/errors.js';
import { compileFilter } from '../../data/query/compile.js';
import { compileEvaluator, plainAccess } from '../../data/query/evaluate.js';
import type { ComparisonOp, Expr, Filter, SpatialRel } from '../../data/query/types.js';
import { testDatabase } from '../support/context.js';

const COLUMNS: Record<string, AttributeType> = {
  s: 'string',
  t: 'string',
  n: 'number',
  i: 'integer',
  b: 'boolean',
  d: 'date',
};
const SQL_TYPE: Record<AttributeType, string> = {
  string: 'text',
  number: 'double precision',
  integer: 'integer',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};
const NAMES = Object.keys(COLUMNS);

const resolver = (name: string) => {
  if (name === 'fid') return { sql: 'fid', type: 'integer' as const };
  if (name === 'geom') return { sql: 'geom', geometry: true };
  const type = COLUMNS[name];
  if (!type) throw new OgcError('InvalidParameterValue', `Unknown ${name}`, 'filter');
  return { sql: `"${name}"`, type };
};
const access = plainAccess({ types: COLUMNS, geometries: true });

// Values: letters that change under case mapping (also outside ASCII, and İ whose full
// lowercase is two characters), wildcard and escape characters, an astral character, digits.
const CHARS = [
  'a',
  'b',
  'A',
  'B',
  'é',
  'É',
  'σ',
  'Σ',
  'İ',
  'i',
  'ß',
  '%',
  '_',
  '*',
  '?',
  '!',
  '\\',
  '😀',
  '中',
  ' ',
  '1',
  '0',
  '-',
];
/** Short words over few letters (so that values and literals often meet, also up to case) or
 *  longer ones over every character. */
const text = fc
  .oneof(
    fc.array(fc.constantFrom('a', 'A', 'σ', 'Σ', 'İ', 'i', 'é', 'É'), { maxLength: 2 }),
    fc.array(fc.constantFrom(...CHARS), { maxLength: 5 }),
  )
  .map((cs) => cs.join(''));
const half = fc.integer({ min: -6, max: 24 }).map((x) => x / 2);
const int = fc.integer({ min: -3, max: 12 });
const DATES = ['2019-12-31', '2020-01-01', '2020-01-15', '2021-06-30'];
const coord = fc.integer({ min: 0, max: 20 }).map((x) => x / 2);

const VALUE: Record<string, fc.Arbitrary<unknown>> = {
  s: text,
  t: fc.oneof(text, fc.constantFrom('10', '9', '1.5', '2020-01-01', 'true')),
  n: half,
  i: int,
  b: fc.boolean(),
  d: fc.constantFrom(...DATES),
};
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });

interface Row {
  fid: number;
  props: Record<string, unknown>;
  geometry: Point | null;
}
const rows = fc
  .array(
    fc.record({
      ...Object.fromEntries(NAMES.map((n) => [n, orNull(VALUE[n])])),
      geometry: orNull(fc.tuple(coord, coord)),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rs) =>
    rs.map(({ geometry, ...props }, k): Row => ({
      fid: k + 1,
      props,
      geometry: geometry ? { type: 'Point', coordinates: geometry as number[] } : null,
    })),
  );

/** A literal for a column of this type, as the parsers make them (numbers as numbers or text). */
const LITERAL: Record<string, fc.Arbitrary<string | number | boolean>> = {
  s: text,
  t: fc.oneof(text, fc.constantFrom('10', '9', '2020-01-01')),
  n: fc.oneof(half, half.map(String)),
  i: fc.oneof(int, half, int.map(String)),
  b: fc.oneof(fc.boolean(), fc.constantFrom('yes', 'no', 't', 'false')),
  d: fc.oneof(fc.constantFrom(...DATES), fc.constantFrom('2020-01-01T10:00:00Z', '2020-1-15')),
};
// Text columns twice as often: case and code point order matter most there.
const column = fc.constantFrom('s', 't', ...NAMES);
const literalFor = (c: string): fc.Arbitrary<Expr> =>
  fc.oneof(
    { weight: 8, arbitrary: LITERAL[c].map((literal) => ({ literal })) },
    { weight: 1, arbitrary: fc.constant({ literal: null }) },
    // Now and then one that does not read as the column's type: both sides must refuse it.
    { weight: 1, arbitrary: fc.constantFrom('x', '1e', '').map((literal) => ({ literal })) },
  );
/** A column, or a function of one. */
const operand = (c: string): fc.Arbitrary<Expr> => {
  const p = { property: c };
  if (COLUMNS[c] === 'string')
    return fc.constantFrom<Expr>(
      p,
      p,
      p,
      p,
      { fn: 'lower', args: [p] },
      { fn: 'casei', args: [p] },
      { fn: 'strLength', args: [p] },
    );
  if (COLUMNS[c] === 'number') return fc.constantFrom<Expr>(p, p, p, { fn: 'abs', args: [p] });
  return fc.constant(p);
};

const compare: fc.Arbitrary<Filter> = fc.oneof(
  {
    weight: 3,
    arbitrary: column.chain((c) =>
      fc.record({
        op: fc.constant('compare' as const),
        cmp: fc.constantFrom<ComparisonOp>('=', '<>', '<', '<=', '>', '>='),
        left: operand(c),
        right: literalFor(c),
        matchCase: fc.boolean(),
      }),
    ),
  },
  // Two columns, also of different kinds (then both compare as text).
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('compare' as const),
      cmp: fc.constantFrom<ComparisonOp>('=', '<>', '<', '>='),
      left: column.map((property) => ({ property })),
      right: column.map((property) => ({ property })),
      matchCase: fc.boolean(),
    }),
  },
);
const like: fc.Arbitrary<Filter> = fc
  .record({
    wildCard: fc.constantFrom('%', '*'),
    singleChar: fc.constantFrom('_', '?', '.'),
    escapeChar: fc.constantFrom('\\', '!'),
  })
  .chain((o) =>
    fc.record({
      op: fc.constant('like' as const),
      expr: column.chain(operand),
      pattern: fc
        .array(fc.constantFrom(...CHARS, o.wildCard, o.wildCard, o.singleChar, o.escapeChar), { maxLength: 6 })
        .map((cs) => cs.join('')),
      wildCard: fc.constant(o.wildCard),
      singleChar: fc.constant(o.singleChar),
      escapeChar: fc.constant(o.escapeChar),
      matchCase: fc.boolean(),
    }),
  );
const between: fc.Arbitrary<Filter> = column.chain((c) =>
  fc.record({ op: fc.constant('between' as const), expr: operand(c), lower: literalFor(c), upper: literalFor(c) }),
);
const inList: fc.Arbitrary<Filter> = column.chain((c) =>
  fc.record({ op: fc.constant('in' as const), expr: operand(c), list: fc.array(literalFor(c), { maxLength: 3 }) }),
);
const isNull: fc.Arbitrary<Filter> = fc.record({
  op: fc.constant('isNull' as const),
  expr: column.map((property) => ({ property })),
});
const ids: fc.Arbitrary<Filter> = fc.record({
  op: fc.constant('ids' as const),
  ids: fc.array(fc.constantFrom('1', 'agreement.2', 'x.3', '7', 'abc'), { maxLength: 3 }),
});
const box = fc.tuple(coord, coord, coord, coord).map(([a, b, c, d]) => ({
  minx: Math.min(a, c),
  miny: Math.min(b, d),
  maxx: Math.max(a, c),
  maxy: Math.max(b, d),
  srid: 4326,
}));
const bbox: fc.Arbitrary<Filter> = box.map((envelope) => ({ op: 'bbox', envelope }));
const point = fc.tuple(coord, coord).map((coordinates): Geometry => ({ type: 'Point', coordinates }));
const rectangle = box
  .filter((b) => b.minx < b.maxx && b.miny < b.maxy)
  .map((b): Geometry => ({
    type: 'Polygon',
    coordinates: [
      [
        [b.minx, b.miny],
        [b.maxx, b.miny],
        [b.maxx, b.maxy],
        [b.minx, b.maxy],
        [b.minx, b.miny],
      ],
    ],
  }));
const spatial: fc.Arbitrary<Filter> = fc
  .record({ rel: fc.constantFrom<SpatialRel>('intersects', 'disjoint', 'within'), at: fc.oneof(point, rectangle) })
  .map(({ rel, at }) => ({ op: 'spatial', rel, geometry: { geometry: at, srid: 4326 } }));

const filter: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: compare },
    { weight: 3, arbitrary: like },
    { weight: 2, arbitrary: between },
    { weight: 2, arbitrary: inList },
    { weight: 1, arbitrary: isNull },
    { weight: 1, arbitrary: ids },
    { weight: 1, arbitrary: bbox },
    { weight: 1, arbitrary: spatial },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constantFrom('and' as const, 'or' as const),
        args: fc.array(tie('f'), { maxLength: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('not' as const), arg: tie('f') }) },
  ),
})).f;

/** The fids a filter selects, or 'refused' when it throws OgcError. */
function inMemory(f: Filter, data: Row[]): number[] | 'refused' {
  let p;
  try {
    p = compileEvaluator(f, access);
  } catch (e) {
    if (e instanceof OgcError) return 'refused';
    throw e;
  }
  return data.filter((r) => p({ properties: { ...r.props, fid: r.fid }, geometry: r.geometry })).map((r) => r.fid);
}

async function inSql(db: Db, f: Filter, data: Row[]): Promise<number[] | 'refused'> {
  const params: unknown[] = [];
  let where: string;
  try {
    where = compileFilter(f, resolver, params);
  } catch (e) {
    if (e instanceof OgcError) return 'refused';
    throw e;
  }
  await db.query('DELETE FROM agreement');
  const values: unknown[] = [];
  const tuples = data.map((r) => {
    const ps = [
      r.fid,
      ...NAMES.map((n) => r.props[n]),
      r.geometry?.coordinates[0] ?? null,
      r.geometry?.coordinates[1] ?? null,
    ].map((v) => {
      values.push(v);
      return `$${values.length}`;
    });
    const cols = ps
      .slice(0, NAMES.length + 1)
      .map((p, k) => (k === 0 ? `${p}::int` : `${p}::${SQL_TYPE[COLUMNS[NAMES[k - 1]]]}`));
    const [x, y] = ps.slice(NAMES.length + 1);
    return `(${cols.join(', ')}, ST_SetSRID(ST_MakePoint(${x}::float8, ${y}::float8), 4326))`;
  });
  await db.query(`INSERT INTO agreement (fid, ${NAMES.join(', ')}, geom) VALUES ${tuples.join(', ')}`, values);
  const r = await db.query<{ fid: number }>(`SELECT fid FROM agreement WHERE ${where} ORDER BY fid`, params);
  return r.rows.map((x) => x.fid);
}

describe('Filters: the SQL compiler and the in-memory evaluator agree', function () {
  this.timeout(300_000);
  let db: Db;
  let cleanup = async () => {};
  before(async () => {
    const t = await testDatabase();
    cleanup = t.cleanup;
    db = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: `${t.dataDir}/db` });
    const cols = NAMES.map((n) => `"${n}" ${SQL_TYPE[COLUMNS[n]]}`).join(', ');
    await db.query(`CREATE TABLE agreement (fid integer PRIMARY KEY, ${cols}, geom geometry(Point, 4326))`);
  });
  after(async () => {
    await db?.close();
    await cleanup();
  });

  it('select the same features for generated filters and feature sets', async () => {
    await fc.assert(
      fc.asyncProperty(filter, rows, async (f, data) => {
        const sql = await inSql(db, f, data);
        expect(inMemory(f, data), JSON.stringify({ filter: f, rows: data })).to.deep.equal(sql);
      }),
      { numRuns: 600, seed: 20_240_611 },
    );
  });
});

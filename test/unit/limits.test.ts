/** Filter size limits in every parser, literal checks, and the SQL compiler's refusals
 *  (data/query/limits.ts, data/query/literals.ts, data/query/compile.ts). */
import { expect } from 'chai';
import fc from 'fast-check';
import { parseCql2Json, parseCql2Text } from '../../data/query/cql2.js';
import { parseFesFilter } from '../../data/query/fes.js';
import { filterFromXml } from '../../data/query/ogc-filter.js';
import { compileFilter } from '../../data/query/compile.js';
import { OgcError } from '../../data/errors.js';
import { MAX_FILTER_DEPTH } from '../../data/query/limits.js';

const resolver = (n: string) => {
  if (n === 'n') return { sql: '"n"', type: 'integer' as const };
  if (n === 'd') return { sql: '"d"', type: 'date' as const };
  if (n === 'geom') return { sql: 'geom', geometry: true };
  if (n === 'nama') return { sql: '"nama"', type: 'string' as const };
  throw new OgcError('InvalidParameterValue', `Unknown ${n}`, 'filter');
};

/** Throws an OgcError 400 whose message matches and whose locator is `locator`. */
function refuses(f: () => unknown, words: RegExp, locator = 'filter') {
  try {
    f();
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(OgcError);
    expect((e as OgcError).status).to.equal(400);
    expect((e as Error).message).to.match(words);
    expect((e as OgcError).locator).to.equal(locator);
    return;
  }
  expect.fail('expected an OgcError');
}

describe('Filter limits and literal checks', () => {
  it('CQL2 text: NOT, parentheses, function calls and lists are all bounded in depth', () => {
    const deep = 1000;
    refuses(() => parseCql2Text(`${'NOT '.repeat(deep)}n = 1`), /nested more than/);
    refuses(() => parseCql2Text(`${'('.repeat(deep)}n = 1${')'.repeat(deep)}`), /nested more than/);
    refuses(() => parseCql2Text(`${'('.repeat(deep)}n${')'.repeat(deep)} = 1`), /nested more than/);
    refuses(
      () => parseCql2Text(`${'upper('.repeat(deep)}nama${')'.repeat(deep)} = 'x'`, { locator: 'cql_filter' }),
      /nested more than/,
      'cql_filter',
    );
    refuses(() => parseCql2Text(`${'('.repeat(9_000)}n = 1${')'.repeat(9_000)}`), /nested more than|too long/);
    // Within the limit all of these still parse.
    const ok = MAX_FILTER_DEPTH - 4;
    expect(parseCql2Text(`${'NOT '.repeat(ok)}n = 1`).op).to.equal('not');
    expect(parseCql2Text(`${'('.repeat(ok)}n = 1${')'.repeat(ok)}`).op).to.equal('compare');
  });

  it('CQL2 text: unbalanced and random input is always an OgcError, never a crash', () => {
    const tok = fc.constantFrom(
      '(',
      ')',
      'NOT ',
      'n',
      ' = ',
      '1',
      ' AND ',
      ' OR ',
      "'a'",
      ',',
      'upper(',
      ' IN ',
      ' LIKE ',
      'DATE(',
      'POINT(',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 200 }), (parts) => {
        try {
          parseCql2Text(parts.join(''));
        } catch (e) {
          expect(e).to.be.instanceOf(OgcError);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('CQL2 JSON: nesting of operators, functions and a flat 100,000-term OR are refused', () => {
    let j: unknown = { op: '=', args: [{ property: 'n' }, 1] };
    for (let i = 0; i < 1000; i++) j = { op: 'not', args: [j] };
    refuses(() => parseCql2Json(j), /nested more than/);
    let e: unknown = { property: 'nama' };
    for (let i = 0; i < 1000; i++) e = { function: { name: 'upper', args: [e] } };
    refuses(() => parseCql2Json({ op: '=', args: [e, 'x'] }), /nested more than/);
    const t = performance.now();
    refuses(
      () =>
        parseCql2Json({
          op: 'or',
          args: Array.from({ length: 100_000 }, () => ({ op: '=', args: [{ property: 'n' }, 1] })),
        }),
      /more than 10000/,
    );
    expect(performance.now() - t).to.be.below(1_000);
    refuses(
      () =>
        parseCql2Json({ op: 's_intersects', args: [{ property: 'geom' }, { type: 'Point', coordinates: [[[[1]]]] }] }),
      /position/,
    );
    refuses(
      () =>
        parseCql2Json({
          op: 's_intersects',
          args: [{ property: 'geom' }, { type: 'GeometryCollection', coordinates: [] }],
        }),
      /unsupported geometry/,
    );
  });

  it('FES/Filter XML: depth and node count are bounded and errors carry the locator', () => {
    const not = (n: number): Record<string, unknown> => ({
      Not: n === 0 ? { PropertyIsNull: { PropertyName: 'n' } } : not(n - 1),
    });
    refuses(() => filterFromXml(not(200), 'Constraint'), /nested more than/, 'Constraint');
    const and = (n: number): Record<string, unknown> =>
      n === 0
        ? { PropertyIsNull: { PropertyName: 'n' } }
        : { And: { ...and(n - 1), PropertyIsNull: { PropertyName: 'n' } } };
    refuses(() => filterFromXml(and(200)), /nested more than/);
    refuses(
      () => filterFromXml({ Or: { ResourceId: Array.from({ length: 100_000 }, (_, i) => ({ '@rid': `x.${i}` })) } }),
      /more than 10000/,
    );
    expect(filterFromXml(not(10)).op).to.equal('not');
    refuses(
      () =>
        parseFesFilter(
          '<Filter><PropertyIsEqualTo><PropertyName>n</PropertyName><Literal>1</Literal></PropertyIsEqualTo><PropertyIsNull><PropertyName>n</PropertyName></PropertyIsNull></Filter>',
          'FILTER',
        ),
      /exactly one/,
      'FILTER',
    );
  });

  it('DATE, TIMESTAMP and geometry literals are checked while reading', () => {
    refuses(() => parseCql2Text("d = DATE('x')"), /DATE needs a date written YYYY-MM-DD/);
    refuses(() => parseCql2Text("d = DATE('2024-02-30')"), /DATE needs/);
    refuses(() => parseCql2Text("d > TIMESTAMP('2024-01-01T25:00:00Z')"), /TIMESTAMP needs/);
    refuses(() => parseCql2Json({ op: '=', args: [{ property: 'd' }, { timestamp: 'soon' }] }), /TIMESTAMP needs/);
    expect(parseCql2Text("d = DATE('2024-02-29') AND d < TIMESTAMP('2024-03-01T08:00:00Z')")).to.deep.equal({
      op: 'and',
      args: [
        { op: 'compare', cmp: '=', left: { property: 'd' }, right: { literal: '2024-02-29' } },
        { op: 'compare', cmp: '<', left: { property: 'd' }, right: { literal: '2024-03-01T08:00:00Z' } },
      ],
    });
    refuses(() => parseCql2Text('S_INTERSECTS(geom, LINESTRING(1 2))'), /2 positions/);
    refuses(() => parseCql2Text('S_INTERSECTS(geom, POLYGON((0 0, 1 0, 1 1, 0 2)))'), /end where it starts/);
    refuses(() => parseCql2Text('S_INTERSECTS(geom, POINT(1e999 0))'), /finite/);
    refuses(
      () =>
        parseFesFilter(
          '<Filter><Intersects><PropertyName>geom</PropertyName><Polygon><exterior><LinearRing><posList>0 0 1 0 1 1</posList></LinearRing></exterior></Polygon></Intersects></Filter>',
        ),
      /4 positions/,
    );
  });

  it('SQL: geometry properties are refused outside spatial operators and IS NULL', () => {
    for (const f of [
      "geom = 'abc'",
      "geom LIKE 'a%'",
      'geom BETWEEN 1 AND 2',
      "geom IN ('a')",
      "upper(geom) = 'A'",
      "'abc' <> geom",
    ]) {
      refuses(() => compileFilter(parseCql2Text(f), resolver, []), /geom is a geometry property/);
    }
    expect(compileFilter(parseCql2Text('geom IS NULL'), resolver, [])).to.equal('(geom IS NULL)');
  });

  it('SQL: literals must read as the type they are cast to; mixed kinds compare as text', () => {
    refuses(() => compileFilter(parseCql2Text("n = 'abc'"), resolver, []), /"abc" is not a number.*property n/);
    refuses(() => compileFilter(parseCql2Text("n BETWEEN 1 AND 'x'"), resolver, []), /not a number/);
    refuses(() => compileFilter(parseCql2Text("n IN (1, 'y')"), resolver, []), /not a number/);
    refuses(() => compileFilter(parseCql2Text("d = 'abc'"), resolver, []), /not a date/);
    refuses(() => compileFilter(parseCql2Text('n = 1e999'), resolver, []), /not a number/);
    refuses(() => compileFilter(parseCql2Text('abs(nama) = 1'), resolver, []), /abs\(\) needs a number/);
    const params: unknown[] = [];
    expect(compileFilter(parseCql2Text("n = '12' AND d >= '2024-01-31'"), resolver, params)).to.equal(
      '(("n" = $1::numeric) AND ("d" >= $2::date))',
    );
    expect(compileFilter(parseCql2Text("1 = 'a'"), resolver, [])).to.equal(
      '(($1::double precision)::text = ($2::text)::text)',
    );
    expect(compileFilter(parseCql2Text('n = nama'), resolver, [])).to.equal('(("n")::text = ("nama")::text)');
    expect(compileFilter(parseCql2Text("strlength(nama) > '3'"), resolver, [])).to.equal(
      '(length(("nama")::text) > $1::numeric)',
    );
  });
});

import { expect } from 'chai';
import { parseCql2Json, parseCql2Text } from '../../data/query/cql2.js';
import { parseFesFilter } from '../../data/query/fes.js';
import { boxesIntersect, compileEvaluator, evaluate, plainAccess } from '../../data/query/evaluate.js';
import { compileFilter, likePattern } from '../../data/query/compile.js';
import { OgcError } from '../../data/errors.js';

const resolver = (n: string) => {
  if (!['nama', 'n', 'geom'].includes(n)) throw new OgcError('InvalidParameterValue', `Unknown ${n}`, 'filter');
  return n === 'n'
    ? { sql: '"n"', type: 'integer' as const }
    : n === 'geom'
      ? { sql: 'geom', geometry: true }
      : { sql: `"${n}"`, type: 'string' as const };
};

describe('Filters: CQL2, FES, evaluation and SQL', () => {
  it('CQL2 text and JSON parse to the same tree', () => {
    const t = parseCql2Text("nama LIKE 'SD%' AND n BETWEEN 1 AND 5 AND nama IN ('a','b') AND NOT n IS NULL");
    expect(t).to.deep.equal({
      op: 'and',
      args: [
        {
          op: 'like',
          expr: { property: 'nama' },
          pattern: 'SD%',
          wildCard: '%',
          singleChar: '_',
          escapeChar: '\\',
          matchCase: true,
        },
        { op: 'between', expr: { property: 'n' }, lower: { literal: 1 }, upper: { literal: 5 } },
        { op: 'in', expr: { property: 'nama' }, list: [{ literal: 'a' }, { literal: 'b' }] },
        { op: 'not', arg: { op: 'isNull', expr: { property: 'n' } } },
      ],
    });
    expect(t).to.deep.equal(
      parseCql2Json({
        op: 'and',
        args: [
          { op: 'like', args: [{ property: 'nama' }, 'SD%'] },
          { op: 'between', args: [{ property: 'n' }, 1, 5] },
          { op: 'in', args: [{ property: 'nama' }, ['a', 'b']] },
          { op: 'not', args: [{ op: 'isNull', args: [{ property: 'n' }] }] },
        ],
      }),
    );
    const j = parseCql2Json({
      op: 'and',
      args: [
        { op: '=', args: [{ property: 'n' }, 3] },
        { op: 's_intersects', args: [{ property: 'geom' }, { type: 'Point', coordinates: [106.6, -6.2] }] },
      ],
    });
    expect(j).to.deep.equal(parseCql2Text('n = 3 AND S_INTERSECTS(geom, POINT(106.6 -6.2))'));
  });

  it('keeps values out of SQL and rejects unknown properties', () => {
    const params: unknown[] = [];
    const sql = compileFilter(parseCql2Text("nama = 'x'' OR 1=1 --'"), resolver, params);
    expect(sql).not.to.include('OR 1=1');
    expect(params).to.deep.equal(["x' OR 1=1 --"]);
    expect(() => compileFilter(parseCql2Text('"x; drop" = 1'), resolver, [])).to.throw(OgcError);
  });

  it('evaluates in memory like SQL would', () => {
    const f = parseCql2Text("CASEI(nama) LIKE casei('sd%') AND n >= 3");
    expect(evaluate(f, { nama: 'SD Negeri', n: 3 })).to.equal(true);
    expect(evaluate(f, { nama: 'SMP', n: 3 })).to.equal(false);
    expect(evaluate(parseCql2Text('n IS NULL'), { n: null })).to.equal(true);
    expect(likePattern('a*b.c!*', '*', '.', '!')).to.equal('a%b_c*');
  });

  it('reads FES 2.0 with lat/lon GML and Filter 1.1', () => {
    const f = parseFesFilter(
      `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-6.2 106.6</gml:pos></gml:Point></fes:Intersects></fes:Filter>`,
    );
    expect(f).to.deep.equal({
      op: 'spatial',
      rel: 'intersects',
      property: 'geom',
      geometry: { geometry: { type: 'Point', coordinates: [106.6, -6.2] }, srid: 4326 },
    });
    const g = parseFesFilter(
      `<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsEqualTo matchCase="false"><ogc:PropertyName>nama</ogc:PropertyName><ogc:Literal>SD</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>`,
    );
    expect(evaluate(g, { nama: 'sd' })).to.equal(true);
    expect(() => parseFesFilter('<!DOCTYPE a [<!ENTITY x "y">]><Filter/>')).to.throw(OgcError);
  });

  it('PropertyIsLike matches case unless matchCase is false (Filter 1.1 and FES 2.0 schemas: default true)', () => {
    const like = (ns: string, attr: string) => {
      const [p, ref] = ns === 'fes' ? ['fes', 'ValueReference'] : ['ogc', 'PropertyName'];
      const uri = ns === 'fes' ? 'http://www.opengis.net/fes/2.0' : 'http://www.opengis.net/ogc';
      return parseFesFilter(
        `<${p}:Filter xmlns:${p}="${uri}"><${p}:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"${attr}><${p}:${ref}>nama</${p}:${ref}><${p}:Literal>sd*</${p}:Literal></${p}:PropertyIsLike></${p}:Filter>`,
      );
    };
    for (const ns of ['ogc', 'fes']) {
      for (const [attr, matchCase] of [
        ['', true],
        [' matchCase="true"', true],
        [' matchCase="1"', true],
        [' matchCase="false"', false],
        [' matchCase=" 0 "', false],
      ] as const) {
        const f = like(ns, attr);
        expect(f, `${ns}${attr}`).to.include({ op: 'like', matchCase });
        expect(evaluate(f, { nama: 'SD Negeri 1' }), `${ns}${attr}`).to.equal(!matchCase);
        expect(evaluate(f, { nama: 'sd negeri 1' }), `${ns}${attr}`).to.equal(true);
      }
    }
    // The same reading for the binary comparisons, and the same answer from SQL.
    const eq = parseFesFilter(
      `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo matchCase="0"><fes:ValueReference>nama</fes:ValueReference><fes:Literal>SD</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`,
    );
    expect(evaluate(eq, { nama: 'sd' })).to.equal(true);
    expect(compileFilter(like('fes', ''), resolver, [])).to.match(/ LIKE /);
    expect(compileFilter(like('fes', ' matchCase="false"'), resolver, [])).to.match(/ ILIKE /);
  });

  it('evaluates multi-valued properties, geometries and refusals one way', () => {
    expect(evaluate(parseCql2Text("kw = 'air'"), { kw: ['jalan', 'air'] })).to.equal(true);
    expect(evaluate(parseCql2Text('kw IS NULL'), { kw: [] })).to.equal(true);
    const near = parseCql2Text('S_INTERSECTS(geom, POLYGON((0 0, 2 0, 2 2, 0 2, 0 0)))');
    expect(evaluate(near, {})).to.equal(true, 'no geometry given: the map query chose the features');
    expect(evaluate(near, {}, { type: 'Point', coordinates: [1, 1] })).to.equal(true);
    expect(evaluate(near, {}, { type: 'Point', coordinates: [3, 1] })).to.equal(false);
    expect(evaluate(near, {}, null)).to.equal(false, 'a feature without geometry, as in SQL');
    expect(evaluate(parseCql2Text('NOT (n > 3)'), { n: null })).to.equal(true, 'NOT of a comparison with NULL');
    expect(evaluate(parseCql2Text("nama < 'a'"), { nama: 'Z' })).to.equal(true, 'code point order');
    expect(evaluate({ op: 'compare', cmp: '=', left: { fn: 'nope', args: [] }, right: { literal: 1 } }, {})).to.equal(
      false,
    );
    const typed = plainAccess({ types: { n: 'integer' }, geometries: true });
    expect(() => compileEvaluator(parseCql2Text("n = 'x'"), typed)).to.throw(OgcError, /is not a number/);
    expect(() =>
      compileEvaluator({ op: 'bbox', envelope: { minx: 0, miny: 0, maxx: 1, maxy: 1, srid: 3857 } }, typed),
    ).to.throw(OgcError, /EPSG:4326/);
    expect(boxesIntersect([0, 0, 1, 1], [1, 1, 2, 2])).to.equal(true);
    expect(boxesIntersect([0, 0, 1, 1], [1.5, 0, 2, 1])).to.equal(false);
  });
});

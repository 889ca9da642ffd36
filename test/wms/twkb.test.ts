import { expect } from 'chai';
import { testNode, type TestNode } from '../support/context.js';
import { readTwkb } from '../../styles/render/twkb.js';

/** Every coordinate of a GeoJSON geometry, in order. */
function coords(g: any): number[][] {
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(coords);
  const walk = (c: any): number[][] => (typeof c[0] === 'number' ? [c.slice(0, 2)] : c.flatMap(walk));
  return g.coordinates.length ? walk(g.coordinates) : [];
}

describe('TWKB reader (map features cross from PostGIS as TWKB)', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode();
  });
  after(async () => node.stop());

  const cases = [
    'POINT(12.34 -56.78)',
    'LINESTRING(0 0, 10.05 -3.2, 300000.5 9340000.25)',
    'POLYGON((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 20 10, 20 20, 10 10))',
    'MULTIPOINT((1 2), (-3 4))',
    'MULTILINESTRING((0 0, 1 1), (5 5, 6 7.5))',
    'MULTIPOLYGON(((0 0, 4 0, 4 4, 0 0)), ((10 10, 14 10, 14 14, 10 10), (11 11, 12 11, 12 12, 11 11)))',
    'GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(2 2, 3.5 3), POLYGON((0 0, 1 0, 1 1, 0 0)))',
    'LINESTRING Z (1 2 3, 4 5 6)',
    'POINT EMPTY',
  ];

  for (const wkt of cases) {
    it(`reads ${wkt.split('(')[0].trim()} as PostGIS writes it (with and without size and bbox)`, async () => {
      for (const extra of ['', ', false, false']) {
        const sql = `SELECT ST_AsTWKB(ST_GeomFromText($1), 1${extra ? ', 0, 0' + extra.replace(/false/g, 'true') : ''}) AS t, ST_AsGeoJSON(ST_GeomFromText($1)) AS j`;
        const r = await node.ctx.db.query<{ t: Uint8Array; j: string }>(sql, [wkt]);
        const parts = readTwkb(r.rows[0].t);
        const got = [...parts.points, ...parts.lines.flat(), ...parts.polygons.flat(2)].map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
        const want = coords(JSON.parse(r.rows[0].j)).map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
        // Collections keep their order by kind here, so compare as sets.
        expect(got.map(String).sort()).to.deep.equal(want.map(String).sort());
        if (/^POLYGON/.test(wkt)) expect(parts.polygons[0]).to.have.length(2);
        if (/^MULTIPOLYGON/.test(wkt)) expect(parts.polygons.map((p) => p.length)).to.deep.equal([1, 2]);
      }
    });
  }
});

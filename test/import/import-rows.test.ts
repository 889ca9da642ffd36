import { expect } from 'chai';
import { testNode, type TestNode } from '../support/context.js';
import { importFile } from '../../data/import/import-file.js';
import { Fixtures } from './fixtures.js';

/** The import process formats a file's rows itself (copy-rows.ts) and reads each feature in few
 *  GDAL calls; what it used to leave to GDAL or to the node must still happen, batch after batch. */
describe('import: rows formatted in the import process', () => {
  let node: TestNode;
  let fx: Fixtures;
  before(async () => {
    node = await testNode();
    fx = new Fixtures();
  });
  after(async () => {
    fx.remove();
    await node.stop();
  });

  const square = (i: number, ring = true) => {
    const x = 106.6 + (i % 50) * 0.002;
    const y = -6.2 + Math.floor(i / 50) * 0.002;
    const d = 0.001;
    const pts = [`${x} ${y}`, `${x + d} ${y}`, `${x + d} ${y + d}`, `${x} ${y + d}`];
    return `(${[...pts, ...(ring ? [pts[0]] : [])].join(', ')})`;
  };

  const load = (lines: string[], name: string) =>
    importFile(node.ctx.db, {
      file: fx.write(`${name}.csv`, lines.join('\n')),
      organisation: 'dpupr',
      name,
      maxFeatures: 100_000,
      srs: 'EPSG:4326',
    });

  it('closes rings, flattens Z, counts empties, escapes text and keeps the order when a later batch widens the column to MultiPolygon', async () => {
    const n = 2500;
    const lines = ['nama,catatan,wkt'];
    for (let i = 1; i <= n; i++) {
      let wkt = `POLYGON (${square(i)})`;
      if (i === 5) wkt = `POLYGON (${square(i, false)})`;
      if (i === 7) wkt = `POLYGON Z ((106.61 -6.21 5, 106.611 -6.21 5, 106.611 -6.209 5, 106.61 -6.21 5))`;
      if (i === 9) wkt = 'POLYGON EMPTY';
      if (i === 11) wkt = '';
      // In the second batch: the first batch's rows are promoted in the table, the later ones wrapped as they are formatted.
      if (i === 1001) wkt = `MULTIPOLYGON ((${square(1)}), ((106.7 -6.1, 106.702 -6.1, 106.702 -6.099, 106.7 -6.1)))`;
      const note = i === 3 ? 'tab\there, back\\slash' : i === 4 ? '' : `catatan ${i}`;
      lines.push(`f${i},"${note}","${wkt}"`);
    }
    const { layers } = await load(lines, 'baris');
    const { layer, report } = layers[0];
    expect(layer.geometryType).to.equal('MultiPolygon');
    expect(report).to.include({ read: n, written: n - 2, empty: 2, promotedToMulti: true, repaired: 0 });

    const db = node.ctx.db;
    const kinds = await db.query<{ t: string; c: number }>(
      `SELECT GeometryType(geom) AS t, count(*)::int AS c FROM org_dpupr.baris GROUP BY 1`,
    );
    expect(kinds.rows).to.deep.equal([{ t: 'MULTIPOLYGON', c: n - 2 }]);
    const invalid = await db.query<{ c: number }>(
      `SELECT count(*)::int AS c FROM org_dpupr.baris WHERE NOT ST_IsValid(geom)`,
    );
    expect(invalid.rows[0].c).to.equal(0);

    const one = async (nama: string) =>
      (
        await db.query<{ np: number; nd: number; catatan: string | null }>(
          `SELECT ST_NPoints(geom) AS np, ST_NDims(geom) AS nd, catatan FROM org_dpupr.baris WHERE nama = $1`,
          [nama],
        )
      ).rows[0];
    expect((await one('f5')).np, 'an unclosed ring is closed').to.equal(5);
    expect((await one('f7')).nd, 'Z is dropped').to.equal(2);
    expect((await one('f1001')).np).to.equal(9);
    expect((await one('f3')).catatan).to.equal('tab\there, back\\slash');
    expect((await one('f4')).catatan).to.equal(null);

    // The table keeps the file's order: fid follows the features written.
    const order = await db.query<{ nama: string }>(`SELECT nama FROM org_dpupr.baris ORDER BY fid`);
    const want = Array.from({ length: n }, (_, k) => `f${k + 1}`).filter((s) => s !== 'f9' && s !== 'f11');
    expect(order.rows.map((r) => r.nama)).to.deep.equal(want);

    // The extent is read from the rows as they pass.
    const [minx, miny, maxx, maxy] = layer.bbox!;
    expect(minx).to.be.closeTo(106.6, 1e-9);
    expect(miny).to.be.closeTo(-6.21, 1e-9);
    expect(maxx).to.be.closeTo(106.702, 1e-9);
    expect(maxy).to.be.closeTo(-6.099, 1e-9);
  });

  it('wraps rows formatted before a batch of arcs made the column MultiLineString', async () => {
    const n = 2200;
    const lines = ['nama,wkt'];
    for (let i = 1; i <= n; i++) {
      const x = 106.6 + (i % 50) * 0.002;
      const y = -6.2 + Math.floor(i / 50) * 0.002;
      // Arcs in the second batch: PostGIS makes them a MultiLineString after the import process
      // formatted the rows of the third batch as single lines.
      const wkt =
        i === 1500
          ? `MULTICURVE (CIRCULARSTRING (${x} ${y}, ${x + 0.001} ${y + 0.001}, ${x + 0.002} ${y}))`
          : `LINESTRING (${x} ${y}, ${x + 0.001} ${y + 0.001})`;
      lines.push(`g${i},"${wkt}"`);
    }
    const { layers } = await load(lines, 'garis_busur');
    expect(layers[0].layer.geometryType).to.equal('MultiLineString');
    expect(layers[0].report).to.include({ read: n, written: n, empty: 0, promotedToMulti: true });
    const db = node.ctx.db;
    const kinds = await db.query<{ t: string; c: number }>(
      `SELECT GeometryType(geom) AS t, count(*)::int AS c FROM org_dpupr.garis_busur GROUP BY 1`,
    );
    expect(kinds.rows).to.deep.equal([{ t: 'MULTILINESTRING', c: n }]);
    const arc = await db.query<{ np: number }>(
      `SELECT ST_NPoints(geom) AS np FROM org_dpupr.garis_busur WHERE nama = 'g1500'`,
    );
    expect(arc.rows[0].np).to.be.greaterThan(3);
    const order = await db.query<{ nama: string }>(`SELECT nama FROM org_dpupr.garis_busur ORDER BY fid`);
    expect(order.rows.map((r) => r.nama)).to.deep.equal(Array.from({ length: n }, (_, k) => `g${k + 1}`));
  });
});

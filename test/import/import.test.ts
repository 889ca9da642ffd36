import { expect } from 'chai';
import { testNode, type TestNode } from '../support/context.js';
import { importFile, type ImportRequest } from '../../data/import/import-file.js';
import { OgcError } from '../../data/errors.js';
import { Fixtures, POINTS, ROADS, DISTRICTS, sourcePoints, metres, bigCsv } from './fixtures.js';

describe('import: GDAL formats, coordinate systems, all-or-nothing', () => {
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

  const load = (file: string, name: string, more: Partial<ImportRequest> = {}) =>
    importFile(node.ctx.db, { file, organisation: 'dpupr', name, maxFeatures: 100_000, ...more });

  async function refused(p: Promise<unknown>): Promise<OgcError> {
    try {
      await p;
    } catch (err) {
      expect(err).to.be.instanceOf(OgcError);
      return err as OgcError;
    }
    throw new Error('the import was not refused');
  }

  async function points(table: string) {
    const r = await node.ctx.db.query<{ id: number; name: string; lon: number; lat: number }>(
      `SELECT id, name, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM org_dpupr.${table} ORDER BY id`,
    );
    return r.rows;
  }

  async function expectWithinOneMetre(table: string) {
    const got = new Map((await points(table)).map((p) => [Number(p.id), p]));
    const want = sourcePoints();
    expect(got.size).to.equal(want.length);
    for (const p of want) expect(metres(p, got.get(p.id)!), `point ${p.id}`).to.be.below(1);
  }

  async function tableExists(table: string): Promise<boolean> {
    const r = await node.ctx.db.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [`org_dpupr.${table}`]);
    return r.rows[0].e;
  }

  for (const epsg of [23834, 9488, 23878, 32748, 4755, 3857]) {
    it(`lands a shapefile in EPSG:${epsg} within 1 m of the original points and records ${epsg}`, async () => {
      const shp = fx.ogr('ESRI Shapefile', `p${epsg}.shp`, POINTS, '-t_srs', `EPSG:${epsg}`);
      const { layers } = await load(shp, `p${epsg}`);
      expect(layers).to.have.length(1);
      expect(layers[0].layer.nativeSrid).to.equal(epsg);
      expect(layers[0].report).to.include({ read: 57, written: 57, rejected: 0, empty: 0 });
      await expectWithinOneMetre(`p${epsg}`);
    });
  }

  it('honours the legacy crs member of a GeoJSON file (else EPSG:4326 by RFC 7946)', async () => {
    const json = fx.ogr('GeoJSON', 'utm.geojson', POINTS, '-t_srs', 'EPSG:32748');
    const { layers } = await load(json, 'geojson_utm');
    expect(layers[0].layer.nativeSrid).to.equal(32748);
    await expectWithinOneMetre('geojson_utm');
  });

  it('reads a zipped shapefile in place, with its attribute types', async () => {
    const zip = fx.ogr('ESRI Shapefile', 'zipped.shp.zip', POINTS, '-t_srs', 'EPSG:23834');
    const { layers } = await load(zip, 'zipped');
    const attrs = Object.fromEntries(layers[0].layer.attributes.map((a) => [a.name, a.type]));
    expect(attrs).to.deep.equal({
      id: 'integer',
      name: 'string',
      category: 'string',
      capacity: 'integer',
      rating: 'number',
      opened: 'date',
    });
    await expectWithinOneMetre('zipped');
  });

  it('asks which dataset to take from a zip that holds several, and takes the one named', async () => {
    const { execFileSync } = await import('node:child_process');
    fx.ogr('ESRI Shapefile', 'z_titik.shp', POINTS);
    fx.ogr('ESRI Shapefile', 'z_jalan.shp', ROADS);
    execFileSync(
      'zip',
      ['-q', 'dua.zip', ...['z_titik', 'z_jalan'].flatMap((n) => ['shp', 'shx', 'dbf', 'prj'].map((e) => `${n}.${e}`))],
      { cwd: fx.dir },
    );
    const err = await refused(load(fx.path('dua.zip'), 'dua_zip'));
    expect(err.message)
      .to.contain('dua.zip holds several datasets')
      .and.to.contain('z_titik.shp')
      .and.to.contain('z_jalan.shp');
    const { layers } = await load(fx.path('dua.zip'), 'dua_zip', { layer: 'z_jalan' });
    expect(layers[0].layer).to.include({ geometryType: 'LineString', featureCount: 23 });
  });

  for (const encoding of ['CP1252', 'ISO-8859-1']) {
    it(`honours a ${encoding} .cpg (non-ASCII names arrive as UTF-8)`, async () => {
      const name = `enc_${encoding.replace(/\W/g, '').toLowerCase()}`;
      const shp = fx.ogr('ESRI Shapefile', `${name}.shp`, POINTS, '-lco', `ENCODING=${encoding}`);
      await load(shp, name);
      const want = sourcePoints().find((p) => /[^\x00-\x7f]/.test(p.name))!;
      const got = (await points(name)).find((p) => Number(p.id) === want.id)!;
      expect(got.name).to.equal(want.name);
    });
  }

  it('says when a shapefile without .cpg is not UTF-8, and reads it with --encoding', async () => {
    const shp = fx.ogr('ESRI Shapefile', 'tanpa_cpg.shp', POINTS, '-lco', 'ENCODING=CP1252');
    const { rmSync } = await import('node:fs');
    rmSync(fx.path('tanpa_cpg.cpg'));
    const guessed = await load(shp, 'tanpa_cpg');
    expect(guessed.layers[0].report.note).to.contain('not UTF-8').and.to.contain('--encoding');
    const { layers } = await load(shp, 'tanpa_cpg', { encoding: 'CP1252', replace: true });
    expect(layers[0].report.note).to.equal(undefined);
    const want = sourcePoints().find((p) => /[^\x00-\x7f]/.test(p.name))!;
    expect((await points('tanpa_cpg')).find((p) => Number(p.id) === want.id)!.name).to.equal(want.name);
    expect((await refused(load(POINTS, 'x', { encoding: 'CP1252' }))).message).to.contain('shapefiles only');
  });

  it('refuses a shapefile without .prj, saying how to fix it; --srs makes it load', async () => {
    const shp = fx.ogr('ESRI Shapefile', 'noprj.shp', POINTS, '-t_srs', 'EPSG:23834');
    const { rmSync } = await import('node:fs');
    rmSync(fx.path('noprj.prj'));
    const err = await refused(load(shp, 'noprj'));
    expect(err.message)
      .to.contain('noprj.shp')
      .and.to.contain('no coordinate system')
      .and.to.contain('.prj')
      .and.to.contain('EPSG:');
    expect(await tableExists('noprj')).to.equal(false);
    const { layers } = await load(shp, 'noprj', { srs: 'EPSG:23834' });
    expect(layers[0].layer.nativeSrid).to.equal(23834);
    await expectWithinOneMetre('noprj');
  });

  it('reads CSV lon/lat columns (refused without --srs) and WKT columns', async () => {
    const csv = fx.write('titik.csv', 'ID,Nama,Longitude,Latitude\n1,Satu,106.63,-6.17\n2,Dua,106.64,-6.18\n');
    const err = await refused(load(csv, 'titik'));
    expect(err.message).to.contain('titik.csv has no coordinate system').and.to.contain('--srs');
    const { layers } = await load(csv, 'titik', { srs: 'EPSG:4326' });
    expect(layers[0].layer.attributes.map((a) => a.name)).to.deep.equal(['id', 'nama']);
    expect(layers[0].layer.geometryType).to.equal('Point');
    expect(layers[0].layer.bbox).to.deep.equal([106.63, -6.18, 106.64, -6.17]);

    const wkt = fx.write(
      'garis.csv',
      'nama,WKT\n"A","LINESTRING (106.6 -6.2, 106.7 -6.1)"\n"B","LINESTRING (106.61 -6.21, 106.62 -6.2)"\n',
    );
    const w = await load(wkt, 'garis', { srs: 'EPSG:4326' });
    expect(w.layers[0].layer.geometryType).to.equal('LineString');
    expect(w.layers[0].report.written).to.equal(2);
  });

  it('rejects features it cannot place, with reasons; refuses a file whose every feature is rejected', async () => {
    const csv = fx.write('utm.csv', 'nama,x,y\nbaik,676994.49,9303361.36\nrusak,1e30,1e30\n');
    const { layers } = await load(csv, 'utm', { srs: 'EPSG:32748' });
    expect(layers[0].report).to.include({ read: 2, written: 1, rejected: 1 });
    expect(layers[0].report.rejections).to.have.length(1);
    expect(layers[0].report.rejections[0]).to.include({ feature: 2, line: 3 });
    expect(layers[0].report.rejections[0].reason).to.contain('cannot be transformed');
    // Metres declared as degrees: every feature is out of range, and nothing is written.
    const err = await refused(load(csv, 'utm_salah', { srs: 'EPSG:4326' }));
    expect(err.message)
      .to.contain('utm.csv: all 2 features were rejected (feature 1 (line 2): coordinates')
      .and.to.contain('is EPSG:4326 the right coordinate system?');
    expect(await tableExists('utm_salah')).to.equal(false);
  });

  it('records native CRS 0, with a note, for a CRS that has no EPSG code', async () => {
    const shp = fx.ogr(
      'ESRI Shapefile',
      'lokal.shp',
      POINTS,
      '-t_srs',
      '+proj=tmerc +lat_0=-6.2 +lon_0=106.63 +k=1 +x_0=50000 +y_0=50000 +ellps=WGS84 +units=m +no_defs',
    );
    const { layers } = await load(shp, 'lokal');
    expect(layers[0].layer.nativeSrid).to.equal(0);
    expect(layers[0].report.note).to.contain('no EPSG code');
    await expectWithinOneMetre('lokal');
  });

  it('straightens arcs and repairs/empties through the layer writer', async () => {
    const csv = fx.write(
      'campur.csv',
      'nama,wkt\nbusur,"CIRCULARSTRING (106.6 -6.2, 106.61 -6.19, 106.62 -6.2)"\ngaris,"LINESTRING (106.6 -6.2, 106.7 -6.1)"\nkosong,\n',
    );
    const { layers } = await load(csv, 'campur', { srs: 'EPSG:4326' });
    expect(layers[0].layer.geometryType).to.equal('LineString');
    expect(layers[0].report).to.include({ read: 3, written: 2, empty: 1 });
    const n = await node.ctx.db.query(`SELECT ST_NPoints(geom) AS n FROM org_dpupr.campur WHERE nama = 'busur'`);
    expect(n.rows[0].n).to.be.greaterThan(3);
  });

  it('turns every layer of a GeoPackage into a layer (suffixed), or only the one named', async () => {
    const gpkg = fx.ogr('GPKG', 'kota.gpkg', DISTRICTS, '-t_srs', 'EPSG:32748', '-nln', 'Kelurahan');
    fx.ogr('GPKG', 'kota.gpkg', ROADS, '-update', '-nln', 'jalan');
    const all = await load(gpkg, 'kota');
    expect(all.layers.map((l) => l.layer.name)).to.deep.equal(['dpupr:kota_kelurahan', 'dpupr:kota_jalan']);
    expect(all.layers.map((l) => l.layer.nativeSrid)).to.deep.equal([32748, 4326]);
    expect(all.layers[0].layer.geometryType).to.equal('Polygon');
    const bbox = all.layers[0].layer.bbox!;
    expect(bbox[0]).to.be.closeTo(106.5488, 0.001);
    expect(bbox[3]).to.be.closeTo(-6.098, 0.001);
    const one = await load(gpkg, 'jalan_saja', { layer: 'jalan' });
    expect(one.layers.map((l) => l.layer.name)).to.deep.equal(['dpupr:jalan_saja']);
    const missing = await refused(load(gpkg, 'x', { layer: 'sungai' }));
    expect(missing.message).to.contain('kota.gpkg has no layer "sungai"').and.to.contain('Kelurahan');
  });

  it('writes all layers of a file or none: a failure in the second layer leaves no first layer', async () => {
    const gpkg = fx.ogr('GPKG', 'dua.gpkg', DISTRICTS, '-nln', 'batas');
    fx.ogr('GPKG', 'dua.gpkg', ROADS, '-update', '-nln', 'jalan');
    await load(ROADS, 'dua_jalan');
    const before = node.ctx.db.query('SELECT count(*)::int AS n FROM simpul.layer');
    const err = await refused(load(gpkg, 'dua'));
    expect(err.message).to.contain('dua.gpkg, layer jalan').and.to.contain('already exists');
    expect(err.status).to.equal(409);
    expect(await tableExists('dua_batas')).to.equal(false);
    const after = await node.ctx.db.query('SELECT count(*)::int AS n FROM simpul.layer');
    expect(after.rows[0].n).to.equal((await before).rows[0].n);
  });

  it('repairs an invalid polygon (and only that one) as it loads, and counts it', async () => {
    const bowtie = [
      [106.6, -6.2],
      [106.62, -6.18],
      [106.62, -6.2],
      [106.6, -6.18],
      [106.6, -6.2],
    ];
    const square = [
      [106.63, -6.2],
      [106.64, -6.2],
      [106.64, -6.19],
      [106.63, -6.19],
      [106.63, -6.2],
    ];
    const json = fx.write(
      'persil_rusak.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [bowtie, square].map((ring, i) => ({
          type: 'Feature',
          properties: { nama: `p${i + 1}` },
          geometry: { type: 'Polygon', coordinates: [ring] },
        })),
      }),
    );
    const { layers } = await load(json, 'persil_rusak');
    expect(layers[0].report).to.include({
      read: 2,
      written: 2,
      repaired: 1,
      empty: 0,
      rejected: 0,
      promotedToMulti: true,
    });
    expect(layers[0].layer).to.include({ geometryType: 'MultiPolygon', featureCount: 2 });
    const r = await node.ctx.db.query(
      `SELECT nama, ST_IsValid(geom) AS valid, ST_NumGeometries(geom) AS parts, ST_Area(geom) AS area,
              ST_Equals(geom_3857, ST_Transform(geom, 3857)) AS mercator FROM org_dpupr.persil_rusak ORDER BY nama`,
    );
    expect(r.rows.map((x) => [x.nama, x.valid, x.parts, x.mercator])).to.deep.equal([
      ['p1', true, 2, true],
      ['p2', true, 1, true],
    ]);
    // The bow tie became its two triangles; the square was left as it was.
    expect(r.rows[0].area).to.be.closeTo(0.0002, 1e-12);
    expect(r.rows[1].area).to.be.closeTo(0.0001, 1e-12);
    const cols = await node.ctx.db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'org_dpupr' AND table_name = 'persil_rusak' ORDER BY ordinal_position`,
    );
    expect(cols.rows.map((c) => c.column_name)).to.deep.equal(['fid', 'geom', 'id', 'nama', 'geom_3857']);
  });

  it('leaves no table and no layer row when a value fails half-way through the COPY, naming file, feature and field', async () => {
    // 6,000 twelve-sided parcels: several COPY statements; feature 5,000 has a date that does not exist.
    const features = Array.from({ length: 6000 }, (_, i) => {
      const cx = 106.55 + (i % 80) * 0.0025;
      const cy = -6.26 + Math.floor(i / 80) * 0.002;
      const ring = Array.from({ length: 12 }, (_, k) => [
        cx + 0.001 * Math.cos((k * Math.PI) / 6),
        cy + 0.0008 * Math.sin((k * Math.PI) / 6),
      ]);
      ring.push(ring[0]);
      return {
        type: 'Feature',
        properties: { kode: i + 1, tanggal: i === 4999 ? '2020-02-30' : '2020-02-28' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    });
    const json = fx.write('persil_besar.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
    const before = await node.ctx.db.query('SELECT count(*)::int AS n FROM simpul.layer');
    const err = await refused(load(json, 'persil_besar'));
    expect(err.status).to.equal(400);
    expect(err.message).to.match(
      /^persil_besar\.geojson: feature 5000, field "tanggal": the value cannot be stored \(.*2020-02-30/,
    );
    expect(await tableExists('persil_besar')).to.equal(false);
    const after = await node.ctx.db.query('SELECT count(*)::int AS n FROM simpul.layer');
    expect(after.rows[0].n).to.equal(before.rows[0].n);
    expect(
      (await node.ctx.db.query("SELECT 1 FROM simpul.layer WHERE name = 'dpupr:persil_besar'")).rows,
    ).to.have.length(0);
  });

  it('enforces the feature limit with a message naming the file and limit, and leaves nothing', async () => {
    const csv = fx.write('banyak.csv', bigCsv(3000));
    const err = await refused(load(csv, 'banyak', { srs: 'EPSG:4326', maxFeatures: 2500 }));
    expect(err.status).to.equal(413);
    expect(err.message).to.contain('banyak.csv').and.to.contain('2500');
    expect(await tableExists('banyak')).to.equal(false);
  });

  it('refuses unknown formats, missing files and unknown EPSG codes clearly', async () => {
    expect((await refused(load(fx.write('catatan.txt', 'halo'), 'c'))).message)
      .to.contain('catatan.txt')
      .and.to.contain('.shp');
    expect((await refused(load(fx.path('tidak-ada.shp'), 'c'))).message).to.contain('tidak-ada.shp: no such file');
    expect((await refused(load(POINTS, 'c', { srs: 'EPSG:999999' }))).message).to.contain('EPSG:999999');
    expect((await refused(load(POINTS, 'c', { srs: 'utm48' }))).message).to.contain('EPSG:');
    const broken = fx.write('rusak.geojson', '{"type": "FeatureCollection", "features": [');
    expect((await refused(load(broken, 'c'))).message).to.contain('rusak.geojson');
  });

  it('reads KML and KMZ (EPSG:4326 by definition)', async () => {
    const kml = fx.ogr('KML', 'jalan.kml', ROADS);
    const a = await load(kml, 'kml_jalan');
    expect(a.layers[0].layer).to.include({ geometryType: 'LineString', nativeSrid: 4326, featureCount: 23 });
    const kmz = fx.ogr('LIBKML', 'titik.kmz', POINTS);
    await load(kmz, 'kmz_titik');
    await expectWithinOneMetre('kmz_titik');
  });

  it('reads GML with its srsName', async () => {
    const gml = fx.ogr('GML', 'kelurahan.gml', DISTRICTS, '-t_srs', 'EPSG:32748');
    const { layers } = await load(gml, 'gml_kelurahan');
    expect(layers[0].layer).to.include({ geometryType: 'Polygon', nativeSrid: 32748, featureCount: 13 });
    expect(layers[0].layer.bbox![0]).to.be.closeTo(106.5488, 0.001);
    // GML does not know its count before reading: the limit stops the write half-way, and nothing stays.
    const err = await refused(load(gml, 'gml_batas', { maxFeatures: 10 }));
    expect(err.status).to.equal(413);
    expect(err.message).to.contain('kelurahan.gml').and.to.contain('10 features');
    expect(await tableExists('gml_batas')).to.equal(false);
  });

  it('reads an Esri File Geodatabase folder and a zipped one', async () => {
    const gdb = fx.ogr('OpenFileGDB', 'jalan.gdb', ROADS, '-t_srs', 'EPSG:23878', '-nln', 'jalan');
    const { layers } = await load(gdb, 'gdb_jalan');
    expect(layers[0].layer).to.include({ nativeSrid: 23878, featureCount: 23 });
    const { execFileSync } = await import('node:child_process');
    execFileSync('zip', ['-qr', 'jalan.gdb.zip', 'jalan.gdb'], { cwd: fx.dir });
    const zipped = await load(fx.path('jalan.gdb.zip'), 'gdb_zip');
    expect(zipped.layers[0].layer.featureCount).to.equal(23);
  });

  it('reads DXF drawings, which need --srs', async () => {
    const dxf = fx.ogr('DXF', 'jalan.dxf', ROADS, '-t_srs', 'EPSG:23834');
    expect((await refused(load(dxf, 'dxf_jalan'))).message).to.contain('jalan.dxf has no coordinate system');
    const { layers } = await load(dxf, 'dxf_jalan', { srs: 'EPSG:23834' });
    expect(layers[0].layer).to.include({ nativeSrid: 23834, featureCount: 23, geometryType: 'LineString' });
    expect(layers[0].layer.bbox![0]).to.be.closeTo(106.55, 1e-6);
  });
});

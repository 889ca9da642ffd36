import { expect } from 'chai';
import { migrate } from '../../data/migrations/run.js';
import { MIGRATIONS } from '../../data/migrations/index.js';
import { writeLayer } from '../../data/layers/write.js';
import { OgcError } from '../../data/errors.js';
import { ORGANISATIONS } from '../../data/organisations.js';
import { BACKEND } from '../support/backend.js';
import { testNode, type TestNode } from '../support/context.js';

describe(`database (${BACKEND})`, () => {
  let node: TestNode;
  before(async () => {
    node = await testNode();
  });
  after(async () => node.stop());

  it('has run every migration once, and running them again changes nothing', async () => {
    const r = await node.ctx.db.query<{ version: number }>('SELECT version FROM simpul.migration ORDER BY version');
    expect(r.rows.map((x) => x.version)).to.deep.equal(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    expect(await migrate(node.ctx.db)).to.deep.equal([]);
  });

  it('seeds the 40 Perangkat Daerah and 3 BUMD with the data roles', async () => {
    const r = await node.ctx.db.query<{ type: string; n: number }>(
      'SELECT type, count(*)::int AS n FROM simpul.organisation GROUP BY type ORDER BY type COLLATE "C"',
    );
    expect(r.rows).to.deep.equal([
      { type: 'BUMD', n: 3 },
      { type: 'PD', n: 27 },
      { type: 'kecamatan', n: 13 },
    ]);
    expect(ORGANISATIONS.find((o) => o.dataRole === 'walidata')?.code).to.equal('diskominfo');
    expect(ORGANISATIONS.find((o) => o.dataRole === 'pembina')?.code).to.equal('bappeda');
  });

  it('knows the Indonesian CRSs, including SRGI2013 which PostGIS lacks', async () => {
    const r = await node.ctx.db.query<{ srid: number }>(
      'SELECT srid FROM spatial_ref_sys WHERE srid = ANY($1::int[]) ORDER BY srid',
      [[4326, 3857, 4755, 9470, 9488, 23834, 23878, 32748]],
    );
    expect(r.rows.map((x) => x.srid)).to.deep.equal([3857, 4326, 4755, 9470, 9488, 23834, 23878, 32748]);
    const t = await node.ctx.db.query<{ x: number; y: number }>(
      'SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(106.63, -6.17), 4326), 9488) AS g) s',
    );
    expect(t.rows[0].x).to.be.closeTo(680000, 20000);
  });

  it('stores each layer in its organisation schema with an integer key and a GiST index', async () => {
    const l = node.ctx.catalogue.unguardedGet('dindik:sekolah')!;
    expect(l.schema).to.equal('org_dindik');
    const idx = await node.ctx.db.query(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = 'org_dindik' AND tablename = 'sekolah'",
    );
    expect(idx.rows.map((r: any) => r.indexdef).join('\n')).to.match(/USING gist \(geom\)/);
    const pk = await node.ctx.db.query(
      "SELECT data_type FROM information_schema.columns WHERE table_schema = 'org_dindik' AND table_name = 'sekolah' AND column_name = 'fid'",
    );
    expect(pk.rows[0].data_type).to.equal('integer');
  });

  it('keeps an EPSG:3857 copy of every geometry, which follows edits; only geom is indexed', async () => {
    const l = node.ctx.catalogue.unguardedGet('dindik:sekolah')!;
    const t = `"${l.schema}"."${l.table}"`;
    const idx = await node.ctx.db.query(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = 'org_dindik' AND tablename = 'sekolah'",
    );
    expect(idx.rows.map((r: any) => r.indexdef).join('\n')).to.not.match(/geom_3857/);
    const off = async () =>
      (
        await node.ctx.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${t} WHERE ST_SRID(geom_3857) <> 3857 OR NOT ST_Equals(ST_SnapToGrid(geom_3857, 0.001), ST_SnapToGrid(ST_Transform(geom, 3857), 0.001))`,
        )
      ).rows[0].n;
    expect(await off()).to.equal(0);
    const fid = (await node.ctx.db.query<{ fid: number }>(`SELECT min(fid) AS fid FROM ${t}`)).rows[0].fid;
    await node.ctx.db.query(`UPDATE ${t} SET geom = ST_SetSRID(ST_MakePoint(106.7, -6.2), 4326) WHERE fid = $1`, [fid]);
    const x = (await node.ctx.db.query<{ x: number }>(`SELECT ST_X(geom_3857) AS x FROM ${t} WHERE fid = $1`, [fid]))
      .rows[0].x;
    expect(x).to.be.closeTo((106.7 * Math.PI * 6378137) / 180, 0.01);
    expect(await off()).to.equal(0);
  });

  it('adds the EPSG:3857 column to layer tables written before it existed (migration 101, a table at a time)', async () => {
    const l = node.ctx.catalogue.unguardedGet('dpupr:jalan')!;
    const t = `"${l.schema}"."${l.table}"`;
    // A table from before: no column, nor the triggers that keep it following geom.
    await node.ctx.db.query(`ALTER TABLE ${t} DROP COLUMN geom_3857 CASCADE`);
    await node.ctx.db.query('DELETE FROM simpul.migration WHERE version = 101');
    expect(await migrate(node.ctx.db)).to.deep.equal([101]);
    const r = await node.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE geom_3857 IS NOT NULL`);
    expect(r.rows[0].n).to.equal(l.featureCount);
    expect(await migrate(node.ctx.db)).to.deep.equal([]);
  });

  it("drops the EPSG:3857 column's own index from layer tables written with one (migration 103)", async () => {
    const l = node.ctx.catalogue.unguardedGet('dpupr:jalan')!;
    const t = `"${l.schema}"."${l.table}"`;
    const indexes = async () =>
      (
        await node.ctx.db.query<{ indexdef: string }>(
          'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname',
          [l.schema, l.table],
        )
      ).rows.map((r) => r.indexdef);
    await node.ctx.db.query(`CREATE INDEX "${l.table}_geom_3857_idx" ON ${t} USING gist (geom_3857)`);
    expect((await indexes()).join('\n')).to.match(/USING gist \(geom_3857\)/);
    await node.ctx.db.query('DELETE FROM simpul.migration WHERE version = 103');
    expect(await migrate(node.ctx.db)).to.deep.equal([103]);
    const left = await indexes();
    expect(left.join('\n')).to.not.match(/geom_3857/);
    expect(left.join('\n')).to.match(/USING gist \(geom\)/);
    expect(await migrate(node.ctx.db)).to.deep.equal([]);
  });

  it('computes count and extent when data is written, not when asked', () => {
    const l = node.ctx.catalogue.unguardedGet('bappeda:batas_kelurahan')!;
    expect(l.featureCount).to.equal(104);
    expect(l.bbox![0]).to.be.within(106.5, 106.6);
    expect(l.bbox![3]).to.be.within(-6.15, -6.05);
  });

  it('writes a layer all-or-nothing: a failure half-way leaves no table and no row', async () => {
    async function* batches() {
      yield [{ geojson: { type: 'Point', coordinates: [106.6, -6.2] }, properties: { nama: 'a' } }];
      throw new Error('source broke half-way');
    }
    let failed = false;
    try {
      await writeLayer(
        node.ctx.db,
        {
          organisation: 'dlh',
          localName: 'rusak',
          title: 'Rusak',
          nativeSrid: 4326,
          attributes: [{ name: 'nama', type: 'string' }],
        },
        batches(),
      );
    } catch (err) {
      failed = /half-way/.test((err as Error).message);
    }
    expect(failed).to.equal(true);
    const t = await node.ctx.db.query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = 'org_dlh' AND table_name = 'rusak'",
    );
    const c = await node.ctx.db.query("SELECT 1 FROM simpul.layer WHERE name = 'dlh:rusak'");
    expect(t.rows).to.have.length(0);
    expect(c.rows).to.have.length(0);
  });

  it('repairs invalid geometries, promotes mixed single/multi and reports empties', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [106.6, -6.2],
          [106.62, -6.18],
          [106.62, -6.2],
          [106.6, -6.18],
          [106.6, -6.2],
        ],
      ],
    };
    const single = {
      type: 'Polygon',
      coordinates: [
        [
          [106.65, -6.2],
          [106.66, -6.2],
          [106.66, -6.19],
          [106.65, -6.2],
        ],
      ],
    };
    const square = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [106.63, -6.2],
            [106.64, -6.2],
            [106.64, -6.19],
            [106.63, -6.19],
            [106.63, -6.2],
          ],
        ],
      ],
    };
    const { layer, report } = await writeLayer(
      node.ctx.db,
      {
        organisation: 'dlh',
        localName: 'campur',
        title: 'Campur',
        nativeSrid: 4326,
        attributes: [{ name: 'nama', type: 'string' }],
      },
      [
        [
          { geojson: bowtie, properties: { nama: 'bowtie' } },
          { geojson: square, properties: { nama: 'multi' } },
          { geojson: single, properties: { nama: 'single' } },
          { geojson: null, properties: { nama: 'kosong' } },
        ],
      ],
    );
    expect(report).to.include({ read: 4, written: 3, repaired: 1, empty: 1, promotedToMulti: true });
    expect(layer.geometryType).to.equal('MultiPolygon');
    const valid = await node.ctx.db.query('SELECT bool_and(ST_IsValid(geom)) AS ok FROM org_dlh.campur');
    expect(valid.rows[0].ok).to.equal(true);
  });

  it('refuses a layer name that already exists unless asked to replace it, keeping its UUID', async () => {
    const spec = { organisation: 'dlh', localName: 'ganti', title: 'Ganti', nativeSrid: 4326, attributes: [] };
    const pt = [[{ geojson: { type: 'Point', coordinates: [106.6, -6.2] }, properties: {} }]];
    const first = await writeLayer(node.ctx.db, spec, pt);
    let refused = false;
    try {
      await writeLayer(node.ctx.db, spec, pt);
    } catch (err) {
      refused = err instanceof OgcError;
    }
    expect(refused).to.equal(true);
    const second = await writeLayer(node.ctx.db, spec, pt, { replace: true });
    expect(second.layer.id).to.equal(first.layer.id);
    expect(second.layer.dataVersion).to.equal(first.layer.dataVersion + 1);
  });

  if (BACKEND === 'postgis') {
    it('reconnects after the server drops its connections (as after a restart)', async () => {
      await node.ctx.db.query('SELECT 1');
      const admin = await import('pg');
      const c = new admin.default.Client({ connectionString: node.ctx.config.databaseUrl! });
      await c.connect();
      await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      await c.end();
      // The first query may land on a dead pooled connection; the pool drops it and the next works.
      let ok = false;
      for (let i = 0; i < 3 && !ok; i++) ok = await node.ctx.db.ping();
      expect(ok).to.equal(true);
      expect((await node.ctx.db.query('SELECT 2 AS two')).rows[0].two).to.equal(2);
    });

    it('cancels statements that run past the statement timeout', async () => {
      const { openPostgres } = await import('../../data/db/postgres.js');
      const db = await openPostgres({ url: node.ctx.config.databaseUrl!, statementTimeoutMs: 200 });
      let code = '';
      try {
        await db.query('SELECT pg_sleep(2)');
      } catch (err) {
        code = (err as any).code;
      }
      await db.close();
      expect(code).to.equal('57014');
    });
  }
});

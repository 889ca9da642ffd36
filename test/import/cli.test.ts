import { expect } from 'chai';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { testDatabase } from '../support/context.js';
import { cliEnv, runCli, spawnCli } from '../support/cli.js';
import { openDatabase } from '../../data/db/open.js';
import type { Queryable } from '../../data/db/types.js';
import { Fixtures, POINTS, bigCsv } from './fixtures.js';

/** Runs fn against the test database, opened only after the CLI has gone. */
async function withDb<T>(
  target: { databaseUrl: string | null; dataDir: string },
  fn: (q: Queryable) => Promise<T>,
): Promise<T> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      return await fn({
        query: async (sql, params) => {
          const r = await client.query(sql, params as unknown[]);
          return { rows: r.rows, rowCount: r.rowCount ?? 0 };
        },
      });
    } finally {
      await client.end();
    }
  }
  const db = await openDatabase({ dataDir: `${target.dataDir}/db` });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('import: the simpul import command', () => {
  let target: Awaited<ReturnType<typeof testDatabase>>;
  let env: NodeJS.ProcessEnv;
  let fx: Fixtures;
  before(async () => {
    target = await testDatabase();
    env = cliEnv(target);
    fx = new Fixtures();
  });
  after(async () => {
    fx.remove();
    await target.cleanup();
  });

  it('imports a file with title, keywords, access class and --publish, and reports what it did', async () => {
    const r = await runCli(
      [
        'import',
        POINTS,
        '--org',
        'dinkes',
        '--name',
        'fasilitas',
        '--title',
        'Fasilitas umum',
        '--keywords',
        'fasilitas, umum',
        '--abstract',
        'Uji',
        '--access',
        'government',
        '--publish',
      ],
      env,
    );
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain(
      'dinkes:fasilitas: 57 read, 57 written, 0 repaired, 0 rejected, 0 empty (GeoJSON, EPSG:4326, Point, published)',
    );
  });

  it('refuses a shapefile without .prj with one line and a non-zero exit code', async () => {
    const shp = fx.ogr('ESRI Shapefile', 'tanpa_prj.shp', POINTS, '-t_srs', 'EPSG:23834');
    rmSync(fx.path('tanpa_prj.prj'));
    const r = await runCli(['import', shp, '--org', 'dinkes', '--name', 'tanpa_prj'], env);
    expect(r.code).to.not.equal(0);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.match(
      /^simpul: .*tanpa_prj\.shp has no coordinate system: add its \.prj file, or .*--srs EPSG:/,
    );
  });

  it('leaves no table and no catalogue row when killed half-way through 200 000 features', async function () {
    const csv = fx.write('besar.csv', bigCsv(200_000));
    const child = spawnCli(
      ['import', csv, '--org', 'dpupr', '--name', 'besar', '--srs', 'EPSG:4326', '--progress'],
      env,
    );
    let stderr = '';
    let killedAt = '';
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      child.stderr!.on('data', (d) => {
        stderr += d;
        const m = /besar: (\d+) features read/.exec(String(d));
        if (m && Number(m[1]) >= 30_000 && !killedAt) {
          killedAt = m[1];
          child.kill('SIGKILL');
        }
      });
      child.on('close', (code, signal) => resolve({ code, signal }));
    });
    expect(exit.signal, stderr).to.equal('SIGKILL');
    expect(Number(killedAt)).to.be.within(30_000, 199_999);

    // The database opens again (the embedded one recovers from its WAL) and holds nothing of it.
    await withDb(target, async (db) => {
      const layer = await db.query(`SELECT 1 FROM simpul.layer WHERE name = 'dpupr:besar'`);
      expect(layer.rows).to.have.length(0);
      const table = await db.query(`SELECT to_regclass('org_dpupr.besar') IS NOT NULL AS e`);
      expect(table.rows[0].e).to.equal(false);
      const other = await db.query(`SELECT feature_count FROM simpul.layer WHERE name = 'dinkes:fasilitas'`);
      expect(other.rows[0].feature_count).to.equal(57);
    });
  });
});

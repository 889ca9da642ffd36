/** Runs once before the suite: builds a template database (migrated, demo loaded) that every
 *  test file copies, so each file starts from the same clean state in about a second. */
import { existsSync, rmSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../data/db/open.js';
import { Catalogue } from '../../data/catalogue/catalogue.js';
import { loadDemo } from '../../data/demo/load.js';
import { BACKEND, EMBEDDED_TEMPLATE, PG_ADMIN_URL, TEMPLATE_DB, TEST_DB_PREFIX, TMP_ROOT } from './backend.js';

export async function mochaGlobalSetup() {
  const t = Date.now();
  mkdirSync(TMP_ROOT, { recursive: true });
  if (BACKEND === 'embedded') {
    if (existsSync(EMBEDDED_TEMPLATE)) rmSync(EMBEDDED_TEMPLATE, { recursive: true, force: true });
    const db = await openDatabase({ dataDir: EMBEDDED_TEMPLATE });
    await loadDemo(db, await Catalogue.open(db), { quiet: true });
    await db.close();
  } else {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${TEMPLATE_DB}`) });
    await loadDemo(db, await Catalogue.open(db), { quiet: true });
    await db.close();
  }
  process.stdout.write(`  [${BACKEND}] template database ready in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

/** Removes this run's template and any test database a crashed file left behind. */
export async function mochaGlobalTeardown() {
  if (BACKEND === 'embedded') {
    rmSync(EMBEDDED_TEMPLATE, { recursive: true, force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const mine = await admin.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [TEST_DB_PREFIX]);
  for (const r of mine.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`).catch(() => {});
  await admin.end();
}

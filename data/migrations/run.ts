/** Runs the versioned migrations once each, in order, at start. Each runs in its own
 *  transaction; an advisory lock keeps two nodes on one database from racing. */
import type { Db } from '../db/types.js';
import { MIGRATIONS } from './index.js';
import type { Migration } from './types.js';

export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE SCHEMA IF NOT EXISTS simpul;
    CREATE TABLE IF NOT EXISTS simpul.migration (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  const sorted = [...MIGRATIONS].sort((a, b) => a.version - b.version);
  for (const m of sorted) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgis') await tx.query('SELECT pg_advisory_xact_lock(7434201)');
      const seen = await tx.query('SELECT 1 FROM simpul.migration WHERE version = $1', [m.version]);
      if (seen.rows.length) return false;
      if (typeof m.up === 'string') {
        for (const stmt of splitStatements(m.up)) await tx.query(stmt);
      } else {
        await m.up(tx);
      }
      if (!m.eachLayerTable)
        await tx.query('INSERT INTO simpul.migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done && m.eachLayerTable) await eachLayerTable(db, m);
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Runs a migration's per-table step on every layer table that exists, a transaction each,
 *  then records the migration; a run cut short starts again at the next start. */
async function eachLayerTable(db: Db, m: Migration): Promise<void> {
  // Served tables, and the versions kept beside them (waiting for review, or for a rollback).
  const tables = (
    await db.query<{ schema: string; table: string }>(
      `SELECT schema, "table" FROM (
       SELECT table_schema AS schema, table_name AS "table" FROM simpul.layer
       UNION SELECT table_schema, table_name FROM simpul.layer_version WHERE status IN ('pending', 'verified', 'archived')) t
      WHERE to_regclass(quote_ident(schema) || '.' || quote_ident("table")) IS NOT NULL ORDER BY schema, "table"`,
    )
  ).rows;
  for (const t of tables) await db.transaction((tx) => m.eachLayerTable!(tx, t));
  await db.query('INSERT INTO simpul.migration (version, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    m.version,
    m.name,
  ]);
}

/** Splits a migration's SQL on semicolons at line ends (our migrations never put one inside a literal). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim().replace(/;$/, ''))
    .filter((s) => s && !/^--[^\n]*$/.test(s));
}

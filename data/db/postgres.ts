/** Adapter for a real PostgreSQL/PostGIS server through `pg`: a pool with a statement
 *  timeout; the pool replaces broken connections, so the node survives a server restart. */
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Db, Queryable, QueryResult } from './types.js';

// One representation of values on both adapters: counts as numbers, dates as ISO strings.
pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
pg.types.setTypeParser(1082, (v) => v); // date stays 'YYYY-MM-DD'

export interface PostgresOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

export async function openPostgres(opts: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'simpul',
  });
  // An idle client losing its connection (server restart) must not crash the process;
  // the pool drops it and the next query opens a new one.
  pool.on('error', () => {});

  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const r = await c.query(sql, params as any[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
  });

  const db: Db = {
    kind: 'postgis',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async *stream<R>(sql: string, params: unknown[], batchSize = 1000): AsyncIterable<R[]> {
      const client = await pool.connect();
      const cursor = client.query(new Cursor(sql, params as any[]));
      try {
        for (;;) {
          const rows = (await cursor.read(batchSize)) as R[];
          if (rows.length === 0) break;
          yield rows;
          if (rows.length < batchSize) break;
        }
      } finally {
        await cursor.close().catch(() => {});
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}

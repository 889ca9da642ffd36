/** Adapter for the embedded PostGIS (PGlite + pglite-postgis), kept in a folder on disk,
 *  so that a new user runs the node with nothing to install. It runs the same SQL as
 *  PostGIS; its ST_AsMVT/ST_AsMVTGeom are missing (tiles/ builds those tiles itself).
 *  PGlite runs each statement synchronously on the main thread and has no statement timeout
 *  (`SET statement_timeout` is accepted but never fires: there is no timer signal in WASM), so a
 *  running statement cannot be cancelled. What can be done is done: a query of an aborted request
 *  (over its budget, client gone) is not started, however long it waited in line, and a stream
 *  stops paging. */
import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Db, Queryable, QueryResult } from './types.js';
import { currentSignal, throwIfAborted } from './request-scope.js';

const parsers = {
  [types.NUMERIC]: (v: string) => Number(v),
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

/** PGlite throws errors that carry the whole query; keep only what callers need. */
function cleanError(err: unknown): Error {
  if (err && typeof err === 'object' && 'message' in err) {
    const e = new Error(String((err as any).message));
    (e as any).code = (err as any).code;
    (e as any).detail = (err as any).detail;
    return e;
  }
  return new Error(String(err));
}

export async function openEmbedded(dataDir: string | null): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir
    ? new PGlite(dataDir, { extensions: { postgis }, parsers })
    : new PGlite({ extensions: { postgis }, parsers });
  await pg.waitReady;
  await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis');

  const wrap = (c: { query: PGlite['query'] }): Queryable => ({
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      throwIfAborted();
      try {
        const r = await c.query<R>(sql, params as any[]);
        return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
      } catch (err) {
        throw cleanError(err);
      }
    },
  });

  // One line of waiting top-level queries (PGlite runs one at a time anyway): each checks its
  // request's signal when its turn comes, so the queue of an aborted request is skipped.
  let line: Promise<unknown> = Promise.resolve();
  const top = wrap(pg);

  const db: Db = {
    kind: 'embedded',
    query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const signal = currentSignal();
      throwIfAborted(signal);
      const turn = () => {
        // Checked again when its turn comes: the request may have been aborted while it waited.
        throwIfAborted(currentSignal());
        return top.query<R>(sql, params);
      };
      const out = line.then(turn, turn);
      line = out.catch(() => {});
      return out;
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) => fn(wrap(tx as any)));
    },
    async *stream<R>(sql: string, params: unknown[], batchSize = 1000): AsyncIterable<R[]> {
      // PGlite is one connection: page through with LIMIT/OFFSET over the caller's
      // ordered query so that no transaction is held open while a slow client reads.
      for (let offset = 0; ; offset += batchSize) {
        const r = await db.query<R>(`SELECT * FROM (${sql}) AS _page LIMIT ${batchSize} OFFSET ${offset}`, params);
        if (r.rows.length === 0) break;
        yield r.rows;
        if (r.rows.length < batchSize) break;
      }
    },
    async exec(sql: string) {
      try {
        await pg.exec(sql);
      } catch (err) {
        throw cleanError(err);
      }
    },
    async ping() {
      try {
        await pg.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pg.close();
    },
  };
  return db;
}

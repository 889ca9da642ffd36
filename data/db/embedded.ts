/** Adapter for the embedded PostGIS (PGlite + pglite-postgis), kept in a folder on disk, so that a
 *  new user runs the node with nothing to install. It runs the same SQL as PostGIS; its
 *  ST_AsMVT/ST_AsMVTGeom are missing (tiles/ builds those tiles itself).
 *  PGlite runs each statement synchronously on the thread that calls it, so the database lives in
 *  a worker thread of its own (embedded-worker.ts): however long a statement runs, the main thread
 *  keeps answering. PGlite is one connection and cannot cancel a running statement
 *  (`SET statement_timeout` never fires in WASM); what can be done is done: a query of an aborted
 *  request (over its budget, client gone) is not started however long it waited in line, and its
 *  caller is answered at once while the worker finishes the statement and discards the rows. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Worker } from 'node:worker_threads';
import { copyOptions, type CopyFormat, type Db, type QueryResult, type Transaction } from './types.js';
import type { DbRequest, DbResponse } from './embedded-protocol.js';
import { abortable, currentSignal, throwIfAborted } from './request-scope.js';
import { startWorker } from '../threads.js';

type Outgoing = DbRequest extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

function dbError(e: NonNullable<DbResponse['error']>): Error {
  const err = new Error(e.message);
  Object.assign(err, { code: e.code, detail: e.detail, where: e.where });
  return err;
}

export async function openEmbedded(dataDir: string | null): Promise<Db> {
  const worker: Worker = startWorker(new URL('./embedded-worker.js', import.meta.url), { workerData: { dataDir } });
  const waiting = new Map<number, { resolve(r: DbResponse): void; reject(e: Error): void }>();
  let nextId = 1;
  let dead: Error | undefined;

  const opened = new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: (r) => (r.error ? reject(dbError(r.error)) : resolve()), reject });
  });
  worker.on('message', (r: DbResponse) => {
    const w = waiting.get(r.id);
    waiting.delete(r.id);
    w?.resolve(r);
  });
  const fail = (err: Error) => {
    dead = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('error', (err) => fail(new Error(`The embedded database stopped: ${err.message}`)));
  worker.on('exit', (code) => fail(new Error(`The embedded database stopped (exit ${code})`)));
  await opened;

  const send = (m: Outgoing): Promise<DbResponse> =>
    new Promise((resolve, reject) => {
      if (dead) return reject(dead);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...m, id });
    });

  const run = async <R>(sql: string, params: unknown[]): Promise<QueryResult<R>> => {
    const r = await send({ op: 'query', sql, params });
    if (r.error) throw dbError(r.error);
    return { rows: (r.rows ?? []) as R[], rowCount: r.rowCount ?? 0 };
  };
  const copy = async (into: string, rows: Uint8Array, format?: CopyFormat): Promise<number> => {
    const r = await send({ op: 'copy', sql: `COPY ${into} FROM '/dev/blob'${copyOptions(format)}`, rows });
    if (r.error) throw dbError(r.error);
    return r.rowCount ?? 0;
  };
  const exec = async (sql: string): Promise<void> => {
    const r = await send({ op: 'exec', sql });
    if (r.error) throw dbError(r.error);
  };

  // One line of waiting work: top-level queries one at a time, a transaction holding the line
  // from BEGIN to COMMIT. The line moves on only when the thread has answered, so waiting work
  // stays here, where each query checks its request's signal when its turn comes and the queue of
  // an aborted request is skipped; the caller of an aborted query is answered at once.
  let line: Promise<unknown> = Promise.resolve();
  const inLine = <T>(work: () => Promise<T>): Promise<T> => {
    const out = line.then(work, work);
    line = out.catch(() => {});
    return out;
  };
  // Calls made inside a transaction's function run in that transaction (there is one connection:
  // waiting for the line there would wait for the transaction itself).
  const current = new AsyncLocalStorage<Transaction>();
  // A transaction's handle; work it started that outlives it (an un-awaited promise) goes back
  // through the line instead of slipping between another transaction's statements.
  const openTx = () => {
    let open = true;
    const tx: Transaction = {
      query<R>(sql: string, params: unknown[] = []) {
        if (!open) return current.exit(() => db.query<R>(sql, params));
        const signal = currentSignal();
        throwIfAborted(signal);
        return abortable(run<R>(sql, params), signal);
      },
      copyFrom(into, rows, format) {
        if (!open) return Promise.reject(new Error('COPY after the end of its transaction'));
        const signal = currentSignal();
        throwIfAborted(signal);
        return abortable(copy(into, rows, format), signal);
      },
    };
    return { tx, end: () => void (open = false) };
  };

  const db: Db = {
    kind: 'embedded',
    query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const inTx = current.getStore();
      if (inTx) return inTx.query<R>(sql, params);
      const signal = currentSignal();
      throwIfAborted(signal);
      const done = inLine(() => {
        throwIfAborted(currentSignal());
        return run<R>(sql, params);
      });
      return abortable(done, signal);
    },
    transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const inTx = current.getStore();
      if (inTx) return fn(inTx);
      return inLine(async () => {
        const { tx, end } = openTx();
        await exec('BEGIN');
        try {
          const value = await current.run(tx, () => fn(tx));
          await exec('COMMIT');
          return value;
        } catch (err) {
          await exec('ROLLBACK').catch(() => {});
          throw err;
        } finally {
          end();
        }
      });
    },
    async *stream<R>(sql: string, params: unknown[], batchSize = 1000): AsyncIterable<R[]> {
      // One connection: page through with LIMIT/OFFSET over the caller's ordered query so that no
      // transaction is held open while a slow client reads.
      for (let offset = 0; ; offset += batchSize) {
        const r = await db.query<R>(`SELECT * FROM (${sql}) AS _page LIMIT ${batchSize} OFFSET ${offset}`, params);
        if (r.rows.length === 0) break;
        yield r.rows;
        if (r.rows.length < batchSize) break;
      }
    },
    exec(sql: string) {
      return inLine(() => exec(sql));
    },
    async ping() {
      try {
        await inLine(() => run('SELECT 1', []));
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (!dead) {
        await inLine(() => send({ op: 'close' })).catch(() => {});
        await worker.terminate();
      }
    },
  };
  return db;
}

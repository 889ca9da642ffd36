/** The thread that owns the embedded database. PGlite runs each statement synchronously on the
 *  thread that calls it; here that is this worker, so a long statement (the end of a large import,
 *  a heavy query) holds only this thread and the node's main thread keeps answering. Messages are
 *  taken strictly one after another: the main thread's order is the database's order. */
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { DbRequest, DbResponse } from './embedded-protocol.js';

const parsers = {
  [types.NUMERIC]: (v: string) => Number(v),
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

/** PGlite's errors carry the whole query; only what callers need crosses the thread. */
function cleanError(err: unknown): DbResponse['error'] {
  if (err && typeof err === 'object' && 'message' in err) {
    const e = err as { message: unknown; code?: unknown; detail?: unknown; where?: unknown };
    const text = (v: unknown) => (v === undefined ? undefined : String(v));
    // `where` says which COPY line and column a value came from (the loader's messages).
    return { message: String(e.message), code: text(e.code), detail: text(e.detail), where: text(e.where) };
  }
  return { message: String(err) };
}

const port = parentPort!;
const dataDir = (workerData as { dataDir: string | null }).dataDir;

async function open(): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir
    ? new PGlite(dataDir, { extensions: { postgis }, parsers })
    : new PGlite({ extensions: { postgis }, parsers });
  await pg.waitReady;
  await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  return pg;
}

const opened = open();
let line: Promise<unknown> = opened;

async function run(pg: PGlite, m: DbRequest): Promise<DbResponse> {
  try {
    if (m.op === 'query') {
      const r = await pg.query<Record<string, unknown>>(m.sql, m.params as any[]);
      return { id: m.id, rows: r.rows, rowCount: r.affectedRows || r.rows.length };
    }
    if (m.op === 'copy') {
      const r = await pg.query(m.sql, [], { blob: new Blob([m.rows as Uint8Array<ArrayBuffer>]) });
      return { id: m.id, rows: [], rowCount: r.affectedRows ?? 0 };
    }
    if (m.op === 'exec') {
      await pg.exec(m.sql);
      return { id: m.id };
    }
    await pg.close();
    return { id: m.id };
  } catch (err) {
    return { id: m.id, error: cleanError(err) };
  }
}

opened.then(
  () => port.postMessage({ id: 0 } satisfies DbResponse),
  (err) => port.postMessage({ id: 0, error: cleanError(err) } satisfies DbResponse),
);

port.on('message', (m: DbRequest) => {
  line = line.then(
    async () => port.postMessage(await run(await opened, m)),
    () => port.postMessage({ id: m.id, error: { message: 'The embedded database did not open' } }),
  );
});

/** Adapter for a real PostgreSQL/PostGIS server through `pg`: a pool with a statement
 *  timeout; the pool replaces broken connections, so the node survives a server restart.
 *  A query made for a request that is aborted (over its time budget, client gone) is
 *  cancelled on the server with the protocol's CancelRequest, and its connection discarded. */
import pg from 'pg';
import Cursor from 'pg-cursor';
import { copyOptions, type CopyFormat, type Db, type QueryResult, type Transaction } from './types.js';
import { abortable, currentSignal, throwIfAborted } from './request-scope.js';

// One representation of values on both adapters: counts as numbers, dates as ISO strings.
pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
pg.types.setTypeParser(1082, (v) => v); // date stays 'YYYY-MM-DD'

/** What of pg's connection an open COPY uses. */
interface CopyConnection {
  sendCopyFromChunk(b: Buffer): void;
  endCopyFrom(): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

/** `COPY … FROM STDIN` on pg's own connection (pg hands a query object that has `submit` the
 *  protocol's messages), left open while rows come: rows written before the server's
 *  CopyInResponse wait for it; after that each write is a CopyData message at once, and end()
 *  sends CopyDone. Errors and the end arrive as for any query (ErrorResponse, or CommandComplete
 *  `COPY n` then ReadyForQuery); after an error the server ignores what is still sent. */
class OpenCopy {
  private connection: CopyConnection | null = null;
  private waiting: Buffer[] = [];
  private ended = false;
  private failure: Error | null = null;
  private stored = 0;
  private settle: (err: Error | null) => void = () => {};
  readonly done = new Promise<number>((resolve, reject) => {
    this.settle = (err) => (err ? reject(err) : resolve(this.stored));
  });
  constructor(private readonly text: string) {
    this.done.catch(() => {}); // observed by end() or a write
  }
  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection): void {
    this.connection = connection;
    for (const b of this.waiting) connection.sendCopyFromChunk(b);
    this.waiting = [];
    if (this.ended) connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    this.stored = Number(/(\d+)$/.exec(msg.text ?? '')?.[1] ?? 0);
  }
  handleReadyForQuery(): void {
    this.settle(null);
  }
  handleError(err: Error): void {
    this.failure = err;
    this.settle(err);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  /** Throws the COPY's error once it has failed. */
  private check(): void {
    if (this.failure) throw this.failure;
  }

  async write(rows: Uint8Array): Promise<void> {
    this.check();
    const b = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
    const c = this.connection;
    if (!c) {
      // Kept until the server is ready for them: a copy, the caller may reuse its buffer.
      this.waiting.push(Buffer.from(b));
      return;
    }
    c.sendCopyFromChunk(b);
    if (c.stream.writableNeedDrain)
      await Promise.race([new Promise((r) => c.stream.once('drain', r)), this.done.then(() => {})]);
    this.check();
  }

  end(): Promise<number> {
    if (!this.ended && !this.failure) {
      this.ended = true;
      this.connection?.endCopyFrom();
    }
    return this.done;
  }
}

/** Starts a COPY on the client (a submittable: pg calls its callbacks, the return value is the
 *  submittable itself, not a promise). */
function openCopy(client: pg.ClientBase, into: string, format?: CopyFormat): OpenCopy {
  const copy = new OpenCopy(`COPY ${into} FROM STDIN${copyOptions(format)}`);
  void client.query(copy as unknown as pg.QueryConfig);
  return copy;
}

/** A COPY whose rows are all at hand: one CopyData message, then CopyDone. */
function copyIn(client: pg.ClientBase, into: string, rows: Uint8Array, format?: CopyFormat): Promise<number> {
  const copy = openCopy(client, into, format);
  if (rows.byteLength) copy.write(rows).catch(() => {}); // a failure is end()'s answer
  return copy.end();
}

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

  /** Asks the server to stop what the client's backend is running (CancelRequest on a new
   *  socket: it needs no pool slot and no sign-in). */
  const cancelBackend = (client: pg.PoolClient) => {
    const canceller = new pg.Client({ connectionString: opts.url });
    canceller.on('error', () => {});
    (canceller as any).connection?.on?.('error', () => {});
    try {
      (canceller as any).cancel(client, (client as any).activeQuery);
    } catch {
      /* the connection is discarded anyway */
    }
  };

  /** A pooled client for the current request: on abort its statement is cancelled, the caller's
   *  await rejects at once, and the client is destroyed rather than returned (a late cancel must
   *  never hit the next request's query on that backend). */
  const checkout = async () => {
    const signal = currentSignal();
    throwIfAborted(signal);
    const client = await pool.connect();
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      cancelBackend(client);
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    return {
      client,
      signal,
      release() {
        signal?.removeEventListener('abort', onAbort);
        client.release(aborted || undefined);
      },
    };
  };

  const run = async <R>(
    c: pg.PoolClient,
    sql: string,
    params: unknown[],
    signal: AbortSignal | undefined,
  ): Promise<QueryResult<R>> => {
    throwIfAborted(signal);
    const r = await abortable(c.query(sql, params as any[]), signal);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
  };

  const db: Db = {
    kind: 'postgis',
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      if (!currentSignal()) {
        const r = await pool.query(sql, params as any[]);
        return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
      }
      const s = await checkout();
      try {
        return await run<R>(s.client, sql, params, s.signal);
      } finally {
        s.release();
      }
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const s = await checkout();
      const tx: Transaction = {
        query: <R>(sql: string, params: unknown[] = []) => run<R>(s.client, sql, params, s.signal),
        copyFrom: (into, rows, format) => {
          throwIfAborted(s.signal);
          return abortable(copyIn(s.client, into, rows, format), s.signal);
        },
        copyStream: (into, format) => {
          throwIfAborted(s.signal);
          const copy = openCopy(s.client, into, format);
          return {
            write: (rows) => abortable(copy.write(rows), s.signal),
            end: () => abortable(copy.end(), s.signal),
          };
        },
      };
      try {
        await s.client.query('BEGIN');
        const out = await fn(tx);
        await run(s.client, 'COMMIT', [], s.signal);
        return out;
      } catch (err) {
        // An aborted client is destroyed: the server rolls back when the connection ends.
        if (!s.signal?.aborted) await s.client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        s.release();
      }
    },
    async *stream<R>(sql: string, params: unknown[], batchSize = 1000): AsyncIterable<R[]> {
      const s = await checkout();
      const cursor = s.client.query(new Cursor(sql, params as any[]));
      try {
        for (;;) {
          throwIfAborted(s.signal);
          const rows = (await abortable(cursor.read(batchSize), s.signal)) as R[];
          if (rows.length === 0) break;
          yield rows;
          if (rows.length < batchSize) break;
        }
      } finally {
        if (!s.signal?.aborted) await cursor.close().catch(() => {});
        s.release();
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

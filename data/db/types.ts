/** The one small database interface. Two adapters implement it with the same SQL:
 *  real PostgreSQL/PostGIS (`pg`) and embedded PGlite + PostGIS. */

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  /** A parameterised statement: values only ever travel as $n parameters. */
  query<R = Record<string, any>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

/** A transaction's handle: its statements, and bulk loading. */
export interface Transaction extends Queryable {
  /** Loads rows given in one of PostgreSQL's COPY formats — text (tab-separated, `\N` for null,
   *  one row a line) or binary (header, tuples, trailer) — into `into`, SQL naming a table and
   *  its columns (`"s"."t" (a, b)`, identifiers from the catalogue); returns how many rows it
   *  stored. One statement: all rows or none. */
  copyFrom(into: string, rows: Uint8Array, format?: CopyFormat): Promise<number>;
  /** The same COPY kept open while rows come: each write goes out at once and the database
   *  stores the rows as they arrive (no pause between statements while the next chunk is
   *  formatted). The caller writes the whole format, binary header and trailer included.
   *  Absent where a COPY takes its rows whole (the embedded database): copyFrom per chunk then. */
  copyStream?(into: string, format?: CopyFormat): CopyStream;
}

/** An open COPY (Transaction.copyStream). */
export interface CopyStream {
  /** Sends rows; resolves when the connection can take more, rejects once the COPY has failed. */
  write(rows: Uint8Array): Promise<void>;
  /** Ends the COPY: how many rows it stored, or the database's error. */
  end(): Promise<number>;
}

export type CopyFormat = 'text' | 'binary';

/** The options clause a COPY statement takes for a format. */
export const copyOptions = (format: CopyFormat = 'text') => (format === 'binary' ? ' WITH (FORMAT binary)' : '');

export type DbKind = 'postgis' | 'embedded';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Rows of a query in batches, so large outputs stream in constant memory. */
  stream<R = Record<string, any>>(sql: string, params: unknown[], batchSize?: number): AsyncIterable<R[]>;
  /** Several statements, no parameters (migrations only). */
  exec(sql: string): Promise<void>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** A database error with the SQLSTATE code, without the driver's internals. */
export function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as any).code) : undefined;
}

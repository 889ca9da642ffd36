/** Messages between the embedded database's thread and the node. */
export type DbRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; sql: string }
  /** COPY … FROM '/dev/blob', the rows (COPY text) given to PGlite as the blob. */
  | { id: number; op: 'copy'; sql: string; rows: Uint8Array }
  | { id: number; op: 'close' };

/** id 0 is the thread's word that the database opened (or why it did not). */
export interface DbResponse {
  id: number;
  rows?: Record<string, unknown>[];
  rowCount?: number;
  error?: { message: string; code?: string; detail?: string; where?: string };
}

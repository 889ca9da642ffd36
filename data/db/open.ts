/** Chooses the adapter: real PostGIS when a DATABASE_URL is given, else the embedded one. */
import type { Db } from './types.js';
import { openPostgres } from './postgres.js';
import { openEmbedded } from './embedded.js';
import { migrate } from '../migrations/run.js';

export interface OpenOptions {
  databaseUrl?: string | null;
  /** Folder of the embedded database; null keeps it in memory (tests). */
  dataDir?: string | null;
  statementTimeoutMs?: number;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Db> {
  const db = opts.databaseUrl
    ? await openPostgres({
        url: opts.databaseUrl,
        statementTimeoutMs: opts.statementTimeoutMs,
        poolSize: opts.poolSize,
      })
    : await openEmbedded(opts.dataDir === undefined ? './var/db' : opts.dataDir);
  await migrate(db);
  return db;
}

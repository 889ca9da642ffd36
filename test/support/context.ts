/** A fresh node for one test file: a copy of the template database (demo loaded), the
 *  catalogue, and optionally an HTTP server on a free port. Call `stop()` in `after`. */
import { cpSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../data/db/open.js';
import { Catalogue } from '../../data/catalogue/catalogue.js';
import { loadConfig, type Config } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { startServer, closeContext } from '../../server/serve.js';
import { nodeContext, type AppContext } from '../../server/context.js';
import { BACKEND, EMBEDDED_TEMPLATE, PG_ADMIN_URL, TEMPLATE_DB, TEST_DB_PREFIX, TMP_ROOT } from './backend.js';

export interface TestNode {
  ctx: AppContext;
  /** Base URL of the running server (when started with `serve: true`). */
  url: string;
  stop(): Promise<void>;
}

/** A fresh copy of the template database (demo loaded), not opened: for tests that run the
 *  CLI in another process (an embedded database may be open in one process only). */
export async function testDatabase(): Promise<{
  databaseUrl: string | null;
  dataDir: string;
  cleanup(): Promise<void>;
}> {
  const id = randomBytes(4).toString('hex');
  let databaseUrl: string | null = null;
  const dataDir = `${TMP_ROOT}node-${id}`;
  let dropDb = async () => {};
  if (BACKEND === 'embedded') {
    cpSync(EMBEDDED_TEMPLATE, `${dataDir}/db`, { recursive: true });
  } else {
    const name = `${TEST_DB_PREFIX}${id}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
    await admin.end();
    databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    dropDb = async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await a.end();
    };
  }
  return {
    databaseUrl,
    dataDir,
    cleanup: async () => {
      await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function testNode(opts: { serve?: boolean; config?: Partial<Config> } = {}): Promise<TestNode> {
  const { databaseUrl, dataDir, cleanup } = await testDatabase();
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir,
    logLevel: 'silent',
    cacheDir: `${dataDir}/cache`,
    ...opts.config,
  };
  const db = await openDatabase({ databaseUrl, dataDir: `${dataDir}/db` });
  const catalogue = await Catalogue.open(db);
  const ctx = nodeContext({
    db,
    catalogue,
    config,
    log: createLogger(process.env.SIMPUL_TEST_LOG ? 'debug' : 'silent'),
  });
  if (!opts.serve) {
    return {
      ctx,
      url: '',
      stop: async () => {
        await closeContext(ctx);
        await cleanup();
      },
    };
  }
  const running = await startServer(ctx);
  return {
    ctx,
    url: running.url,
    stop: async () => {
      await running.stop();
      await cleanup();
    },
  };
}

/** fetch() against the test node, returning status, headers and body text. */
export async function get(url: string, init?: RequestInit) {
  const r = await fetch(url, init);
  const body = await r.text();
  return { status: r.status, headers: r.headers, body, type: r.headers.get('content-type') ?? '' };
}

/** Starts the node: database, migrations, catalogue, HTTP server, graceful shutdown. */
import type { Server } from 'node:http';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { createApp } from './app.js';
import { renderPool } from '../styles/render/render-pool.js';
import { mapQuerySlots } from '../data/render/query-slots.js';
import { loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { AppContext } from './context.js';

export async function createContext(config: Config = loadConfig(), log: Logger = createLogger(config.logLevel)): Promise<AppContext> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/db`,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  return nodeContext({ db, catalogue: await Catalogue.open(db), config, log });
}

/** A node from its open database and catalogue: its render pool and map query slots are made
 *  here, once, and the pool is closed with the node. */
export function nodeContext(parts: Pick<AppContext, 'db' | 'catalogue' | 'config' | 'log'>): AppContext {
  const pool = renderPool(parts.config.renderThreads);
  return { ...parts, renderPool: pool, mapQuerySlots: mapQuerySlots(parts.config.mapQueries), onClose: [() => pool.close()] };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  for (const fn of ctx.onClose) await fn();
  await ctx.db.close();
}

export interface Running {
  ctx: AppContext;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(ctx: AppContext): Promise<Running> {
  const app = createApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(ctx.config.port, ctx.config.host, () => resolve(s));
    s.on('error', reject);
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : ctx.config.port;
  const url = `http://${ctx.config.host === '0.0.0.0' ? 'localhost' : ctx.config.host}:${port}`;
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 10_000).unref();
      });
      await closeContext(ctx);
    })());
  return { ctx, server, url, stop };
}

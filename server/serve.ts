/** Starts the node: database, migrations, catalogue, HTTP server, graceful shutdown. */
import type { Server } from 'node:http';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { nodeContext, type AppContext } from './context.js';

export async function createContext(
  config: Config = loadConfig(),
  log: Logger = createLogger(config.logLevel),
): Promise<AppContext> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/db`,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const catalogue = await Catalogue.open(db);
  return nodeContext({ db, catalogue, config, log });
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

import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { createContext, startServer } from '../serve.js';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const ctx = await createContext(config, log);
  const running = await startServer(ctx);
  log.info('listening', { url: running.url, database: ctx.db.kind, layers: ctx.catalogue.unguardedAll().length });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('shutting down', { signal });
      running.stop().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

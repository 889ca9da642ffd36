import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { closeContext, createContext, startServer } from '../serve.js';
import { LockHeldError, acquireLock, type Lock } from '../lock.js';
import { startAdminChannel } from '../admin-channel.js';
import { fail } from './common.js';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // The data folder's lock comes first: the embedded database must never be opened by two
  // processes, and the CLI must find this node to work through it.
  let lock: Lock;
  try {
    lock = acquireLock(config.dataDir, {
      command: 'serve',
      onStale: (s) =>
        log.warn('cleared a stale lock', {
          dataDir: config.dataDir,
          ...(s === 'unreadable' ? { unreadable: true } : { pid: s.pid, startedAt: s.startedAt, command: s.command }),
        }),
    });
  } catch (err) {
    if (err instanceof LockHeldError)
      throw fail(`${err.message}: stop it first, or give this one its own SIMPUL_DATA_DIR`);
    throw err;
  }
  try {
    const ctx = await createContext(config, log);
    let running: Awaited<ReturnType<typeof startServer>>;
    let channel: Awaited<ReturnType<typeof startAdminChannel>>;
    try {
      running = await startServer(ctx);
    } catch (err) {
      await closeContext(ctx);
      throw err;
    }
    try {
      channel = await startAdminChannel(ctx, config.dataDir);
      lock.setChannel(channel.path);
    } catch (err) {
      await running.stop();
      throw err;
    }
    log.info('listening', {
      url: running.url,
      database: ctx.db.kind,
      layers: ctx.catalogue.unguardedAll().length,
      adminChannel: channel.path,
    });
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log.info('shutting down', { signal });
        channel
          .close()
          .then(() => running.stop())
          .then(resolve, resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  } finally {
    lock.release();
  }
}

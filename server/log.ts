/** Logging: JSON lines through pino, one object per event. Every line written while a request
 *  is being answered carries its `requestId` (kept in AsyncLocalStorage by `withRequestId`), the
 *  id the client also gets in X-Request-Id and, on a 500, in the problem body. */
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
}

const requests = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` (and all it starts) as part of request `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requests.run({ requestId }, fn);
}

/** The id of the request being answered, if any. */
export const currentRequestId = (): string | undefined => requests.getStore()?.requestId;

/** `out` receives each line (without its newline); by default stdout. */
export function createLogger(level: Level = 'info', out?: (line: string) => void): Logger {
  const destination = out
    ? { write: (line: string) => out(line.replace(/\n$/, '')) }
    : pino.destination({ dest: 1, sync: true });
  const p = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const id = currentRequestId();
        return id ? { requestId: id } : {};
      },
    },
    destination,
  );
  return {
    debug: (msg, fields) => p.debug(fields ?? {}, msg),
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
  };
}

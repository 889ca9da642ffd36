/** Shared pieces of the CLI: argument parsing, a context for one-shot commands, progress. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OgcError, httpError } from '../../data/errors.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import type { AppContext } from '../context.js';
import { cliScope } from './scope.js';

/** A command's failure is an OgcError (data/errors.ts) like any other: `fail` for what went
 *  wrong (exit 1), `usage` for a command line that is not right (exit 2); server/cli.ts prints
 *  either as one line. */
export const fail = (message: string) => httpError(400, message);
export const usage = (message: string) => new OgcError('InvalidParameterValue', message, USAGE_LOCATOR);
export const USAGE_LOCATOR = 'usage';

export function args<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw usage((err as Error).message);
  }
}

/** Opens the database and catalogue for a command, closes them after. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  // Through the admin channel: the serving node's own context, which it keeps open.
  const node = cliScope().ctx;
  if (node) return fn(node);
  const config = loadConfig();
  // Loaded here, not with this module: the node's whole graph (HTTP, renderer, tile cache) is
  // more than half of the CLI's start, and `--help` or a command the serving node runs needs none of it.
  const { closeContext, createContext } = await import('../serve.js');
  const ctx = await createContext(
    config,
    createLogger('warn', (l) => process.stderr.write(l + '\n')),
  );
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

/** A progress line on a terminal (rewritten in place), nothing when not a TTY. */
export function progress(label: string, total?: number) {
  const { tty, err } = cliScope();
  let last = 0;
  return {
    update(n: number) {
      if (!tty || Date.now() - last < 100) return;
      last = Date.now();
      const pct = total ? ` ${Math.floor((100 * n) / total)}%` : '';
      err(`\r${label}: ${n}${total ? '/' + total : ''}${pct}   `);
    },
    done() {
      if (tty) err('\r\x1b[K');
    },
  };
}

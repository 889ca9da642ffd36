/** Where a CLI command writes and which node it works on. Run from a shell, a command opens the
 *  database itself and writes to this process's stdout/stderr; run through a serving node's admin
 *  channel (admin-channel.ts) the same command code runs inside that node, on its context (its
 *  database, catalogue, caches and import pool), and its output streams back to the CLI. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';
import type { AppContext } from '../context.js';

export interface CliScope {
  /** The serving node's context (through the admin channel); absent when the command opens its own. */
  ctx?: AppContext;
  out(text: string): void;
  err(text: string): void;
  /** Whether the CLI's stderr is a terminal (progress bars rewrite their line). */
  tty: boolean;
  /** The CLI's working directory: relative file names are the caller's, not the node's. */
  cwd: string;
}

const LOCAL: CliScope = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  get tty() {
    return !!process.stderr.isTTY;
  },
  get cwd() {
    return process.cwd();
  },
};

const scopes = new AsyncLocalStorage<CliScope>();

export const cliScope = (): CliScope => scopes.getStore() ?? LOCAL;
export const runInScope = <T>(scope: CliScope, fn: () => Promise<T>): Promise<T> => scopes.run(scope, fn);
/** True when the command runs inside a serving node (through its admin channel). */
export const insideNode = (): boolean => !!scopes.getStore()?.ctx;
export const say = (text: string) => cliScope().out(text);
export const warn = (text: string) => cliScope().err(text);
/** A file name as the caller meant it (URLs and GDAL paths are left for the import to refuse). */
export const callerPath = (file: string) =>
  /^[a-z][\w+.-]*:|^\/vsi/i.test(file) ? file : resolve(cliScope().cwd, file);

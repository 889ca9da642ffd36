/** The local admin channel of a serving node: HTTP on a Unix domain socket in the data folder
 *  (mode 0600, never on the network). The socket's file permission is the credential: whoever can
 *  open it is the node's own operator, and the command runs as the local system actor, as the CLI
 *  always has. The CLI (cli/remote.ts) sends a command and its arguments; the node runs the same
 *  command code on its own context (cli/scope.ts), so a write made from the shell goes through the
 *  node that owns the database and its caches, and the output streams back as JSON lines:
 *  `{"out": text}`, `{"err": text}`, then `{"error": message}` if it failed and `{"exit": code}`. */
import { createHash } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { AppContext } from './context.js';
import { DATABASE_COMMANDS } from './cli/commands.js';
import { OgcError } from '../data/errors.js';
import { USAGE_LOCATOR } from './cli/common.js';
import { runInScope } from './cli/scope.js';

const MAX_BODY = 256 * 1024;
/** sun_path holds 108 bytes on Linux (104 on macOS): a deeper data folder gets its socket in the
 *  temporary folder, under a name made from the data folder's path. */
const MAX_SOCKET_PATH = 100;

export function channelPath(dataDir: string): string {
  const inFolder = join(resolve(dataDir), 'simpul.sock');
  if (Buffer.byteLength(inFolder) <= MAX_SOCKET_PATH) return inFolder;
  return join(tmpdir(), `simpul-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}.sock`);
}

export interface AdminChannel {
  path: string;
  close(): Promise<void>;
}

interface RunRequest {
  command: string;
  args: string[];
  cwd: string;
  tty: boolean;
}

function parseRun(text: string): RunRequest | string {
  let v: Partial<RunRequest>;
  try {
    v = JSON.parse(text) as Partial<RunRequest>;
  } catch {
    return 'the body is not JSON';
  }
  if (typeof v.command !== 'string' || !Object.hasOwn(DATABASE_COMMANDS, v.command))
    return `no command ${String(v.command)} through the admin channel`;
  if (!Array.isArray(v.args) || !v.args.every((a) => typeof a === 'string')) return 'args must be a list of strings';
  if (typeof v.cwd !== 'string' || !isAbsolute(v.cwd)) return 'cwd must be an absolute path';
  return { command: v.command, args: v.args, cwd: v.cwd, tty: v.tty === true };
}

/** What the node's log says of a command: never a password. */
const logged = (args: string[]) =>
  args.map((a, i) => (args[i - 1] === '--password' ? '***' : a.replace(/^(--password=).*/, '$1***')));

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_BODY) return null;
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refuse = (status: number, description: string) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ description }));
  };
  if (req.method !== 'POST' || req.url !== '/run') return refuse(404, 'POST /run only');
  const body = await readBody(req);
  if (body === null) return refuse(413, 'the request is too large');
  const run = parseRun(body);
  if (typeof run === 'string') return refuse(400, run);

  res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
  const send = (m: object) => {
    if (!res.destroyed) res.write(JSON.stringify(m) + '\n');
  };
  ctx.log.info('admin channel command', { command: run.command, args: logged(run.args) });
  let code = 1;
  try {
    const cmd = await DATABASE_COMMANDS[run.command]();
    code = await runInScope(
      { ctx, out: (t) => send({ out: t }), err: (t) => send({ err: t }), tty: run.tty, cwd: run.cwd },
      () => cmd.run(run.args),
    );
  } catch (err) {
    // A refusal (bad arguments, no such layer) is the caller's answer; anything else is logged.
    if (!(err instanceof OgcError && err.status < 500))
      ctx.log.error('admin channel command failed', {
        command: run.command,
        error: String((err as Error)?.stack ?? err),
      });
    send({
      error: (err as Error)?.message ?? String(err),
      usage: err instanceof OgcError && err.locator === USAGE_LOCATOR,
    });
  } finally {
    // What the command changed is served at once (catalogue, capabilities, records).
    await ctx.catalogue
      .reload()
      .catch((err: unknown) => ctx.log.error('catalogue reload failed', { error: String(err) }));
  }
  send({ exit: code });
  res.end();
}

/** Listens on the data folder's socket. Call only while holding the folder's lock: a socket
 *  left by a killed node is removed first. */
export async function startAdminChannel(ctx: AppContext, dataDir: string): Promise<AdminChannel> {
  const path = channelPath(dataDir);
  const unlink = () => {
    try {
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  };
  unlink();
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((err: unknown) => {
      ctx.log.error('admin channel', { error: String(err) });
      if (!res.headersSent) res.writeHead(500).end();
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    // The socket is created by bind() inside listen(), synchronously: the umask makes it 0600
    // from its first instant (the chmod below only confirms it).
    const old = process.umask(0o177);
    try {
      server.listen(path, () => ok());
    } finally {
      process.umask(old);
    }
  });
  chmodSync(path, 0o600);
  return {
    path,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        unlink();
      }),
  };
}

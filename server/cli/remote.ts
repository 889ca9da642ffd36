/** The CLI's side of "one writer per data folder". A command that needs the database either goes
 *  through the node serving that folder (its admin channel: admin-channel.ts), or, when no node
 *  runs, opens the database itself while holding the folder's lock (lock.ts), so that a
 *  `simpul serve` started meanwhile refuses. Another CLI command holding the lock: this one refuses. */
import { request } from 'node:http';
import { hostname } from 'node:os';
import { loadConfig } from '../config.js';
import { LockHeldError, acquireLock, type Lock } from '../lock.js';
import { fail, usage } from './common.js';

/** How long a command waits for a starting node's admin channel. */
const START_WAIT_MS = 120_000;

export async function runOnDataFolder(
  name: string,
  args: string[],
  runLocal: (args: string[]) => Promise<number>,
): Promise<number> {
  const { dataDir } = loadConfig();
  // `demo --serve`: the demo holds the lock as a CLI command, then lets go and serves.
  const serveAfter = name === 'demo' && args.includes('--serve');
  const argv = serveAfter ? args.filter((a) => a !== '--serve') : args;
  const started = Date.now();
  let lock: Lock;
  for (;;) {
    try {
      lock = acquireLock(dataDir, {
        command: name,
        onStale: (s) =>
          process.stderr.write(
            `simpul: cleared a stale lock on ${dataDir} (${s === 'unreadable' ? 'unreadable' : `pid ${s.pid} is gone`})\n`,
          ),
      });
      break;
    } catch (err) {
      if (!(err instanceof LockHeldError)) throw err;
      const h = err.holder;
      const local = h.host === hostname();
      if (h.command === 'serve' && h.channel && local) {
        if (serveAfter) throw fail(`${err.message}: it serves already; run simpul demo without --serve`);
        return remote(h.channel, name, argv, err);
      }
      // A node still opening its database gets its admin channel in a moment: wait for it.
      if (h.command === 'serve' && local && Date.now() - started < START_WAIT_MS) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      if (h.command === 'serve')
        throw fail(
          `${err.message}${local ? ' but its admin channel did not open: see its log, or stop it' : ': run the command on that host'}`,
        );
      throw fail(`${err.message}: wait for it to finish, then try again`);
    }
  }
  let code: number;
  try {
    code = await runLocal(argv);
  } finally {
    lock.release();
  }
  if (serveAfter && code === 0) return (await import('./serve.js')).run([]);
  return code;
}

/** Runs the command in the serving node; its output is printed as it comes. */
function remote(socketPath: string, name: string, args: string[], held: LockHeldError): Promise<number> {
  const body = JSON.stringify({ command: name, args, cwd: process.cwd(), tty: !!process.stderr.isTTY });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath,
        path: '/run',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.setEncoding('utf8');
        let buf = '';
        let exit: number | undefined;
        let error: string | undefined;
        let isUsage = false;
        res.on('data', (d: string) => {
          buf += d;
          for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
            const line = buf.slice(0, i);
            buf = buf.slice(i + 1);
            if (res.statusCode !== 200) continue;
            const m = JSON.parse(line) as {
              out?: string;
              err?: string;
              error?: string;
              usage?: boolean;
              exit?: number;
            };
            if (m.out !== undefined) process.stdout.write(m.out);
            if (m.err !== undefined) process.stderr.write(m.err);
            if (m.error !== undefined) error = m.error;
            if (m.usage) isUsage = true;
            if (m.exit !== undefined) exit = m.exit;
          }
        });
        res.on('close', () => {
          if (res.statusCode !== 200)
            return reject(
              fail(`${held.message}: its admin channel refused the command (${res.statusCode} ${buf.trim()})`),
            );
          if (error !== undefined) return reject(isUsage ? usage(error) : fail(error));
          if (exit === undefined) return reject(stopped());
          resolve(exit);
        });
        res.on('error', () => reject(stopped()));
      },
    );
    // The node went away mid-command (stopped, killed): what it committed stays, the rest is undone.
    const stopped = () =>
      fail(
        `simpul serve (pid ${held.holder.pid}) stopped before ${name} finished: check the result once it serves again`,
      );
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) return reject(stopped());
      const hint =
        err.code === 'EACCES'
          ? 'run the command as the user that runs simpul serve'
          : `stop it, or wait until it answers again (${err.code ?? err.message})`;
      reject(fail(`${held.message} but its admin channel ${socketPath} cannot be reached: ${hint}`));
    });
    req.end(body);
  });
}

/** One writer per data folder. A running `simpul serve` (or a CLI command that opens the database
 *  itself) holds `<dataDir>/simpul.lock`: the embedded database (PGlite) is corrupted for good when
 *  two processes open its folder, and a CLI writing behind a node's back leaves that node's caches
 *  stale. The file says who holds it (PID, start time, host, command) and, for a serving node,
 *  the address of its admin channel (admin-channel.ts), through which the CLI then works.
 *
 *  The file is written whole under a temporary name and then hard-linked into place: link() fails
 *  if the lock exists, so taking it is atomic and nobody ever reads a half-written lock. A lock
 *  whose process is gone (kill -9, a crash, a reboot) or is no simpul process (its PID reused) is
 *  stale: it is cleared, with a log line, and taken. */
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export interface LockInfo {
  pid: number;
  startedAt: string;
  host: string;
  /** The command holding it: "serve", "import", "user"… */
  command: string;
  /** Path of the serving node's admin channel (a Unix socket), once it listens; else null. */
  channel: string | null;
}

export interface Lock {
  readonly info: LockInfo;
  /** Rewrites the lock with the admin channel's address (atomically: rename over it). */
  setChannel(channel: string): void;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

/** The folder is held by a live process; `holder` says which. */
export class LockHeldError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(describeHolder(dataDir, holder));
  }
}

export const lockPath = (dataDir: string) => join(dataDir, 'simpul.lock');

export function describeHolder(dataDir: string, h: LockInfo): string {
  const where = h.host === hostname() ? `pid ${h.pid}` : `pid ${h.pid} on host ${h.host}`;
  return h.command === 'serve'
    ? `simpul serve is running on ${dataDir} (${where}, since ${h.startedAt})`
    : `simpul ${h.command} is running on ${dataDir} (${where}, since ${h.startedAt})`;
}

/** The lock's content, or null when there is none. A file that does not parse (a crash while it
 *  was being replaced cannot cause one, but a hand-edited one could) counts as stale. */
export function readLock(dataDir: string): LockInfo | 'unreadable' | null {
  let text: string;
  try {
    text = readFileSync(lockPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const v = JSON.parse(text) as LockInfo;
    return Number.isInteger(v.pid) && typeof v.host === 'string' ? v : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Is the holder alive? On another host we cannot tell (a shared folder): assume it is. */
export function holderAlive(h: LockInfo): boolean {
  if (h.host !== hostname()) return true;
  if (h.pid === process.pid) return true;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return isSimpulProcess(h.pid);
}

/** A PID reused by another program after a crash is no holder. Linux tells through /proc;
 *  elsewhere a live PID is taken at its word. */
function isSimpulProcess(pid: number): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return process.platform !== 'linux';
  }
  return /simpul|cli-main/.test(cmdline.replace(/\0/g, ' '));
}

function writeFileDurably(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface AcquireOptions {
  command: string;
  /** Called when a stale lock is cleared (the log line). */
  onStale?: (stale: LockInfo | 'unreadable') => void;
}

/** Takes the data folder's lock or throws LockHeldError. */
export function acquireLock(dataDir: string, opts: AcquireOptions): Lock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    host: hostname(),
    command: opts.command,
    channel: null,
  };
  const tmp = `${path}.${process.pid}.tmp`;
  for (let attempt = 0; ; attempt++) {
    writeFileDurably(tmp, JSON.stringify(info) + '\n');
    try {
      linkSync(tmp, path);
      unlinkSync(tmp);
      break;
    } catch (err) {
      unlinkSync(tmp);
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLock(dataDir);
    if (holder && holder !== 'unreadable' && holderAlive(holder)) throw new LockHeldError(dataDir, holder);
    if (attempt >= 3) throw new Error(`cannot take the lock ${path}: it keeps coming back`);
    if (holder) {
      opts.onStale?.(holder);
      try {
        unlinkSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }

  let held = true;
  const ours = () => {
    const now = readLock(dataDir);
    return !!now && now !== 'unreadable' && now.pid === info.pid && now.startedAt === info.startedAt;
  };
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (ours()) unlinkSync(path);
    } catch {
      /* gone already */
    }
  };
  // A process that ends without stopping (an uncaught error, process.exit) still lets go;
  // only kill -9 and a crash leave the lock behind, and those are stale at the next start.
  process.on('exit', release);
  return {
    info,
    setChannel(channel: string) {
      info.channel = resolve(channel);
      writeFileDurably(tmp, JSON.stringify(info) + '\n');
      renameSync(tmp, path);
    },
    release,
  };
}

/** Imports run in import processes (import-process.ts), a few at a time: `processes` imports
 *  read at once, `queue` more wait for their turn, and beyond that an import is refused at
 *  once with 503 and Retry-After (importBusy) rather than piling up. A process is kept
 *  for the next import while it is healthy, and ended after a while without work. */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { importBusy, importError } from './errors.js';
import { PROXY_ENV } from './network-off.js';
import type { ImportMessage, ImportReply } from './import-protocol.js';
import { RowsIn } from './rows-pipe.js';
import type { Readable } from 'node:stream';

const IDLE_MS = 30_000;

/** One import process, asked one thing at a time. */
export class ImportProcess {
  private pending: { resolve(r: ImportReply): void; reject(e: Error): void } | null = null;
  private started: Promise<void>;
  dead = false;
  private readonly child: ChildProcess;
  private readonly rows: RowsIn;

  constructor() {
    this.child = spawnImportProcess();
    this.rows = new RowsIn(this.child.stdio[4] as Readable);
    this.started = new Promise((resolve, reject) => {
      this.pending = { resolve: () => resolve(), reject };
    });
    this.started.catch(() => {});
    this.child.on('message', (m: ImportReply) => {
      const p = this.pending;
      this.pending = null;
      // A batch's rows follow on the rows pipe (rows-pipe.ts).
      if (m.type === 'batch' && m.rows && m.rowBytes !== undefined) {
        const rows = m.rows;
        this.rows.take(m.rowBytes).then(
          (bytes) => p?.resolve({ ...m, rows: { ...rows, rows: bytes }, rowBytes: undefined }),
          (err: Error) => p?.reject(importError(`the file could not be read (${err.message})`, 400)),
        );
      } else p?.resolve(m);
    });
    const died = (why: string) => {
      if (this.dead) return;
      this.dead = true;
      this.rows.fail(new Error(`the import process ${why}`));
      this.pending?.reject(importError(`the file could not be read (the import process ${why})`, 400));
      this.pending = null;
    };
    this.child.on('exit', (code, signal) => died(signal ? `was ended by ${signal}` : `stopped with code ${code}`));
    this.child.on('error', (err) => died(`failed: ${err.message}`));
  }

  async ask(m: ImportMessage): Promise<ImportReply> {
    await this.started;
    if (this.dead) throw importError('the file could not be read (the import process stopped)', 400);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(m, (err) => {
        if (err && this.pending) {
          this.pending = null;
          reject(importError(`the file could not be read (${err.message})`, 400));
        }
      });
    });
  }

  /** While it works for an import the process keeps the node (or the CLI) alive; idle, it does not. */
  hold(on: boolean): void {
    if (this.dead) return;
    const channel = this.child.channel as { ref?(): void; unref?(): void } | undefined;
    if (on) {
      this.child.ref();
      channel?.ref?.();
    } else {
      this.child.unref();
      channel?.unref?.();
    }
    this.rows.hold(on);
  }

  stop(): void {
    if (!this.dead) this.child.kill('SIGKILL');
    this.dead = true;
  }
}

/** The import process's source: the .js next to this module, or the .ts under tsx (tests). */
function spawnImportProcess(): ChildProcess {
  const ts = import.meta.url.endsWith('.ts');
  const entry = new URL(ts ? './import-process.ts' : './import-process.js', import.meta.url);
  // A young generation four times the default: reading makes a few short-lived GDAL wrappers per
  // feature, and collecting them a small space at a time was a quarter of a read's time.
  const execArgv = ['--max-semi-space-size=64'];
  if (ts) {
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    const loader = JSON.parse(readFileSync(pkg, 'utf8')).exports['.'] as string;
    execArgv.push('--import', pathToFileURL(join(dirname(pkg), loader)).href);
  }
  // No proxy bypass may reach GDAL's libcurl (see network-off.ts).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROXY_ENV.test(k)));
  return fork(entry, [], {
    execArgv,
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc', 'pipe'],
  });
}

export interface ImportLease {
  process: ImportProcess;
  /** Gives the process back (or ends it, when it failed mid-way). */
  release(healthy: boolean): void;
}

export class ImportPool {
  private idle: ImportProcess[] = [];
  private active = 0;
  private waiting: Array<(p: ImportProcess) => void> = [];
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly processes: number,
    readonly queue: number,
  ) {}

  /** Would an import wait beyond the queue now? (Asked before an upload's body is read.) */
  full(): boolean {
    return this.active >= this.processes && this.waiting.length >= this.queue;
  }

  async lease(): Promise<ImportLease> {
    let process: ImportProcess;
    if (this.active < this.processes) {
      this.active++;
      process = this.take();
    } else {
      if (this.waiting.length >= this.queue) throw importBusy(30);
      process = await new Promise<ImportProcess>((resolve) => this.waiting.push(resolve));
    }
    process.hold(true);
    let released = false;
    return {
      process,
      release: (healthy) => {
        if (released) return;
        released = true;
        process.hold(false);
        if (!healthy || process.dead) process.stop();
        const next = this.waiting.shift();
        if (next) {
          next(healthy && !process.dead ? process : this.take());
          return;
        }
        this.active--;
        if (healthy && !process.dead) this.idle.push(process);
        this.scheduleIdleStop();
      },
    };
  }

  close(): void {
    for (const p of this.idle.splice(0)) p.stop();
  }

  private take(): ImportProcess {
    let p: ImportProcess | undefined;
    while ((p = this.idle.pop()) && p.dead);
    return p && !p.dead ? p : new ImportProcess();
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
    this.idleTimer.unref();
  }
}

const pools = new Map<string, ImportPool>();

/** The shared pool for these limits (one per process in practice: the node's settings). */
export function importPool(processes = 1, queue = 4): ImportPool {
  const key = `${processes}/${queue}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = new ImportPool(Math.max(1, processes), Math.max(0, queue))));
  return pool;
}

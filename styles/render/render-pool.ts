/** Drawing is synchronous CPU work (Skia), so map pictures are drawn in a pool of worker
 *  threads sized to the cores: the main thread keeps answering requests and reading rows from
 *  the database while pictures are drawn. Size 0 draws on the calling thread (small machines,
 *  debugging). A worker that dies fails only its own job and is replaced.
 *  A job with `timeoutMs` that is still drawing that long after its worker took it is ended:
 *  the worker is terminated (Skia cannot be interrupted any other way), its job fails with
 *  RenderTimeout, and a fresh worker takes the next job. On the calling thread (size 0) the
 *  drawing checks the clock between runs of features and stops itself (draw-job.ts). */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../data/threads.js';
import { RenderTimeout, runDrawJob, type DrawJob, type DrawLayer } from './draw-job.js';
import { sizeDrawCaches, type DrawCacheSizes } from './draw.js';

export { RenderTimeout } from './draw-job.js';

interface Pending {
  id: number;
  job: DrawJob;
  resolve(image: Buffer): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  /** Set when the worker has loaded and said so: a job's clock starts only then. */
  ready: boolean;
  current?: Pending;
  timer?: NodeJS.Timeout;
}

const newWorker = (caches?: DrawCacheSizes): Worker =>
  startWorker(new URL('./render-worker.js', import.meta.url), { workerData: { caches } });

export class RenderPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private closing = false;

  /** `caches`: how much each worker keeps of decoded images and drawn symbols. Without workers
   *  (size 0) the main thread draws, and its caches take these sizes. */
  constructor(
    readonly size: number,
    private readonly caches?: DrawCacheSizes,
  ) {
    if (size <= 0 && caches) sizeDrawCaches(caches);
  }

  draw(job: DrawJob): Promise<Buffer> {
    if (this.size <= 0) return runDrawJob(job, true);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Stops the workers (at shutdown: they would keep the process alive). A later draw starts new ones. */
  async close(): Promise<void> {
    this.closing = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('The render pool is closed'));
    for (const s of this.slots) clearTimeout(s.timer);
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
    this.closing = false;
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.current);
      if (!slot) {
        // Start workers for the jobs waiting, up to the pool's size; they take jobs when ready.
        const starting = this.slots.filter((s) => !s.ready).length;
        if (starting < this.queue.length && this.slots.length < this.size && !this.closing) {
          this.spawn();
          continue;
        }
        return;
      }
      const p = this.queue.shift()!;
      slot.current = p;
      // Every worker drawing, or more waiting: the CPU is the limit, so encode for speed.
      p.job.busy = this.queue.length > 0 || (this.slots.length === this.size && this.slots.every((s) => s.current));
      const ms = p.job.timeoutMs;
      if (ms && ms > 0) slot.timer = setTimeout(() => this.expire(slot, p, ms), ms);
      slot.worker.postMessage({ id: p.id, job: p.job }, [...new Set(p.job.layers.map(ownBlock))]);
    }
  }

  /** A job over its time: its worker goes (with whatever it holds), the job fails, the queue moves on. */
  private expire(slot: Slot, p: Pending, ms: number): void {
    if (slot.current !== p) return;
    this.slots = this.slots.filter((s) => s !== slot);
    slot.current = undefined;
    p.reject(new RenderTimeout(ms));
    void slot.worker.terminate();
    this.pump();
  }

  private spawn(): Slot {
    const worker = newWorker(this.caches);
    // Not enough on its own to let the process exit (serve kept running after SIGTERM):
    // closing the node also closes its pool.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (m: { ready?: boolean; id: number; image?: Uint8Array; error?: string }) => {
      if (m.ready) {
        slot.ready = true;
        this.pump();
        return;
      }
      const p = slot.current;
      if (!p || p.id !== m.id) return;
      clearTimeout(slot.timer);
      slot.current = undefined;
      if (m.image) p.resolve(Buffer.from(m.image.buffer, m.image.byteOffset, m.image.byteLength));
      else p.reject(new Error(m.error ?? 'Drawing failed'));
      this.pump();
    });
    const lost = (why: string) => {
      if (!this.slots.includes(slot)) return;
      clearTimeout(slot.timer);
      this.slots = this.slots.filter((s) => s !== slot);
      const failed = slot.current ?? (slot.ready ? undefined : this.queue.shift());
      // A worker that could not even start fails a waiting job, so a broken install cannot
      // start workers forever.
      failed?.reject(new Error(`A render worker stopped: ${why}`));
      slot.current = undefined;
      if (!this.closing) this.pump();
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exit ${code}`));
    return slot;
  }
}

/** A node's pool, made once at start: `threads` workers (default: one per core). */
export function renderPool(threads?: number, caches?: DrawCacheSizes): RenderPool {
  return new RenderPool(threads ?? availableParallelism(), caches);
}

/** The layer's block as memory the worker may take over: its own ArrayBuffer when the block is
 *  the whole of it, else a copy (a small Buffer from pg is a slice of Node's shared pool, and
 *  moving that would take it from every other Buffer in it). */
function ownBlock(l: DrawLayer): ArrayBuffer {
  const b = l.packed;
  if (!(b.buffer instanceof ArrayBuffer) || b.byteOffset !== 0 || b.byteLength !== b.buffer.byteLength)
    l.packed = b.slice();
  return l.packed.buffer as ArrayBuffer;
}

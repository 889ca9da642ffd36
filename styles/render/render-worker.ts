/** A render worker thread: takes DrawJobs from the pool, answers with the encoded image. */
import { parentPort, workerData } from 'node:worker_threads';
import { runDrawJob, type DrawJob } from './draw-job.js';
import { sizeDrawCaches, type DrawCacheSizes } from './draw.js';

// The pool's (the node's) cache sizes: this thread's caches are its own.
const sizes = (workerData as { caches?: DrawCacheSizes } | null)?.caches;
if (sizes) sizeDrawCaches(sizes);

async function answer({ id, job }: { id: number; job: DrawJob }): Promise<void> {
  try {
    const image = await runDrawJob(job);
    // A fresh copy we own, so its memory moves to the caller instead of being copied again.
    const out = new Uint8Array(image.length);
    out.set(image);
    parentPort!.postMessage({ id, image: out }, [out.buffer]);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
}

// The port ignores what a listener returns, so an async listener's rejection would go unhandled.
parentPort!.on('message', (m: { id: number; job: DrawJob }) => {
  answer(m).catch((e: unknown) => {
    // Not even the failure could be sent back: end this worker with the error, so the pool fails
    // its job and starts another one instead of the job waiting for an answer that never comes.
    setImmediate(() => {
      throw e;
    });
  });
});

// Loaded: the pool starts a job's clock only from here, not while the thread boots.
parentPort!.postMessage({ ready: true });

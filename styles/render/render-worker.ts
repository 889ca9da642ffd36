/** A render worker thread: takes DrawJobs from the pool, answers with the encoded image. */
import { parentPort } from 'node:worker_threads';
import { runDrawJob, type DrawJob } from './draw-job.js';

parentPort!.on('message', async ({ id, job }: { id: number; job: DrawJob }) => {
  try {
    const image = await runDrawJob(job);
    // A fresh copy we own, so its memory moves to the caller instead of being copied again.
    const out = new Uint8Array(image.length);
    out.set(image);
    parentPort!.postMessage({ id, image: out }, [out.buffer]);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});

// Loaded: the pool starts a job's clock only from here, not while the thread boots.
parentPort!.postMessage({ ready: true });

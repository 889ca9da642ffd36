/** Writing a large response in constant memory: chunks are gathered to ~64 KB and written
 *  with backpressure (waiting for 'drain'), so the database batches never pile up. A client that
 *  went away, or that stops reading for longer than the request's budget, ends the stream: the
 *  next write throws, so the encoder stops and its database cursor is closed. */
import type { Writable } from 'node:stream';
import { once } from 'node:events';

export interface ChunkWriter {
  write(s: string): Promise<void>;
  end(): Promise<void>;
}

const FLUSH_AT = 64 * 1024;
/** How long a reader may stall when the response names no budget (res.locals.budgetMs). */
const DEFAULT_STALL_MS = 60_000;

export class ClientGone extends Error {
  constructor() {
    super('The client closed the connection');
    this.name = 'ClientGone';
  }
}

const gone = (res: Writable) => res.destroyed || (res as any).socket?.destroyed === true;

/** Resolves on 'drain', or on 'close' (a client that went away); a client that neither reads nor
 *  leaves within stallMs is dropped (the socket is destroyed, which also frees the cursor). */
function drained(res: Writable, stallMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    const timer = stallMs > 0 ? setTimeout(() => {
      res.destroy();
      done();
    }, stallMs) : undefined;
    res.on('drain', done);
    res.on('close', done);
  });
}

export function chunkWriter(res: Writable): ChunkWriter {
  let buf = '';
  const budget = (res as any).locals?.budgetMs;
  // Only an HTTP response has a reader that may stall (a file is written at the disk's pace).
  const stallMs = 'setHeader' in res ? (typeof budget === 'number' ? budget : DEFAULT_STALL_MS) : 0;
  const flush = async () => {
    if (gone(res)) throw new ClientGone();
    if (!buf) return;
    const chunk = buf;
    buf = '';
    if (!res.write(chunk)) await drained(res, stallMs);
    if (gone(res)) throw new ClientGone();
  };
  return {
    async write(s: string) {
      if (gone(res)) throw new ClientGone();
      buf += s;
      if (buf.length >= FLUSH_AT) await flush();
    },
    async end() {
      await flush();
      const done = once(res, 'finish').catch(() => undefined);
      res.end();
      // A file is complete when 'finish' fires; an HTTP response need not be waited for.
      if (!('setHeader' in res)) await done;
    },
  };
}

/** Writing a large response in constant memory: chunks are gathered to ~64 KB and written
 *  with backpressure (waiting for 'drain'), so the database batches never pile up. */
import type { Writable } from 'node:stream';
import { once } from 'node:events';

export interface ChunkWriter {
  write(s: string): Promise<void>;
  end(): Promise<void>;
}

const FLUSH_AT = 64 * 1024;

/** Resolves on 'drain' or 'close' (a client that went away), removing both listeners. */
function drained(res: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function chunkWriter(res: Writable): ChunkWriter {
  let buf = '';
  const flush = async () => {
    if (!buf) return;
    const chunk = buf;
    buf = '';
    if (!res.write(chunk)) await drained(res);
  };
  return {
    async write(s: string) {
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

/** A batch's COPY rows travel beside its message, as raw bytes on a pipe of their own (the
 *  import process's file descriptor ROWS_FD): inside the message, V8's serializer copied them
 *  twice on the way out and once on the way in, and the copies' garbage was a sixth of the
 *  import process's reading time. The message says how many bytes are its rows; the node reads
 *  that many from the pipe, in order. */
import type { Readable } from 'node:stream';

/** The rows pipe's descriptor in the import process (0–2 are stdio, 3 the message channel). */
export const ROWS_FD = 4;

/** The node's end: bytes as they arrive, handed out n at a time. */
export class RowsIn {
  private chunks: Buffer[] = [];
  private have = 0;
  private want: { n: number; resolve(b: Buffer): void; reject(e: Error): void } | null = null;
  private closed: Error | null = null;

  constructor(private readonly stream: Readable) {
    stream.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.have += chunk.length;
      this.serve();
    });
    const close = () => this.fail(new Error('the rows pipe closed'));
    stream.on('close', close);
    stream.on('error', close);
  }

  /** The next n bytes: one chunk's own when it holds them all, else copied together. */
  take(n: number): Promise<Buffer> {
    if (this.want) return Promise.reject(new Error('the rows pipe is being read'));
    return new Promise((resolve, reject) => {
      this.want = { n, resolve, reject };
      this.serve();
    });
  }

  /** Whatever waits gets `err` (the process ended). */
  fail(err: Error): void {
    this.closed ??= err;
    const w = this.want;
    this.want = null;
    w?.reject(err);
  }

  /** Keeps the node alive while it works (see ImportProcess.hold). */
  hold(on: boolean): void {
    const s = this.stream as Readable & { ref?(): void; unref?(): void };
    if (on) s.ref?.();
    else s.unref?.();
  }

  private serve(): void {
    const w = this.want;
    if (!w) return;
    if (this.have < w.n) {
      if (this.closed) this.fail(this.closed);
      return;
    }
    this.want = null;
    w.resolve(this.shift(w.n));
  }

  private shift(n: number): Buffer {
    const first = this.chunks[0];
    if (first && first.length >= n) {
      this.have -= n;
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const c = this.chunks[0];
      const k = Math.min(c.length, n - at);
      c.copy(out, at, 0, k);
      at += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.have -= n;
    return out;
  }
}

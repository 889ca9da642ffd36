/** Rows written straight into one buffer that grows as they come (the COPY writers, copy-text.ts
 *  and copy-binary.ts): a buffer per row and a join cost as much as the formatting itself. */
export class RowBytes {
  protected buf: Buffer;
  protected at = 0;

  /** `size`: the bytes expected (the buffer grows when they are more). */
  constructor(size = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** The rows written so far, in a buffer of their own; the writer starts afresh. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(0);
    this.at = 0;
    return out;
  }

  /** Makes room for n more bytes. */
  protected room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n, 64 * 1024));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}

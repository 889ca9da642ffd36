import { expect } from 'chai';
import { PassThrough } from 'node:stream';
import { RowsIn } from '../../data/import/rows-pipe.js';

/** A batch's rows arrive on their own pipe in whatever pieces the kernel makes of them; the node
 *  takes each batch's bytes by the count its message gives, in order. */
describe('import: the rows pipe', () => {
  const bytes = (from: number, n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (from + i) % 256));

  it('hands out exactly n bytes at a time, across and within the pieces that arrived', async () => {
    const pipe = new PassThrough();
    const rows = new RowsIn(pipe);
    const all = bytes(0, 1000);
    // Pieces of odd sizes, some before and some after each take.
    pipe.write(all.subarray(0, 7));
    const first = rows.take(300);
    pipe.write(all.subarray(7, 290));
    pipe.write(all.subarray(290, 650));
    expect((await first).equals(all.subarray(0, 300))).to.equal(true);
    expect((await rows.take(100)).equals(all.subarray(300, 400))).to.equal(true);
    pipe.write(all.subarray(650, 1000));
    expect((await rows.take(599)).equals(all.subarray(400, 999))).to.equal(true);
    expect((await rows.take(1)).equals(all.subarray(999, 1000))).to.equal(true);
    expect((await rows.take(0)).length).to.equal(0);
  });

  it('refuses a take when the pipe closes first, or the process ends, instead of waiting for ever', async () => {
    const pipe = new PassThrough();
    const rows = new RowsIn(pipe);
    pipe.write(bytes(0, 10));
    const short = rows.take(50);
    pipe.destroy();
    const err = await short.then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).to.match(/closed/);
    const ended = new RowsIn(new PassThrough());
    const waiting = ended.take(5);
    ended.fail(new Error('the import process was ended by SIGKILL'));
    expect(
      await waiting.then(
        () => '',
        (e: Error) => e.message,
      ),
    ).to.match(/SIGKILL/);
  });
});

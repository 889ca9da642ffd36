import { expect } from 'chai';
import sharp from 'sharp';
import { RenderPool, RenderTimeout } from '../../styles/render/render-pool.js';
import { packLayer, runDrawJob, type DrawJob } from '../../styles/render/draw-job.js';
import { defaultStyle } from '../../styles/defaults.js';
import { twkb } from '../styles/draw-support.js';

const square = (x: number, y: number, s: number) =>
  twkb('polygon', [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ]);

function job(n: number, geometry?: Uint8Array): DrawJob {
  const features = Array.from({ length: n }, (_, i) => ({
    props: { fid: i },
    twkb: geometry ?? square((i * 7) % 200, (i * 13) % 200, 20),
  }));
  return {
    width: 256,
    height: 256,
    format: 'image/png',
    transparent: false,
    background: '#ffffff',
    scale: 5000,
    k: 1,
    layers: [packLayer(defaultStyle({ name: 'uji:persil', title: 'Persil', geometryType: 'MultiPolygon' }), features)],
  };
}

describe('render worker pool (drawing off the main thread)', () => {
  it('draws the same picture in workers as on the calling thread, several at once', async () => {
    const pool = new RenderPool(2);
    try {
      const here = await runDrawJob(job(50));
      const there = await Promise.all(Array.from({ length: 6 }, () => pool.draw(job(50))));
      const raw = async (png: Buffer) => sharp(png).raw().toBuffer();
      const want = await raw(here);
      for (const png of there) expect((await raw(png)).equals(want)).to.equal(true);
    } finally {
      await pool.close();
    }
  });

  it('moves a layer block that owns its memory to the worker, and copies one that shares it (a pooled Buffer)', async () => {
    const pool = new RenderPool(1);
    try {
      const own = job(5);
      const block = own.layers[0].packed;
      // A small Buffer is a slice of Node's shared pool, as pg's bytea values are.
      const shared = job(0);
      const small = Buffer.from(job(1).layers[0].packed);
      const neighbour = Buffer.from('still here');
      shared.layers[0] = { ...shared.layers[0], packed: small };
      expect(small.byteLength).to.be.below(small.buffer.byteLength);
      await Promise.all([pool.draw(own), pool.draw(shared)]);
      expect(block.byteLength, 'moved').to.equal(0);
      expect(small.byteLength, 'copied').to.be.greaterThan(0);
      expect(neighbour.toString()).to.equal('still here');
    } finally {
      await pool.close();
    }
  });

  it('fails only the broken job and keeps drawing', async () => {
    const pool = new RenderPool(1);
    try {
      const broken = pool.draw(job(1, Uint8Array.from([0x23, 0, 1, 200])));
      const good = pool.draw(job(3));
      const [b, g] = await Promise.allSettled([broken, good]);
      expect(b.status).to.equal('rejected');
      expect(g.status).to.equal('fulfilled');
      expect((await sharp((g as PromiseFulfilledResult<Buffer>).value).metadata()).width).to.equal(256);
    } finally {
      await pool.close();
    }
  });

  it('ends a job over its time limit: the worker is terminated, the job fails with RenderTimeout, the next job is drawn', async () => {
    const pool = new RenderPool(1);
    try {
      const heavy = { ...job(20_000), width: 2048, height: 2048, timeoutMs: 1 };
      const t0 = Date.now();
      const err = await pool.draw(heavy).then(
        () => undefined,
        (e) => e,
      );
      expect(err).to.be.instanceOf(RenderTimeout);
      expect(Date.now() - t0).to.be.below(5000);
      const png = await pool.draw({ ...job(3), timeoutMs: 20_000 });
      expect((await sharp(png).metadata()).width).to.equal(256);
    } finally {
      await pool.close();
    }
  });

  it('on the calling thread (size 0) a job over its time limit stops itself between runs of features', async () => {
    const err = await new RenderPool(0).draw({ ...job(20_000), width: 2048, height: 2048, timeoutMs: 1 }).then(
      () => undefined,
      (e) => e,
    );
    expect(err).to.be.instanceOf(RenderTimeout);
  });

  it('draws on the calling thread when its size is 0', async () => {
    const png = await new RenderPool(0).draw(job(2));
    expect((await sharp(png).metadata()).format).to.equal('png');
  });
});

import { expect } from 'chai';
import { QuerySlots } from '../../data/render/query-slots.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('map query slots (map queries taken in turn)', () => {
  it('runs at most its size at once, the others in arrival order', async () => {
    const slots = new QuerySlots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        slots.run(async () => {
          started.push(i);
          most = Math.max(most, ++running);
          await tick(5);
          running--;
          return i;
        }),
      ),
    );
    expect(most).to.equal(2);
    expect(started).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
  });

  it('frees the slot of a query that fails', async () => {
    const slots = new QuerySlots(1);
    const failed = slots.run(async () => {
      throw new Error('statement timeout');
    });
    const next = slots.run(async () => 'drawn');
    const [f, n] = await Promise.allSettled([failed, next]);
    expect(f.status === 'rejected' && (f.reason as Error).message).to.equal('statement timeout');
    expect(n.status === 'fulfilled' && n.value).to.equal('drawn');
  });

  it('does not limit with size 0', async () => {
    const slots = new QuerySlots(0);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        slots.run(async () => {
          most = Math.max(most, ++running);
          await tick(2);
          running--;
        }),
      ),
    );
    expect(most).to.equal(5);
  });
});

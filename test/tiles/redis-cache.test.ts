/** The Redis tile cache's connection: it reconnects after the connection drops, and while
 *  Redis is away a tile never waits for it (misses at once, writes dropped). */
import { expect } from 'chai';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { RedisTileCache } from '../../tiles/cache-redis.js';
import type { TileKey } from '../../tiles/cache-key.js';
import { redisDelete, redisKeys, TEST_REDIS_URL } from '../support/redis.js';

const key = (text: string): TileKey => ({ layerPart: text.split('/')[0], text, etag: '"x"' });

/** A TCP proxy in front of the test Redis whose connections the test can cut. */
async function proxy(): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(6379, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `redis://127.0.0.1:${port}/0`,
    cut: () => sockets.forEach((s) => s.destroy()),
    close: () =>
      new Promise<void>((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

describe('tiles: the Redis cache connection', function () {
  this.timeout(30_000);
  const prefix = `simpul-test-${randomBytes(4).toString('hex')}:tile:`;
  after(async () => redisDelete(await redisKeys(`${prefix.replace(/:tile:$/, '')}*`)));

  it('reconnects after the connection drops, answering misses meanwhile', async () => {
    const p = await proxy();
    const cache = new RedisTileCache(p.url, { prefix });
    try {
      await cache.ready;
      const body = Buffer.from([0x1f, 0x8b, 0, 1, 2, 255]);
      await cache.set(key('a/s/WebMercatorQuad/1/0/0/x.pbf'), body);
      expect(await cache.get(key('a/s/WebMercatorQuad/1/0/0/x.pbf'))).to.deep.equal(body);
      p.cut();
      const t = Date.now();
      expect(await cache.get(key('a/s/WebMercatorQuad/1/0/0/x.pbf'))).to.equal(null);
      expect(Date.now() - t, 'a miss while away is immediate').to.be.lessThan(1000);
      let back: Buffer | null = null;
      for (let i = 0; i < 100 && !back; i++) {
        await new Promise((r) => setTimeout(r, 100));
        back = await cache.get(key('a/s/WebMercatorQuad/1/0/0/x.pbf'));
      }
      expect(back).to.deep.equal(body);
      expect((await cache.stats()).entries).to.equal(1);
    } finally {
      await cache.close();
      await p.close();
    }
  });

  it('a command run right after opening (simpul cache clear) waits for the connection', async () => {
    const cache = new RedisTileCache(TEST_REDIS_URL, { prefix });
    try {
      expect(await cache.clear('nothing')).to.equal(0);
      expect((await cache.stats()).maxBytes).to.be.greaterThan(0);
    } finally {
      await cache.close();
    }
  });

  it('with Redis unreachable, tiles are misses and writes are dropped, at once', async () => {
    const errors: Error[] = [];
    const cache = new RedisTileCache('redis://127.0.0.1:1/0', { prefix, onError: (e) => errors.push(e) });
    try {
      const t = Date.now();
      await cache.ready;
      expect(Date.now() - t).to.be.lessThan(3000);
      const u = Date.now();
      expect(await cache.get(key('b/s/WebMercatorQuad/1/0/0/x.pbf'))).to.equal(null);
      await cache.set(key('b/s/WebMercatorQuad/1/0/0/x.pbf'), Buffer.from([1]));
      expect(Date.now() - u).to.be.lessThan(500);
      expect(errors.length, 'the failure is told once, not per retry').to.equal(1);
    } finally {
      await cache.close();
    }
  });
});

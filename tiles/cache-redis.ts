/** The tile cache in Redis, bounded by a quota in bytes with least-recently-used eviction.
 *
 *  The Redis server may be shared with other applications, so Simpul neither relies on nor
 *  changes its `maxmemory-policy`: it keeps its own books next to its keys — a sorted set of
 *  last use (`{base}~lru`), a hash of each entry's cost (`{base}~size`) and the total
 *  (`{base}~bytes`) — and every write runs one Lua script that stores the tile, updates the
 *  books and evicts the least recently used entries while the total is over the quota. Being
 *  atomic, it stays right when several nodes share the cache (they should share the quota
 *  too: each write evicts down to the writer's). A hit moves the entry's last use (ZADD XX,
 *  not awaited). Entries keep a TTL of a week as a safety net: old versions are never asked
 *  for again; an expired entry's books are dropped when it reaches the head of the list.
 *  Keys of other applications, or a server that evicts our keys on its own, only make the
 *  books count more than is there, never less. */
import { createHash } from 'node:crypto';
import { createClient, RESP_TYPES } from 'redis';
import { safe, type CacheStats, type TileCache, type TileKey } from './cache-key.js';

/** A stored entry costs its bytes plus its key three times (entry, sorted set, hash) and
 *  Redis' own overhead per entry. */
const ENTRY_OVERHEAD = 512;
const TTL_SECONDS = 7 * 86400;
/** Entries one write may evict (the next write goes on). */
const EVICT_STEP = 128;
const TOUCH_EVERY_MS = 60_000;
const TOUCH_AFTER_WRITES = 32;

// KEYS: tile, lru, size, bytes. ARGV: body, ttl, now, cost, maxBytes, maxEvict.
const SET_SCRIPT = `
local old = tonumber(redis.call('HGET', KEYS[3], KEYS[1]) or '0')
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('HSET', KEYS[3], KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])
local total = redis.call('INCRBY', KEYS[4], tonumber(ARGV[4]) - old)
local max = tonumber(ARGV[5])
local n = 0
while total > max and n < tonumber(ARGV[6]) do
  local victim = redis.call('ZPOPMIN', KEYS[2])
  if #victim == 0 then
    redis.call('SET', KEYS[4], 0)
    return 0
  end
  local c = tonumber(redis.call('HGET', KEYS[3], victim[1]) or '0')
  redis.call('HDEL', KEYS[3], victim[1])
  redis.call('DEL', victim[1])
  total = redis.call('DECRBY', KEYS[4], c)
  n = n + 1
end
return total`;

// KEYS: lru, size, bytes. ARGV: the tile keys to remove.
const CLEAR_SCRIPT = `
local n = 0
for _, k in ipairs(ARGV) do
  local c = redis.call('HGET', KEYS[2], k)
  n = n + redis.call('DEL', k)
  if c then
    redis.call('HDEL', KEYS[2], k)
    redis.call('DECRBY', KEYS[3], tonumber(c))
  end
  redis.call('ZREM', KEYS[1], k)
end
return n`;

const escGlob = (s: string) => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const SET_SHA = sha1(SET_SCRIPT);
const CLEAR_SHA = sha1(CLEAR_SCRIPT);

/** Waits this long for the first connection before `ready` resolves anyway (a cache that is
 *  away only makes misses). */
const READY_WAIT_MS = 2000;

export interface RedisCacheOptions {
  prefix?: string;
  maxBytes?: number;
  /** Told when the connection fails, once until it is back. */
  onError?: (err: Error) => void;
}

/** A client that reconnects on its own (backing off up to 2 s) and, while it is away, fails
 *  commands at once instead of queueing them: a tile never waits for the cache. */
function connect(url: string, onError: (err: Error) => void) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (n: number) => Math.min(50 * 2 ** n, 2000) },
  });
  let reported = false;
  client.on('error', (err: Error) => {
    if (!reported) onError(err);
    reported = true;
  });
  client.on('ready', () => (reported = false));
  const connected = client.connect().then(
    () => undefined,
    () => undefined,
  );
  // The same connection reading bulk strings as bytes (tiles).
  return { client, bytes: client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }), connected };
}

type Connection = ReturnType<typeof connect>;

export class RedisTileCache implements TileCache {
  private readonly lru: string;
  private readonly sizes: string;
  private readonly bytes: string;
  private readonly maxBytes: number;
  private readonly prefix: string;
  readonly ready: Promise<void>;
  private readonly client: Connection['client'];
  private readonly bytesClient: Connection['bytes'];
  /** When this node last moved an entry's last use, by time and by its count of writes. */
  private readonly touched = new Map<string, { time: number; writes: number }>();
  private writes = 0;

  constructor(url: string, opts: RedisCacheOptions = {}) {
    const { client, bytes, connected } = connect(url, opts.onError ?? (() => {}));
    this.client = client;
    this.bytesClient = bytes;
    this.ready = Promise.race([connected, new Promise<void>((r) => setTimeout(r, READY_WAIT_MS).unref())]);
    this.prefix = opts.prefix ?? 'simpul:tile:';
    this.maxBytes = opts.maxBytes ?? Number.MAX_SAFE_INTEGER;
    // Outside the tiles' own pattern (prefix*), so SCAN for tiles never meets them.
    const base = this.prefix.replace(/:+$/, '');
    this.lru = `${base}~lru`;
    this.sizes = `${base}~size`;
    this.bytes = `${base}~bytes`;
  }

  cost(size: number): number {
    return size + ENTRY_OVERHEAD;
  }

  async get(key: TileKey): Promise<Buffer | null> {
    const k = this.prefix + key.text;
    try {
      const body = await this.bytesClient.get(k);
      if (body) {
        this.remember(key.text, Date.now());
        this.lastUse(k, Date.now());
      }
      return body ?? null;
    } catch {
      return null;
    }
  }

  /** A memory hit: moves the entry's last use — not on every hit (a command per memory hit
   *  would cost more than the hit) but once TOUCH_AFTER_WRITES writes have gone by since the
   *  last (only writes evict), or a minute (other nodes write too). */
  touch(key: TileKey): void {
    const now = Date.now();
    const last = this.touched.get(key.text);
    if (last && this.writes - last.writes < TOUCH_AFTER_WRITES && now - last.time < TOUCH_EVERY_MS) return;
    this.remember(key.text, now);
    this.lastUse(this.prefix + key.text, now);
  }

  /** Moves an entry's last use; not awaited, and a failure only makes its eviction earlier. */
  private lastUse(k: string, time: number) {
    this.client.sendCommand(['ZADD', this.lru, 'XX', String(time), k]).catch(() => {});
  }

  /** Runs a script by its SHA1, sending its text once when the server does not have it yet. */
  private async script(text: string, sha: string, keys: string[], args: Array<string | Buffer>): Promise<unknown> {
    try {
      return await this.client.evalSha(sha, { keys, arguments: args });
    } catch (err) {
      if (!/NOSCRIPT/.test((err as Error).message)) throw err;
      return this.client.eval(text, { keys, arguments: args });
    }
  }

  private remember(text: string, time: number) {
    if (this.touched.size > 100_000) this.touched.clear();
    this.touched.set(text, { time, writes: this.writes });
  }

  async set(key: TileKey, body: Buffer): Promise<void> {
    const k = this.prefix + key.text;
    this.writes++;
    this.remember(key.text, Date.now());
    try {
      await this.script(
        SET_SCRIPT,
        SET_SHA,
        [k, this.lru, this.sizes, this.bytes],
        [
          body,
          String(TTL_SECONDS),
          String(Date.now()),
          String(this.cost(body.length)),
          String(this.maxBytes),
          String(EVICT_STEP),
        ],
      );
    } catch {
      /* the cache is an optimisation */
    }
  }

  async stats(): Promise<CacheStats> {
    await this.ready; // a command run at start (cache clear) waits for the connection
    const [bytes, entries] = await Promise.all([this.client.get(this.bytes), this.client.zCard(this.lru)]);
    return { bytes: Number(bytes ?? 0), entries: Number(entries), maxBytes: this.maxBytes, complete: true };
  }

  async clear(layer?: string): Promise<number> {
    await this.ready;
    const patterns = layer
      ? [
          `${this.prefix}${escGlob(safe(layer))}/*`,
          `${this.prefix}*,${escGlob(safe(layer))}/*`,
          `${this.prefix}${escGlob(safe(layer))},*`,
        ]
      : [`${this.prefix}*`];
    let n = 0;
    for (const pattern of patterns) {
      for await (const keys of this.client.scanIterator({ MATCH: pattern, COUNT: 1000 })) {
        const names = keys.filter(
          (k) => !layer || k.slice(this.prefix.length).split('/')[0].split(',').includes(safe(layer)),
        );
        if (names.length)
          n += Number(await this.script(CLEAR_SCRIPT, CLEAR_SHA, [this.lru, this.sizes, this.bytes], names));
      }
    }
    // Everything gone: the books start again (entries that had expired left theirs behind).
    if (!layer) await this.client.del([this.lru, this.sizes, this.bytes]);
    return n;
  }

  async close(): Promise<void> {
    // Waits for commands under way; a client that never connected has nothing to wait for.
    if (this.client.isReady) await this.client.close().catch(() => this.client.destroy());
    else this.client.destroy();
  }
}

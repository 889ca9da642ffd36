/** The tile cache: on disk under config.cacheDir, or in Redis when REDIS_URL is set. A key
 *  names the layers with their data and style versions and the caller's visibility scope, so
 *  an edit (which moves dataVersion) or a new style is never answered from an old entry, and
 *  nothing crosses scopes. Old entries are simply never asked for again; `simpul cache clear`
 *  removes them. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Layer } from '../data/catalogue/layer.js';
import { RedisClient } from './redis.js';

export interface TileKeyParts {
  layers: Layer[];
  scope: string;
  tms: string;
  z: number;
  x: number;
  y: number;
  /** File extension: pbf, png, jpg, webp. */
  format: string;
  /** Style names (raster), '' for the default. */
  style?: string;
}

export interface TileKey {
  /** Folder part: the layer names (what `cache clear LAYER` matches). */
  layerPart: string;
  /** The full, unique key text. */
  text: string;
  /** Strong validator for HTTP. */
  etag: string;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_.,-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

export function tileKey(p: TileKeyParts): TileKey {
  const layerPart = p.layers.map((l) => safe(l.name)).join(',');
  const versions = p.layers.map((l) => `${l.dataVersion}.${l.styleVersion}`).join(',');
  const ids = createHash('sha1').update(p.layers.map((l) => l.id).join(',')).digest('hex').slice(0, 8);
  const text = `${layerPart}/${safe(p.scope)}/${p.tms}/${p.z}/${p.x}/${p.y}/${ids}.${versions}.${safe(p.style ?? '')}.${p.format}`;
  const etag = `"${createHash('sha1').update(text).digest('base64url').slice(0, 22)}"`;
  return { layerPart, text, etag };
}

export interface TileCache {
  get(key: TileKey): Promise<Buffer | null>;
  set(key: TileKey, body: Buffer): Promise<void>;
  /** Removes every tile of a layer (every tile when no layer is named); returns how many entries went. */
  clear(layer?: string): Promise<number>;
  close(): Promise<void>;
}

export class DiskTileCache implements TileCache {
  /** Folders known to exist: most writes go to a folder written before (no mkdir). */
  private readonly made = new Set<string>();

  constructor(private readonly root: string) {}

  private path(key: TileKey) {
    return join(this.root, key.text);
  }

  async get(key: TileKey): Promise<Buffer | null> {
    // Synchronous on purpose: a miss (ENOENT) or a tile of a few KiB costs microseconds, less
    // than a round trip through libuv's thread pool, which is busy under load.
    try {
      return readFileSync(this.path(key));
    } catch {
      return null;
    }
  }

  /** Synchronous too, but after the answer has gone (setImmediate): a tile of a few KiB is a
   *  few microsecond syscalls, cheaper than four thread-pool round trips of fs/promises, whose
   *  completions would land in the middle of later requests. */
  set(key: TileKey, body: Buffer): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        try {
          this.write(this.path(key), body);
        } catch {
          /* a full disk or a read-only folder only costs the cache */
        }
        resolve();
      }),
    );
  }

  private write(file: string, body: Buffer) {
    const dir = join(file, '..');
    // Write then rename, so a reader never sees half a tile.
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    if (!this.made.has(dir)) this.makeDir(dir);
    try {
      writeFileSync(tmp, body);
    } catch (err) {
      // `simpul cache clear` in another process may have removed the folder.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.makeDir(dir);
      writeFileSync(tmp, body);
    }
    renameSync(tmp, file);
  }

  private makeDir(dir: string) {
    mkdirSync(dir, { recursive: true });
    if (this.made.size > 100_000) this.made.clear();
    this.made.add(dir);
  }

  async clear(layer?: string): Promise<number> {
    let dirs: string[];
    try {
      dirs = await readdir(this.root);
    } catch {
      return 0;
    }
    const want = layer ? safe(layer) : null;
    let n = 0;
    for (const d of dirs) {
      if (want && !d.split(',').includes(want)) continue;
      n += await countFiles(join(this.root, d));
      await rm(join(this.root, d), { recursive: true, force: true });
    }
    this.made.clear();
    return n;
  }

  async close(): Promise<void> {}
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    n += e.isDirectory() ? await countFiles(join(dir, e.name)) : 1;
  }
  return n;
}

export class RedisTileCache implements TileCache {
  constructor(private readonly client: RedisClient, private readonly prefix = 'simpul:tile:') {}

  async get(key: TileKey): Promise<Buffer | null> {
    try {
      return await this.client.getBuffer(this.prefix + key.text);
    } catch {
      return null;
    }
  }

  async set(key: TileKey, body: Buffer): Promise<void> {
    try {
      // Entries of old versions are never read again: let them expire after a week.
      await this.client.command(['SET', this.prefix + key.text, body, 'EX', String(7 * 86400)]);
    } catch {
      /* the cache is an optimisation */
    }
  }

  async clear(layer?: string): Promise<number> {
    const patterns = layer ? [`${this.prefix}${escGlob(safe(layer))}/*`, `${this.prefix}*,${escGlob(safe(layer))}/*`, `${this.prefix}${escGlob(safe(layer))},*`] : [`${this.prefix}*`];
    let n = 0;
    for (const pattern of patterns) {
      let cursor = '0';
      do {
        const [next, keys] = (await this.client.command(['SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000'])) as [Buffer, Buffer[]];
        cursor = next.toString();
        const names = keys.map(String).filter((k) => !layer || k.slice(this.prefix.length).split('/')[0].split(',').includes(safe(layer)));
        if (names.length) n += Number(await this.client.command(['DEL', ...names]));
      } while (cursor !== '0');
    }
    return n;
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

const escGlob = (s: string) => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/** The cache a node uses: Redis when configured, else the disk. */
export function openTileCache(config: { cacheDir: string; redisUrl: string | null }): TileCache {
  if (config.redisUrl) return new RedisTileCache(new RedisClient(config.redisUrl));
  return new DiskTileCache(join(config.cacheDir, 'tiles'));
}

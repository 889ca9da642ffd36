/** The tile cache on disk, bounded by a quota in bytes with least-recently-used eviction.
 *
 *  An in-memory index (a Map in last-use order: a hit moves its entry to the end) knows each
 *  file's cost. It is rebuilt at start by walking the folder in the background (asynchronous,
 *  a few stats at a time), ordered by the files' last access/modification time; until the walk
 *  ends the quota is enforced on what this process knows. Another process that changes the
 *  folder (`simpul cache clear`, `simpul seed`) touches MARKER, and the node walks again.
 *
 *  A file counts as the disk holds it: its size rounded up to 4 KiB blocks, plus 4 KiB for its
 *  inode and the folders made for it, so thousands of tiny (empty) tiles count too. */
import {
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { opendir, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { safe, type CacheStats, type TileCache, type TileKey } from './cache-key.js';

const BLOCK = 4096;
/** Bytes a file of `size` bytes takes on disk, with its share of folders. */
export const diskCost = (size: number) => Math.ceil(size / BLOCK) * BLOCK + BLOCK;

/** Touched by other processes that change the folder; the node then walks it again. */
export const MARKER = '.changed';
/** How often (at most) a write looks at MARKER. */
const MARKER_CHECK_MS = 2000;
/** Files removed per eviction step; the rest follow in later turns of the event loop. */
const EVICT_STEP = 256;

interface Walked {
  rel: string;
  cost: number;
  time: number;
}

export class DiskTileCache implements TileCache {
  /** Folders known to exist: most writes go to a folder written before (no mkdir). */
  private readonly made = new Set<string>();
  /** Relative path → cost, in order of last use (least recent first). */
  private index = new Map<string, number>();
  private total = 0;
  private walking = false;
  /** A clear during a walk: the walk's findings are stale, walk again. */
  private rewalk = false;
  private evicting = false;
  private markerSeen = 0;
  private markerCheckedAt = 0;
  /** Resolves when the index knows the whole folder (after the first walk). */
  ready: Promise<void> = Promise.resolve();
  private readonly maxBytes: number;
  private closed = false;

  constructor(
    private readonly root: string,
    opts: { maxBytes?: number; index?: boolean } = {},
  ) {
    this.maxBytes = opts.maxBytes ?? Infinity;
    if (opts.index !== false) {
      this.markerSeen = this.markerTime();
      this.ready = this.walk();
    }
  }

  private path(key: TileKey) {
    return join(this.root, key.text);
  }

  async get(key: TileKey): Promise<Buffer | null> {
    // Synchronous on purpose: a miss (ENOENT) or a tile of a few KiB costs microseconds, less
    // than a round trip through libuv's thread pool, which is busy under load.
    let body: Buffer;
    try {
      body = readFileSync(this.path(key));
    } catch {
      const cost = this.index.get(key.text);
      if (cost !== undefined) this.drop(key.text, cost); // removed behind our back
      return null;
    }
    // Move to the end (most recent); a file this process has not seen yet (written before the
    // walk reached it, or by another process) is learnt from its size.
    const cost = this.index.get(key.text);
    if (cost !== undefined) this.index.delete(key.text);
    else this.total += diskCost(body.length);
    this.index.set(key.text, cost ?? diskCost(body.length));
    return body;
  }

  touch(key: TileKey): void {
    const cost = this.index.get(key.text);
    if (cost === undefined) return;
    this.index.delete(key.text);
    this.index.set(key.text, cost);
  }

  /** Synchronous too, but after the answer has gone (setImmediate): a tile of a few KiB is a
   *  few microsecond syscalls, cheaper than four thread-pool round trips of fs/promises, whose
   *  completions would land in the middle of later requests. */
  set(key: TileKey, body: Buffer): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        try {
          this.checkMarker();
          this.write(this.path(key), body);
          const old = this.index.get(key.text);
          if (old !== undefined) {
            this.index.delete(key.text);
            this.total -= old;
          }
          const cost = diskCost(body.length);
          this.index.set(key.text, cost);
          this.total += cost;
          this.evict();
        } catch {
          /* a full disk or a read-only folder only costs the cache */
        }
        resolve();
      }),
    );
  }

  private write(file: string, body: Buffer) {
    const dir = dirname(file);
    // Write then rename, so a reader never sees half a tile.
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    if (!this.made.has(dir)) this.makeDir(dir);
    try {
      writeFileSync(tmp, body);
    } catch (err) {
      // `simpul cache clear` in another process (or an eviction) may have removed the folder.
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

  private drop(rel: string, cost: number) {
    this.index.delete(rel);
    this.total -= cost;
  }

  /** Removes least recently used files until the total is within the quota. Until the first
   *  walk ends, only when what this process knows is already over it. */
  private evict() {
    if (this.evicting || this.total <= this.maxBytes) return;
    this.evicting = true;
    let n = 0;
    for (const [rel, cost] of this.index) {
      if (this.total <= this.maxBytes || n++ >= EVICT_STEP) break;
      this.drop(rel, cost);
      this.remove(rel);
    }
    this.evicting = false;
    if (this.total > this.maxBytes) setImmediate(() => this.evict());
  }

  /** Deletes a file and the folders it leaves empty (up to the cache's root). */
  private remove(rel: string) {
    try {
      unlinkSync(join(this.root, rel));
    } catch {
      /* already gone */
    }
    let dir = dirname(rel);
    while (dir && dir !== '.') {
      try {
        rmdirSync(join(this.root, dir)); // fails (ENOTEMPTY) as soon as a folder still holds something
      } catch {
        break;
      }
      this.made.delete(join(this.root, dir));
      dir = dirname(dir);
    }
  }

  private markerTime(): number {
    try {
      return statSync(join(this.root, MARKER)).mtimeMs;
    } catch {
      return 0;
    }
  }

  /** Another process changed the folder: forget the index and walk it again. */
  private checkMarker() {
    const now = Date.now();
    if (now - this.markerCheckedAt < MARKER_CHECK_MS) return;
    this.markerCheckedAt = now;
    const t = this.markerTime();
    if (t === this.markerSeen) return;
    this.markerSeen = t;
    this.index.clear();
    this.total = 0;
    this.made.clear();
    if (this.walking) this.rewalk = true;
    else this.ready = this.walk();
  }

  /** Walks the folder (off the request path) and merges what it finds under what this process
   *  has used since: files found are older than anything used here. While walking, if what it
   *  found passes twice the quota, the oldest are removed at once so memory stays bounded. */
  private async walk(): Promise<void> {
    this.walking = true;
    try {
      do {
        this.rewalk = false;
        let found: Walked[] = [];
        let foundBytes = 0;
        const prune = async () => {
          found.sort((a, b) => b.time - a.time);
          let keep = 0,
            bytes = 0;
          while (keep < found.length && bytes + found[keep].cost <= this.maxBytes) bytes += found[keep++].cost;
          for (const f of found.slice(keep))
            if (!this.index.has(f.rel)) await unlink(join(this.root, f.rel)).catch(() => {});
          found = found.slice(0, keep);
          foundBytes = bytes;
        };
        const visit = async (dir: string): Promise<void> => {
          let handle;
          try {
            handle = await opendir(join(this.root, dir));
          } catch {
            return;
          }
          const files: string[] = [];
          for await (const e of handle) {
            if (this.closed) break;
            if (e.name.startsWith('.')) continue;
            const rel = dir ? `${dir}/${e.name}` : e.name;
            if (e.isDirectory()) await visit(rel);
            else if (e.isFile()) files.push(rel);
          }
          for (let i = 0; i < files.length; i += 32) {
            await Promise.all(
              files.slice(i, i + 32).map(async (rel) => {
                const s = await stat(join(this.root, rel)).catch(() => null);
                if (!s) return;
                // A temporary file of a write that never finished (a crash): not a tile.
                if (rel.endsWith('.tmp')) {
                  if (Date.now() - s.mtimeMs > 60_000) await rm(join(this.root, rel), { force: true });
                  return;
                }
                found.push({ rel, cost: diskCost(s.size), time: Math.max(s.atimeMs, s.mtimeMs) });
                foundBytes += diskCost(s.size);
              }),
            );
            if (foundBytes > 2 * this.maxBytes) await prune();
          }
        };
        await visit('');
        if (this.rewalk) continue;
        found.sort((a, b) => a.time - b.time);
        const merged = new Map<string, number>();
        let total = 0;
        for (const f of found) {
          if (this.index.has(f.rel) || merged.has(f.rel)) continue;
          merged.set(f.rel, f.cost);
          total += f.cost;
        }
        for (const [rel, cost] of this.index) {
          merged.set(rel, cost);
          total += cost;
        }
        this.index = merged;
        this.total = total;
      } while (this.rewalk);
    } finally {
      this.walking = false;
    }
    this.evict();
  }

  cost(size: number): number {
    return diskCost(size);
  }

  stats(): CacheStats {
    return { bytes: this.total, entries: this.index.size, maxBytes: this.maxBytes, complete: !this.walking };
  }

  async clear(layer?: string): Promise<number> {
    let dirs: string[] = [];
    try {
      const h = await opendir(this.root);
      for await (const e of h) if (!e.name.startsWith('.')) dirs.push(e.name);
    } catch {
      return 0;
    }
    const want = layer ? safe(layer) : null;
    if (want) dirs = dirs.filter((d) => d.split(',').includes(want));
    let n = 0;
    for (const d of dirs) {
      n += await countFiles(join(this.root, d));
      await rm(join(this.root, d), { recursive: true, force: true });
    }
    for (const [rel, cost] of this.index) if (dirs.includes(rel.split('/')[0])) this.drop(rel, cost);
    if (this.walking) this.rewalk = true;
    this.made.clear();
    this.announceChange();
    return n;
  }

  /** Tells a node serving from this folder that another process changed it. */
  announceChange() {
    try {
      mkdirSync(this.root, { recursive: true });
      const f = join(this.root, MARKER);
      const now = new Date();
      try {
        utimesSync(f, now, now);
      } catch {
        writeFileSync(f, '');
      }
      this.markerSeen = this.markerTime();
    } catch {
      /* nothing to tell */
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.ready.catch(() => {});
  }
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  try {
    for await (const e of await opendir(dir)) {
      if (e.isDirectory()) n += await countFiles(join(dir, e.name));
      else if (!e.name.endsWith('.tmp')) n++;
    }
  } catch {
    /* gone */
  }
  return n;
}

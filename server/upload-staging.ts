/** The upload wizard's staging: the files of one upload wait in a folder of their own, tied to the
 *  user who sent them, between the upload (step 1) and the write (step 3). A folder is removed when
 *  its import ends (written or failed), when the upload is refused, and an hour after the upload
 *  whatever happened; folders left by a stopped node are removed by the same sweep (by age). */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** An import started from the wizard, as its progress bar reads it. */
export interface StagedJob {
  state: 'running' | 'done' | 'failed';
  /** Features written so far (every layer), and how many the file said it has (null: unknown). */
  read: number;
  total: number | null;
  /** What the wizard says when it ends: the layers written, or why not. */
  result?: unknown;
  error?: string;
}

export interface Staged {
  id: string;
  dir: string;
  userId: number;
  /** The files as received (for the import: one file, or the folder of several). */
  files: string[];
  /** The layer (org:name) whose new version this upload is, if any. */
  replace?: string;
  created: number;
  job?: StagedJob;
  /** Descriptions by their options, the last few (the page and its sample read the same). */
  described: Map<string, Promise<unknown>>;
}

export const STAGING_TTL_MS = 60 * 60 * 1000;
const SWEEP_MS = 5 * 60 * 1000;

export class Staging {
  private readonly entries = new Map<string, Staged>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly root = join(tmpdir(), 'simpul-staging'),
    readonly ttlMs = STAGING_TTL_MS,
  ) {
    mkdirSync(root, { recursive: true });
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  /** Takes over a received upload's folder (moved under the staging root). */
  add(received: { dir: string; files: string[] }, userId: number, replace?: string): Staged {
    const id = randomBytes(12).toString('hex');
    const dir = join(this.root, id);
    renameSync(received.dir, dir);
    const staged: Staged = {
      id,
      dir,
      userId,
      files: received.files,
      replace,
      created: Date.now(),
      described: new Map(),
    };
    this.entries.set(id, staged);
    return staged;
  }

  /** The user's staged upload, or undefined (another user's is as unknown as an expired one). */
  get(id: string, userId: number): Staged | undefined {
    const s = this.entries.get(id);
    if (!s || s.userId !== userId || Date.now() - s.created > this.ttlMs) return undefined;
    return s;
  }

  /** What the import reads: the one file, or the folder of a shapefile's parts. */
  source(s: Staged): string {
    return s.files.length === 1 ? join(s.dir, s.files[0]) : s.dir;
  }

  /** Removes the files (the entry stays for its job's status until it expires). */
  removeFiles(s: Staged): void {
    rmSync(s.dir, { recursive: true, force: true });
    s.described.clear();
  }

  /** Forgets an upload at once, files and all (one that was refused). */
  drop(s: Staged): void {
    this.removeFiles(s);
    this.entries.delete(s.id);
  }

  sweep(now = Date.now()): void {
    for (const [id, s] of this.entries) {
      if (now - s.created <= this.ttlMs || s.job?.state === 'running') continue;
      this.removeFiles(s);
      this.entries.delete(id);
    }
    // Folders no entry knows (a node stopped mid-way), once old enough.
    let names: string[] = [];
    try {
      names = readdirSync(this.root);
    } catch {
      return;
    }
    for (const name of names) {
      if (this.entries.has(name)) continue;
      const path = join(this.root, name);
      try {
        if (now - statSync(path).mtimeMs > this.ttlMs) rmSync(path, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}

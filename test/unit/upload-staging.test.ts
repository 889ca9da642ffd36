import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Staging } from '../../server/upload-staging.js';

/** The wizard's staging folders: tied to their user, removed when used, when expired, and when orphaned. */
describe('upload staging', () => {
  const root = mkdtempSync(join(tmpdir(), 'simpul-staging-test-'));
  const staging = new Staging(join(root, 'staging'), 1000);
  after(() => {
    staging.close();
    rmSync(root, { recursive: true, force: true });
  });

  const received = (name: string) => {
    const dir = mkdtempSync(join(root, 'upload-'));
    writeFileSync(join(dir, name), 'x');
    return { dir, files: [name] };
  };

  it('keeps an upload for its own user only, and drops a refused one with its files', () => {
    const s = staging.add(received('a.geojson'), 7);
    expect(staging.source(s)).to.equal(join(s.dir, 'a.geojson'));
    expect(staging.get(s.id, 7)).to.equal(s);
    expect(staging.get(s.id, 8)).to.equal(undefined);
    staging.drop(s);
    expect(existsSync(s.dir)).to.equal(false);
    expect(staging.get(s.id, 7)).to.equal(undefined);
  });

  it('sweeps expired uploads (not one whose import runs) and folders no entry knows', () => {
    const old = staging.add(received('b.zip'), 7);
    const running = staging.add(received('c.zip'), 7);
    running.job = { state: 'running', read: 0, total: null };
    const orphan = join(staging.root, 'left-by-a-stopped-node');
    mkdirSync(orphan);
    const past = (Date.now() - 5000) / 1000;
    utimesSync(orphan, past, past);
    staging.sweep(Date.now() + 2000);
    expect(existsSync(old.dir)).to.equal(false);
    expect(existsSync(running.dir)).to.equal(true);
    expect(existsSync(orphan)).to.equal(false);
  });
});

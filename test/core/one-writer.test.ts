/** One writer per data folder: a serving node holds its folder's lock, the CLI works through the
 *  node's admin channel while it serves (the changes are served at once and survive a restart), a
 *  second node on the folder refuses, a stale lock is cleared, and kill -9 during an import leaves
 *  a database that opens with every committed change. */
import { expect } from 'chai';
import { statSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { testDatabase } from '../support/context.js';
import { cliEnv, runCli, spawnCli } from '../support/cli.js';
import { Fixtures, POINTS } from '../import/fixtures.js';

interface Node {
  child: ChildProcess;
  url: string;
  log: () => string;
}

function listeningUrl(log: string): string | undefined {
  for (const line of log.split('\n')) {
    if (!line.includes('"listening"')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) return entry.url;
    } catch {
      /* a line still being written */
    }
  }
  return undefined;
}

function serve(env: NodeJS.ProcessEnv): Promise<Node> {
  const child = spawnCli(['serve'], { ...env, PORT: '0', HOST: '127.0.0.1', SIMPUL_LOG_LEVEL: 'info' });
  let out = '';
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      // The log is JSON lines; the node says where it listens in its "listening" line.
      const url = listeningUrl(out);
      if (url) resolve({ child, url, log: () => out });
    });
    child.on('close', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

function stop(node: Node, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (node.child.exitCode !== null || node.child.signalCode !== null) return resolve(node.child.exitCode);
    node.child.on('close', (code) => resolve(code));
    node.child.kill(signal);
  });
}

const basic = (user: string, password: string) => ({
  Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'),
});
const PASSWORD = 'satu-data-satu-peta';

/** A PID that was alive a moment ago and is not now. */
async function deadPid(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const c = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => c.on('close', r));
  return c.pid!;
}

describe('one writer per data folder: lock, admin channel, crash safety', function () {
  this.timeout(600_000);
  let tdb: Awaited<ReturnType<typeof testDatabase>>;
  let env: NodeJS.ProcessEnv;
  let node: Node | undefined;
  const fx = new Fixtures();
  let bigCsv: string;
  before(async () => {
    tdb = await testDatabase();
    env = cliEnv(tdb);
    // Large enough that an import is still reading when the node is killed.
    const rows = ['id,name,lon,lat'];
    for (let i = 0; i < 400_000; i++)
      rows.push(
        `${i},titik ${i},${(106.55 + (i % 1000) * 0.0002).toFixed(5)},${(-6.3 + Math.floor(i / 1000) * 0.0005).toFixed(5)}`,
      );
    bigCsv = fx.write('banyak.csv', rows.join('\n') + '\n');
  });
  afterEach(async () => {
    if (node) await stop(node, 'SIGKILL');
    node = undefined;
  });
  after(async () => {
    fx.remove();
    await tdb.cleanup();
  });

  it('works through the serving node: import, user add, publish are served at once and survive a restart', async () => {
    node = await serve(env);
    const lock = JSON.parse(readFileSync(`${tdb.dataDir}/simpul.lock`, 'utf8'));
    expect(lock).to.include({ pid: node.child.pid, host: hostname(), command: 'serve' });
    expect(lock.startedAt).to.be.a('string');
    expect(statSync(lock.channel).mode & 0o777).to.equal(0o600);

    const imp = await runCli(
      ['import', POINTS, '--org', 'dlh', '--name', 'ow_titik', '--publish', '--access', 'PUBLIC'],
      env,
    );
    expect(imp.code, imp.stderr).to.equal(0);
    expect(imp.stdout).to.match(/dlh:ow_titik: \d+ read/);
    expect((await fetch(`${node.url}/api/layers/dlh:ow_titik`)).status).to.equal(200);

    const add = await runCli(['user', 'add', 'ow.admin', '--role', 'admin', '--password', PASSWORD], env);
    expect(add.code, add.stderr).to.equal(0);
    expect((await fetch(`${node.url}/api/layers`, { headers: basic('ow.admin', PASSWORD) })).status).to.equal(200);

    const pub = await runCli(['publish', 'dlh:ow_titik', '--status', 'draft'], env);
    expect(pub.code, pub.stderr).to.equal(0);
    expect((await fetch(`${node.url}/api/layers/dlh:ow_titik`)).status).to.equal(404); // a draft is hidden from anonymous at once
    const list = await runCli(['layers'], env);
    expect(list.code, list.stderr).to.equal(0);
    expect(list.stdout).to.match(/dlh:ow_titik\s.*draft/);
    const bad = await runCli(['import', 'tidak-ada.geojson', '--org', 'dlh', '--name', 'ow_x'], env);
    expect(bad.code).to.equal(1);
    expect(bad.stderr.trim().split('\n')).to.have.length(1);

    expect(await stop(node)).to.equal(0);
    expect(existsSync(`${tdb.dataDir}/simpul.lock`)).to.equal(false);
    node = await serve(env);
    const admin = basic('ow.admin', PASSWORD);
    const r = await fetch(`${node.url}/api/layers/dlh:ow_titik`, { headers: admin });
    expect(r.status).to.equal(200);
    expect(((await r.json()) as { status: string }).status).to.equal('draft');
    const again = await runCli(['import', POINTS, '--org', 'dlh', '--name', 'ow_titik2'], env);
    expect(again.code, again.stderr).to.equal(0);
    expect((await fetch(`${node.url}/api/layers/dlh:ow_titik2`, { headers: admin })).status).to.equal(200);
  });

  it('refuses a second node on the same folder, in one line', async () => {
    node = await serve(env);
    const second = await runCli(['serve'], { ...env, PORT: '0', HOST: '127.0.0.1' });
    expect(second.code).to.equal(1);
    expect(second.stderr.trim().split('\n')).to.have.length(1);
    expect(second.stderr).to.contain(`simpul serve is running on ${tdb.dataDir} (pid ${node.child.pid}`);
    expect((await fetch(`${node.url}/ready`)).status).to.equal(200);
  });

  it('clears a stale lock (a dead PID, or a PID that is no simpul process)', async () => {
    for (const pid of [await deadPid(), 1]) {
      writeFileSync(
        `${tdb.dataDir}/simpul.lock`,
        JSON.stringify({
          pid,
          startedAt: '2026-01-01T00:00:00.000Z',
          host: hostname(),
          command: 'serve',
          channel: null,
        }),
      );
      node = await serve(env);
      expect(node.log()).to.contain('cleared a stale lock').and.contain(`"pid":${pid}`);
      expect(JSON.parse(readFileSync(`${tdb.dataDir}/simpul.lock`, 'utf8')).pid).to.equal(node.child.pid);
      await stop(node);
      node = undefined;
    }
    // The CLI without a node holds the lock too, and clears a stale one the same way.
    writeFileSync(
      `${tdb.dataDir}/simpul.lock`,
      JSON.stringify({
        pid: await deadPid(),
        startedAt: '2026-01-01T00:00:00.000Z',
        host: hostname(),
        command: 'import',
        channel: null,
      }),
    );
    const users = await runCli(['user', 'list'], env);
    expect(users.code, users.stderr).to.equal(0);
    expect(users.stderr).to.contain('cleared a stale lock');
    expect(existsSync(`${tdb.dataDir}/simpul.lock`)).to.equal(false);
  });

  it('a node killed (-9) during an import restarts with every committed layer; the import left nothing', async () => {
    node = await serve(env);
    const first = await runCli(
      ['import', POINTS, '--org', 'dlh', '--name', 'ow_sebelum', '--publish', '--access', 'PUBLIC'],
      env,
    );
    expect(first.code, first.stderr).to.equal(0);
    const importing = spawnCli(
      ['import', bigCsv, '--org', 'dlh', '--name', 'ow_besar', '--srs', 'EPSG:4326', '--progress'],
      env,
    );
    let err = '';
    const ended = new Promise<number | null>((resolve) => importing.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      importing.stderr!.on('data', (d) => {
        err += d;
        if (/features read/.test(err)) resolve();
      });
      void ended.then(() => reject(new Error('the import ended before the node was killed: ' + err)));
    });
    expect(await stop(node, 'SIGKILL')).to.equal(null);
    node = undefined;
    expect(await ended).to.equal(1);
    expect(err).to.contain('stopped before import finished');

    node = await serve(env);
    expect(node.log()).to.contain('cleared a stale lock');
    expect((await fetch(`${node.url}/api/layers/dlh:ow_sebelum`)).status).to.equal(200);
    for (const name of ['ow_titik', 'ow_titik2'])
      expect(
        (await fetch(`${node.url}/api/layers/dlh:${name}`, { headers: basic('ow.admin', PASSWORD) })).status,
        name,
      ).to.equal(200);
    expect(
      (await fetch(`${node.url}/api/layers/dlh:ow_besar`, { headers: basic('ow.admin', PASSWORD) })).status,
    ).to.equal(404);
    const after = await runCli(
      ['import', POINTS, '--org', 'dlh', '--name', 'ow_sesudah', '--publish', '--access', 'PUBLIC'],
      env,
    );
    expect(after.code, after.stderr).to.equal(0);
    expect((await fetch(`${node.url}/api/layers/dlh:ow_sesudah`)).status).to.equal(200);
  });
});

import { expect } from 'chai';
import { testDatabase } from '../support/context.js';
import { openDatabase } from '../../data/db/open.js';
import { cliEnv, runCli, spawnCli } from '../support/cli.js';

describe('simpul CLI: serve, demo, layers, users, publish', () => {
  let tdb: Awaited<ReturnType<typeof testDatabase>>;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    tdb = await testDatabase();
    env = cliEnv(tdb);
  });
  after(async () => tdb.cleanup());

  it('lists the catalogue', async () => {
    const r = await runCli(['layers'], env);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain('bappeda:batas_kelurahan');
    expect(r.stdout).to.match(/\d+ layers/);
  });

  it('runs the demo twice without harm and adds N extra layers', async () => {
    const r = await runCli(['demo', '--layers', '3'], env);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/3 layers created, 10 already there/);
  });

  it('adds users, issues tokens and publishes, with one-line errors and exit codes', async function () {
    // Six CLI runs, each opening the database: slow on the embedded backend of a busy machine.
    this.timeout(300_000);
    const add = ['user', 'add', 'dlh.staf', '--role', 'produsen', '--org', 'dlh', '--name', 'Staf DLH'];
    expect((await runCli([...add, '--email', 'staf@dlh.tangerangkota.go.id'], env)).code).to.equal(0);
    const badEmail = await runCli(
      ['user', 'add', 'dlh.dua', '--role', 'produsen', '--org', 'dlh', '--email', 'x@'],
      env,
    );
    expect(badEmail.code).to.not.equal(0);
    expect(badEmail.stderr.trim()).to.contain('email takes an e-mail address');
    const tok = await runCli(['token', 'issue', 'dlh.staf'], env);
    expect(tok.stdout.trim()).to.match(/^spl_[A-Za-z0-9_-]{20,}$/);
    const bad = await runCli(['user', 'add', 'x1', '--role', 'produsen'], env);
    expect(bad.code).to.not.equal(0);
    expect(bad.stderr.trim().split('\n')).to.have.length(1);
    const pub = await runCli(['publish', 'dinsos:penerima_bantuan', '--status', 'draft'], env);
    expect(pub.code, pub.stderr).to.equal(0);
    const unknown = await runCli(['frobnicate'], env);
    expect(unknown.code).to.equal(2);
  });

  it('holds a console-made account to the password policy and writes it to the audit trail', async () => {
    const weak = await runCli(
      ['user', 'add', 'dlh.tiga', '--role', 'produsen', '--org', 'dlh', '--password', 'abc'],
      env,
    );
    expect(weak.code).to.not.equal(0);
    expect(weak.stderr.trim()).to.contain('Password refused');
    const db = await openDatabase({ databaseUrl: tdb.databaseUrl, dataDir: `${tdb.dataDir}/db` });
    try {
      const rows = (await db.query(`SELECT actor, subject FROM simpul.audit WHERE action = 'user.create' ORDER BY id`))
        .rows;
      expect(rows).to.deep.equal([{ actor: 'cli', subject: 'dlh.staf' }]);
    } finally {
      await db.close();
    }
  });

  it('serves, answers /ready, draws a map, and shuts down gracefully on SIGTERM', async function () {
    const child = spawnCli(['serve'], { ...env, PORT: '0', HOST: '127.0.0.1', SIMPUL_LOG_LEVEL: 'info' });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /"url":"(http:[^"]+)"/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('close', () => reject(new Error('serve exited early: ' + out)));
    });
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).to.equal(200);
    // A map drawn starts the render workers; shutting down must stop them too.
    const map = await fetch(
      `${url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:jalan&STYLES=&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
    );
    expect(map.headers.get('content-type')).to.equal('image/png');
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGTERM');
    });
    expect(code).to.equal(0);
  });
});

import { expect } from 'chai';
import { giveOwnContact } from '../support/review.js';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { testNode, get, type TestNode } from '../support/context.js';
import { addUser, issueToken } from '../../data/users.js';
import type { Role } from '../../data/access.js';
import { Fixtures, POINTS, ROADS, bigCsv } from '../import/fixtures.js';

const run = promisify(execFile);

describe('admin API: upload, workflow, access', () => {
  let node: TestNode;
  let fx: Fixtures;
  const token: Record<string, string> = {};
  const uploadDirs = () =>
    readdirSync(tmpdir())
      .filter((n) => n.startsWith('simpul-upload-'))
      .sort();
  let dirsBefore: string[];

  before(async () => {
    node = await testNode({ serve: true, config: { maxUploadBytes: 300_000, maxImportFeatures: 1000 } });
    fx = new Fixtures();
    const users: Array<[string, Role, string | null]> = [
      ['pu', 'produsen', 'dpupr'],
      ['dinkes', 'produsen', 'dinkes'],
      ['pembina', 'pembina', 'bappeda'],
      ['walidata', 'walidata', 'diskominfo'],
    ];
    for (const [username, role, organisation] of users) {
      await addUser(node.ctx.db, { username, role, organisation });
      token[username] = await issueToken(node.ctx.db, username);
    }
    await giveOwnContact(node.ctx.db, 'dpupr');
    await node.ctx.catalogue.reload();
    dirsBefore = uploadDirs();
  });
  after(async () => {
    fx.remove();
    await node.stop();
  });

  const auth = (user?: string): Record<string, string> => (user ? { Authorization: `Bearer ${token[user]}` } : {});

  async function upload(user: string | undefined, files: string[], fields: Record<string, string>) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('file', new Blob([readFileSync(f)]), basename(f));
    const r = await get(`${node.url}/api/layers`, { method: 'POST', body: form, headers: auth(user) });
    return { ...r, json: r.type.includes('json') ? JSON.parse(r.body) : null };
  }

  async function call(method: string, path: string, user?: string, body?: object) {
    const r = await get(`${node.url}${path}`, {
      method,
      headers: { ...auth(user), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { ...r, json: r.type.includes('json') ? JSON.parse(r.body) : null };
  }

  const layerExists = async (table: string) =>
    (await node.ctx.db.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [table])).rows[0].e as boolean;

  it('asks anonymous uploaders to sign in (401) and lists only public, published layers to them', async () => {
    const r = await upload(undefined, [POINTS], { org: 'dpupr', name: 'anon' });
    expect(r.status).to.equal(401);
    expect(r.json.code).to.equal('Unauthorized');
    const list = await call('GET', '/api/layers');
    const names = list.json.layers.map((l: { name: string }) => l.name);
    expect(names).to.include('dpupr:jalan');
    expect(names).to.not.include('dinsos:penerima_bantuan');
    expect(names).to.not.include('bpkad:aset_tanah');
  });

  it('lets a produsen upload a zipped shapefile (with curl) into its own organisation: 201 with the report', async () => {
    const zip = fx.ogr('ESRI Shapefile', 'fasilitas.shp.zip', POINTS, '-t_srs', 'EPSG:23834');
    const { stdout } = await run('curl', [
      '-sS',
      '-w',
      '\n%{http_code}',
      '-H',
      `Authorization: Bearer ${token.pu}`,
      '-F',
      `file=@${zip}`,
      '-F',
      'org=dpupr',
      '-F',
      'name=fasilitas',
      '-F',
      'title=Fasilitas Umum',
      '-F',
      'keywords=fasilitas,umum',
      `${node.url}/api/layers`,
    ]);
    const [body, code] = [stdout.slice(0, stdout.lastIndexOf('\n')), stdout.slice(stdout.lastIndexOf('\n') + 1)];
    expect(code).to.equal('201');
    const r = JSON.parse(body);
    expect(r.layers).to.have.length(1);
    expect(r.layers[0].layer).to.include({
      name: 'dpupr:fasilitas',
      title: 'Fasilitas Umum',
      status: 'draft',
      accessClass: 'PUBLIC',
      nativeSrid: 23834,
      featureCount: 57,
    });
    expect(r.layers[0].layer.keywords).to.deep.equal(['fasilitas', 'umum']);
    expect(r.layers[0].report).to.include({ read: 57, written: 57, rejected: 0 });
    const again = await call('GET', '/api/layers/dpupr:fasilitas', 'pu');
    expect(again.status).to.equal(200);
    expect(again.json.featureCount).to.equal(57);
  });

  it('takes a shapefile sent as its separate files', async () => {
    const shp = fx.ogr('ESRI Shapefile', 'saluran.shp', ROADS, '-t_srs', 'EPSG:32748');
    const parts = ['shp', 'shx', 'dbf', 'prj'].map((e) => shp.replace(/shp$/, e));
    const r = await upload('pu', parts, { org: 'dpupr', name: 'saluran', srs: '', access: 'government' });
    expect(r.status, r.body).to.equal(201);
    expect(r.json.file).to.equal('saluran.shp');
    expect(r.json.layers[0].layer).to.include({
      nativeSrid: 32748,
      geometryType: 'LineString',
      accessClass: 'GOVERNMENT',
    });
  });

  it('forbids a produsen of dpupr to upload into dinkes (403), and to publish', async () => {
    const r = await upload('pu', [POINTS], { org: 'dinkes', name: 'bukan_milik' });
    expect(r.status).to.equal(403);
    expect(r.json.code).to.equal('Forbidden');
    const p = await upload('pu', [POINTS], { org: 'dpupr', name: 'langsung_terbit', publish: 'true' });
    expect(p.status).to.equal(403);
    expect(await layerExists('org_dinkes.bukan_milik')).to.equal(false);
    expect(await layerExists('org_dpupr.langsung_terbit')).to.equal(false);
  });

  it('answers bad files with 400 naming the problem, and leaves no layer', async () => {
    const shp = fx.ogr('ESRI Shapefile', 'tanpa_prj.shp', POINTS, '-t_srs', 'EPSG:23834');
    const parts = ['shp', 'shx', 'dbf'].map((e) => shp.replace(/shp$/, e));
    const r = await upload('pu', parts, { org: 'dpupr', name: 'tanpa_prj' });
    expect(r.status).to.equal(400);
    expect(r.json.detail)
      .to.contain('tanpa_prj.shp has no coordinate system')
      .and.to.contain('.prj')
      .and.to.contain('srs');
    const txt = await upload('pu', [fx.write('catatan.txt', 'bukan peta')], { org: 'dpupr', name: 'catatan' });
    expect(txt.status).to.equal(400);
    expect(txt.json.detail).to.contain('catatan.txt');
    const none = await upload('pu', [], { org: 'dpupr', name: 'kosong' });
    expect(none.status).to.equal(400);
    const notMultipart = await call('POST', '/api/layers', 'pu', { org: 'dpupr' });
    expect(notMultipart.status).to.equal(400);
    const truncated = await get(`${node.url}/api/layers`, {
      method: 'POST',
      headers: { ...auth('pu'), 'Content-Type': 'multipart/form-data; boundary=XyZ' },
      body: '--XyZ\r\nContent-Disposition: form-data; name="org"\r\n\r\ndpupr\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.geojson"\r\n\r\n{"type":',
    });
    expect(truncated.status).to.equal(400);
    const badName = await upload('pu', [POINTS], { org: 'dpupr', name: 'Nama Salah' });
    expect(badName.status).to.equal(400);
    expect(await layerExists('org_dpupr.tanpa_prj')).to.equal(false);
  });

  it('refuses uploads over the size limit with 413', async () => {
    const big = fx.write('besar.csv', bigCsv(8000));
    const r = await upload('pu', [big], { org: 'dpupr', name: 'besar', srs: 'EPSG:4326' });
    expect(r.status).to.equal(413);
    expect(r.json.detail).to.contain('MB limit');
    // Sent without a length (chunked), the limit is found while streaming.
    const { stdout } = await run('curl', [
      '-sS',
      '-w',
      '\n%{http_code}',
      '-H',
      `Authorization: Bearer ${token.pu}`,
      '-H',
      'Transfer-Encoding: chunked',
      '-F',
      `file=@${big}`,
      '-F',
      'org=dpupr',
      '-F',
      'name=besar',
      '-F',
      'srs=EPSG:4326',
      `${node.url}/api/layers`,
    ]);
    expect(stdout.slice(stdout.lastIndexOf('\n') + 1)).to.equal('413');
    expect(JSON.parse(stdout.slice(0, stdout.lastIndexOf('\n'))).detail).to.contain('besar.csv is larger than');
    expect(await layerExists('org_dpupr.besar')).to.equal(false);
  });

  it('refuses a file with more features than the import limit (413) before writing', async () => {
    const csv = fx.write('terlalu_banyak.csv', bigCsv(1500));
    const r = await upload('pu', [csv], { org: 'dpupr', name: 'terlalu_banyak', srs: 'EPSG:4326' });
    expect(r.status).to.equal(413);
    expect(r.json.detail).to.contain('terlalu_banyak.csv').and.to.contain('1000');
    expect(await layerExists('org_dpupr.terlalu_banyak')).to.equal(false);
  });

  it('rolls back an upload that fails while writing: its first layer is gone too (409)', async () => {
    expect((await upload('pu', [ROADS], { org: 'dpupr', name: 'ganda_jalan' })).status).to.equal(201);
    const gpkg = fx.ogr('GPKG', 'ganda.gpkg', POINTS, '-nln', 'titik');
    fx.ogr('GPKG', 'ganda.gpkg', ROADS, '-update', '-nln', 'jalan');
    const r = await upload('pu', [gpkg], { org: 'dpupr', name: 'ganda' });
    expect(r.status).to.equal(409);
    expect(r.json.detail).to.contain('ganda.gpkg, layer jalan').and.to.contain('already exists');
    expect(await layerExists('org_dpupr.ganda_titik')).to.equal(false);
    expect((await call('GET', '/api/layers/dpupr:ganda_titik', 'walidata')).status).to.equal(404);
    expect((await call('GET', '/api/layers/dpupr:ganda_jalan', 'walidata')).json.featureCount).to.equal(23);
  });

  it('follows the workflow: pembina verifies, walidata publishes, produsen may not publish', async () => {
    expect((await call('GET', '/api/layers/dpupr:fasilitas')).status).to.equal(404);
    const early = await call('PATCH', '/api/layers/dpupr:fasilitas', 'pu', { status: 'published' });
    expect(early.status).to.equal(403);
    // The pembina's standard: metadata first, then submitted by the produsen (PATCH takes the workflow's step).
    const md = await call('PUT', '/api/layers/dpupr:fasilitas/metadata', 'pu', {
      topicCategory: 'health',
      lineage: 'Survei lapangan 2024',
      licence: 'https://creativecommons.org/licenses/by/4.0/',
      kugiFcode: 'KS01',
    });
    expect(md.status, md.body).to.equal(200);
    expect(
      (
        await call('PATCH', '/api/layers/dpupr:fasilitas', 'pu', {
          abstract: 'Fasilitas umum Kota Tangerang',
          keywords: ['fasilitas'],
        })
      ).status,
    ).to.equal(200);
    expect((await call('PATCH', '/api/layers/dpupr:fasilitas', 'pembina', { status: 'verified' })).status).to.equal(
      403,
    );
    const submitted = await call('PATCH', '/api/layers/dpupr:fasilitas', 'pu', { status: 'submitted' });
    expect(submitted.status, submitted.body).to.equal(200);
    const verified = await call('PATCH', '/api/layers/dpupr:fasilitas', 'pembina', { status: 'verified' });
    expect(verified.status, verified.body).to.equal(200);
    expect(verified.json.status).to.equal('verified');
    const published = await call('PATCH', '/api/layers/dpupr:fasilitas', 'walidata', { status: 'published' });
    expect(published.json.status).to.equal('published');
    const anon = await call('GET', '/api/layers/dpupr:fasilitas');
    expect(anon.status).to.equal(200);
    expect(anon.json.publishedAt).to.be.a('string');
    const bad = await call('PATCH', '/api/layers/dpupr:fasilitas', 'walidata', { status: 'finished' });
    expect(bad.status).to.equal(400);
  });

  it('lets the owner describe a layer, but not the pembina (whole request refused)', async () => {
    const ok = await call('PATCH', '/api/layers/dpupr:saluran', 'pu', {
      title: 'Saluran Drainase',
      keywords: ['drainase'],
      abstract: 'Uji',
    });
    expect(ok.status).to.equal(200);
    expect(ok.json).to.include({ title: 'Saluran Drainase', abstract: 'Uji' });
    const no = await call('PATCH', '/api/layers/dpupr:saluran', 'pembina', { status: 'verified', title: 'Lain' });
    expect(no.status).to.equal(403);
    expect((await call('GET', '/api/layers/dpupr:saluran', 'pu')).json).to.include({
      status: 'draft',
      title: 'Saluran Drainase',
    });
    expect((await call('PATCH', '/api/layers/dpupr:saluran', 'pu', { colour: 'red' })).status).to.equal(400);
  });

  it('keeps hidden layers absent (404), never forbidden', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const r = await call(
        method,
        '/api/layers/dinsos:penerima_bantuan',
        'pu',
        method === 'PATCH' ? { title: 'x' } : undefined,
      );
      expect(r.status, method).to.equal(404);
    }
    expect((await call('GET', '/api/layers/dinsos:penerima_bantuan', 'walidata')).status).to.equal(200);
    const list = await call('GET', '/api/layers?organisation=dpupr', 'dinkes');
    expect(list.json.layers.map((l: { name: string }) => l.name)).to.not.include('dpupr:saluran');
  });

  it('deletes a draft layer for its organisation only, never a published one', async () => {
    expect((await call('DELETE', '/api/layers/dpupr:fasilitas', 'dinkes')).status).to.equal(403);
    // Published: retired by the walidata, not deleted.
    expect((await call('DELETE', '/api/layers/dpupr:fasilitas', 'pu')).status).to.equal(409);
    expect((await call('DELETE', '/api/layers/dpupr:saluran', 'pu')).status).to.equal(204);
    expect((await call('GET', '/api/layers/dpupr:saluran', 'pu')).status).to.equal(404);
    expect(await layerExists('org_dpupr.saluran')).to.equal(false);
  });

  it('lists the organisations with the layers the caller can see', async () => {
    const r = await call('GET', '/api/organisations');
    expect(r.json.organisations).to.have.length(43);
    const dinsos = r.json.organisations.find((o: { code: string }) => o.code === 'dinsos');
    expect(dinsos.layers).to.equal(0);
  });

  it('removed every temporary upload folder', () => {
    // Only folders this file made count: another run on the machine may come and go meanwhile.
    expect(uploadDirs().filter((d) => !dirsBefore.includes(d))).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import { addUser, issueToken } from '../../data/users.js';
import { testNode, get, type TestNode } from '../support/context.js';

describe('metadata admin API and completeness', () => {
  let node: TestNode;
  let dinkes: string;
  let dpupr: string;
  before(async () => {
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'dinkes.staf', role: 'produsen', organisation: 'dinkes' });
    await addUser(node.ctx.db, { username: 'dpupr.staf', role: 'produsen', organisation: 'dpupr' });
    dinkes = await issueToken(node.ctx.db, 'dinkes.staf');
    dpupr = await issueToken(node.ctx.db, 'dpupr.staf');
  });
  after(async () => node.stop());

  const put = (name: string, token: string | null, body: unknown) =>
    get(`${node.url}/api/layers/${name}/metadata`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('scores completeness and raises it when the owner writes metadata, which CSW then serves', async () => {
    const before = JSON.parse((await get(`${node.url}/api/layers/dinkes:fasilitas_kesehatan/metadata`)).body);
    expect(before.completeness.missing).to.include('purpose');
    const r = await put('dinkes:fasilitas_kesehatan', dinkes, {
      purpose: 'Perencanaan layanan kesehatan',
      kugiFcode: 'BB03040010',
      topicCategory: 'health',
    });
    expect(r.status, r.body).to.equal(200);
    const after = JSON.parse(r.body);
    expect(after.completeness.score).to.be.greaterThan(before.completeness.score);
    expect(after.completeness.missing).to.not.include('purpose');
    const id = node.ctx.catalogue.unguardedGet('dinkes:fasilitas_kesehatan')!.id;
    const iso = await get(
      `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=http://www.isotc211.org/2005/gmd&id=${id}`,
    );
    expect(iso.body).to.contain('Perencanaan layanan kesehatan');
    expect(iso.body).to.contain('BB03040010');
  });

  it('keeps other organisations, anonymous callers and bad values out', async () => {
    expect((await put('dinkes:fasilitas_kesehatan', dpupr, { purpose: 'x' })).status).to.equal(403);
    expect((await put('dinkes:fasilitas_kesehatan', null, { purpose: 'x' })).status).to.equal(401);
    expect((await put('dinkes:fasilitas_kesehatan', dinkes, { topicCategory: 'kesehatan' })).status).to.equal(400);
    expect((await put('dinkes:fasilitas_kesehatan', dinkes, { owner: 'me' })).status).to.equal(400);
    expect((await put('dinsos:penerima_bantuan', dpupr, { purpose: 'x' })).status).to.equal(404);
  });

  it('answers 400 naming the key for __proto__, constructor, valueOf and toString, and stores nothing', async () => {
    const name = 'dinkes:fasilitas_kesehatan';
    const before = JSON.parse((await get(`${node.url}/api/layers/${name}/metadata`)).body).metadata;
    for (const key of ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty']) {
      for (const value of ['"x"', '{"purpose":"y"}', '1']) {
        // Raw JSON text: an object literal with __proto__ would set a prototype, not send the key.
        const r = await get(`${node.url}/api/layers/${name}/metadata`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${dinkes}` },
          body: `{"purpose":"disisipkan","${key}":${value}}`,
        });
        expect(r.status, `${key}: ${r.body}`).to.equal(400);
        expect(JSON.parse(r.body).detail).to.contain(`"${key}"`);
      }
    }
    for (const body of ['[]', '"teks"', '{"placeKeywords":[{"name":"a","code":"1","__proto__":{}}]}']) {
      const r = await get(`${node.url}/api/layers/${name}/metadata`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${dinkes}` },
        body,
      });
      expect(r.status, body).to.equal(400);
    }
    const after = JSON.parse((await get(`${node.url}/api/layers/${name}/metadata`)).body).metadata;
    expect(after).to.deep.equal(before);
    const stored = (await node.ctx.db.query(`SELECT metadata::text AS m FROM simpul.layer WHERE name = $1`, [name]))
      .rows[0].m as string;
    for (const key of ['__proto__', 'constructor', 'valueOf', 'toString', 'disisipkan'])
      expect(stored).to.not.contain(key);
  });
});

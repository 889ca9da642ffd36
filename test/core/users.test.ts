import { expect } from 'chai';
import {
  addUser,
  hashPassword,
  issueToken,
  principalForPassword,
  principalForToken,
  verifyPassword,
} from '../../data/users.js';
import { OgcError } from '../../data/errors.js';
import { testNode, get, type TestNode } from '../support/context.js';

describe('users, roles and tokens', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode({ serve: true });
  });
  after(async () => node.stop());

  it('hashes passwords with scrypt and verifies them', async () => {
    const h = await hashPassword('rahasia-123');
    expect(h).to.match(/^scrypt\$/);
    expect(h).to.not.contain('rahasia');
    expect(await verifyPassword('rahasia-123', h)).to.equal(true);
    expect(await verifyPassword('salah', h)).to.equal(false);
  });

  it('binds a produsen to one organisation and refuses unknown ones', async () => {
    let err: unknown;
    try {
      await addUser(node.ctx.db, { username: 'tanpa.org', role: 'produsen' });
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(OgcError);
    try {
      await addUser(node.ctx.db, { username: 'org.salah', role: 'produsen', organisation: 'tidakada' });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.contain('unknown organisation');
  });

  it('stores only the hash of a token and resolves it to the user', async () => {
    await addUser(node.ctx.db, {
      username: 'dinsos.staf',
      role: 'produsen',
      organisation: 'dinsos',
      password: 'pw-dinsos',
    });
    const token = await issueToken(node.ctx.db, 'dinsos.staf');
    const stored = await node.ctx.db.query('SELECT token_hash FROM simpul.api_token');
    expect(stored.rows.map((r: any) => r.token_hash)).to.not.include(token);
    const p = await principalForToken(node.ctx.db, token);
    expect(p).to.deep.include({ kind: 'user', username: 'dinsos.staf', role: 'produsen', organisation: 'dinsos' });
    expect(await principalForPassword(node.ctx.db, 'dinsos.staf', 'pw-dinsos')).to.not.equal(null);
    expect(await principalForPassword(node.ctx.db, 'dinsos.staf', 'nope')).to.equal(null);
  });

  it('shows a PRIVATE layer to its own organisation (Bearer or Basic), and to no one else', async () => {
    const token = await issueToken(node.ctx.db, 'dinsos.staf');
    const bearer = await get(`${node.url}/`, { headers: { Authorization: `Bearer ${token}` } });
    expect(bearer.body).to.contain('dinsos:penerima_bantuan');
    const basic = await get(`${node.url}/`, {
      headers: { Authorization: `Basic ${Buffer.from('dinsos.staf:pw-dinsos').toString('base64')}` },
    });
    expect(basic.body).to.contain('dinsos:penerima_bantuan');
    await addUser(node.ctx.db, { username: 'dpupr.staf', role: 'produsen', organisation: 'dpupr' });
    const other = await get(`${node.url}/`, {
      headers: { Authorization: `Bearer ${await issueToken(node.ctx.db, 'dpupr.staf')}` },
    });
    expect(other.body).to.not.contain('dinsos:penerima_bantuan');
    expect(other.body).to.contain('bpkad:aset_tanah'); // GOVERNMENT: any government user
  });
});

import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';
import { xsdErrors, SCHEMA } from '../support/xsd.js';
import { addUser, issueToken } from '../../data/users.js';
import { passwordProblems } from '../../data/people.js';
import type { Role } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';

const GOOD = 'Lapis-Peta-2026';

describe('organisations and users as data, over HTTP', () => {
  let node: TestNode;
  let layer: Layer;
  const token: Record<string, string> = {};

  before(async () => {
    node = await testNode({ serve: true });
    layer = node.ctx.catalogue.visibleLayers({ kind: 'anonymous' })[0];
    const org = layer.organisation;
    const other = org === 'dinsos' ? 'dlh' : 'dinsos';
    const users: Array<[string, Role, string | null, boolean]> = [
      ['wali', 'walidata', 'diskominfo', false],
      ['boss', 'admin', null, false],
      ['own.admin', 'produsen', org, true],
      ['other.admin', 'produsen', other, true],
      ['staf', 'produsen', org, false],
    ];
    for (const [username, role, organisation, orgAdmin] of users) {
      await addUser(node.ctx.db, { username, role, organisation, password: GOOD });
      if (orgAdmin)
        await node.ctx.db.query('UPDATE simpul.app_user SET is_org_admin = true WHERE username = $1', [username]);
      token[username] = await issueToken(node.ctx.db, username);
    }
  });
  after(async () => node.stop());

  const auth = (user?: string): Record<string, string> => (user ? { Authorization: `Bearer ${token[user]}` } : {});
  async function call(method: string, path: string, user?: string | Record<string, string>, body?: unknown) {
    const headers = typeof user === 'object' ? user : auth(user);
    const r = await get(`${node.url}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { ...r, json: r.type.includes('json') ? JSON.parse(r.body) : null };
  }
  const basic = (u: string, pw: string) => ({ Authorization: `Basic ${Buffer.from(`${u}:${pw}`).toString('base64')}` });
  const audit = async (action: string, subject?: string) =>
    (
      await node.ctx.db.query(
        'SELECT actor, action, organisation, subject, address, before, after FROM simpul.audit WHERE action = $1 AND ($2::text IS NULL OR subject = $2) ORDER BY id',
        [action, subject ?? null],
      )
    ).rows;
  const isoRecord = async () =>
    (
      await get(
        `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=http://www.isotc211.org/2005/gmd&elementSetName=full&id=${layer.id}`,
      )
    ).body;

  describe('organisation profiles', () => {
    it('seeds 43 organisations with kinds, and no guessed e-mail addresses', async () => {
      const r = await call('GET', '/api/organisations');
      expect(r.json.organisations).to.have.length(43);
      const kinds = r.json.organisations.reduce(
        (m: Record<string, number>, o: { kind: string }) => ({ ...m, [o.kind]: (m[o.kind] ?? 0) + 1 }),
        {},
      );
      expect(kinds).to.deep.equal({ PD: 27, kecamatan: 13, BUMD: 3 });
      expect(r.json.organisations.filter((o: { email: string | null }) => o.email)).to.deep.equal([]);
      const kec = (await call('GET', '/api/organisations/kec_benda')).json;
      expect(kec).to.include({
        code: 'kec_benda',
        acronym: 'Kec. Benda',
        kind: 'kecamatan',
        address: null,
        phone: null,
        contactName: null,
      });
    });

    it('lets the walidata edit a profile, and shows it in the layer ISO record at once', async () => {
      const r = await call('PATCH', `/api/organisations/${layer.organisation}`, 'wali', {
        phone: '+62 21 5555 0001',
        email: 'data@contoh.go.id',
        contactName: 'Siti Rahma',
        contactPosition: 'Kepala Bidang Data',
      });
      expect(r.status, r.body).to.equal(200);
      expect(r.json).to.include({ phone: '+62 21 5555 0001', contactName: 'Siti Rahma' });
      const xml = await isoRecord();
      expect(xml).to.contain(
        '<gmd:individualName><gco:CharacterString>Siti Rahma</gco:CharacterString></gmd:individualName>',
      );
      expect(xml).to.contain(
        '<gmd:positionName><gco:CharacterString>Kepala Bidang Data</gco:CharacterString></gmd:positionName>',
      );
      expect(xml).to.contain('data@contoh.go.id');
      expect(xml).to.contain('+62 21 5555 0001');
      expect(xsdErrors(xml, SCHEMA.cswIso)).to.equal('');
      const rows = await audit('organisation.update', layer.organisation);
      expect(rows).to.have.length(1);
      expect(rows[0]).to.deep.include({
        actor: 'wali',
        organisation: layer.organisation,
        before: { phone: null, email: null, contactName: null, contactPosition: null },
      });
      expect(rows[0].after).to.include({ phone: '+62 21 5555 0001' });
      expect(rows[0].address).to.match(/127\.0\.0\.1/);
      const jsonld = JSON.parse((await get(`${node.url}/ogcapi/collections/metadata/items/${layer.id}?f=jsonld`)).body);
      expect(jsonld['dcat:contactPoint']).to.include({
        'vcard:fn': 'Siti Rahma',
        'vcard:hasEmail': 'mailto:data@contoh.go.id',
      });
    });

    it("lets the organisation's own admin edit it, but not its kind; refuses another organisation's admin and a produsen", async () => {
      const own = await call('PATCH', `/api/organisations/${layer.organisation}`, 'own.admin', {
        address: 'Jl. Contoh No. 2, Kota Tangerang',
      });
      expect(own.status, own.body).to.equal(200);
      expect(
        (await call('PATCH', `/api/organisations/${layer.organisation}`, 'own.admin', { kind: 'BUMD' })).status,
      ).to.equal(403);
      const other = await call('PATCH', `/api/organisations/${layer.organisation}`, 'other.admin', { address: 'x' });
      expect(other.status).to.equal(403);
      expect(other.json.code).to.equal('Forbidden');
      expect(
        (await call('PATCH', `/api/organisations/${layer.organisation}`, 'staf', { address: 'x' })).status,
      ).to.equal(403);
      expect(
        (await call('PATCH', `/api/organisations/${layer.organisation}`, undefined, { address: 'x' })).status,
      ).to.equal(401);
      const bad = await call('PATCH', `/api/organisations/${layer.organisation}`, 'wali', {
        email: 'bukan-email',
        __proto__x: 1,
      });
      expect(bad.status).to.equal(400);
      const rows = await audit('organisation.update', layer.organisation);
      expect(rows.map((r) => r.actor)).to.deep.equal(['wali', 'own.admin']);
      expect(await isoRecord()).to.contain('Jl. Contoh No. 2, Kota Tangerang');
    });

    it('lets a layer name its own contact person, who wins in its ISO record', async () => {
      const put = await call('PUT', `/api/layers/${layer.name}/metadata`, 'wali', {
        contact: { individualName: 'Budi Santoso', positionName: 'Analis GIS', email: 'budi@contoh.go.id' },
      });
      expect(put.status, put.body).to.equal(200);
      const xml = await isoRecord();
      expect(xml).to.contain(
        '<gmd:individualName><gco:CharacterString>Budi Santoso</gco:CharacterString></gmd:individualName>',
      );
      expect(xml).to.contain('budi@contoh.go.id');
      expect(xml).to.not.contain('Siti Rahma</gco:CharacterString></gmd:individualName>');
      expect(xsdErrors(xml, SCHEMA.cswIso)).to.equal('');
    });
  });

  describe('users and tokens', () => {
    it('states the password policy in Indonesian and English', async () => {
      expect(passwordProblems('pendek', 'x').map((p) => p.en)).to.deep.equal([
        'the password must be at least 10 characters long',
      ]);
      expect(passwordProblems('budi.santoso', 'Budi.Santoso').map((p) => p.en)).to.deep.equal([
        'the password must not be the username',
      ]);
      expect(passwordProblems('Password123', 'x').map((p) => p.en)).to.deep.equal(['this password is too common']);
      const r = await call('POST', '/api/users', 'wali', {
        username: 'baru',
        role: 'produsen',
        organisation: 'dlh',
        password: 'pendek',
      });
      expect(r.status).to.equal(400);
      expect(r.json.description).to.contain('paling sedikit 10 karakter').and.contain('at least 10 characters');
      expect(r.json.details.rules).to.have.length(1);
    });

    it('lets the walidata create, disable, re-enable users and reset their passwords; a disabled user is refused at once', async () => {
      const c = await call('POST', '/api/users', 'wali', {
        username: 'dlh.staf',
        role: 'produsen',
        organisation: 'dlh',
        password: GOOD,
        fullName: 'Staf DLH',
      });
      expect(c.status, c.body).to.equal(201);
      expect(c.json).to.include({ username: 'dlh.staf', organisation: 'dlh', disabled: false, orgAdmin: false });
      expect(c.body).to.not.contain('scrypt');
      expect(
        (
          await call('POST', '/api/users', 'wali', {
            username: 'dlh.staf',
            role: 'produsen',
            organisation: 'dlh',
            password: GOOD,
          })
        ).status,
      ).to.equal(409);
      // The new user issues its own token (signing in with its password) and uses it.
      const issued = await call('POST', '/api/me/tokens', basic('dlh.staf', GOOD), { label: 'qgis' });
      expect(issued.status, issued.body).to.equal(201);
      token['dlh.staf'] = issued.json.token;
      expect((await call('GET', '/api/me', 'dlh.staf')).json.username).to.equal('dlh.staf');
      const off = await call('PATCH', '/api/users/dlh.staf', 'wali', { disabled: true });
      expect(off.status, off.body).to.equal(200);
      expect(off.json.disabled).to.equal(true);
      expect((await call('GET', '/api/me', 'dlh.staf')).status).to.equal(401);
      expect((await call('GET', '/api/me', basic('dlh.staf', GOOD))).status).to.equal(401);
      const on = await call('PATCH', '/api/users/dlh.staf', 'wali', { disabled: false });
      expect(on.json.disabled).to.equal(false);
      expect((await call('GET', '/api/me', 'dlh.staf')).status).to.equal(200);
      const reset = await call('PUT', '/api/users/dlh.staf/password', 'wali', { password: 'Baru-Sekali-2026' });
      expect(reset.status, reset.body).to.equal(200);
      expect((await call('GET', '/api/me', basic('dlh.staf', GOOD))).status).to.equal(401);
      expect((await call('GET', '/api/me', basic('dlh.staf', 'Baru-Sekali-2026'))).status).to.equal(200);
      for (const action of ['user.create', 'user.disable', 'user.enable', 'user.password.reset']) {
        const rows = await audit(action, 'dlh.staf');
        expect(rows, action).to.have.length(1);
        expect(rows[0]).to.include({ actor: 'wali', organisation: 'dlh' });
        expect(JSON.stringify(rows[0])).to.not.match(/scrypt|Baru-Sekali|Lapis-Peta/);
      }
    });

    it("lets an organisation admin manage its own organisation's users only, never walidata or admin accounts", async () => {
      const org = layer.organisation;
      const mine = await call('POST', '/api/users', 'own.admin', {
        username: 'own.baru',
        role: 'produsen',
        password: GOOD,
      });
      expect(mine.status, mine.body).to.equal(201);
      expect(mine.json.organisation).to.equal(org);
      expect(
        (
          await call('POST', '/api/users', 'own.admin', {
            username: 'own.wali',
            role: 'walidata',
            organisation: org,
            password: GOOD,
          })
        ).status,
      ).to.equal(403);
      expect(
        (
          await call('POST', '/api/users', 'own.admin', {
            username: 'own.boss',
            role: 'produsen',
            organisation: org,
            orgAdmin: true,
            password: GOOD,
          })
        ).status,
      ).to.equal(403);
      expect(
        (
          await call('POST', '/api/users', 'own.admin', {
            username: 'lain.baru',
            role: 'produsen',
            organisation: 'dlh',
            password: GOOD,
          })
        ).status,
      ).to.equal(403);
      expect((await call('PATCH', '/api/users/own.baru', 'own.admin', { disabled: true })).status).to.equal(200);
      expect((await call('PATCH', '/api/users/dlh.staf', 'own.admin', { disabled: true })).status).to.equal(404);
      expect((await call('PATCH', '/api/users/wali', 'own.admin', { disabled: true })).status).to.equal(404);
      expect((await call('PATCH', '/api/users/boss', 'wali', { disabled: true })).status).to.equal(403);
      expect((await call('PATCH', '/api/users/staf', 'other.admin', { disabled: true })).status).to.equal(404);
      expect((await call('GET', '/api/users', 'staf')).status).to.equal(403);
      const listed = (await call('GET', '/api/users', 'own.admin')).json.users.map(
        (u: { username: string }) => u.username,
      );
      expect(listed).to.include.members(['own.admin', 'own.baru', 'staf']).and.not.include('wali');
    });

    it('changes its own password only with the current one', async () => {
      const wrong = await call('PUT', '/api/me/password', 'staf', {
        currentPassword: 'bukan-ini-123',
        newPassword: 'Lain-Lagi-2026',
      });
      expect(wrong.status).to.equal(403);
      const weak = await call('PUT', '/api/me/password', 'staf', { currentPassword: GOOD, newPassword: 'staf' });
      expect(weak.status).to.equal(400);
      expect(weak.json.details.rules.map((r: { en: string }) => r.en)).to.include(
        'the password must be at least 10 characters long',
      );
      const ok = await call('PUT', '/api/me/password', 'staf', {
        currentPassword: GOOD,
        newPassword: 'Lain-Lagi-2026',
      });
      expect(ok.status, ok.body).to.equal(200);
      expect((await call('GET', '/api/me', basic('staf', 'Lain-Lagi-2026'))).status).to.equal(200);
      expect(await audit('user.password.change', 'staf')).to.have.length(1);
    });

    it('issues, lists and revokes its own tokens, each with an expiry; expired ones are refused', async () => {
      const t = await call('POST', '/api/me/tokens', 'staf', { label: 'arcgis', expiresInDays: 30 });
      expect(t.status, t.body).to.equal(201);
      const days = (Date.parse(t.json.expiresAt) - Date.now()) / 86_400_000;
      expect(days).to.be.within(29.9, 30.1);
      const d = await call('POST', '/api/me/tokens', 'staf', {});
      expect((Date.parse(d.json.expiresAt) - Date.now()) / 86_400_000).to.be.within(89.9, 90.1);
      expect((await call('POST', '/api/me/tokens', 'staf', { expiresInDays: 400 })).status).to.equal(400);
      const list = (await call('GET', '/api/me/tokens', 'staf')).json.tokens;
      expect(list.map((x: { id: number }) => x.id)).to.include.members([t.json.id, d.json.id]);
      expect(JSON.stringify(list)).to.not.contain('spl_');
      const use = { Authorization: `Bearer ${t.json.token}` };
      expect((await call('GET', '/api/me', use)).status).to.equal(200);
      expect((await call('DELETE', `/api/me/tokens/${t.json.id}`, 'wali')).status).to.equal(404);
      expect((await call('DELETE', `/api/me/tokens/${t.json.id}`, 'staf')).status).to.equal(204);
      expect((await call('GET', '/api/me', use)).status).to.equal(401);
      // Expired: its end moved into the past.
      await node.ctx.db.query("UPDATE simpul.api_token SET expires_at = now() - interval '1 second' WHERE id = $1", [
        d.json.id,
      ]);
      expect((await call('GET', '/api/me', { Authorization: `Bearer ${d.json.token}` })).status).to.equal(401);
      expect(
        (await call('GET', '/api/me/tokens', 'staf')).json.tokens.find((x: { id: number }) => x.id === d.json.id)
          .expired,
      ).to.equal(true);
      expect(await audit('token.issue', `staf#${t.json.id}`)).to.have.length(1);
      const revoked = await audit('token.revoke', `staf#${t.json.id}`);
      expect(revoked).to.have.length(1);
      expect(JSON.stringify(revoked)).to.not.contain('spl_');
    });

    it('writes failed sign-ins to the audit trail, one row per account and address per window', async () => {
      for (let i = 0; i < 3; i++)
        expect((await call('GET', '/api/me', basic('penyusup', `tebak-${i}-xxxx`))).status).to.equal(401);
      const rows = await audit('signin.failed', 'penyusup');
      expect(rows).to.have.length(1);
      expect(rows[0]).to.include({ actor: 'anonymous', subject: 'penyusup' });
      expect(rows[0].address).to.match(/127\.0\.0\.1/);
      expect(JSON.stringify(rows[0])).to.not.contain('tebak');
    });
  });
});

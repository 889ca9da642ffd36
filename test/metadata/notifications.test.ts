import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { writeLayer } from '../../data/layers/write.js';
import { mailer } from '../../data/notifications/mailer.js';
import { pendingMail } from '../../server/notify.js';
import { testNode, get, type TestNode } from '../support/context.js';
import { accountsWithTokens, giveOwnContact, meetsStandard, POINT, type Account } from '../support/review.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** An SMTP server in this process (smtp-server, of the nodemailer project) that keeps what it receives. */
async function smtpServer(): Promise<{ url: string; mails: Received[]; close(): Promise<void> }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address).sort(),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** The review workflow's e-mails, through a real SMTP dialogue. */
describe('workflow e-mail notifications', () => {
  let node: TestNode;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let token: Record<string, string> = {};
  const USERS: Account[] = [
    ['pu', 'produsen', 'dpupr', 'pu@dpupr.example.go.id'],
    ['pu.dua', 'produsen', 'dpupr', 'pu.dua@dpupr.example.go.id'],
    ['pu.tanpa', 'produsen', 'dpupr', undefined],
    ['dinkes', 'produsen', 'dinkes', 'staf@dinkes.example.go.id'],
    ['walidata', 'walidata', 'diskominfo', 'walidata@diskominfo.example.go.id'],
    ['walidata.dua', 'walidata', 'diskominfo', 'walidata2@diskominfo.example.go.id'],
    ['pembina', 'pembina', 'bappeda', 'pembina@bappeda.example.go.id'],
  ];

  before(async () => {
    smtp = await smtpServer();
    node = await testNode({
      serve: true,
      config: { smtpUrl: smtp.url, mailFrom: 'Simpul Uji <simpul@example.go.id>' },
    });
    token = await accountsWithTokens(node.ctx.db, USERS);
    await giveOwnContact(node.ctx.db, 'dpupr');
    await writeLayer(node.ctx.db, meetsStandard('taman_surel'), [[POINT]]);
    await writeLayer(node.ctx.db, meetsStandard('taman_patch'), [[POINT]]);
    await node.ctx.catalogue.reload();
  });
  after(async () => {
    await node.stop();
    await smtp.close();
  });

  const step = async (user: string, action: string, note?: string, name = 'dpupr:taman_surel') => {
    const r = await get(`${node.url}/api/layers/${name}/workflow/${action}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token[user]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(note ? { note } : {}),
    });
    expect(r.status, `${user} ${action}: ${r.body}`).to.equal(200);
    await pendingMail();
  };
  const take = () => smtp.mails.splice(0);

  it('mails the walidata of a submission, the produsen organisation of a return, the submitter of a publication', async () => {
    await step('pu', 'submit');
    let mails = take();
    expect(mails.map((m) => m.to)).to.deep.equal([
      ['walidata2@diskominfo.example.go.id', 'walidata@diskominfo.example.go.id'],
    ]);
    expect(mails[0].from).to.equal('simpul@example.go.id');
    expect(mails[0].data).to.contain('Subject: [Simpul] Pengajuan baru: Taman Kota Tangerang (dpupr:taman_surel)');
    expect(mails[0].data).to.contain(`${node.url}/dataset/dpupr%3Ataman_surel`);

    // The walidata gives pu.tanpa an address through the people API (a bad one is refused).
    const patchUser = (body: object) =>
      get(`${node.url}/api/users/pu.tanpa`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token.walidata}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await patchUser({ email: 'bukan alamat' });
    expect([bad.status, JSON.parse(bad.body).locator]).to.deep.equal([400, 'email']);
    const ok = await patchUser({ email: 'pu.tiga@dpupr.example.go.id' });
    expect(ok.status, ok.body).to.equal(200);
    expect(JSON.parse(ok.body).email).to.equal('pu.tiga@dpupr.example.go.id');

    await step('walidata', 'return', 'Atribut nama taman belum diisi');
    mails = take();
    // Every produsen of dpupr with an address; not dinkes.
    expect(mails.map((m) => m.to)).to.deep.equal([
      ['pu.dua@dpupr.example.go.id', 'pu.tiga@dpupr.example.go.id', 'pu@dpupr.example.go.id'],
    ]);
    expect(mails[0].data).to.contain('Atribut nama taman belum diisi');

    await step('pu.dua', 'submit');
    expect(take().map((m) => m.to)).to.deep.equal([
      ['walidata2@diskominfo.example.go.id', 'walidata@diskominfo.example.go.id'],
    ]);
    await step('pembina', 'verify');
    expect(take(), 'verify mails nobody').to.deep.equal([]);
    await step('walidata', 'publish');
    mails = take();
    // The one who submitted last.
    expect(mails.map((m) => m.to)).to.deep.equal([['pu.dua@dpupr.example.go.id']]);
    expect(mails[0].data).to.contain('Subject: [Simpul] Disebarluaskan: Taman Kota Tangerang (dpupr:taman_surel)');
  });

  it('mails after a status change through PATCH too', async () => {
    const r = await get(`${node.url}/api/layers/dpupr:taman_patch`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token.pu}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'submitted' }),
    });
    expect(r.status, r.body).to.equal(200);
    await pendingMail();
    const mails = take();
    expect(mails.map((m) => m.to)).to.deep.equal([
      ['walidata2@diskominfo.example.go.id', 'walidata@diskominfo.example.go.id'],
    ]);
    expect(mails[0].data).to.contain('dpupr:taman_patch');
  });

  it('takes the step when the mail server cannot be reached, and logs the failure', async () => {
    const warned: Array<[string, object | undefined]> = [];
    const { mailer: kept, log } = node.ctx;
    // A port nothing listens on (the in-process server's, closed).
    const gone = await smtpServer();
    await gone.close();
    node.ctx.mailer = mailer(gone.url, 'simpul@example.go.id');
    node.ctx.log = { ...log, warn: (msg: string, fields?: object) => void warned.push([msg, fields]) };
    try {
      await step('walidata', 'return', 'Koordinat belum dicek', 'dpupr:taman_patch');
      expect(
        (await node.ctx.db.query(`SELECT status FROM simpul.layer WHERE name = 'dpupr:taman_patch'`)).rows[0].status,
      ).to.equal('returned');
      expect(warned.map(([m]) => m)).to.deep.equal(['workflow e-mail not sent']);
      expect(take()).to.deep.equal([]);
    } finally {
      node.ctx.mailer!.close();
      node.ctx.mailer = kept;
      node.ctx.log = log;
    }
  });
});

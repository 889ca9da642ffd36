/** Issue #11 items 4 and 7: one error model (OgcError) answered by every JSON API as RFC 9457
 *  problem details, an unexpected error as a 500 naming the request, and pino log lines that
 *  carry the request's id (also sent as X-Request-Id). */
import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';
import { addUser, issueToken } from '../../data/users.js';
import { OgcError, problem, problemReply } from '../../data/errors.js';
import { createLogger } from '../../server/log.js';

const basic = (user: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('errors and logging: RFC 9457 problems, request ids, pino', () => {
  let node: TestNode;
  const lines: string[] = [];
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const token: Record<string, string> = {};

  before(async () => {
    node = await testNode({
      serve: true,
      config: { maxJsonBytes: 4096, signInAccountFailures: 2, signInAddressFailures: 100_000, signInBackoffMs: 3000 },
    });
    // Capture what the node logs from now on (routes read ctx.log at each request).
    node.ctx.log = createLogger('debug', (l) => lines.push(l));
    await addUser(node.ctx.db, { username: 'pu', role: 'produsen', organisation: 'dpupr', password: 'sandi-pu' });
    await addUser(node.ctx.db, { username: 'dinkes', role: 'produsen', organisation: 'dinkes' });
    for (const u of ['pu', 'dinkes']) token[u] = await issueToken(node.ctx.db, u);
  });
  after(async () => node.stop());
  beforeEach(() => {
    lines.length = 0;
  });

  const auth = (user: string) => ({ Authorization: `Bearer ${token[user]}` });
  async function call(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
    const r = await get(`${node.url}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body,
    });
    return { ...r, json: r.type.includes('json') ? JSON.parse(r.body) : null };
  }
  function expectProblem(r: Awaited<ReturnType<typeof call>>, status: number, code: string) {
    expect(r.status, r.body).to.equal(status);
    expect(r.type).to.contain('application/problem+json');
    expect(r.json).to.include({ type: 'about:blank', status, code });
    expect(r.json.title).to.be.a('string').and.not.equal('');
    expect(r.json.detail).to.be.a('string').and.not.equal('');
    expect(r.body).to.not.match(/at .*\.(ts|js):\d+/);
    expect(r.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  }

  it('answers 404 as problem+json on the admin API, styles, OGC API Features, Records, tiles and unknown paths', async () => {
    expectProblem(await call('GET', '/api/layers/tidak:ada'), 404, 'NotFound');
    expectProblem(await call('GET', '/api/layers/tidak:ada/styles'), 404, 'NotFound');
    expectProblem(await call('GET', '/api/layers/tidak:ada/metadata'), 404, 'NotFound');
    expectProblem(await call('GET', '/ogcapi/collections/tidak:ada?f=json'), 404, 'NotFound');
    expectProblem(await call('GET', '/ogcapi/collections/metadata/items/tidak-ada?f=json'), 404, 'NotFound');
    expectProblem(await call('GET', '/tiles/tidak:ada/0/0/0.pbf'), 404, 'NotFound');
    expectProblem(await call('GET', '/tidak/ada/apa-apa'), 404, 'NotFound');
  });

  it('answers 400 with the locator when known (metadata field, OGC API parameter)', async () => {
    const unknown = await call('PATCH', '/api/layers/dpupr:jalan', auth('pu'), JSON.stringify({ warna: 'merah' }));
    expectProblem(unknown, 400, 'InvalidParameterValue');
    expect(unknown.json.detail).to.contain('warna');
    const bad = await call(
      'PUT',
      '/api/layers/dpupr:jalan/metadata',
      auth('pu'),
      JSON.stringify({ licence: 'bukan url' }),
    );
    expectProblem(bad, 400, 'InvalidParameterValue');
    expect(bad.json.locator).to.equal('licence');
    const limit = await call('GET', '/ogcapi/collections/dpupr:jalan/items?limit=abc&f=json');
    expectProblem(limit, 400, 'InvalidParameterValue');
    expect(limit.json.locator).to.equal('limit');
  });

  it('answers 401 and 403 as problems', async () => {
    expectProblem(await call('DELETE', '/api/layers/dpupr:jalan'), 401, 'Unauthorized');
    expectProblem(await call('DELETE', '/api/layers/dpupr:jalan', auth('dinkes')), 403, 'Forbidden');
    expectProblem(await call('PUT', '/api/layers/dpupr:jalan/metadata', auth('dinkes'), '{}'), 403, 'Forbidden');
  });

  it('answers 413 for a JSON body over the limit', async () => {
    const r = await call(
      'PATCH',
      '/api/layers/dpupr:jalan',
      auth('pu'),
      JSON.stringify({ abstract: 'x'.repeat(10_000) }),
    );
    expectProblem(r, 413, 'PayloadTooLarge');
  });

  it('answers 429 with Retry-After after failed sign-ins', async () => {
    for (let i = 0; i < 2; i++)
      expectProblem(await call('GET', '/api/layers', basic('pu', `salah${i}`)), 401, 'Unauthorized');
    const locked = await call('GET', '/api/layers', basic('pu', 'sandi-pu'));
    expectProblem(locked, 429, 'TooManyRequests');
    expect(Number(locked.headers.get('retry-after'))).to.be.at.least(1);
  });

  it('renders extra.details as extension members and extra.retryAfter as Retry-After', () => {
    const e = new OgcError('Conflict', 'the layer is missing things', 'status', 409, {
      details: { missing: ['licence', 'lineage'] },
    });
    expect(problem(e)).to.deep.equal({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'the layer is missing things',
      code: 'Conflict',
      locator: 'status',
      missing: ['licence', 'lineage'],
    });
    const busy = problemReply(new OgcError('ServiceUnavailable', 'busy', undefined, 503, { retryAfter: 30 }));
    expect(busy.headers).to.include({ 'content-type': 'application/problem+json', 'retry-after': '30' });
    // An unexpected error says nothing of itself; a request id is shown on a 500 only.
    expect(problem(new Error('secret internals'), 'abc')).to.deep.include({
      status: 500,
      code: 'NoApplicableCode',
      requestId: 'abc',
    });
    expect(problem(new Error('secret internals'), 'abc').detail).to.not.contain('secret');
    expect(problem(new OgcError('NotFound', 'x'), 'abc')).to.not.have.property('requestId');
  });

  describe('an unexpected error', () => {
    const cat = () => node.ctx.catalogue as unknown as Record<string, unknown>;
    let saved: Record<string, unknown> = {};
    const breakCatalogue = (...names: string[]) => {
      saved = {};
      for (const n of names) {
        saved[n] = cat()[n];
        cat()[n] = () => {
          throw new TypeError('boom: internals the client must not see');
        };
      }
    };
    afterEach(() => Object.assign(cat(), saved));

    for (const [label, path] of [
      ['the admin API', '/api/layers/dpupr:jalan'],
      ['OGC API Features', '/ogcapi/collections/dpupr:jalan?f=json'],
      ['the styles API', '/api/layers/dpupr:jalan/styles'],
    ] as const) {
      it(`is a 500 on ${label}, with the request id in the body, the header and the logged stack`, async () => {
        breakCatalogue('find', 'visibleLayers');
        const r = await call('GET', path);
        expectProblem(r, 500, 'NoApplicableCode');
        const id = r.headers.get('x-request-id');
        expect(r.json.requestId).to.equal(id);
        expect(r.body).to.not.contain('boom');
        const errors = logged().filter((l) => l.level === 'error');
        expect(errors, lines.join('\n')).to.have.length(1);
        expect(errors[0].requestId).to.equal(id);
        expect(String(errors[0].error)).to.contain('boom').and.to.contain('TypeError');
      });
    }
  });

  it('returns X-Request-Id and puts that id on every line logged during the request', async () => {
    const find = node.ctx.catalogue.find.bind(node.ctx.catalogue);
    // A line logged deep inside the request, after the body parser and the catalogue refresh.
    (node.ctx.catalogue as { find: typeof find }).find = (...a: Parameters<typeof find>) => {
      node.ctx.log.info('looking up a layer', { name: a[1] });
      return find(...a);
    };
    try {
      const r = await call('PATCH', '/api/layers/dpupr:jalan', auth('pu'), JSON.stringify({ title: 'Jalan kota' }));
      expect(r.status, r.body).to.equal(200);
      const id = r.headers.get('x-request-id');
      expect(id).to.match(/^[0-9a-f-]{36}$/);
      await new Promise((ok) => setTimeout(ok, 50));
      const mine = logged();
      const inner = mine.find((l) => l.msg === 'looking up a layer');
      const done = mine.find((l) => l.msg === 'request');
      expect(inner, lines.join('\n')).to.include({ requestId: id, level: 'info' });
      expect(done, lines.join('\n')).to.include({ requestId: id, status: 200, method: 'PATCH' });
      expect(
        mine.every((l) => l.requestId === id),
        lines.join('\n'),
      ).to.equal(true);
      // Another request, another id.
      const other = await call('GET', '/api/layers');
      expect(other.headers.get('x-request-id')).to.not.equal(id);
    } finally {
      delete (node.ctx.catalogue as { find?: unknown }).find;
    }
  });

  it('audits a metadata change (layer.metadata, before and after of the fields that changed)', async () => {
    const put = await call(
      'PUT',
      '/api/layers/dpupr:jalan/metadata',
      auth('pu'),
      JSON.stringify({ purpose: 'Perencanaan jalan', kugiFcode: 'AB.1234' }),
    );
    expect(put.status, put.body).to.equal(200);
    const trail = await call('GET', '/api/layers/dpupr:jalan/audit', auth('pu'));
    const entry = trail.json.entries.find((e: { action: string }) => e.action === 'layer.metadata');
    expect(entry, trail.body).to.not.equal(undefined);
    expect(entry.actor).to.equal('pu');
    expect(entry.after).to.deep.equal({ purpose: 'Perencanaan jalan', kugiFcode: 'AB.1234' });
    expect(entry.before).to.have.property('kugiFcode');
    // The same again changes nothing, and writes no row.
    await call('PUT', '/api/layers/dpupr:jalan/metadata', auth('pu'), JSON.stringify({ purpose: 'Perencanaan jalan' }));
    const again = await call('GET', '/api/layers/dpupr:jalan/audit', auth('pu'));
    expect(again.json.entries.filter((e: { action: string }) => e.action === 'layer.metadata')).to.have.length(1);
  });
});

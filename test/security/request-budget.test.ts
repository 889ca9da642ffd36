/** Request budgets, cancellation, body limits and the error edge (issue #15): a request over its
 *  time budget ends with a clear 503 in its protocol's format and its database work is cancelled
 *  (on PostGIS the statement is gone from pg_stat_activity; on the embedded database, which cannot
 *  interrupt a running statement, no further statement of the request starts); a client that goes
 *  away stops its query; bodies over their limit are 413, unsupported charsets 415, and malformed
 *  percent-encoding 400. */
import { expect } from 'chai';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { testNode, get, type TestNode } from '../support/context.js';
import { BACKEND } from '../support/backend.js';
import { sendReply } from '../../server/reply.js';
import { reply } from '../../data/reply.js';

const SLOW = 'bappeda:batas_kelurahan';
/** A filter makes the request two statements: the count, then the features. */
const BOX = '-6.4,106.5,-6.0,106.8,urn:ogc:def:crs:EPSG::4326';
const STACK = /at .*\.(ts|js):\d+|node:internal/;

/** Makes every query of a layer slow (ms per row, through a volatile function) and counts rows
 *  seen, by replacing its table with a view. */
async function slowDown(node: TestNode, name: string, msPerRow: number): Promise<() => Promise<number>> {
  const l = node.ctx.catalogue.unguardedGet(name)!;
  const t = `"${l.schema}"."${l.table}"`;
  await node.ctx.db.exec(`
    CREATE SEQUENCE public.slow_rows;
    CREATE FUNCTION public.slow_row() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
      BEGIN PERFORM nextval('public.slow_rows'); PERFORM pg_sleep(${msPerRow / 1000}); RETURN true; END $$;
    ALTER TABLE ${t} RENAME TO "${l.table}_fast";
    CREATE VIEW ${t} AS SELECT * FROM "${l.schema}"."${l.table}_fast" WHERE public.slow_row();`);
  return async () =>
    Number((await node.ctx.db.query<{ n: number }>(`SELECT last_value AS n FROM public.slow_rows`)).rows[0].n);
}

/** Statements of this test database still running slow_row() (PostGIS only). */
async function runningSlow(node: TestNode): Promise<number> {
  const url = node.ctx.config.databaseUrl!;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    return r.rows[0].n;
  } finally {
    await c.end();
  }
}

async function until(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('security: request budgets and cancellation', function () {
  this.timeout(60_000);
  let node: TestNode;
  let rowsSeen: () => Promise<number>;
  const BUDGET = 600;
  // 104 kelurahan × 25 ms: one full statement takes ~2.6 s, a whole GetFeature two of them.
  const MS_PER_ROW = 25;

  before(async () => {
    node = await testNode({ serve: true, config: { requestTimeoutMs: BUDGET } });
    rowsSeen = await slowDown(node, SLOW, MS_PER_ROW);
  });
  after(async () => node.stop());

  it('applies the PostgreSQL statement timeout to every pooled connection', async function () {
    if (BACKEND !== 'postgis') this.skip();
    const r = await node.ctx.db.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(r.rows[0].statement_timeout).to.not.equal('0');
  });

  it('ends a WFS GetFeature over its budget with a 503 OWS exception and cancels its query', async () => {
    const before = await rowsSeen().catch(() => 0);
    const started = Date.now();
    const r = await get(`${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=${SLOW}&BBOX=${BOX}`);
    const ms = Date.now() - started;
    expect(r.status).to.equal(503);
    expect(r.body)
      .to.contain('ows:ExceptionReport')
      .and.contain('OperationProcessingFailed')
      .and.contain('time budget');
    expect(r.headers.get('retry-after')).to.match(/^\d+$/);
    expect(r.body).to.not.match(STACK);
    // The answer comes near the budget, not after the 2.6 s statement; PostGIS also cancels the
    // statement on the server (the embedded database finishes it in its thread and drops the rows).
    expect(ms).to.be.below(BUDGET + 1500);
    if (BACKEND === 'postgis') {
      expect(await until(async () => (await runningSlow(node)) === 0, 2000), 'query still running').to.equal(true);
    }
    // Either way the request's later statements never ran: a full answer reads every row twice
    // (count, then the features); at most one statement's worth was read. (The embedded database
    // cannot interrupt its running statement: there the count runs to its end, then the request
    // stops.)
    await new Promise((r) => setTimeout(r, 300));
    expect((await rowsSeen()) - before).to.be.at.most(104);
  });

  it('ends an OGC API items request over its budget with a 503 JSON exception', async () => {
    const r = await get(`${node.url}/ogcapi/collections/${SLOW}/items?limit=100&bbox=106.5,-6.4,106.8,-6.0`);
    expect(r.status).to.equal(503);
    expect(r.headers.get('content-type')).to.contain('application/problem+json');
    const body = JSON.parse(r.body);
    expect(body.status).to.equal(503);
    expect(body.detail).to.contain('time budget');
    expect(body.code).to.be.a('string');
  });

  it('stops the query of a client that disconnects', async function () {
    const ac = new AbortController();
    const before = await rowsSeen();
    const done = fetch(`${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=${SLOW}`, {
      signal: ac.signal,
    })
      .then((r) => r.text())
      .catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 250));
    ac.abort();
    expect(await done).to.equal('aborted');
    if (BACKEND === 'postgis')
      expect(await until(async () => (await runningSlow(node)) === 0, 1500), 'query still running').to.equal(true);
    await new Promise((r) => setTimeout(r, 300));
    expect((await rowsSeen()) - before).to.be.at.most(104);
    expect((await get(`${node.url}/health`)).status).to.equal(200);
  });

  it('stops the producer of a stream whose client went away', async () => {
    const res = Object.assign(new PassThrough(), { locals: {}, status: () => res, setHeader: () => res });
    res.destroy();
    let pulled = 0;
    let stopped = false;
    async function* body() {
      try {
        for (;;) {
          pulled++;
          yield 'x'.repeat(100_000);
        }
      } finally {
        stopped = true;
      }
    }
    await sendReply({} as any, res as any, reply(200, 'text/plain', body()));
    expect(stopped).to.equal(true);
    expect(pulled).to.equal(1);
  });

  it('answers /health within 100 ms while a slow statement runs', async () => {
    const slow = get(`${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=${SLOW}`);
    let done = false;
    void slow.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t = performance.now();
      expect((await get(`${node.url}/health`)).status).to.equal(200);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    await slow;
    expect(latencies.length).to.be.above(5);
    const sorted = [...latencies].sort((a, b) => a - b);
    // A shared 2-core machine may take the CPU from a poll now and then: the median under 100 ms,
    // none 1 s (a statement on the node's own thread held it for the whole 2.6 s).
    expect(sorted[sorted.length >> 1], 'median').to.be.below(100);
    expect(sorted[sorted.length - 1], 'worst').to.be.below(1000);
  });

  it('answers quick requests as before', async () => {
    // The embedded database finishes the statements of the aborted requests above first.
    await node.ctx.db.query('SELECT 1');
    expect(
      (
        await get(
          `${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=bappeda:batas_kecamatan&COUNT=1`,
        )
      ).status,
    ).to.equal(200);
    expect((await get(`${node.url}/ogcapi/collections/bappeda:batas_kecamatan/items?limit=1`)).status).to.equal(200);
  });
});

describe('security: body limits, charsets and percent-encoding at the edge', function () {
  this.timeout(30_000);
  let node: TestNode;
  before(async () => {
    node = await testNode({ serve: true });
  });
  after(async () => node.stop());

  const form = (path: string, body: string, type = 'application/x-www-form-urlencoded') =>
    get(`${node.url}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('refuses a form KVP body over 64 KB with 413 in the service format', async () => {
    const big = `SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=${'bappeda,'.repeat(40_000)}`;
    const r = await form('/wms', big);
    expect(r.status).to.equal(413);
    expect(r.body).to.contain('ServiceExceptionReport').and.contain('larger than');
    const w = await form('/wfs', big);
    expect(w.status).to.equal(413);
    expect(w.body).to.contain('ows:ExceptionReport');
  });

  it('refuses a form with too many parameters, and a query string with too many', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `p${i}=1`).join('&');
    expect((await form('/wfs', many)).status).to.equal(413);
    const q = await get(`${node.url}/wfs?${many}`);
    expect(q.status).to.equal(400);
    expect(q.body).to.contain('ows:ExceptionReport');
  });

  it('refuses an XML body over the XML limit with 413', async () => {
    const r = await form(
      '/csw',
      `<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW">${' '.repeat(5 * 1024 * 1024)}</csw:GetRecords>`,
      'application/xml',
    );
    expect(r.status).to.equal(413);
    expect(r.body).to.contain('ows:ExceptionReport');
  });

  it('refuses a large JSON API body with 413 JSON', async () => {
    const r = await form('/api/layers/x:y', JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }), 'application/json');
    expect(r.status).to.equal(413);
    expect(JSON.parse(r.body).code).to.equal('PayloadTooLarge');
  });

  for (const path of ['/wfs', '/csw', '/wms', '/ows']) {
    for (const charset of ['utf-16', 'ebcdic-cp-us', 'foo']) {
      it(`answers a form POST to ${path} in charset ${charset} with 415, never 500`, async () => {
        const r = await form(
          path,
          'SERVICE=WFS&REQUEST=GetCapabilities',
          `application/x-www-form-urlencoded; charset=${charset}`,
        );
        expect(r.status).to.equal(415);
        expect(r.body).to.contain('charset').and.not.match(STACK);
        if (path !== '/ows') expect(r.body).to.match(/ExceptionReport/);
      });
    }
    it(`answers an XML POST to ${path} in an unknown charset with 415`, async () => {
      const r = await form(path, '<GetCapabilities service="WFS"/>', 'application/xml; charset=foo');
      expect(r.status).to.equal(415);
    });
  }

  it('decodes an XML POST body sent as UTF-16', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?><GetCapabilities xmlns="http://www.opengis.net/wfs/2.0" service="WFS"/>';
    const r = await get(`${node.url}/wfs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml; charset=utf-16le' },
      body: Buffer.from(xml, 'utf16le'),
    });
    expect(r.status).to.be.below(500);
  });

  for (const path of [
    '/ogcapi/collections/%E0%A4%A',
    '/ogcapi/collections/%E0%A4%A/items',
    '/api/layers/%zz',
    '/tiles/%ff%fe.json',
    '/tiles/%ff/1/1/1.png',
    '/wmts/1.0.0/%zz/default/WebMercatorQuad/1/1/1.png',
    '/ogcapi/collections/%c0%af/tiles',
  ]) {
    it(`answers malformed percent-encoding ${path} with 400`, async () => {
      const r = await get(`${node.url}${path}`);
      expect(r.status).to.be.within(400, 404);
      expect(r.body).to.not.match(STACK);
    });
  }
});

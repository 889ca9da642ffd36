import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';

describe('server: health, readiness, home, errors', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode({ serve: true });
  });
  after(async () => node.stop());

  it('answers /health and /ready', async () => {
    expect((await get(`${node.url}/health`)).status).to.equal(200);
    const r = await get(`${node.url}/ready`);
    expect(r.status).to.equal(200);
    expect(JSON.parse(r.body).status).to.equal('ready');
  });

  it('lists the public demo layers on the home page, and hides the others', async () => {
    const r = await get(`${node.url}/`);
    expect(r.body).to.contain('bappeda:batas_kelurahan');
    expect(r.body).to.not.contain('dinsos:penerima_bantuan');
    expect(r.body).to.not.contain('bpkad:aset_tanah');
  });

  it('answers unknown paths with 404 JSON and no stack trace', async () => {
    const r = await get(`${node.url}/nothing/here`);
    expect(r.status).to.equal(404);
    expect(r.body).to.not.match(/at .*\.(ts|js):\d+/);
  });

  it('answers /ows without SERVICE with an OWS exception', async () => {
    const r = await get(`${node.url}/ows?REQUEST=GetCapabilities`);
    expect(r.status).to.equal(400);
    expect(r.body).to.contain('MissingParameterValue');
  });

  it('refuses wrong credentials with 401 instead of treating the caller as anonymous', async () => {
    const r = await get(`${node.url}/`, { headers: { Authorization: 'Bearer spl_wrong' } });
    expect(r.status).to.equal(401);
  });

  it('sends CORS headers and answers preflight', async () => {
    const r = await fetch(`${node.url}/wfs`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.org', 'Access-Control-Request-Method': 'GET' },
    });
    expect(r.status).to.equal(204);
    expect(r.headers.get('access-control-allow-origin')).to.equal('*');
  });
});

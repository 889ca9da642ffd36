/** Settings read from the environment (server/config.ts). */
import { expect } from 'chai';
import { loadConfig } from '../../server/config.js';

describe('configuration', () => {
  it('reads its configuration from the environment with sane defaults', () => {
    const c = loadConfig({ PORT: '9000', SIMPUL_CORS_ORIGINS: 'https://a.id, https://b.id' });
    expect(c.port).to.equal(9000);
    expect(c.databaseUrl).to.equal(null);
    expect(c.dataDir).to.equal('./var');
    expect(c.corsOrigins).to.deep.equal(['https://a.id', 'https://b.id']);
    expect(loadConfig({}).port).to.equal(8080);
  });
  it('refuses settings that are not whole numbers, naming them', () => {
    expect(() => loadConfig({ SIMPUL_REQUEST_TIMEOUT_MS: '60s' })).to.throw(/SIMPUL_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ SIMPUL_MAX_FORM_KB: '0' })).to.throw(/SIMPUL_MAX_FORM_KB/);
    expect(loadConfig({}).requestTimeoutMs).to.equal(60_000);
  });
});

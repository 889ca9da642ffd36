/** The guard of `npm run test:unit` (test/support/unit-guard.js) refuses GDAL and the databases. */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';

function importUnderGuard(specifier: string) {
  const script = `await import('./test/support/unit-guard.js'); await import(${JSON.stringify(specifier)});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('unit test guard', () => {
  for (const name of ['gdal-async', '@electric-sql/pglite', 'pg']) {
    it(`refuses to load ${name}`, () => {
      const r = importUnderGuard(name);
      expect(r.status).to.not.equal(0);
      expect(r.stderr).to.include(`unit tests must not load ${name}`);
    });
  }
  it('lets other modules load', () => {
    expect(importUnderGuard('chai').status).to.equal(0);
  });
});

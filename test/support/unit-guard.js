// Required by `npm run test:unit` before the spec files: unit tests run without GDAL or a
// database, so resolving gdal-async, PGlite or a PostgreSQL driver fails the import that asked
// for it, naming the module. The root hook double-checks the CommonJS cache at the end (a native
// addon loaded with require() does not pass the resolve hook).
import { register, createRequire } from 'node:module';

const FORBIDDEN = /\/node_modules\/(gdal-async|@electric-sql\/pglite[^/]*|pg|pg-cursor|pg-pool)\//;

register('./unit-guard-hooks.js', import.meta.url, { data: { forbidden: FORBIDDEN.source } });

const require = createRequire(import.meta.url);

export const mochaHooks = {
  afterAll() {
    const loaded = Object.keys(require.cache).filter((k) => FORBIDDEN.test(k));
    if (loaded.length) throw new Error(`unit tests loaded GDAL or a database driver: ${loaded.join(', ')}`);
  },
};

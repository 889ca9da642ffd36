#!/usr/bin/env node
// Runs the whole suite against both backends (embedded PGlite+PostGIS, then real PostGIS)
// and ends with one line: "N passed, N failed".
//   node test/run.js                       both backends, every test
//   SIMPUL_TEST_BACKENDS=embedded node test/run.js test/wfs/*.test.ts
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';

const backends = (process.env.SIMPUL_TEST_BACKENDS ?? 'embedded,postgis')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const files = process.argv.slice(2);
const specs = files.length ? files : ['test/**/*.test.ts'];
const totals = { passed: 0, failed: 0, pending: 0 };

for (const backend of backends) {
  process.stdout.write(`\n=== backend: ${backend} ===\n`);
  const out = await new Promise((resolve) => {
    let text = '';
    const child = spawn(
      'npx',
      [
        'mocha',
        '--import=tsx',
        '--require',
        'test/support/global-setup.ts',
        '--timeout',
        '120000',
        '--reporter',
        'test/support/spec-timed.cjs',
        '--exit',
        ...specs,
      ],
      {
        env: {
          ...process.env,
          SIMPUL_TEST_RUN: `${process.pid}${backend[0]}`,
          SIMPUL_TEST_DB: backend,
          GDAL_DEFAULT_WMS_CACHE_PATH: `${tmpdir()}/simpul-gdal-wms-cache`,
          NODE_OPTIONS: '--max-old-space-size=4096',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (d) => {
      text += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      text += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ text, code }));
  });
  const num = (re) => Number((re.exec(out.text) ?? [0, 0])[1]);
  const passed = num(/(\d+) passing/);
  let failed = num(/(\d+) failing/);
  const pending = num(/(\d+) pending/);
  // A crash before mocha's summary (setup failed) counts as a failure of that backend.
  if (out.code !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.pending += pending;
  process.stdout.write(`=== ${backend}: ${passed} passed, ${failed} failed, ${pending} pending ===\n`);
}
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}\n`,
);
process.exit(totals.failed ? 1 : 0);

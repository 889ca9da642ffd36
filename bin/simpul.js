#!/usr/bin/env node
// The `simpul` command: runs the compiled CLI (npm ci builds it into dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('simpul: not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(1);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));

/** The settings file's validator, compiled ahead of time: ajv's standalone code for
 *  config/simpul.schema.json, kept in server/settings-validate.generated.ts so a start does not
 *  load ajv and compile the schema (~0.2 s measured, ~1 s under tsx). test/unit/settings.test.ts
 *  fails when the kept code is not what the schema gives; write it again with
 *    npx tsx test/support/settings-validator.ts --write */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { format, resolveConfig } from 'prettier';

const ROOT = new URL('../../', import.meta.url);
export const GENERATED = new URL('server/settings-validate.generated.ts', ROOT).pathname;

export async function validatorSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const standalone = require('ajv/dist/standalone').default as (ajv: unknown, v: unknown) => string;
  // unicode: false counts minLength in UTF-16 units: the code then needs nothing of ajv's at run time.
  const ajv = new Ajv({
    verbose: true,
    strict: false,
    unicode: false,
    logger: false,
    code: { source: true, esm: true, lines: true },
  });
  const schema = JSON.parse(readFileSync(new URL('config/simpul.schema.json', ROOT), 'utf8'));
  const code = standalone(ajv, ajv.compile(schema));
  const text = `/* eslint-disable */\n// @ts-nocheck\n// Generated from config/simpul.schema.json by test/support/settings-validator.ts: do not edit.\n${code}`;
  return format(text, { ...(await resolveConfig(GENERATED)), filepath: GENERATED });
}

if (process.argv.includes('--write')) {
  writeFileSync(GENERATED, await validatorSource());
  process.stdout.write(`wrote ${GENERATED}\n`);
}

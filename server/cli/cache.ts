import { CliError } from './common.js';

/** Placeholder until issue #5 lands. */
export async function run(_argv: string[]): Promise<number> {
  throw new CliError('not available yet');
}

import { issueToken, revokeTokens } from '../../data/users.js';
import { usage, args, withContext } from './common.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { label: { type: 'string' } });
  const [action, username] = positionals;
  return withContext(async (ctx) => {
    if (action === 'issue' && username) {
      process.stdout.write((await issueToken(ctx.db, username, values.label ?? '')) + '\n');
      return 0;
    }
    if (action === 'revoke' && username) {
      process.stdout.write(`${await revokeTokens(ctx.db, username)} token(s) revoked\n`);
      return 0;
    }
    throw usage('usage: simpul token issue USER [--label L] | simpul token revoke USER');
  });
}

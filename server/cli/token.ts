import { issueToken, revokeTokens } from '../../data/users.js';
import { usage, args, withContext } from './common.js';
import { say } from './scope.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { label: { type: 'string' } });
  const [action, username] = positionals;
  return withContext(async (ctx) => {
    if (action === 'issue' && username) {
      say((await issueToken(ctx.db, username, values.label ?? '')) + '\n');
      return 0;
    }
    if (action === 'revoke' && username) {
      say(`${await revokeTokens(ctx.db, username)} token(s) revoked\n`);
      return 0;
    }
    throw usage('usage: simpul token issue USER [--label L] | simpul token revoke USER');
  });
}

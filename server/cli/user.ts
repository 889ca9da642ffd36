import { listUsers } from '../../data/users.js';
import { createConsoleUser } from '../../data/people.js';
import { CLI_PRINCIPAL } from './publish.js';
import type { Role } from '../../data/access.js';
import { usage, args, withContext } from './common.js';
import { say } from './scope.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, {
    role: { type: 'string' },
    org: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
  });
  const [action, username] = positionals;
  return withContext(async (ctx) => {
    if (action === 'list') {
      for (const u of await listUsers(ctx.db)) say(`${u.username}\t${u.role}\t${u.organisation ?? ''}\n`);
      return 0;
    }
    if (action !== 'add' || !username)
      throw usage(
        'usage: simpul user add NAME --role ROLE [--org CODE] [--password P] [--name FULL_NAME] [--email ADDRESS] | simpul user list',
      );
    if (!values.role) throw usage('--role is required (produsen, walidata, pembina, admin)');
    const u = await createConsoleUser(ctx.db, CLI_PRINCIPAL, {
      username,
      role: values.role as Role,
      organisation: values.org,
      password: values.password ?? process.env.SIMPUL_PASSWORD,
      fullName: values.name,
      email: values.email,
    });
    say(`user ${u.username} (${u.role}${u.organisation ? ', ' + u.organisation : ''}) added\n`);
    return 0;
  });
}

import { changeLayer } from '../../data/layers/status.js';
import type { AccessClass, LayerStatus, Principal } from '../../data/access.js';
import { usage, fail, args, withContext } from './common.js';
import { say } from './scope.js';

/** The CLI runs on the node itself, with the database's keys: it acts as an administrator. */
export const CLI_PRINCIPAL: Principal = { kind: 'user', userId: 0, username: 'cli', role: 'admin', organisation: null };

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { status: { type: 'string' }, access: { type: 'string' } });
  const [name] = positionals;
  if (!name)
    throw usage(
      'usage: simpul publish LAYER [--status draft|verified|published] [--access PUBLIC|GOVERNMENT|PRIVATE|IGSTRATEGIS]',
    );
  return withContext(async (ctx) => {
    const layer = ctx.catalogue.unguardedGet(name);
    if (!layer) throw fail(`no layer named ${name}`);
    await changeLayer(ctx.db, CLI_PRINCIPAL, layer, {
      status: (values.status ?? 'published') as LayerStatus,
      accessClass: values.access as AccessClass | undefined,
    });
    say(`${name}: ${values.status ?? 'published'}${values.access ? ', ' + values.access : ''}\n`);
    return 0;
  });
}

import { args, withContext } from './common.js';
import { say } from './scope.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = args(argv, { json: { type: 'boolean' } });
  return withContext(async (ctx) => {
    const layers = ctx.catalogue.unguardedAll();
    if (values.json) {
      say(JSON.stringify(layers, null, 2) + '\n');
      return 0;
    }
    for (const l of layers) {
      say(
        `${l.name.padEnd(40)} ${l.geometryType.padEnd(16)} ${String(l.featureCount).padStart(8)}  ${l.accessClass.padEnd(11)} ${l.status.padEnd(9)} ${l.title}\n`,
      );
    }
    say(`${layers.length} layers\n`);
    return 0;
  });
}

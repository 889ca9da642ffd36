import { args, withContext } from './common.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = args(argv, { json: { type: 'boolean' } });
  return withContext(async (ctx) => {
    const layers = ctx.catalogue.unguardedAll();
    if (values.json) {
      process.stdout.write(JSON.stringify(layers, null, 2) + '\n');
      return 0;
    }
    for (const l of layers) {
      process.stdout.write(`${l.name.padEnd(40)} ${l.geometryType.padEnd(16)} ${String(l.featureCount).padStart(8)}  ${l.accessClass.padEnd(11)} ${l.status.padEnd(9)} ${l.title}\n`);
    }
    process.stdout.write(`${layers.length} layers\n`);
    return 0;
  });
}

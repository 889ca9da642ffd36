import { loadDemo } from '../../data/demo/load.js';
import { usage, args, progress, withContext } from './common.js';
import { say } from './scope.js';

export async function run(argv: string[]): Promise<number> {
  // --serve is handled by cli/remote.ts: the demo lets go of the data folder's lock, then serves.
  const { values } = args(argv, { layers: { type: 'string' }, seed: { type: 'string' }, serve: { type: 'boolean' } });
  const extra = values.layers === undefined ? 0 : Number(values.layers);
  if (!Number.isInteger(extra) || extra < 0 || extra > 100_000)
    throw usage('--layers takes a whole number (e.g. 2491)');
  const bar = progress('demo layers');
  const t = Date.now();
  const result = await withContext((ctx) =>
    loadDemo(ctx.db, ctx.catalogue, {
      extraLayers: extra,
      seed: values.seed ? Number(values.seed) : undefined,
      onLayer: (_n, done) => bar.update(done),
    }),
  );
  bar.done();
  say(
    `demo: ${result.created.length} layers created, ${result.skipped.length} already there (${((Date.now() - t) / 1000).toFixed(1)} s)\n`,
  );
  return 0;
}

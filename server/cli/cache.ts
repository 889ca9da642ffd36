/** `simpul cache clear [LAYER]`: removes cached tiles (of one layer, or all). Never needed for
 *  freshness (keys carry the data and style versions); it frees space. */
import { openTileCache } from '../../tiles/cache.js';
import { loadConfig } from '../config.js';
import { usage, args } from './common.js';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = args(argv, {});
  const [action, layer] = positionals;
  if (action !== 'clear' || positionals.length > 2) throw usage('usage: simpul cache clear [LAYER]');
  // Clears even when caching is now off (what an earlier run left); needs no index, and tells
  // a node serving from the same folder to count again.
  const cache = openTileCache({ ...loadConfig(), tileCache: true }, { index: false });
  try {
    const n = await cache.clear(layer);
    process.stdout.write(`${n} cached tile${n === 1 ? '' : 's'} removed${layer ? ` for ${layer}` : ''}\n`);
    return 0;
  } finally {
    await cache.close();
  }
}

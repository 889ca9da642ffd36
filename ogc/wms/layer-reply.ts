/** The reply of an answer drawn from layers (a map, features under a pixel, a legend), with the
 *  caching it allows. */
import type { Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { reply, type Reply, type ReplyBody } from '../../data/reply.js';

/** Shared caches may keep it only when an anonymous caller asked and every layer is PUBLIC; a
 *  layer seen only with credentials is `private`, and since the answer depends on who asks,
 *  every one says `Vary: Authorization`. */
export function layerReply(p: Principal, layers: Layer[], freshness: string, type: string, body: ReplyBody): Reply {
  const shared = p.kind === 'anonymous' && layers.every((l) => l.accessClass === 'PUBLIC');
  return reply(200, type, body, {
    'cache-control': `${shared ? 'public' : 'private'}, ${freshness}`,
    vary: 'Authorization',
  });
}

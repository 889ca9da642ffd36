/** Errors of the tile endpoints that answer JSON (XYZ tiles, OGC API Tiles): RFC 9457 problem
 *  details like every JSON API (data/errors.ts problem), Retry-After when the client should wait. */
import { problemReply, type OgcError } from '../data/errors.js';
import type { Reply } from '../data/reply.js';

export function jsonErrorReply(e: OgcError, requestId?: string): Reply {
  return problemReply(e, requestId);
}

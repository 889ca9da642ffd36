/** Errors of the tile endpoints that answer JSON (XYZ tiles, OGC API Tiles): `{code,
 *  description}` with the error's status; a deliberate 503 (over budget) says when to retry. */
import type { OgcError } from '../data/errors.js';
import { reply, type Reply } from '../data/reply.js';

export function jsonErrorReply(e: OgcError): Reply {
  return reply(e.status, 'application/json; charset=utf-8', JSON.stringify({ code: e.code, description: e.message }), e.status === 503 ? { 'retry-after': '5' } : {});
}

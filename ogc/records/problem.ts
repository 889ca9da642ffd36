/** OGC API Records errors as RFC 9457 problem details (application/problem+json), with the
 *  OGC exception code and locator beside the standard members (data/errors.ts problem). */
import { problemReply } from '../../data/errors.js';
import type { Reply } from '../../data/reply.js';

export function recordsProblemReply(err: unknown, requestId?: string): Reply {
  return problemReply(err, requestId);
}

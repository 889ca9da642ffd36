/** OGC API Records errors as RFC 9457 problem details (application/problem+json), with the
 *  OGC exception code and locator beside the standard members. */
import { STATUS_CODES } from 'node:http';
import { reply, type Reply } from '../../data/reply.js';
import { asOgcError } from '../exceptions.js';

export function recordsProblemReply(err: unknown): Reply {
  const e = asOgcError(err);
  const body = { type: 'about:blank', title: STATUS_CODES[e.status] ?? 'Error', status: e.status, detail: e.message, code: e.code, locator: e.locator };
  return reply(e.status, 'application/problem+json; charset=utf-8', JSON.stringify(body), e.status === 503 ? { 'retry-after': '5' } : {});
}

/** CSW 2.0.2 answers errors with an OWS 1.0.0 ExceptionReport. */
import { reply, type Reply } from '../../data/reply.js';
import { asOgcError, owsExceptionReport } from '../exceptions.js';

export const XML_TYPE = 'application/xml; charset=utf-8';

export function cswExceptionReply(err: unknown): Reply {
  const e = asOgcError(err);
  // A deliberate 503 (over budget, busy) tells the client when to try again.
  return reply(e.status, XML_TYPE, owsExceptionReport(e, '1.0.0'), e.status === 503 ? { 'retry-after': '5' } : {});
}

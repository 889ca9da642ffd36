/** WMTS answers errors as OWS 1.1 exception reports; a deliberate 503 (over budget, busy)
 *  tells the client when to try again. */
import type { OgcError } from '../../data/errors.js';
import { reply, type Reply } from '../../data/reply.js';
import { owsExceptionReport } from '../exceptions.js';

export function wmtsExceptionReply(e: OgcError): Reply {
  return reply(
    e.status,
    'application/xml; charset=utf-8',
    owsExceptionReport(e, '1.1.0'),
    e.status === 503 ? { 'retry-after': '5' } : {},
  );
}

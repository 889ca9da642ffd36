/** WFS errors as a reply: the OWS ExceptionReport of the request's version (OWS 1.1 for WFS
 *  2.0.0, OWS 1.0 for 1.1.0 and 1.0.0). */
import { reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import { asOgcError, owsExceptionReport } from '../exceptions.js';
import { Kvp } from '../kvp.js';
import { parseWfsRequest } from './request.js';
import { VERSIONS, negotiateVersion, type WfsVersion } from './versions.js';

export function wfsExceptionReply(err: unknown, req: ServiceRequest): Reply {
  const e = asOgcError(err);
  // A deliberate 503 (over budget, busy) tells the client when to try again.
  const headers: Record<string, string> = e.status === 503 ? { 'retry-after': '5' } : {};
  return reply(
    e.status,
    'application/xml; charset=utf-8',
    owsExceptionReport(e, VERSIONS[versionOf(req)].ows),
    headers,
  );
}

/** The version an error answers in: the request's own when it parses, else KVP VERSION of a GET
 *  (2.0.0 when there is none). */
function versionOf(req: ServiceRequest): WfsVersion {
  try {
    return parseWfsRequest(req).version;
  } catch {
    return negotiateVersion(req.method === 'GET' ? Kvp.fromQuery(req.query).get('version') : undefined);
  }
}

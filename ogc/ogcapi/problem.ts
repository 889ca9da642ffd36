/** OGC API errors as RFC 9457 problem details (`application/problem+json`): type, title, status
 *  and detail, with the OGC exception `code` and `locator` as extension members; an HTML page
 *  when the client asked for HTML. An unexpected error is a 500 that names the request (its id is
 *  in the log beside the cause), never a 4xx. */
import { reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import { problem, problemHeaders, problemReply as jsonProblemReply, type Problem } from '../../data/errors.js';
import { htmlPage } from './html.js';
import { asHtml } from './request.js';

export type { Problem };
export const problemJson = problem;

/** `req`: the request, when there is one, to answer in its format (a request whose f or
 *  parameters are the error gets JSON); `requestId` is given on a 500 so that an operator can
 *  find its cause in the log. */
export function problemReply(err: unknown, req?: Pick<ServiceRequest, 'query' | 'headers'>, requestId?: string): Reply {
  if (!req || !htmlOrNot(req)) return jsonProblemReply(err, requestId);
  const doc = problem(err, requestId);
  const status = doc.status;
  const description = `${doc.detail}${doc.requestId ? ` (request ${doc.requestId})` : ''}`;
  return reply(
    status,
    'text/html; charset=utf-8',
    htmlPage({ title: `${status} ${doc.title}`, description }, doc.title),
    problemHeaders(err),
  );
}

function htmlOrNot(req: Pick<ServiceRequest, 'query' | 'headers'>): boolean {
  try {
    return asHtml(req);
  } catch {
    return false;
  }
}

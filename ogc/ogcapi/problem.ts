/** OGC API errors as RFC 9457 problem details (`application/problem+json`): type, title, status
 *  and detail, with the OGC exception `code` and `locator` as extension members; an HTML page
 *  when the client asked for HTML. An unexpected error is a 500 that names the request (its id is
 *  in the log beside the cause), never a 4xx. */
import { STATUS_CODES } from 'node:http';
import { reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import { asOgcError } from '../exceptions.js';
import { htmlPage } from './html.js';
import { asHtml } from './request.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  locator?: string;
  requestId?: string;
}

export function problemJson(err: unknown, requestId?: string): Problem {
  const e = asOgcError(err);
  return {
    type: 'about:blank',
    title: STATUS_CODES[e.status] ?? 'Error',
    status: e.status,
    detail: e.message,
    code: e.code,
    ...(e.locator ? { locator: e.locator } : {}),
    ...(e.status >= 500 && requestId ? { requestId } : {}),
  };
}

/** `req`: the request, when there is one, to answer in its format (a request whose f or
 *  parameters are the error gets JSON); `requestId` is given on a 500 so that an operator can
 *  find its cause in the log. */
export function problemReply(err: unknown, req?: Pick<ServiceRequest, 'query' | 'headers'>, requestId?: string): Reply {
  const doc = problemJson(err, requestId);
  const status = doc.status;
  // A deliberate 503 (over budget, busy) tells the client when to try again.
  const headers: Record<string, string> = status === 503 ? { 'retry-after': '5' } : {};
  if (req && htmlOrNot(req)) {
    const description = `${doc.detail}${doc.requestId ? ` (request ${doc.requestId})` : ''}`;
    return reply(status, 'text/html; charset=utf-8', htmlPage({ title: `${status} ${doc.title}`, description }, doc.title), headers);
  }
  return reply(status, 'application/problem+json', JSON.stringify(doc), headers);
}

function htmlOrNot(req: Pick<ServiceRequest, 'query' | 'headers'>): boolean {
  try {
    return asHtml(req);
  } catch {
    return false;
  }
}

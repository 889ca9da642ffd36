/** Errors met at the edge, before or outside a service's own handler (a body too large, a
 *  charset the parser does not take, a malformed path, a request over its time budget), sent in
 *  the format of the service the path names: WMS ServiceExceptionReport, OWS ExceptionReport for
 *  WFS/WMTS/CSW (and /ows), RFC 9457 problem details for every JSON API (`sendProblem`, the one
 *  function that sends them). Never a stack trace: an unexpected error is a 500 whose request id
 *  is in the body and in the log line that records its cause (`logUnexpected`). */
import type { Request, Response } from 'express';
import { OgcError, isUnexpected, problemReply, retryAfter } from '../data/errors.js';
import { owsExceptionReport, type OwsVersion } from '../ogc/exceptions.js';
import { exceptionReport } from '../ogc/wms/exceptions.js';
import { withRequestId, type Logger } from './log.js';

type Format = { kind: 'wms' } | { kind: 'ows'; version: OwsVersion } | { kind: 'problem' };

/** The OWS report version each service speaks (as its own handler does). */
const OWS_BY_SERVICE: Record<string, Format> = {
  wms: { kind: 'wms' },
  wfs: { kind: 'ows', version: '1.1.0' },
  wmts: { kind: 'ows', version: '1.1.0' },
  csw: { kind: 'ows', version: '1.0.0' },
};

/** JSON APIs name the HTTP condition (the OWS reports keep their exception codes). */
const JSON_CODE: Record<number, OgcError['code']> = {
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  503: 'ServiceUnavailable',
};

function queryParam(req: Request, name: string): string | undefined {
  const q = req.originalUrl.indexOf('?');
  if (q < 0) return undefined;
  for (const pair of req.originalUrl.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).toLowerCase() === name) {
      try {
        return decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function formatOf(req: Request): Format {
  const first = /^\/([^/?]*)/.exec(req.originalUrl)?.[1]?.toLowerCase() ?? '';
  if (first === 'ows')
    return OWS_BY_SERVICE[(queryParam(req, 'service') ?? '').toLowerCase()] ?? { kind: 'ows', version: '1.1.0' };
  return OWS_BY_SERVICE[first] ?? { kind: 'problem' };
}

export function sendEdgeError(req: Request, res: Response, e: OgcError): void {
  const f = formatOf(req);
  if (f.kind === 'problem') {
    sendProblem(
      res,
      JSON_CODE[e.status] && e.code === 'InvalidParameterValue'
        ? new OgcError(JSON_CODE[e.status], e.message, e.locator, e.status, e.extra)
        : e,
    );
    return;
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  const wait = retryAfter(e);
  if (wait !== undefined) res.set('Retry-After', String(wait));
  if (f.kind === 'wms') {
    const version = queryParam(req, 'version') === '1.1.1' ? '1.1.1' : '1.3.0';
    res
      .status(e.status)
      .type(`${version === '1.1.1' ? 'application/vnd.ogc.se_xml' : 'text/xml'}; charset=utf-8`)
      .send(exceptionReport(version, e));
  } else {
    res.status(e.status).type('application/xml; charset=utf-8').send(owsExceptionReport(e, f.version));
  }
}

/** Answers a JSON API's failure as RFC 9457 `application/problem+json` (data/errors.ts
 *  `problem`), with Retry-After when the error says when to come back; an unexpected error is a
 *  500 naming the request. Nothing when the answer has begun: the connection is ended. */
export function sendProblem(res: Response, err: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const r = problemReply(err, res.locals.requestId);
  res.status(r.status);
  for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
  res.end(r.body as string);
}

/** Logs an unexpected error (not an OgcError the client caused) with its stack and the
 *  request's id; says whether it was one. */
export function logUnexpected(log: Logger, res: Response, err: unknown, msg = 'request failed'): boolean {
  if (!isUnexpected(err)) return false;
  const id = res.locals.requestId as string | undefined;
  const write = () => log.error(msg, { path: res.req?.path, error: String((err as Error)?.stack ?? err) });
  if (id) withRequestId(id, write);
  else write();
  return true;
}

/** A client error from the edge's parsers as an OgcError (4xx), or undefined for a real fault. */
export function clientError(err: any): OgcError | undefined {
  if (err instanceof OgcError) return err.status < 500 || err.status === 503 ? err : undefined;
  if (err instanceof URIError)
    return new OgcError(
      'InvalidParameterValue',
      'The path or a parameter is not valid percent-encoding',
      undefined,
      400,
    );
  const status = Number(err?.status ?? err?.statusCode);
  switch (err?.type) {
    case 'entity.too.large':
      return new OgcError(
        'InvalidParameterValue',
        `The request body is larger than this operation takes (${err.limit} bytes at most)`,
        undefined,
        413,
      );
    case 'parameters.too.many':
      return new OgcError('InvalidParameterValue', 'The form has too many parameters', undefined, 413);
    case 'charset.unsupported':
      return new OgcError(
        'InvalidParameterValue',
        `Unsupported charset "${String(err.charset).slice(0, 40)}": send the body as UTF-8 (or another charset this node reads)`,
        undefined,
        415,
      );
    case 'encoding.unsupported':
      return new OgcError(
        'InvalidParameterValue',
        `Unsupported Content-Encoding "${String(err.encoding).slice(0, 40)}"`,
        undefined,
        415,
      );
    case 'entity.parse.failed':
      return new OgcError('InvalidParameterValue', 'The request body could not be parsed', undefined, 400);
    case 'request.aborted':
    case 'stream.encoding.set':
    case 'request.size.invalid':
      return new OgcError('InvalidParameterValue', 'The request body was incomplete', undefined, 400);
  }
  if (status >= 400 && status < 500)
    return new OgcError(
      'InvalidParameterValue',
      status === 413 ? 'The request body is too large' : 'The request could not be read',
      undefined,
      status,
    );
  if (err instanceof SyntaxError)
    return new OgcError('InvalidParameterValue', 'The request body could not be parsed', undefined, 400);
  return undefined;
}

/** Errors met at the edge, before or outside a service's own handler (a body too large, a
 *  charset the parser does not take, a malformed path, a request over its time budget), sent in
 *  the format of the service the path names: WMS ServiceExceptionReport, OWS ExceptionReport for
 *  WFS/WMTS/CSW (and /ows), problem details for OGC API, JSON `{code, description}` elsewhere.
 *  Never a stack trace. */
import type { Request, Response } from 'express';
import { OgcError } from '../data/errors.js';
import { owsExceptionReport, type OwsVersion } from '../ogc/exceptions.js';
import { exceptionReport } from '../ogc/wms/exceptions.js';
import { problemJson } from '../ogc/ogcapi/problem.js';

type Format = { kind: 'wms' } | { kind: 'ows'; version: OwsVersion } | { kind: 'problem' } | { kind: 'json' };

/** The OWS report version each service speaks (as its own handler does). */
const OWS_BY_SERVICE: Record<string, Format> = {
  wms: { kind: 'wms' },
  wfs: { kind: 'ows', version: '1.1.0' },
  wmts: { kind: 'ows', version: '1.1.0' },
  csw: { kind: 'ows', version: '1.0.0' },
};

/** JSON APIs name the HTTP condition (the OWS reports keep their exception codes). */
const JSON_CODE: Record<number, string> = { 413: 'PayloadTooLarge', 415: 'UnsupportedMediaType', 503: 'ServiceUnavailable' };

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
  if (first === 'ogcapi') return { kind: 'problem' };
  if (first === 'ows') return OWS_BY_SERVICE[(queryParam(req, 'service') ?? '').toLowerCase()] ?? { kind: 'ows', version: '1.1.0' };
  return OWS_BY_SERVICE[first] ?? { kind: 'json' };
}

export function sendEdgeError(req: Request, res: Response, e: OgcError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (e.status === 503 || e.status === 429) res.set('Retry-After', '5');
  const f = formatOf(req);
  if (f.kind === 'wms') {
    const version = queryParam(req, 'version') === '1.1.1' ? '1.1.1' : '1.3.0';
    res.status(e.status).type(`${version === '1.1.1' ? 'application/vnd.ogc.se_xml' : 'text/xml'}; charset=utf-8`).send(exceptionReport(version, e));
  } else if (f.kind === 'ows') {
    res.status(e.status).type('application/xml; charset=utf-8').send(owsExceptionReport(e, f.version));
  } else if (f.kind === 'problem') {
    res.status(e.status).type('application/problem+json').send(JSON.stringify(problemJson(e)));
  } else {
    res.status(e.status).type('application/json').send(JSON.stringify({ code: JSON_CODE[e.status] ?? e.code, description: e.message, ...(e.locator ? { locator: e.locator } : {}) }));
  }
}

/** A client error from the edge's parsers as an OgcError (4xx), or undefined for a real fault. */
export function clientError(err: any): OgcError | undefined {
  if (err instanceof OgcError) return err.status < 500 || err.status === 503 ? err : undefined;
  if (err instanceof URIError) return new OgcError('InvalidParameterValue', 'The path or a parameter is not valid percent-encoding', undefined, 400);
  const status = Number(err?.status ?? err?.statusCode);
  switch (err?.type) {
    case 'entity.too.large':
      return new OgcError('InvalidParameterValue', `The request body is larger than this operation takes (${err.limit} bytes at most)`, undefined, 413);
    case 'parameters.too.many':
      return new OgcError('InvalidParameterValue', 'The form has too many parameters', undefined, 413);
    case 'charset.unsupported':
      return new OgcError('InvalidParameterValue', `Unsupported charset "${String(err.charset).slice(0, 40)}": send the body as UTF-8 (or another charset this node reads)`, undefined, 415);
    case 'encoding.unsupported':
      return new OgcError('InvalidParameterValue', `Unsupported Content-Encoding "${String(err.encoding).slice(0, 40)}"`, undefined, 415);
    case 'entity.parse.failed':
      return new OgcError('InvalidParameterValue', 'The request body could not be parsed', undefined, 400);
    case 'request.aborted':
    case 'stream.encoding.set':
    case 'request.size.invalid':
      return new OgcError('InvalidParameterValue', 'The request body was incomplete', undefined, 400);
  }
  if (status >= 400 && status < 500) return new OgcError('InvalidParameterValue', status === 413 ? 'The request body is too large' : 'The request could not be read', undefined, status);
  if (err instanceof SyntaxError) return new OgcError('InvalidParameterValue', 'The request body could not be parsed', undefined, 400);
  return undefined;
}

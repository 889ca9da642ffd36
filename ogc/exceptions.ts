/** OWS Common exception reports (1.0.0 for WFS 1.1/CSW 2.0.2, 1.1.0 for WFS 2.0/WMTS), and the
 *  one way a service sends an OgcError. WMS has its own form in ogc/wms/. */
import { reply, type Reply } from '../data/reply.js';
import { OgcError } from '../data/errors.js';
import { XML_DECL, el, esc } from '../data/xml.js';

export type OwsVersion = '1.0.0' | '1.1.0' | '2.0.0';

const OWS_NS: Record<OwsVersion, { ns: string; xsd: string; reportVersion: string }> = {
  '1.0.0': { ns: 'http://www.opengis.net/ows', xsd: 'http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd', reportVersion: '1.0.0' },
  '1.1.0': { ns: 'http://www.opengis.net/ows/1.1', xsd: 'http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd', reportVersion: '2.0.0' },
  '2.0.0': { ns: 'http://www.opengis.net/ows/1.1', xsd: 'http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd', reportVersion: '2.0.0' },
};

export function owsExceptionReport(err: OgcError, owsVersion: OwsVersion = '1.1.0'): string {
  const v = OWS_NS[owsVersion];
  return (
    XML_DECL +
    el(
      'ows:ExceptionReport',
      {
        'xmlns:ows': v.ns,
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': `${v.ns} ${v.xsd}`,
        version: v.reportVersion,
        // OWS 1.0.0 has no xml:lang on the report; 1.1.0 has.
        'xml:lang': owsVersion === '1.0.0' ? undefined : 'en',
      },
      el('ows:Exception', { exceptionCode: err.code, locator: err.locator }, el('ows:ExceptionText', null, esc(err.message))),
    )
  );
}

/** Turns anything thrown into an OgcError; an unexpected error becomes NoApplicableCode with no internals. */
export function asOgcError(err: unknown): OgcError {
  if (err instanceof OgcError) return err;
  const code = (err as any)?.code;
  // 57014: a statement cancelled by the request's budget (data/db/request-scope.ts QueryCancelled,
  // whose message says why) or by PostgreSQL's statement timeout.
  if (code === '57014') return new OgcError('OperationProcessingFailed', (err as Error).name === 'QueryCancelled' ? (err as Error).message : 'The request took too long and was cancelled', undefined, 503);
  if (typeof code === 'string' && /^22/.test(code)) return new OgcError('InvalidParameterValue', 'A parameter value is not valid for its type');
  return new OgcError('NoApplicableCode', 'Internal error while processing the request', undefined, 500);
}

/** An OWS ExceptionReport reply; a deliberate 503 (over budget, busy) says when to try again. */
export function owsExceptionReply(err: unknown, owsVersion: OwsVersion = '1.1.0'): Reply {
  const e = asOgcError(err);
  return reply(e.status, 'application/xml; charset=utf-8', owsExceptionReport(e, owsVersion), e.status === 503 ? { 'retry-after': '5' } : {});
}

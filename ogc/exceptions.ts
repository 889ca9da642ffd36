/** OWS Common exception reports (1.0.0 for WFS 1.1/CSW 2.0.2, 1.1.0 for WFS 2.0/WMTS), and the
 *  one way a service sends an OgcError. WMS has its own form in ogc/wms/. */
import { reply, type Reply } from '../data/reply.js';
import { asOgcError, problemHeaders, type OgcError } from '../data/errors.js';
import { XML_DECL, el, esc } from '../data/xml.js';

export type OwsVersion = '1.0.0' | '1.1.0' | '2.0.0';

const OWS_NS: Record<OwsVersion, { ns: string; xsd: string; reportVersion: string }> = {
  '1.0.0': {
    ns: 'http://www.opengis.net/ows',
    xsd: 'http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd',
    reportVersion: '1.0.0',
  },
  '1.1.0': {
    ns: 'http://www.opengis.net/ows/1.1',
    xsd: 'http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd',
    reportVersion: '2.0.0',
  },
  '2.0.0': {
    ns: 'http://www.opengis.net/ows/1.1',
    xsd: 'http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd',
    reportVersion: '2.0.0',
  },
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
      el(
        'ows:Exception',
        { exceptionCode: err.code, locator: err.locator },
        el('ows:ExceptionText', null, esc(err.message)),
      ),
    )
  );
}

export { asOgcError } from '../data/errors.js';

/** An OWS ExceptionReport reply; a deliberate 503 (over budget, busy) says when to try again. */
export function owsExceptionReply(err: unknown, owsVersion: OwsVersion = '1.1.0'): Reply {
  const e = asOgcError(err);
  return reply(e.status, 'application/xml; charset=utf-8', owsExceptionReport(e, owsVersion), problemHeaders(e));
}

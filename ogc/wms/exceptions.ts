/** WMS exceptions: 1.3.0 ogc:ServiceExceptionReport (exceptions_1_3_0.xsd), 1.1.1
 *  ServiceExceptionReport (its DTD), or, with EXCEPTIONS=INIMAGE/BLANK, an image. */
import { createCanvas } from '@napi-rs/canvas';
import { OgcError } from '../../data/errors.js';
import { reply, type Reply } from '../../data/reply.js';
import { asOgcError } from '../exceptions.js';
import { XML_DECL, el, esc } from '../../data/xml.js';
import { encodeCanvas, imageFormat, type ImageFormat } from '../../styles/render/encode.js';

export type WmsVersion = '1.1.1' | '1.3.0';

/** 1.1.1 spells the CRS codes with SRS. */
function codeFor(version: WmsVersion, e: OgcError): string {
  if (version === '1.1.1' && e.code === 'InvalidCRS') return 'InvalidSRS';
  if (version === '1.3.0' && e.code === 'InvalidSRS') return 'InvalidCRS';
  return e.code;
}

export function exceptionReport(version: WmsVersion, e: OgcError): string {
  // The 1.1.1 DTD has no locator attribute.
  const body = el(
    'ServiceException',
    { code: codeFor(version, e), locator: version === '1.3.0' ? e.locator : undefined },
    esc(e.message),
  );
  if (version === '1.1.1') {
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ServiceExceptionReport SYSTEM "http://schemas.opengis.net/wms/1.1.1/WMS_exception_1_1_1.dtd">\n` +
      el('ServiceExceptionReport', { version: '1.1.1' }, body)
    );
  }
  return (
    XML_DECL +
    el(
      'ServiceExceptionReport',
      {
        version: '1.3.0',
        xmlns: 'http://www.opengis.net/ogc',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': 'http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd',
      },
      body,
    )
  );
}

export interface ImageException {
  mode: 'INIMAGE' | 'BLANK';
  width: number;
  height: number;
  format: string;
  transparent: boolean;
  bgcolor?: string;
}

async function imageReply(e: OgcError, image: ImageException, fmt: ImageFormat): Promise<Reply> {
  const c = createCanvas(image.width, image.height);
  const g = c.getContext('2d');
  if (!image.transparent || fmt === 'image/jpeg') {
    g.fillStyle = /^(0x|#)[0-9a-f]{6}$/i.test(image.bgcolor ?? '') ? `#${image.bgcolor!.slice(-6)}` : '#ffffff';
    g.fillRect(0, 0, image.width, image.height);
  }
  if (image.mode === 'INIMAGE') {
    g.fillStyle = '#b00000';
    g.font = '12px sans-serif';
    const words = `${e.code}: ${e.message}`.split(' ');
    let line = '',
      y = 16;
    for (const w of words) {
      if (g.measureText(line + w).width > image.width - 8 && line) {
        g.fillText(line, 4, y);
        y += 14;
        line = '';
      }
      line += w + ' ';
    }
    g.fillText(line, 4, y);
  }
  return reply(200, fmt, await encodeCanvas(c, fmt));
}

/** Anything thrown while answering, as the version's exception report (or image). */
export async function wmsExceptionReply(version: WmsVersion, err: unknown, image?: ImageException): Promise<Reply> {
  const e = asOgcError(err);
  const fmt = image && imageFormat(image.format);
  if (image && fmt && image.width > 0 && image.height > 0 && image.width * image.height <= 4096 * 4096)
    return imageReply(e, image, fmt);
  const type = version === '1.1.1' ? 'application/vnd.ogc.se_xml' : 'text/xml';
  // WMS clients expect the report with 200 (GDAL and OWSLib read the body); 5xx only when it is ours.
  return reply(
    e.status >= 500 ? e.status : 200,
    `${type}; charset=utf-8`,
    exceptionReport(version, e),
    e.status === 503 ? { 'retry-after': '5' } : {},
  );
}

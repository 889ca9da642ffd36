/** Writing and reading XML safely. Writing: escape every text and attribute.
 *  Reading: fast-xml-parser with no DTD and no entity expansion; a document that carries a
 *  DOCTYPE or ENTITY declaration is refused before it is parsed. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { OgcError } from './errors.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 forbids are dropped rather than producing a broken document.
const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function esc(v: unknown): string {
  return String(v ?? '')
    .replace(BAD, '')
    .replace(/[&<>"']/g, (c) => ESC[c]);
}

/** `<tag attr="…">text</tag>`, attributes with undefined values left out. */
export function el(
  tag: string,
  attrs: Record<string, unknown> | null = null,
  ...children: Array<string | false | null | undefined>
): string {
  const a = attrs
    ? Object.entries(attrs)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => ` ${k}="${esc(v)}"`)
        .join('')
    : '';
  const body = children.filter((c) => c !== false && c !== null && c !== undefined).join('');
  return body ? `<${tag}${a}>${body}</${tag}>` : `<${tag}${a}/>`;
}

/** Element with escaped text content. */
export const text = (tag: string, value: unknown, attrs: Record<string, unknown> | null = null) =>
  value === undefined || value === null ? '' : el(tag, attrs, esc(value));

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

const MAX_XML_BYTES = 5 * 1024 * 1024;

export interface ParseOptions {
  /** Keep namespace prefixes (default) so callers can match `fes:Filter` etc. */
  removeNSPrefix?: boolean;
}

/** Parses a request body; throws OgcError(OperationParsingFailed) for anything malformed or unsafe. */
export function parseXml(body: string, opts: ParseOptions = {}): any {
  if (body.length > MAX_XML_BYTES) throw new OgcError('OperationParsingFailed', 'XML request body is too large');
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) {
    throw new OgcError('OperationParsingFailed', 'XML with a DOCTYPE or ENTITY declaration is not accepted');
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw new OgcError('OperationParsingFailed', `Malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: opts.removeNSPrefix ?? false,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Only the predefined entities and character references are read (no DTD may define more).
    tagValueProcessor: (_name: string, v: string) => decodeXmlText(v),
    attributeValueProcessor: (_name: string, v: string) => decodeXmlText(v),
    preserveOrder: false,
    isArray: () => false,
  });
  try {
    return parser.parse(body);
  } catch (err) {
    throw new OgcError('OperationParsingFailed', `Malformed XML: ${(err as Error).message}`);
  }
}

/** The predefined XML entities are all a request may use; decode them in text values. */
export function decodeXmlText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}

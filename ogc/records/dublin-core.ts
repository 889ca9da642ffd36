/** A metadata record as CSW 2.0.2 Dublin Core: csw:BriefRecord, csw:SummaryRecord or csw:Record. */
import type { MetadataRecord } from '../../data/metadata/record.js';
import { el, esc, text } from '../../data/xml.js';
import type { ElementSet } from './iso19139.js';

export const DC_NAMESPACES = {
  'xmlns:csw': 'http://www.opengis.net/cat/csw/2.0.2',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:dct': 'http://purl.org/dc/terms/',
  'xmlns:ows': 'http://www.opengis.net/ows',
};

function bbox(r: MetadataRecord): string {
  if (!r.bbox) return '';
  const [w, s, e, n] = r.bbox;
  // CSW 2.0.2 with urn:ogc:def:crs:EPSG::4326 is latitude first.
  return el(
    'ows:BoundingBox',
    { crs: 'urn:ogc:def:crs:EPSG::4326' },
    text('ows:LowerCorner', `${s} ${w}`),
    text('ows:UpperCorner', `${n} ${e}`),
  );
}

const modified = (r: MetadataRecord) => r.dateStamp.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function dublinCoreRecord(r: MetadataRecord, set: ElementSet = 'full', withNamespaces = true): string {
  const ns = withNamespaces ? DC_NAMESPACES : null;
  // Each element set extends the one before it, in the order record.xsd requires.
  const head = [text('dc:identifier', r.id), text('dc:title', r.title), text('dc:type', r.type)];
  if (set === 'brief') return el('csw:BriefRecord', ns, ...head, bbox(r));
  const terms = [...r.keywords, ...(r.topicCategory ? [r.topicCategory] : [])]
    .map((s) => text('dc:subject', s))
    .concat(r.formats.map((f) => text('dc:format', f)));
  const summaryFields = [text('dct:modified', modified(r)), text('dct:abstract', r.abstract)];
  if (set === 'summary') return el('csw:SummaryRecord', ns, ...head, ...terms, ...summaryFields, bbox(r));
  return el(
    'csw:Record',
    ns,
    ...head,
    ...terms,
    text('dc:creator', r.pointOfContact.organisation),
    text('dc:publisher', r.distributor.organisation),
    text('dc:language', 'ind'),
    r.licence ? text('dc:rights', r.licence) : '',
    ...summaryFields,
    r.crs ? text('dct:spatial', r.crs) : '',
    ...r.links.map((l) => el('dct:references', { scheme: l.protocol }, esc(l.url))),
    bbox(r),
  );
}

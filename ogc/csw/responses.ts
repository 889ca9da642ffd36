/** CSW 2.0.2 response documents. */
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import type { Site } from '../../data/site.js';
import { XML_DECL, el, text } from '../../data/xml.js';
import { owsServiceIdentification, owsServiceProvider } from '../ows-site.js';
import { DC_NAMESPACES, dublinCoreRecord } from '../records/dublin-core.js';
import { ISO_NAMESPACES, isoRecord, type ElementSet } from '../records/iso19139.js';
import { QUERYABLE_NAMES } from './queryables.js';
import { CSW_NS, GMD_NS, MAX_RECORDS_CAP, type OutputSchema } from './request.js';

const ROOT_NS = {
  ...DC_NAMESPACES,
  ...ISO_NAMESPACES,
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
};

/** One record in the schema and element set asked for, cached on the indexed record. */
export function encodeRecord(e: IndexedRecord, schema: OutputSchema, set: ElementSet): string {
  const key = `${schema}:${set}`;
  let xml = e.encoded.get(key);
  if (!xml) {
    xml = schema === 'gmd' ? isoRecord(e.record, set, false) : dublinCoreRecord(e.record, set, false);
    e.encoded.set(key, xml);
  }
  return xml;
}

/** csw:Record limited to the requested dc/dct elements (ElementName). */
export function encodeElements(e: IndexedRecord, names: string[]): string {
  const full = dublinCoreRecord(e.record, 'full', false);
  const wanted = new Set(names.map((n) => n.replace(/^.*:/, '').toLowerCase()));
  const parts = full.match(/<(dc|dct|ows):(\w+)[\s\S]*?<\/\1:\2>/g) ?? [];
  const kept = parts.filter((p) => {
    const local = /^<\w+:(\w+)/.exec(p)![1].toLowerCase();
    return wanted.has(local) || (local === 'boundingbox' && wanted.has('boundingbox'));
  });
  return el('csw:Record', null, ...kept);
}

export function getRecordsResponse(o: {
  matched: number;
  records: string[];
  next: number;
  elementSet: ElementSet | null;
  schema: OutputSchema;
}): string {
  return (
    XML_DECL +
    el(
      'csw:GetRecordsResponse',
      {
        ...ROOT_NS,
        version: '2.0.2',
        'xsi:schemaLocation': `${CSW_NS} http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd`,
      },
      el('csw:SearchStatus', { timestamp: new Date().toISOString() }),
      el(
        'csw:SearchResults',
        {
          elementSet: o.elementSet ?? undefined,
          recordSchema: o.schema === 'gmd' ? GMD_NS : CSW_NS,
          numberOfRecordsMatched: o.matched,
          numberOfRecordsReturned: o.records.length,
          nextRecord: o.next,
        },
        ...o.records,
      ),
    )
  );
}

export function acknowledgement(body: string): string {
  return (
    XML_DECL +
    el(
      'csw:Acknowledgement',
      { ...DC_NAMESPACES, timeStamp: new Date().toISOString() },
      el('csw:EchoedRequest', null, body.replace(/^<\?xml[^>]*>/, '')),
    )
  );
}

export function getRecordByIdResponse(records: string[]): string {
  return (
    XML_DECL +
    el(
      'csw:GetRecordByIdResponse',
      { ...ROOT_NS, 'xsi:schemaLocation': `${CSW_NS} http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd` },
      ...records,
    )
  );
}

export function describeRecordResponse(typeNames: string[]): string {
  const wantGmd = typeNames.some((t) => /MD_Metadata/i.test(t));
  const wantCsw = typeNames.some((t) => /Record/i.test(t) && !/MD_Metadata/i.test(t));
  const component = (ns: string, loc: string) =>
    el(
      'csw:SchemaComponent',
      { targetNamespace: ns, schemaLanguage: 'http://www.w3.org/XML/Schema' },
      el(
        'xs:schema',
        { 'xmlns:xs': 'http://www.w3.org/2001/XMLSchema', targetNamespace: ns },
        el('xs:include', { schemaLocation: loc }),
      ),
    );
  return (
    XML_DECL +
    el(
      'csw:DescribeRecordResponse',
      { 'xmlns:csw': CSW_NS },
      wantCsw || !wantGmd ? component(CSW_NS, 'http://schemas.opengis.net/csw/2.0.2/record.xsd') : '',
      wantGmd ? component(GMD_NS, 'http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd') : '',
    )
  );
}

export function getDomainResponse(name: string, kind: 'ParameterName' | 'PropertyName', values: string[]): string {
  return (
    XML_DECL +
    el(
      'csw:GetDomainResponse',
      { 'xmlns:csw': CSW_NS },
      el(
        'csw:DomainValues',
        { type: 'csw:Record' },
        text(`csw:${kind}`, name),
        values.length ? el('csw:ListOfValues', null, ...values.map((v) => text('csw:Value', v))) : '',
      ),
    )
  );
}

/** The parameters GetDomain can describe, and the values each takes. */
export const PARAMETER_DOMAINS: Record<string, string[]> = {
  'GetRecords.resultType': ['hits', 'results', 'validate'],
  'GetRecords.outputSchema': [CSW_NS, GMD_NS],
  'GetRecords.typeNames': ['csw:Record', 'gmd:MD_Metadata'],
  'GetRecords.ElementSetName': ['brief', 'summary', 'full'],
  'GetRecords.CONSTRAINTLANGUAGE': ['FILTER', 'CQL_TEXT'],
  'GetRecords.outputFormat': ['application/xml'],
  'GetRecordById.outputSchema': [CSW_NS, GMD_NS],
  'GetRecordById.ElementSetName': ['brief', 'summary', 'full'],
  'DescribeRecord.typeName': ['csw:Record', 'gmd:MD_Metadata'],
};

export function capabilities(base: string, site: Site): string {
  const url = `${base}/csw`;
  const dcp = el(
    'ows:DCP',
    null,
    el('ows:HTTP', null, el('ows:Get', { 'xlink:href': `${url}?` }), el('ows:Post', { 'xlink:href': url })),
  );
  const param = (name: string, values: string[]) =>
    el('ows:Parameter', { name }, ...values.map((v) => text('ows:Value', v)));
  const op = (name: string, ...params: string[]) => el('ows:Operation', { name }, dcp, ...params);
  return (
    XML_DECL +
    el(
      'csw:Capabilities',
      {
        'xmlns:csw': CSW_NS,
        'xmlns:ows': 'http://www.opengis.net/ows',
        'xmlns:ogc': 'http://www.opengis.net/ogc',
        'xmlns:gml': 'http://www.opengis.net/gml',
        'xmlns:xlink': 'http://www.w3.org/1999/xlink',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': `${CSW_NS} http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd`,
        version: '2.0.2',
      },
      owsServiceIdentification(site, { name: 'CSW', type: 'CSW', versions: ['2.0.2'] }),
      owsServiceProvider(site, base),
      el(
        'ows:OperationsMetadata',
        null,
        op(
          'GetCapabilities',
          param('sections', ['ServiceIdentification', 'ServiceProvider', 'OperationsMetadata', 'Filter_Capabilities']),
        ),
        op(
          'DescribeRecord',
          param('typeName', PARAMETER_DOMAINS['DescribeRecord.typeName']),
          param('outputFormat', ['application/xml']),
          param('schemaLanguage', ['http://www.w3.org/XML/Schema']),
        ),
        op(
          'GetRecords',
          param('typeNames', PARAMETER_DOMAINS['GetRecords.typeNames']),
          param('outputSchema', PARAMETER_DOMAINS['GetRecords.outputSchema']),
          param('resultType', PARAMETER_DOMAINS['GetRecords.resultType']),
          param('ElementSetName', PARAMETER_DOMAINS['GetRecords.ElementSetName']),
          param('CONSTRAINTLANGUAGE', PARAMETER_DOMAINS['GetRecords.CONSTRAINTLANGUAGE']),
          param('outputFormat', ['application/xml']),
          el(
            'ows:Constraint',
            { name: 'SupportedISOQueryables' },
            ...QUERYABLE_NAMES.map((q) => text('ows:Value', `apiso:${q}`)),
          ),
          el('ows:Constraint', { name: 'MaxRecordDefault' }, text('ows:Value', String(MAX_RECORDS_CAP))),
        ),
        op(
          'GetRecordById',
          param('outputSchema', PARAMETER_DOMAINS['GetRecordById.outputSchema']),
          param('ElementSetName', PARAMETER_DOMAINS['GetRecordById.ElementSetName']),
          param('outputFormat', ['application/xml']),
        ),
        op('GetDomain', param('ParameterName', Object.keys(PARAMETER_DOMAINS))),
        param('service', ['CSW']),
        param('version', ['2.0.2']),
        el('ows:Constraint', { name: 'PostEncoding' }, text('ows:Value', 'XML')),
      ),
      el(
        'ogc:Filter_Capabilities',
        null,
        el(
          'ogc:Spatial_Capabilities',
          null,
          el(
            'ogc:GeometryOperands',
            null,
            text('ogc:GeometryOperand', 'gml:Envelope'),
            text('ogc:GeometryOperand', 'gml:Polygon'),
          ),
          el(
            'ogc:SpatialOperators',
            null,
            ...['BBOX', 'Intersects', 'Within', 'Contains', 'Disjoint'].map((n) =>
              el('ogc:SpatialOperator', { name: n }),
            ),
          ),
        ),
        el(
          'ogc:Scalar_Capabilities',
          null,
          el('ogc:LogicalOperators'),
          el(
            'ogc:ComparisonOperators',
            null,
            ...[
              'LessThan',
              'GreaterThan',
              'LessThanEqualTo',
              'GreaterThanEqualTo',
              'EqualTo',
              'NotEqualTo',
              'Like',
              'Between',
              'NullCheck',
            ].map((n) => text('ogc:ComparisonOperator', n)),
          ),
        ),
        el('ogc:Id_Capabilities', null, el('ogc:EID'), el('ogc:FID')),
      ),
    )
  );
}

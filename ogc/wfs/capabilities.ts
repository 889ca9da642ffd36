/** WFS capabilities documents (2.0.0 with OWS 1.1 and FES 2.0, 1.1.0 with OWS 1.0 and Filter
 *  1.1, 1.0.0). Built once per (version, visibility scope, catalogue revision, base URL). */
import type { Layer } from '../../data/catalogue/layer.js';
import { ADVERTISED_CRS, crsUrn } from '../../data/crs.js';
import type { Site } from '../../data/site.js';
import { XML_DECL, el, text } from '../../data/xml.js';
import {
  owsServiceIdentification,
  owsServiceProvider,
  serviceAbstract,
  serviceKeywords,
  serviceTitle,
} from '../ows-site.js';
import { formatsFor } from './formats.js';
import { namespaceAttrs } from './namespaces.js';
import { GET_FEATURE_BY_ID } from './request.js';
import { VERSIONS, type WfsVersion } from './versions.js';

const XLINK = 'http://www.w3.org/1999/xlink';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const COMPARISON_20 = [
  'PropertyIsEqualTo',
  'PropertyIsNotEqualTo',
  'PropertyIsLessThan',
  'PropertyIsGreaterThan',
  'PropertyIsLessThanOrEqualTo',
  'PropertyIsGreaterThanOrEqualTo',
  'PropertyIsLike',
  'PropertyIsNull',
  'PropertyIsBetween',
];
const COMPARISON_11 = [
  'EqualTo',
  'NotEqualTo',
  'LessThan',
  'GreaterThan',
  'LessThanEqualTo',
  'GreaterThanEqualTo',
  'Like',
  'NullCheck',
  'Between',
];
const SPATIAL_OPS = [
  'BBOX',
  'Equals',
  'Disjoint',
  'Intersects',
  'Touches',
  'Crosses',
  'Within',
  'Contains',
  'Overlaps',
  'DWithin',
  'Beyond',
];
/** Filter 1.1 allows only the first four of these (its enumeration has no Multi* types). */
const GEOMETRY_OPERANDS = [
  'gml:Envelope',
  'gml:Point',
  'gml:LineString',
  'gml:Polygon',
  'gml:MultiPoint',
  'gml:MultiCurve',
  'gml:MultiSurface',
];

/** WFS 2.0 conformance (Table 13) and FES 2.0 conformance (Table 1): what we implement. */
const WFS20_CONSTRAINTS: Array<[string, boolean]> = [
  ['ImplementsBasicWFS', true],
  ['ImplementsTransactionalWFS', false],
  ['ImplementsLockingWFS', false],
  ['KVPEncoding', true],
  ['XMLEncoding', true],
  ['SOAPEncoding', false],
  ['ImplementsInheritance', false],
  ['ImplementsRemoteResolve', false],
  ['ImplementsResultPaging', true],
  ['ImplementsStandardJoins', false],
  ['ImplementsSpatialJoins', false],
  ['ImplementsTemporalJoins', false],
  ['ImplementsFeatureVersioning', false],
  ['ManageStoredQueries', false],
];
const FES20_CONSTRAINTS: Array<[string, boolean]> = [
  ['ImplementsQuery', true],
  ['ImplementsAdHocQuery', true],
  ['ImplementsFunctions', false],
  ['ImplementsResourceId', true],
  ['ImplementsMinStandardFilter', true],
  ['ImplementsStandardFilter', true],
  ['ImplementsMinSpatialFilter', true],
  ['ImplementsSpatialFilter', true],
  ['ImplementsMinTemporalFilter', false],
  ['ImplementsTemporalFilter', false],
  ['ImplementsVersionNav', false],
  ['ImplementsSorting', true],
  ['ImplementsExtendedOperators', false],
  ['ImplementsMinimumXPath', true],
  ['ImplementsSchemaElementFunc', false],
];

const OPS = [
  'GetCapabilities',
  'DescribeFeatureType',
  'GetFeature',
  'GetPropertyValue',
  'ListStoredQueries',
  'DescribeStoredQueries',
];

export function capabilities(version: WfsVersion, layers: Layer[], baseUrl: string, site: Site): string {
  if (version === '2.0.0') return capabilities20(layers, baseUrl, site);
  if (version === '1.1.0') return capabilities11(layers, baseUrl, site);
  return capabilities10(layers, baseUrl, site);
}

const keywords = (l: Layer, tag: string) =>
  l.keywords.length ? el(`${tag}:Keywords`, null, ...l.keywords.map((k) => text(`${tag}:Keyword`, k))) : '';

const wgs84 = (l: Layer) =>
  el(
    'ows:WGS84BoundingBox',
    null,
    text('ows:LowerCorner', `${(l.bbox ?? [-180, -90, 180, 90])[0]} ${(l.bbox ?? [-180, -90, 180, 90])[1]}`),
    text('ows:UpperCorner', `${(l.bbox ?? [-180, -90, 180, 90])[2]} ${(l.bbox ?? [-180, -90, 180, 90])[3]}`),
  );

const serviceIdentification = (site: Site, versions: string[]) =>
  owsServiceIdentification(site, { name: 'WFS', type: 'WFS', versions });

const dcp = (url: string) =>
  el(
    'ows:DCP',
    null,
    el('ows:HTTP', null, el('ows:Get', { 'xlink:href': `${url}?` }), el('ows:Post', { 'xlink:href': url })),
  );

function capabilities20(layers: Layer[], baseUrl: string, site: Site): string {
  const url = `${baseUrl}/wfs`;
  const v = VERSIONS['2.0.0'];
  const allowed = (vals: string[]) => el('ows:AllowedValues', null, ...vals.map((x) => text('ows:Value', x)));
  const param = (name: string, vals: string[]) => el('ows:Parameter', { name }, allowed(vals));
  const constraint = (name: string, value: string) =>
    el('ows:Constraint', { name }, el('ows:NoValues'), text('ows:DefaultValue', value));
  const formats = formatsFor('2.0.0').map((f) => f.name);
  const ops = OPS.map((op) =>
    el(
      'ows:Operation',
      { name: op },
      dcp(url),
      op === 'GetCapabilities' && param('AcceptVersions', ['2.0.0', '1.1.0', '1.0.0']),
      op === 'GetCapabilities' && param('AcceptFormats', ['text/xml']),
      op === 'DescribeFeatureType' && param('outputFormat', ['application/gml+xml; version=3.2']),
      (op === 'GetFeature' || op === 'GetPropertyValue') &&
        param('outputFormat', op === 'GetFeature' ? formats : ['application/gml+xml; version=3.2']),
      (op === 'GetFeature' || op === 'GetPropertyValue') && param('resolve', ['none']),
    ),
  );
  const featureTypes = layers.map((l) =>
    el(
      'wfs:FeatureType',
      null,
      text('wfs:Name', l.name),
      text('wfs:Title', l.title || l.name),
      l.abstract ? text('wfs:Abstract', l.abstract) : '',
      keywords(l, 'ows'),
      text('wfs:DefaultCRS', crsUrn(4326)),
      ...ADVERTISED_CRS.filter((c) => c.epsg !== 4326).map((c) => text('wfs:OtherCRS', crsUrn(c.epsg))),
      el('wfs:OutputFormats', null, ...formats.map((f) => text('wfs:Format', f))),
      wgs84(l),
    ),
  );
  const fesConstraint = (name: string, value: boolean) =>
    el('fes:Constraint', { name }, el('ows:NoValues'), text('ows:DefaultValue', value ? 'TRUE' : 'FALSE'));
  const filterCaps = el(
    'fes:Filter_Capabilities',
    null,
    el('fes:Conformance', null, ...FES20_CONSTRAINTS.map(([n, b]) => fesConstraint(n, b))),
    el('fes:Id_Capabilities', null, el('fes:ResourceIdentifier', { name: 'fes:ResourceId' })),
    el(
      'fes:Scalar_Capabilities',
      null,
      el('fes:LogicalOperators'),
      el('fes:ComparisonOperators', null, ...COMPARISON_20.map((c) => el('fes:ComparisonOperator', { name: c }))),
    ),
    el(
      'fes:Spatial_Capabilities',
      null,
      el('fes:GeometryOperands', null, ...GEOMETRY_OPERANDS.map((g) => el('fes:GeometryOperand', { name: g }))),
      el('fes:SpatialOperators', null, ...SPATIAL_OPS.map((s) => el('fes:SpatialOperator', { name: s }))),
    ),
  );
  return (
    XML_DECL +
    el(
      'wfs:WFS_Capabilities',
      {
        version: '2.0.0',
        'xmlns:wfs': v.wfsNs,
        'xmlns:ows': 'http://www.opengis.net/ows/1.1',
        'xmlns:fes': 'http://www.opengis.net/fes/2.0',
        'xmlns:gml': v.gmlNs,
        'xmlns:xlink': XLINK,
        'xmlns:xsi': XSI,
        ...namespaceAttrs(layers),
        'xsi:schemaLocation': `${v.wfsNs} ${v.wfsXsd}`,
      },
      serviceIdentification(site, ['2.0.0', '1.1.0', '1.0.0']),
      owsServiceProvider(site, baseUrl),
      el(
        'ows:OperationsMetadata',
        null,
        ...ops,
        ...WFS20_CONSTRAINTS.map(([n, b]) => constraint(n, b ? 'TRUE' : 'FALSE')),
        el('ows:Constraint', { name: 'QueryExpressions' }, allowed(['wfs:Query', 'wfs:StoredQuery'])),
      ),
      el('wfs:FeatureTypeList', null, ...featureTypes),
      filterCaps,
    )
  );
}

function capabilities11(layers: Layer[], baseUrl: string, site: Site): string {
  const url = `${baseUrl}/wfs`;
  const v = VERSIONS['1.1.0'];
  const param = (name: string, vals: string[]) =>
    el('ows:Parameter', { name }, ...vals.map((x) => text('ows:Value', x)));
  const formats = formatsFor('1.1.0').map((f) => f.name);
  const ops = ['GetCapabilities', 'DescribeFeatureType', 'GetFeature'].map((op) =>
    el(
      'ows:Operation',
      { name: op },
      dcp(url),
      op === 'GetCapabilities' && param('AcceptVersions', ['1.1.0', '1.0.0', '2.0.0']),
      op === 'DescribeFeatureType' && param('outputFormat', ['text/xml; subtype=gml/3.1.1']),
      op === 'GetFeature' && param('resultType', ['results', 'hits']),
      op === 'GetFeature' && param('outputFormat', formats),
    ),
  );
  const featureTypes = layers.map((l) =>
    el(
      'wfs:FeatureType',
      null,
      text('wfs:Name', l.name),
      text('wfs:Title', l.title || l.name),
      l.abstract ? text('wfs:Abstract', l.abstract) : '',
      keywords(l, 'ows'),
      text('wfs:DefaultSRS', crsUrn(4326)),
      ...ADVERTISED_CRS.filter((c) => c.epsg !== 4326).map((c) => text('wfs:OtherSRS', crsUrn(c.epsg))),
      el('wfs:OutputFormats', null, ...formats.map((f) => text('wfs:Format', f))),
      wgs84(l),
    ),
  );
  const filterCaps = el(
    'ogc:Filter_Capabilities',
    null,
    el(
      'ogc:Spatial_Capabilities',
      null,
      el('ogc:GeometryOperands', null, ...GEOMETRY_OPERANDS.slice(0, 4).map((g) => text('ogc:GeometryOperand', g))),
      el('ogc:SpatialOperators', null, ...SPATIAL_OPS.map((s) => el('ogc:SpatialOperator', { name: s }))),
    ),
    el(
      'ogc:Scalar_Capabilities',
      null,
      el('ogc:LogicalOperators'),
      el('ogc:ComparisonOperators', null, ...COMPARISON_11.map((c) => text('ogc:ComparisonOperator', c))),
    ),
    el('ogc:Id_Capabilities', null, el('ogc:EID'), el('ogc:FID')),
  );
  return (
    XML_DECL +
    el(
      'wfs:WFS_Capabilities',
      {
        version: '1.1.0',
        'xmlns:wfs': v.wfsNs,
        'xmlns:ows': 'http://www.opengis.net/ows',
        'xmlns:ogc': 'http://www.opengis.net/ogc',
        'xmlns:gml': v.gmlNs,
        'xmlns:xlink': XLINK,
        'xmlns:xsi': XSI,
        ...namespaceAttrs(layers),
        'xsi:schemaLocation': `${v.wfsNs} ${v.wfsXsd}`,
      },
      serviceIdentification(site, ['1.1.0']),
      owsServiceProvider(site, baseUrl),
      el('ows:OperationsMetadata', null, ...ops),
      el('wfs:FeatureTypeList', null, el('wfs:Operations', null, text('wfs:Operation', 'Query')), ...featureTypes),
      filterCaps,
    )
  );
}

/** WFS 1.0.0 (WFS-capabilities.xsd): Keywords is one string (OWSLib's 1.0.0 reader fails
 *  without it), ResultFormat lists GML2 only (the schema has no other element; GetFeature
 *  still takes the other output formats). */
function capabilities10(layers: Layer[], baseUrl: string, site: Site): string {
  const url = `${baseUrl}/wfs?`;
  const dcp10 =
    el('DCPType', null, el('HTTP', null, el('Get', { onlineResource: url }))) +
    el('DCPType', null, el('HTTP', null, el('Post', { onlineResource: `${baseUrl}/wfs` })));
  return (
    XML_DECL +
    el(
      'WFS_Capabilities',
      {
        version: '1.0.0',
        xmlns: 'http://www.opengis.net/wfs',
        'xmlns:ogc': 'http://www.opengis.net/ogc',
        'xmlns:xsi': XSI,
        ...namespaceAttrs(layers),
        'xsi:schemaLocation': 'http://www.opengis.net/wfs http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd',
      },
      el(
        'Service',
        null,
        text('Name', 'WFS'),
        text('Title', serviceTitle(site, 'WFS')),
        text('Abstract', serviceAbstract(site)),
        text('Keywords', serviceKeywords(site, 'WFS').join(', ')),
        text('OnlineResource', `${baseUrl}/wfs`),
        text('Fees', site.service.fees),
        text('AccessConstraints', site.service.accessConstraints),
      ),
      el(
        'Capability',
        null,
        el(
          'Request',
          null,
          el('GetCapabilities', null, dcp10),
          el('DescribeFeatureType', null, el('SchemaDescriptionLanguage', null, el('XMLSCHEMA')), dcp10),
          el('GetFeature', null, el('ResultFormat', null, el('GML2')), dcp10),
        ),
      ),
      el(
        'FeatureTypeList',
        null,
        el('Operations', null, el('Query')),
        ...layers.map((l) => {
          const b = l.bbox ?? [-180, -90, 180, 90];
          return el(
            'FeatureType',
            null,
            text('Name', l.name),
            text('Title', l.title || l.name),
            l.abstract ? text('Abstract', l.abstract) : '',
            l.keywords.length ? text('Keywords', l.keywords.join(', ')) : '',
            text('SRS', 'EPSG:4326'),
            el('LatLongBoundingBox', { minx: b[0], miny: b[1], maxx: b[2], maxy: b[3] }),
          );
        }),
      ),
      el(
        'ogc:Filter_Capabilities',
        null,
        el(
          'ogc:Spatial_Capabilities',
          null,
          el(
            'ogc:Spatial_Operators',
            null,
            ...[
              'BBOX',
              'Equals',
              'Disjoint',
              'Intersect',
              'Touches',
              'Crosses',
              'Within',
              'Contains',
              'Overlaps',
              'DWithin',
              'Beyond',
            ].map((o) => el(`ogc:${o}`)),
          ),
        ),
        el(
          'ogc:Scalar_Capabilities',
          null,
          el('ogc:Logical_Operators'),
          el(
            'ogc:Comparison_Operators',
            null,
            el('ogc:Simple_Comparisons'),
            el('ogc:Like'),
            el('ogc:Between'),
            el('ogc:NullCheck'),
          ),
        ),
      ),
    )
  );
}

/** ListStoredQueries / DescribeStoredQueries: the one stored query, GetFeatureById. */
export function listStoredQueries(layers: Layer[]): string {
  return (
    XML_DECL +
    el(
      'wfs:ListStoredQueriesResponse',
      {
        'xmlns:wfs': VERSIONS['2.0.0'].wfsNs,
        'xmlns:xsi': XSI,
        'xsi:schemaLocation': `${VERSIONS['2.0.0'].wfsNs} ${VERSIONS['2.0.0'].wfsXsd}`,
        ...namespaceAttrs(layers),
      },
      el(
        'wfs:StoredQuery',
        { id: GET_FEATURE_BY_ID },
        text('wfs:Title', 'Get feature by identifier'),
        ...layers.map((l) => text('wfs:ReturnFeatureType', l.name)),
      ),
    )
  );
}

export function describeStoredQueries(layers: Layer[]): string {
  return (
    XML_DECL +
    el(
      'wfs:DescribeStoredQueriesResponse',
      {
        'xmlns:wfs': VERSIONS['2.0.0'].wfsNs,
        'xmlns:fes': 'http://www.opengis.net/fes/2.0',
        'xmlns:xs': 'http://www.w3.org/2001/XMLSchema',
        'xmlns:xsi': XSI,
        'xsi:schemaLocation': `${VERSIONS['2.0.0'].wfsNs} ${VERSIONS['2.0.0'].wfsXsd}`,
        ...namespaceAttrs(layers),
      },
      el(
        'wfs:StoredQueryDescription',
        { id: GET_FEATURE_BY_ID },
        text('wfs:Title', 'Get feature by identifier'),
        text(
          'wfs:Abstract',
          'Returns the single feature whose gml:id is the value of ID; NotFound when there is none.',
        ),
        el('wfs:Parameter', { name: 'ID', type: 'xs:string' }),
        el('wfs:QueryExpressionText', {
          returnFeatureTypes: layers.map((l) => l.name).join(' '),
          language: 'urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression',
          isPrivate: 'true',
        }),
      ),
    )
  );
}

/** DescribeFeatureType: one self-contained XML Schema per request (one target namespace, that
 *  of the organisation), GML 3.2 for WFS 2.0, GML 3.1.1 for 1.1, GML 2 for 1.0. */
import type { AttributeType, GeometryType, Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { XML_DECL, el } from '../../data/xml.js';
import { orgNamespace } from './namespaces.js';
import type { Encoding } from './formats.js';

const XSD_TYPE: Record<AttributeType, string> = {
  string: 'xsd:string',
  integer: 'xsd:long',
  number: 'xsd:double',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

/** The GML property type of a geometry column, per GML generation, and the simple type it is
 *  restricted to. The type matches what ST_AsGML writes (ogc/encoders/gml.ts): Polygon and
 *  LineString as themselves, multi geometries as MultiSurface of Polygons and MultiCurve of
 *  LineStrings. GML 3.2 has no Polygon/LineString property types (3.2.1 dropped them), so there
 *  the curve/surface types carry the restriction as the comment GDAL reads ("restricted to
 *  Polygon", parsexsd.cpp) — without it GDAL and QGIS see Curve Polygon/Compound Curve layers. */
const GEOMETRY_TYPE: Record<
  'gml32' | 'gml311' | 'gml2',
  Record<GeometryType, [type: string, restrictedTo?: string]>
> = {
  gml32: {
    Point: ['gml:PointPropertyType'],
    MultiPoint: ['gml:MultiPointPropertyType'],
    LineString: ['gml:CurvePropertyType', 'LineString'],
    MultiLineString: ['gml:MultiCurvePropertyType', 'MultiLineString'],
    Polygon: ['gml:SurfacePropertyType', 'Polygon'],
    MultiPolygon: ['gml:MultiSurfacePropertyType', 'MultiPolygon'],
    Geometry: ['gml:GeometryPropertyType'],
  },
  // GML 3.1.1 still has the plain Polygon/LineString types (as GeoServer and MapServer write
  // them); its MultiPolygon/MultiLineString types would want gml:MultiPolygon, which GML 3 output
  // does not carry.
  gml311: {
    Point: ['gml:PointPropertyType'],
    MultiPoint: ['gml:MultiPointPropertyType'],
    LineString: ['gml:LineStringPropertyType'],
    MultiLineString: ['gml:MultiCurvePropertyType', 'MultiLineString'],
    Polygon: ['gml:PolygonPropertyType'],
    MultiPolygon: ['gml:MultiSurfacePropertyType', 'MultiPolygon'],
    Geometry: ['gml:GeometryPropertyType'],
  },
  gml2: {
    Point: ['gml:PointPropertyType'],
    MultiPoint: ['gml:MultiPointPropertyType'],
    LineString: ['gml:LineStringPropertyType'],
    MultiLineString: ['gml:MultiLineStringPropertyType'],
    Polygon: ['gml:PolygonPropertyType'],
    MultiPolygon: ['gml:MultiPolygonPropertyType'],
    Geometry: ['gml:GeometryPropertyType'],
  },
};

/** The schema type of a layer's geometry property, and the simple type it is restricted to. */
export function geometryPropertyType(
  geometryType: GeometryType,
  gml: 'gml32' | 'gml311' | 'gml2',
): { type: string; restrictedTo?: string } {
  const [type, restrictedTo] = GEOMETRY_TYPE[gml][geometryType] ?? ['gml:GeometryPropertyType'];
  return { type, restrictedTo };
}

export const GML_SCHEMA: Record<
  'gml32' | 'gml311' | 'gml2',
  { ns: string; xsd: string; base: string; substitution: string }
> = {
  gml32: {
    ns: 'http://www.opengis.net/gml/3.2',
    xsd: 'http://schemas.opengis.net/gml/3.2.1/gml.xsd',
    base: 'gml:AbstractFeatureType',
    substitution: 'gml:AbstractFeature',
  },
  gml311: {
    ns: 'http://www.opengis.net/gml',
    xsd: 'http://schemas.opengis.net/gml/3.1.1/base/gml.xsd',
    base: 'gml:AbstractFeatureType',
    substitution: 'gml:_Feature',
  },
  gml2: {
    ns: 'http://www.opengis.net/gml',
    xsd: 'http://schemas.opengis.net/gml/2.1.2/feature.xsd',
    base: 'gml:AbstractFeatureType',
    substitution: 'gml:_Feature',
  },
};

/** The geometry property's element name in every GML output. */
export const GEOMETRY_PROPERTY = 'geom';

export function describeFeatureType(layers: Layer[], gml: 'gml32' | 'gml311' | 'gml2'): string {
  const orgs = [...new Set(layers.map((l) => l.organisation))];
  if (orgs.length !== 1) {
    // One schema has one target namespace: types of several organisations need one request each.
    throw new OgcError(
      'InvalidParameterValue',
      'Describe the feature types of one organisation per request',
      'typeNames',
    );
  }
  const org = orgs[0];
  const g = GML_SCHEMA[gml];
  const types = layers.map((l) => {
    const geom = geometryPropertyType(l.geometryType, gml);
    const seq = [
      ...l.attributes.map((a) =>
        el('xsd:element', {
          name: a.name,
          type: XSD_TYPE[a.type] ?? 'xsd:string',
          minOccurs: 0,
          maxOccurs: 1,
          nillable: 'true',
        }),
      ),
      el('xsd:element', { name: GEOMETRY_PROPERTY, type: geom.type, minOccurs: 0, maxOccurs: 1, nillable: 'true' }),
      // Last in the sequence: GDAL applies a comment to the geometry element before it.
      geom.restrictedTo ? `<!-- restricted to ${geom.restrictedTo} -->` : '',
    ];
    return (
      el(
        'xsd:complexType',
        { name: `${l.localName}Type` },
        el('xsd:complexContent', null, el('xsd:extension', { base: g.base }, el('xsd:sequence', null, ...seq))),
      ) + el('xsd:element', { name: l.localName, type: `${org}:${l.localName}Type`, substitutionGroup: g.substitution })
    );
  });
  return (
    XML_DECL +
    el(
      'xsd:schema',
      {
        'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
        'xmlns:gml': g.ns,
        [`xmlns:${org}`]: orgNamespace(org),
        targetNamespace: orgNamespace(org),
        elementFormDefault: 'qualified',
        version: '1.0',
      },
      el('xsd:import', { namespace: g.ns, schemaLocation: g.xsd }),
      ...types,
    )
  );
}

/** Which GML a DescribeFeatureType answers in: OUTPUTFORMAT if given, else the version's own. */
export function describeEncoding(outputFormat: string | undefined, version: string): 'gml32' | 'gml311' | 'gml2' {
  const f = (outputFormat ?? '').toLowerCase().replace(/\s+/g, '');
  if (/3\.2/.test(f)) return 'gml32';
  if (/3\.1/.test(f) || f === 'gml3') return 'gml311';
  if (/2\.1|xmlschema|gml2/.test(f)) return 'gml2';
  if (f && !/xml/.test(f))
    throw new OgcError('InvalidParameterValue', `Unsupported outputFormat ${outputFormat}`, 'outputFormat');
  return version === '2.0.0' ? 'gml32' : version === '1.1.0' ? 'gml311' : 'gml2';
}

export type { Encoding };

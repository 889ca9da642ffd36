/** Queryables of a collection as JSON Schema (Part 3): the attributes and the geometry. */
import type { AttributeType, GeometryType, Layer } from '../../../data/catalogue/layer.js';

const TYPE: Record<AttributeType, Record<string, string>> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
};
const GEOMETRY: Record<GeometryType, string> = {
  Point: 'point',
  MultiPoint: 'multipoint',
  LineString: 'linestring',
  MultiLineString: 'multilinestring',
  Polygon: 'polygon',
  MultiPolygon: 'multipolygon',
  Geometry: 'any',
};

export function queryablesJson(l: Layer, base: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    geom: {
      title: 'Geometry',
      format: `geometry-${GEOMETRY[l.geometryType] ?? 'any'}`,
      'x-ogc-role': 'primary-geometry',
    },
  };
  for (const a of l.attributes) properties[a.name] = { title: a.sourceName ?? a.name, ...TYPE[a.type] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${base}/ogcapi/collections/${encodeURIComponent(l.name)}/queryables`,
    type: 'object',
    title: l.title || l.name,
    properties,
    additionalProperties: false,
  };
}

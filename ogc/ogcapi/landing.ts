/** Landing page, conformance and the OpenAPI document of /ogcapi, built from the registry
 *  every OGC API part (Features, Tiles, Records) adds to. */
import type { Site } from '../../data/site.js';
import { CONFORMANCE, LANDING_LINKS, registerOgcApiPart } from './registry.js';

const F1 = 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/';
const F2 = 'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/';
const F3 = 'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/';
const CQL2 = 'http://www.opengis.net/spec/cql2/1.0/conf/';
const COMMON = 'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/';

registerOgcApiPart({
  conformance: [
    `${COMMON}core`,
    `${COMMON}landing-page`,
    `${COMMON}json`,
    `${COMMON}html`,
    `${COMMON}oas30`,
    'http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections',
    `${F1}core`,
    `${F1}geojson`,
    `${F1}html`,
    `${F1}oas30`,
    `${F2}crs`,
    `${F3}filter`,
    `${F3}features-filter`,
    `${F3}queryables`,
    `${F3}queryables-query-parameters`,
    `${CQL2}cql2-text`,
    `${CQL2}cql2-json`,
    `${CQL2}basic-cql2`,
    `${CQL2}advanced-comparison-operators`,
    `${CQL2}case-insensitive-comparison`,
    `${CQL2}basic-spatial-functions`,
    `${CQL2}basic-spatial-functions-plus`,
    `${CQL2}spatial-functions`,
    `${CQL2}property-property`,
  ],
  links: [
    { rel: 'data', type: 'application/json', title: 'Collections (layers)', path: '/collections' },
    { rel: 'conformance', type: 'application/json', title: 'Conformance classes', path: '/conformance' },
    {
      rel: 'service-desc',
      type: 'application/vnd.oai.openapi+json;version=3.0',
      title: 'API definition (OpenAPI 3.0)',
      path: '/api',
    },
  ],
});

export function landingJson(base: string, site: Site): Record<string, unknown> {
  return {
    title: site.service.title.id,
    description: `${site.service.abstract.id} ${site.service.abstract.en}`,
    links: [
      { rel: 'self', type: 'application/json', title: 'This document', href: `${base}/ogcapi?f=json` },
      { rel: 'alternate', type: 'text/html', title: 'This document as HTML', href: `${base}/ogcapi?f=html` },
      ...LANDING_LINKS.map((l) => ({ rel: l.rel, type: l.type, title: l.title, href: `${base}/ogcapi${l.path}` })),
      { rel: 'license', type: 'text/html', title: site.service.licence.name, href: site.service.licence.url },
    ],
  };
}

export function conformanceJson(): Record<string, unknown> {
  return { conformsTo: [...CONFORMANCE] };
}

const param = (name: string, description: string, schema: Record<string, unknown>, style?: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
  ...(style ? { style, explode: false } : {}),
});
const json = (description: string, type = 'application/json') => ({
  description,
  content: { [type]: { schema: { type: 'object' } } },
});

/** A compact OpenAPI 3.0 definition of the Features endpoints. */
export function openApi(base: string, site: Site): Record<string, unknown> {
  const collectionId = {
    name: 'collectionId',
    in: 'path',
    required: true,
    description: 'Layer name `org:layer`',
    schema: { type: 'string' },
  };
  const items = [
    param('limit', 'Number of features (1–10000, default 10)', {
      type: 'integer',
      minimum: 1,
      maximum: 10000,
      default: 10,
    }),
    param('offset', 'Features to skip (0-based)', { type: 'integer', minimum: 0, default: 0 }),
    param(
      'bbox',
      'minx,miny,maxx,maxy (in bbox-crs)',
      { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
      'form',
    ),
    param('bbox-crs', 'CRS of bbox (URI)', { type: 'string', format: 'uri' }),
    param('crs', 'CRS of the returned geometries (URI)', { type: 'string', format: 'uri' }),
    param('datetime', 'Instant or interval (the layers have no temporal extent)', { type: 'string' }),
    param('properties', 'Attributes to return', { type: 'array', items: { type: 'string' } }, 'form'),
    param('sortby', 'Sort keys: +name,-other', { type: 'array', items: { type: 'string' } }, 'form'),
    param('filter', 'CQL2 filter', { type: 'string' }),
    param('filter-lang', 'cql2-text (default) or cql2-json', { type: 'string', enum: ['cql2-text', 'cql2-json'] }),
    param('filter-crs', 'CRS of geometry literals in the filter (URI)', { type: 'string', format: 'uri' }),
    param('f', 'json or html', { type: 'string', enum: ['json', 'html'] }),
  ];
  return {
    openapi: '3.0.3',
    info: {
      title: site.service.title.id,
      version: '1.0.0',
      description: `OGC API Features (Parts 1–3): ${site.service.abstract.en}`,
      contact: {
        name: site.provider.organisation,
        url: site.provider.web || undefined,
        email: site.provider.email || undefined,
      },
      license: site.service.licence,
    },
    servers: [{ url: `${base}/ogcapi` }],
    paths: {
      '/': { get: { summary: 'Landing page', responses: { 200: json('Landing page') } } },
      '/conformance': { get: { summary: 'Conformance classes', responses: { 200: json('Conformance') } } },
      '/api': {
        get: {
          summary: 'This document',
          responses: { 200: json('OpenAPI', 'application/vnd.oai.openapi+json;version=3.0') },
        },
      },
      '/collections': { get: { summary: 'Collections', responses: { 200: json('Collections') } } },
      '/collections/{collectionId}': {
        get: {
          summary: 'One collection',
          parameters: [collectionId],
          responses: { 200: json('Collection'), 404: json('Not found') },
        },
      },
      '/collections/{collectionId}/queryables': {
        get: {
          summary: 'Queryables (JSON Schema)',
          parameters: [collectionId],
          responses: { 200: json('Queryables', 'application/schema+json') },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features',
          parameters: [collectionId, ...items],
          responses: {
            200: json('Features', 'application/geo+json'),
            400: json('Bad request'),
            404: json('Not found'),
          },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          parameters: [
            collectionId,
            { name: 'featureId', in: 'path', required: true, schema: { type: 'integer' } },
            items[4],
            items[11],
          ],
          responses: { 200: json('Feature', 'application/geo+json'), 404: json('Not found') },
        },
      },
    },
  };
}

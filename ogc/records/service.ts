/** OGC API Records: the catalogue as the `metadata` collection (the same records CSW serves),
 *  with queryables and an OpenSearch description. Each function takes a ServiceRequest and
 *  returns a Reply; errors are thrown as OgcError and rendered by `recordsProblemReply`. */
import { OgcError } from '../../data/errors.js';
import { reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import type { Site } from '../../data/site.js';
import { esc } from '../../data/xml.js';
import { QUERYABLE_KINDS } from '../csw/queryables.js';
import { recordFeature, recordJsonLd } from './geojson.js';
import { facetCounts, param, searchItems } from './search.js';
import type { RecordsNode } from './node.js';

/** What this part adds to the OGC API landing page and /conformance. */
export const RECORDS_PART = {
  conformance: [
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/core',
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core',
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/json',
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-collection',
  ],
  links: [
    {
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/data',
      type: 'application/json',
      title: 'Katalog metadata (OGC API Records)',
      path: '/collections/metadata',
    },
  ],
};

/** The catalogue's name: the site's place. */
const catalogueTitle = (site: Site) => `Katalog Metadata Geospasial ${site.place.name}`;

const collectionUrl = (base: string) => `${base}/ogcapi/collections/metadata`;

/** The collection's description (also listed in /ogcapi/collections next to the layers). */
export function recordsCollection(base: string, site: Site): Record<string, unknown> {
  const self = collectionUrl(base);
  return {
    id: 'metadata',
    title: catalogueTitle(site),
    description:
      'Metadata setiap layer yang diterbitkan simpul (ISO 19115, profil Indonesia), juga tersedia lewat CSW 2.0.2.',
    itemType: 'record',
    type: 'Collection',
    extent: { spatial: { bbox: [site.extent], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } },
    links: [
      { rel: 'self', type: 'application/json', href: self },
      { rel: 'items', type: 'application/geo+json', href: `${self}/items` },
      {
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
        type: 'application/schema+json',
        title: 'Queryables',
        href: `${self}/queryables`,
      },
      {
        rel: 'search',
        type: 'application/opensearchdescription+xml',
        href: `${self}/opensearch.xml`,
        title: 'OpenSearch',
      },
    ],
  };
}

const SCHEMA_OF: Record<(typeof QUERYABLE_KINDS)[string], Record<string, string>> = {
  text: { type: 'string' },
  'date-time': { type: 'string', format: 'date-time' },
  box: { format: 'geometry-polygon' },
};

/** What `filter=` may name, as JSON Schema; names are matched without regard to case. */
export function recordsQueryables(base: string, site: Site): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${collectionUrl(base)}/queryables`,
    type: 'object',
    title: catalogueTitle(site),
    properties: Object.fromEntries(
      Object.entries(QUERYABLE_KINDS).map(([name, kind]) => [name, { title: name, ...SCHEMA_OF[kind] }]),
    ),
    additionalProperties: false,
  };
}

const json = (type: string, doc: unknown) => reply(200, `${type}; charset=utf-8`, JSON.stringify(doc));

/** The query string with every value, then `offset` and `limit` set: a paging link. */
function pageUrl(url: string, query: ServiceRequest['query'], offset: number, limit: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of [v ?? []].flat()) p.append(k, x);
  p.set('offset', String(offset));
  p.set('limit', String(limit));
  return `${url}?${p}`;
}

export function createRecordsService(node: RecordsNode) {
  const visible = (req: ServiceRequest) => [
    ...node.records.visible(req.principal, req.baseUrl),
    ...(node.records.tombstones?.(req.principal, req.baseUrl) ?? []),
  ];
  return {
    collection: (req: ServiceRequest): Reply =>
      json('application/json', recordsCollection(req.baseUrl, node.config.site)),

    queryables: (req: ServiceRequest): Reply =>
      json('application/schema+json', recordsQueryables(req.baseUrl, node.config.site)),

    items(req: ServiceRequest): Reply {
      const itemsUrl = `${collectionUrl(req.baseUrl)}/items`;
      const { hits, limit, offset } = searchItems(visible(req), req.query);
      const page = hits.slice(offset, offset + limit);
      if (param(req.query, 'f') === 'jsonld')
        return json('application/ld+json', { '@graph': page.map((e) => recordJsonLd(e.record, itemsUrl)) });
      const link = (rel: string, o: number) => ({
        rel,
        type: 'application/geo+json',
        href: pageUrl(itemsUrl, req.query, o, limit),
      });
      return json('application/geo+json', {
        type: 'FeatureCollection',
        numberMatched: hits.length,
        numberReturned: page.length,
        timeStamp: new Date().toISOString(),
        features: page.map((e) => recordFeature(e.record, itemsUrl)),
        ...(param(req.query, 'facets') === 'true' ? { facets: facetCounts(hits) } : {}),
        links: [
          link('self', offset),
          ...(offset + page.length < hits.length ? [link('next', offset + limit)] : []),
          ...(offset > 0 ? [link('prev', Math.max(0, offset - limit))] : []),
        ],
      });
    },

    item(req: ServiceRequest, id: string): Reply {
      const itemsUrl = `${collectionUrl(req.baseUrl)}/items`;
      const e = visible(req).find((x) => x.record.id === id);
      if (!e) throw new OgcError('NotFound', `No record ${id}`, 'id');
      if (param(req.query, 'f') === 'jsonld') return json('application/ld+json', recordJsonLd(e.record, itemsUrl));
      return json('application/geo+json', recordFeature(e.record, itemsUrl));
    },

    openSearch(req: ServiceRequest): Reply {
      const base = esc(req.baseUrl);
      const site = node.config.site;
      return reply(
        200,
        'application/opensearchdescription+xml; charset=utf-8',
        `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:geo="http://a9.com/-/opensearch/extensions/geo/1.0/" xmlns:time="http://a9.com/-/opensearch/extensions/time/1.0/">
  <ShortName>${esc(`Simpul ${site.place.name}`.slice(0, 16))}</ShortName>
  <Description>${esc(catalogueTitle(site))}</Description>
  <Url type="application/geo+json" rel="results" template="${base}/ogcapi/collections/metadata/items?q={searchTerms?}&amp;bbox={geo:box?}&amp;datetime={time:start?}&amp;limit={count?}&amp;offset={startIndex?}"/>
  <Url type="application/xml" rel="results" template="${base}/csw?service=CSW&amp;version=2.0.2&amp;request=GetRecords&amp;typeNames=csw:Record&amp;resultType=results&amp;elementSetName=summary&amp;constraintLanguage=CQL_TEXT&amp;constraint=AnyText%20LIKE%20%27%25{searchTerms}%25%27"/>
  <Language>${esc(site.languages[0])}</Language>
  <InputEncoding>UTF-8</InputEncoding>
  <OutputEncoding>UTF-8</OutputEncoding>
</OpenSearchDescription>`,
      );
    },
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;

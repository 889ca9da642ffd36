/** The /collections list and one collection's description. Layers the caller may see come
 *  first; other OGC API parts add their own collections through `registerCollection`
 *  (e.g. Records' `metadata`), so /collections lists them all. */
import type { Layer } from '../../data/catalogue/layer.js';
import { ADVERTISED_CRS, CRS84_URI, crsUri } from '../../data/crs.js';
import type { Site } from '../../data/site.js';

export type CollectionFactory = (baseUrl: string, site: Site) => Record<string, unknown>;

/** Collections other parts serve (their description, with absolute links). */
export const EXTRA_COLLECTIONS: CollectionFactory[] = [];

export function registerCollection(fn: CollectionFactory): void {
  EXTRA_COLLECTIONS.push(fn);
}

/** CRSs an item request may ask for (Part 2): CRS84 first, then every advertised EPSG CRS. */
export const SUPPORTED_CRS: string[] = [CRS84_URI, ...ADVERTISED_CRS.map((c) => crsUri(c.epsg))];

/** Links other parts add to every layer collection (OGC API Tiles: its tilesets). */
export type CollectionLinks = (l: Layer, self: string, base: string) => Array<Record<string, unknown>>;
export const COLLECTION_LINKS: CollectionLinks[] = [];

export function registerCollectionLinks(fn: CollectionLinks): void {
  COLLECTION_LINKS.push(fn);
}

export function collectionJson(l: Layer, base: string): Record<string, unknown> {
  const self = `${base}/ogcapi/collections/${encodeURIComponent(l.name)}`;
  return {
    id: l.name,
    title: l.title || l.name,
    description: l.abstract,
    keywords: l.keywords,
    itemType: 'feature',
    extent: { spatial: { bbox: [l.bbox ?? [-180, -90, 180, 90]], crs: CRS84_URI } },
    crs: SUPPORTED_CRS,
    storageCrs: CRS84_URI,
    links: [
      { rel: 'self', type: 'application/json', title: 'This collection', href: `${self}?f=json` },
      { rel: 'alternate', type: 'text/html', title: 'This collection as HTML', href: `${self}?f=html` },
      { rel: 'items', type: 'application/geo+json', title: 'Features', href: `${self}/items?f=json` },
      { rel: 'items', type: 'text/html', title: 'Features as HTML', href: `${self}/items?f=html` },
      {
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
        type: 'application/schema+json',
        title: 'Queryables',
        href: `${self}/queryables`,
      },
      {
        rel: 'describedby',
        type: 'application/xml',
        title: 'XML Schema (WFS DescribeFeatureType)',
        href: `${base}/wfs?service=WFS&version=2.0.0&request=DescribeFeatureType&typeNames=${encodeURIComponent(l.name)}`,
      },
      ...COLLECTION_LINKS.flatMap((f) => f(l, self, base)),
    ],
  };
}

/** Collections listed per page when the client does not say (the city has 2,491 layers). */
export const COLLECTIONS_LIMIT = 100;
export const COLLECTIONS_MAX_LIMIT = 10_000;

/** Every collection the caller may see: the layers, then the other parts' collections. */
export function allCollections(layers: Layer[], base: string, site: Site): Array<Record<string, unknown>> {
  return [...layers.map((l) => collectionJson(l, base)), ...EXTRA_COLLECTIONS.map((f) => f(base, site))];
}

/** One page of /collections, with numberMatched/numberReturned and next/prev links. */
export function collectionsJson(
  all: Array<Record<string, unknown>>,
  base: string,
  offset = 0,
  limit = COLLECTIONS_LIMIT,
): Record<string, unknown> {
  const url = (f: string, o: number) => {
    const q = new URLSearchParams({ f });
    if (o) q.set('offset', String(o));
    if (limit !== COLLECTIONS_LIMIT) q.set('limit', String(limit));
    return `${base}/ogcapi/collections?${q}`;
  };
  const page = all.slice(offset, offset + limit);
  return {
    links: [
      { rel: 'self', type: 'application/json', title: 'Collections', href: url('json', offset) },
      { rel: 'alternate', type: 'text/html', title: 'Collections as HTML', href: url('html', offset) },
      ...(offset + page.length < all.length
        ? [{ rel: 'next', type: 'application/json', title: 'Next page', href: url('json', offset + limit) }]
        : []),
      ...(offset > 0
        ? [
            {
              rel: 'prev',
              type: 'application/json',
              title: 'Previous page',
              href: url('json', Math.max(0, offset - limit)),
            },
          ]
        : []),
    ],
    numberMatched: all.length,
    numberReturned: page.length,
    crs: SUPPORTED_CRS,
    collections: page,
  };
}

/** OGC API Features responses: /items as a streamed GeoJSON FeatureCollection (exact
 *  numberMatched, next/prev links, Content-Crs) and /items/{fid} as one Feature; HTML pages
 *  for browsers. The query itself is the one FeatureQuery, answered by data/query/features.ts. */
import type { Layer } from '../../../data/catalogue/layer.js';
import { selectedAttributes } from '../../../data/query/compile.js';
import { countMatched, featureBatches } from '../../../data/query/features.js';
import { OgcError } from '../../../data/errors.js';
import { reply, type Reply } from '../../../data/reply.js';
import { featureJson, geoJsonCollection } from '../../encoders/geojson.js';
import type { EncodePart } from '../../encoders/gml.js';
import { htmlPage } from '../html.js';
import type { OgcapiNode } from '../node.js';
import type { ItemsRequest } from './items.js';

const GEOJSON = 'application/geo+json';
const HTML = 'text/html; charset=utf-8';

function partOf(node: OgcapiNode, r: ItemsRequest): EncodePart {
  return {
    layer: r.query.layer,
    attributes: selectedAttributes(r.query, 'properties'),
    rows: () => featureBatches(node.db, r.query, { as: 'geojson', northFirst: r.crs.northFirst }),
  };
}

const contentCrs = (uri: string) => ({ 'content-crs': `<${uri}>` });

/** The items URL with offset (and the other given parameters) replaced. */
function pageUrl(
  itemsUrl: string,
  given: Record<string, string | undefined>,
  offset: number,
  limit: number,
  f?: string,
): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(given))
    if (v !== undefined && k !== 'offset' && k !== 'limit' && k !== 'f') p.set(k, v);
  p.set('offset', String(offset));
  p.set('limit', String(limit));
  if (f) p.set('f', f);
  return `${itemsUrl}?${p}`;
}

export async function itemsReply(
  node: OgcapiNode,
  base: string,
  r: ItemsRequest,
  given: Record<string, string | undefined>,
  html: boolean,
): Promise<Reply> {
  const q = r.query;
  const matched = await countMatched(node.db, q);
  const returned = Math.max(0, Math.min(q.limit, matched - q.offset));
  const itemsUrl = `${base}/ogcapi/collections/${encodeURIComponent(q.layer.name)}/items`;
  const links: Array<Record<string, string>> = [
    {
      rel: 'self',
      type: html ? 'text/html' : GEOJSON,
      title: 'This page',
      href: pageUrl(itemsUrl, given, q.offset, q.limit, html ? 'html' : 'json'),
    },
    {
      rel: 'alternate',
      type: html ? GEOJSON : 'text/html',
      title: html ? 'This page as GeoJSON' : 'This page as HTML',
      href: pageUrl(itemsUrl, given, q.offset, q.limit, html ? 'json' : 'html'),
    },
    {
      rel: 'collection',
      type: 'application/json',
      title: 'The collection',
      href: `${base}/ogcapi/collections/${encodeURIComponent(q.layer.name)}`,
    },
  ];
  const f = html ? 'html' : 'json';
  if (q.offset + returned < matched)
    links.push({
      rel: 'next',
      type: html ? 'text/html' : GEOJSON,
      title: 'Next page',
      href: pageUrl(itemsUrl, given, q.offset + q.limit, q.limit, f),
    });
  if (q.offset > 0)
    links.push({
      rel: 'prev',
      type: html ? 'text/html' : GEOJSON,
      title: 'Previous page',
      href: pageUrl(itemsUrl, given, Math.max(0, q.offset - q.limit), q.limit, f),
    });
  const timeStamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const part = returned > 0 ? [partOf(node, { ...r, query: { ...q, limit: returned } })] : [];

  if (html) {
    // A page of at most MAX_LIMIT features, read whole to lay it out as a table.
    const features: unknown[] = [];
    for (const p of part)
      for await (const batch of p.rows())
        for (const row of batch) features.push(JSON.parse(featureJson(p, row, 'fid')));
    return reply(
      200,
      HTML,
      htmlPage(
        {
          title: q.layer.title || q.layer.name,
          type: 'FeatureCollection',
          numberMatched: matched,
          numberReturned: features.length,
          features,
          links,
        },
        q.layer.name,
      ),
      contentCrs(r.crsUri),
    );
  }
  // srid 4326 keeps the legacy `crs` member out: Part 2 says the CRS in Content-Crs.
  return reply(
    200,
    GEOJSON,
    geoJsonCollection(part, {
      numberMatched: matched,
      numberReturned: returned,
      timeStamp,
      srid: 4326,
      ids: 'fid',
      links,
    }),
    contentCrs(r.crsUri),
  );
}

export async function itemReply(
  node: OgcapiNode,
  base: string,
  layer: Layer,
  fid: string,
  r: ItemsRequest,
  html: boolean,
): Promise<Reply> {
  const notFound = () => new OgcError('NotFound', `No feature ${fid} in ${layer.name}`, 'featureId', 404);
  if (!/^\d{1,9}$/.test(fid)) throw notFound();
  const part = partOf(node, { ...r, query: { ...r.query, filter: { op: 'ids', ids: [fid] }, offset: 0, limit: 1 } });
  let row: Record<string, unknown> | undefined;
  for await (const batch of part.rows()) row ??= batch[0];
  if (!row) throw notFound();
  const coll = `${base}/ogcapi/collections/${encodeURIComponent(layer.name)}`;
  const feature = JSON.parse(featureJson(part, row, 'fid'));
  feature.links = [
    { rel: 'self', type: html ? 'text/html' : GEOJSON, href: `${coll}/items/${fid}?f=${html ? 'html' : 'json'}` },
    { rel: 'alternate', type: html ? GEOJSON : 'text/html', href: `${coll}/items/${fid}?f=${html ? 'json' : 'html'}` },
    { rel: 'collection', type: 'application/json', href: coll },
  ];
  if (html) return reply(200, HTML, htmlPage(feature, `${layer.name} ${fid}`), contentCrs(r.crsUri));
  return reply(200, `${GEOJSON}; charset=utf-8`, JSON.stringify(feature), contentCrs(r.crsUri));
}

/** OGC API Features responses: /items as a streamed GeoJSON FeatureCollection (exact
 *  numberMatched, next/prev links, Content-Crs) and /items/{fid} as one Feature; HTML pages
 *  for browsers. The query itself is the one FeatureQuery, compiled by data/query/compile.ts. */
import type { Response } from 'express';
import type { AppContext } from '../../../server/context.js';
import type { Layer } from '../../../data/catalogue/layer.js';
import { compileFeatureQuery, countMatched, selectedAttributes } from '../../../data/query/compile.js';
import { chunkWriter } from '../../encoders/stream.js';
import { featureJson, writeGeoJsonCollection } from '../../encoders/geojson.js';
import type { EncodePart } from '../../encoders/gml.js';
import { OgcError } from '../../../data/errors.js';
import { htmlPage } from '../html.js';
import type { ItemsRequest } from './items.js';

const BATCH = 1000;

function partOf(ctx: AppContext, r: ItemsRequest): EncodePart {
  const c = compileFeatureQuery(r.query, { as: 'geojson', northFirst: r.crs.northFirst });
  return { layer: r.query.layer, attributes: selectedAttributes(r.query, 'properties'), rows: () => ctx.db.stream(c.sql, c.params, BATCH) };
}

const contentCrs = (res: Response, uri: string) => res.setHeader('Content-Crs', `<${uri}>`);

/** The items URL with offset (and the other given parameters) replaced. */
function pageUrl(itemsUrl: string, given: Record<string, string | undefined>, offset: number, limit: number, f?: string): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(given)) if (v !== undefined && k !== 'offset' && k !== 'limit' && k !== 'f') p.set(k, v);
  p.set('offset', String(offset));
  p.set('limit', String(limit));
  if (f) p.set('f', f);
  return `${itemsUrl}?${p}`;
}

export async function sendItems(ctx: AppContext, res: Response, base: string, r: ItemsRequest, given: Record<string, string | undefined>, html: boolean): Promise<void> {
  const q = r.query;
  const matched = await countMatched(ctx.db, q);
  const returned = Math.max(0, Math.min(q.limit, matched - q.offset));
  const itemsUrl = `${base}/ogcapi/collections/${encodeURIComponent(q.layer.name)}/items`;
  const json = 'application/geo+json';
  const links: Array<Record<string, string>> = [
    { rel: 'self', type: html ? 'text/html' : json, title: 'This page', href: pageUrl(itemsUrl, given, q.offset, q.limit, html ? 'html' : 'json') },
    { rel: 'alternate', type: html ? json : 'text/html', title: html ? 'This page as GeoJSON' : 'This page as HTML', href: pageUrl(itemsUrl, given, q.offset, q.limit, html ? 'json' : 'html') },
    { rel: 'collection', type: 'application/json', title: 'The collection', href: `${base}/ogcapi/collections/${encodeURIComponent(q.layer.name)}` },
  ];
  const f = html ? 'html' : 'json';
  if (q.offset + returned < matched) links.push({ rel: 'next', type: html ? 'text/html' : json, title: 'Next page', href: pageUrl(itemsUrl, given, q.offset + q.limit, q.limit, f) });
  if (q.offset > 0) links.push({ rel: 'prev', type: html ? 'text/html' : json, title: 'Previous page', href: pageUrl(itemsUrl, given, Math.max(0, q.offset - q.limit), q.limit, f) });
  const timeStamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  contentCrs(res, r.crsUri);
  const part = returned > 0 ? [partOf(ctx, { ...r, query: { ...q, limit: returned } })] : [];

  if (html) {
    const features: unknown[] = [];
    for (const p of part) for await (const batch of p.rows()) for (const row of batch) features.push(JSON.parse(featureJson(p, row, 'fid')));
    res.type('text/html').send(htmlPage({ title: q.layer.title || q.layer.name, type: 'FeatureCollection', numberMatched: matched, numberReturned: features.length, features, links }, q.layer.name));
    return;
  }
  res.status(200).type(json);
  // srid 4326 keeps the legacy `crs` member out: Part 2 says the CRS in Content-Crs.
  await writeGeoJsonCollection(chunkWriter(res), part, { numberMatched: matched, numberReturned: returned, timeStamp, srid: 4326, ids: 'fid', links });
}

export async function sendItem(ctx: AppContext, res: Response, base: string, layer: Layer, fid: string, r: ItemsRequest, html: boolean): Promise<void> {
  const notFound = () => new OgcError('NotFound', `No feature ${fid} in ${layer.name}`, 'featureId', 404);
  if (!/^\d{1,9}$/.test(fid)) throw notFound();
  const part = partOf(ctx, { ...r, query: { ...r.query, filter: { op: 'ids', ids: [fid] }, offset: 0, limit: 1 } });
  let row: Record<string, unknown> | undefined;
  for await (const batch of part.rows()) row ??= batch[0];
  if (!row) throw notFound();
  const coll = `${base}/ogcapi/collections/${encodeURIComponent(layer.name)}`;
  const feature = JSON.parse(featureJson(part, row, 'fid'));
  feature.links = [
    { rel: 'self', type: html ? 'text/html' : 'application/geo+json', href: `${coll}/items/${fid}?f=${html ? 'html' : 'json'}` },
    { rel: 'alternate', type: html ? 'application/geo+json' : 'text/html', href: `${coll}/items/${fid}?f=${html ? 'json' : 'html'}` },
    { rel: 'collection', type: 'application/json', href: coll },
  ];
  contentCrs(res, r.crsUri);
  if (html) res.type('text/html').send(htmlPage(feature, `${layer.name} ${fid}`));
  else res.type('application/geo+json').send(JSON.stringify(feature));
}

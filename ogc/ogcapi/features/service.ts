/** OGC API Features handlers: collections, one collection, queryables, items, one item. */
import type { Request, Response } from 'express';
import type { AppContext } from '../../../server/context.js';
import { baseUrlOf, principalOf } from '../../../server/context.js';
import type { Layer } from '../../../data/catalogue/layer.js';
import { compileFeatureQuery, countMatched, selectedAttributes } from '../../../data/query/compile.js';
import { OgcError } from './errors.js';
export { asOgcErrorJson } from './errors.js';
import { chunkWriter } from '../../encoders/stream.js';
import { featureJson, writeGeoJsonCollection } from '../../encoders/geojson.js';
import type { EncodePart } from '../../encoders/gml.js';
import { collectionJson, collectionsJson } from '../collections.js';
import { htmlPage, wantsHtml } from '../html.js';
import { crsParam, parseItems } from './items.js';
import { queryablesJson } from './queryables.js';

type Query = Record<string, string | undefined>;
const queryOf = (req: Request) => req.query as Query;

/** JSON, or the same document as HTML when asked for. */
export function send(req: Request, res: Response, doc: any, type = 'application/json', title = 'Simpul OGC API'): void {
  const q = queryOf(req);
  if (q.f !== undefined && !['json', 'html'].includes(q.f)) throw new OgcError('InvalidParameterValue', 'f must be json or html', 'f', 400);
  if (wantsHtml(q.f, req.headers.accept)) {
    res.status(200).type('text/html; charset=utf-8').send(htmlPage(doc, title));
    return;
  }
  res.status(200).type(type).send(JSON.stringify(doc));
}

export function layerOrNotFound(ctx: AppContext, res: Response, id: string): Layer {
  const l = ctx.catalogue.find(principalOf(res), id);
  if (!l) throw new OgcError('NotFound', `No collection ${id}`, 'collectionId', 404);
  return l;
}

export function collections(ctx: AppContext, req: Request, res: Response): void {
  send(req, res, collectionsJson(ctx.catalogue.visibleLayers(principalOf(res)), baseUrlOf(res)), 'application/json', 'Collections');
}

export function collection(ctx: AppContext, req: Request, res: Response): void {
  const l = layerOrNotFound(ctx, res, String(req.params.collectionId));
  send(req, res, collectionJson(l, baseUrlOf(res)));
}

export function queryables(ctx: AppContext, req: Request, res: Response): void {
  const l = layerOrNotFound(ctx, res, String(req.params.collectionId));
  send(req, res, queryablesJson(l, baseUrlOf(res)), 'application/schema+json');
}

function part(ctx: AppContext, l: Layer, sql: { sql: string; params: unknown[] }, q: Parameters<typeof selectedAttributes>[0]): EncodePart {
  return { layer: l, attributes: selectedAttributes(q, 'properties'), rows: () => ctx.db.stream(sql.sql, sql.params, 1000) };
}

function withParams(url: string, q: Query, changes: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...changes })) if (v !== undefined) p.set(k, v);
  return `${url}?${p.toString()}`;
}

export async function items(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const l = layerOrNotFound(ctx, res, String(req.params.collectionId));
  const q = queryOf(req);
  const { query, crs, crsUri } = parseItems(l, q);
  const html = wantsHtml(q.f, req.headers.accept);
  const matched = await countMatched(ctx.db, query);
  const returned = Math.max(0, Math.min(query.limit, matched - query.offset));
  const sql = compileFeatureQuery(query, { as: 'geojson', northFirst: crs.northFirst });
  const url = `${baseUrlOf(res)}/ogcapi/collections/${encodeURIComponent(l.name)}/items`;
  const links: Array<Record<string, string>> = [
    { rel: 'self', type: 'application/geo+json', title: 'This page', href: withParams(url, q, { f: 'json' }) },
    { rel: 'alternate', type: 'text/html', title: 'This page as HTML', href: withParams(url, q, { f: 'html' }) },
    { rel: 'collection', type: 'application/json', title: 'The collection', href: `${baseUrlOf(res)}/ogcapi/collections/${encodeURIComponent(l.name)}` },
  ];
  if (query.offset + returned < matched) links.push({ rel: 'next', type: 'application/geo+json', title: 'Next page', href: withParams(url, q, { offset: String(query.offset + query.limit), limit: String(query.limit) }) });
  if (query.offset > 0) links.push({ rel: 'prev', type: 'application/geo+json', title: 'Previous page', href: withParams(url, q, { offset: String(Math.max(0, query.offset - query.limit)), limit: String(query.limit) }) });
  res.setHeader('Content-Crs', `<${crsUri}>`);
  const p = part(ctx, l, returned > 0 ? sql : { sql: 'SELECT 1 WHERE FALSE', params: [] }, query);
  const timeStamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  if (html) {
    const features: any[] = [];
    if (returned > 0) for await (const batch of p.rows()) for (const row of batch) features.push(JSON.parse(featureJson(p, row, 'fid')));
    send(req, res, { title: l.title, type: 'FeatureCollection', features, numberMatched: matched, numberReturned: returned, links });
    return;
  }
  res.status(200).type('application/geo+json');
  await writeGeoJsonCollection(chunkWriter(res), returned > 0 ? [p] : [], { numberMatched: matched, numberReturned: returned, timeStamp, links, srid: 4326, ids: 'fid' });
}

export async function item(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const l = layerOrNotFound(ctx, res, String(req.params.collectionId));
  const q = queryOf(req);
  for (const k of Object.keys(q)) if (!['crs', 'f'].includes(k)) throw new OgcError('InvalidParameterValue', `Unknown query parameter ${k}`, k, 400);
  const crs = crsParam(q.crs, 'crs');
  const id = String(req.params.featureId);
  if (!/^\d{1,9}$/.test(id)) throw new OgcError('NotFound', `No feature ${id}`, 'featureId', 404);
  const query = { layer: l, filter: { op: 'ids' as const, ids: [id] }, offset: 0, limit: 1, outputSrid: crs.def.epsg, resultType: 'results' as const };
  const sql = compileFeatureQuery(query, { as: 'geojson', northFirst: crs.northFirst });
  const r = await ctx.db.query(sql.sql, sql.params);
  if (!r.rows[0]) throw new OgcError('NotFound', `No feature ${id}`, 'featureId', 404);
  const p = part(ctx, l, sql, query);
  const doc = JSON.parse(featureJson(p, r.rows[0], 'fid'));
  const base = `${baseUrlOf(res)}/ogcapi/collections/${encodeURIComponent(l.name)}`;
  doc.links = [
    { rel: 'self', type: 'application/geo+json', href: `${base}/items/${id}?f=json` },
    { rel: 'alternate', type: 'text/html', href: `${base}/items/${id}?f=html` },
    { rel: 'collection', type: 'application/json', href: base },
  ];
  res.setHeader('Content-Crs', `<${q.crs ?? 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'}>`);
  send(req, res, doc, 'application/geo+json', l.title);
}


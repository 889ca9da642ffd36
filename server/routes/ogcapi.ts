/** OGC API Features (Parts 1–3) and the shared landing page, conformance, OpenAPI and
 *  /collections of /ogcapi. Tiles and Records mount their routers first and add their
 *  conformance/links through ogc/ogcapi/registry.ts and collections through
 *  `registerCollection` (ogc/ogcapi/collections.ts). Protocol code lives in ogc/ogcapi/. */
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { createHash } from 'node:crypto';
import { visibilityScope } from '../../data/access.js';
import { OgcError } from '../../data/errors.js';
import { asOgcError } from '../../ogc/exceptions.js';
import { conformanceJson, landingJson, openApi } from '../../ogc/ogcapi/landing.js';
import { collectionJson, collectionsJson } from '../../ogc/ogcapi/collections.js';
import { htmlPage, wantsHtml } from '../../ogc/ogcapi/html.js';
import { parseItems } from '../../ogc/ogcapi/features/items.js';
import { queryablesJson } from '../../ogc/ogcapi/features/queryables.js';
import { sendItem, sendItems } from '../../ogc/ogcapi/features/respond.js';

type Query = Record<string, string | undefined>;

/** The simple query parser gives arrays for repeated keys; a repeated parameter is an error. */
function queryOf(req: Request): Query {
  const out: Query = {};
  for (const [k, v] of Object.entries(req.query)) {
    if (Array.isArray(v)) throw new OgcError('InvalidParameterValue', `Parameter ${k} is given more than once`, k);
    out[k] = v === undefined ? undefined : String(v);
  }
  return out;
}

function html(req: Request, q: Query): boolean {
  const f = q.f;
  if (f !== undefined && !['json', 'html', 'geojson'].includes(f.toLowerCase())) throw new OgcError('InvalidParameterValue', 'f must be json or html', 'f');
  return wantsHtml(f === 'geojson' ? 'json' : f, req.get('accept'));
}

function sendDoc(req: Request, res: Response, doc: Record<string, unknown>, title: string, type = 'application/json'): void {
  if (html(req, queryOf(req))) res.type('text/html').send(htmlPage(doc, title));
  else res.type(type).send(JSON.stringify(doc));
}

/** OGC API errors as JSON (RFC 7807-ish, as pygeoapi and ldproxy answer). */
function fail(ctx: AppContext, res: Response, err: unknown): void {
  if (res.headersSent) {
    ctx.log.error('ogcapi stream failed', { error: String(err) });
    res.destroy();
    return;
  }
  // A cancelled query (over budget) is a 503, a value PostgreSQL refused a 400; the rest is ours.
  const e = err instanceof OgcError ? err : asOgcError(err);
  if (err instanceof OgcError || e.status !== 500) {
    if (e.status === 503) res.set('Retry-After', '5');
    res.status(e.status === 500 ? 400 : e.status).type('application/json').send(JSON.stringify({ code: e.code, description: e.message, ...(e.locator ? { locator: e.locator } : {}) }));
    return;
  }
  ctx.log.error('ogcapi request failed', { error: String(err) });
  res.status(500).json({ code: 'ServerError', description: 'The request could not be answered' });
}

const route = (ctx: AppContext, fn: (req: Request, res: Response) => Promise<void> | void) => async (req: Request, res: Response) => {
  try {
    await fn(req, res);
  } catch (err) {
    fail(ctx, res, err);
  }
};

/** /collections is OGC API's capabilities: built once per (scope, revision, base URL). */
function collectionsCache(ctx: AppContext) {
  const cache = new Map<string, { doc: Record<string, unknown>; etag: string }>();
  ctx.catalogue.onChange(() => cache.clear());
  return (res: Response) => {
    const base = baseUrlOf(res);
    const p = principalOf(res);
    const key = `${visibilityScope(p)}|${ctx.catalogue.revision}|${base}`;
    let hit = cache.get(key);
    if (!hit) {
      const doc = collectionsJson(ctx.catalogue.visibleLayers(p), base);
      hit = { doc, etag: `"${createHash('sha1').update(JSON.stringify(doc)).digest('base64url')}"` };
      if (cache.size > 200) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
}

export function mountOgcapi(router: Router, ctx: AppContext): void {
  const collections = collectionsCache(ctx);
  const layerOf = (req: Request, res: Response) => {
    const layer = ctx.catalogue.find(principalOf(res), String(req.params.collectionId));
    // Hidden and unknown alike: not found.
    if (!layer) throw new OgcError('NotFound', `No collection ${String(req.params.collectionId)}`, 'collectionId', 404);
    return layer;
  };

  router.get('/', route(ctx, (req, res) => sendDoc(req, res, landingJson(baseUrlOf(res)), 'Simpul OGC API')));
  router.get('/conformance', route(ctx, (req, res) => sendDoc(req, res, conformanceJson(), 'Conformance')));
  router.get('/api', route(ctx, (_req, res) => {
    res.type('application/vnd.oai.openapi+json;version=3.0').send(JSON.stringify(openApi(baseUrlOf(res))));
  }));
  router.get('/collections', route(ctx, (req, res) => {
    const { doc, etag } = collections(res);
    if (!html(req, queryOf(req))) {
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'no-cache');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
    }
    sendDoc(req, res, doc, 'Collections');
  }));
  router.get('/collections/:collectionId', route(ctx, (req, res) => sendDoc(req, res, collectionJson(layerOf(req, res), baseUrlOf(res)), String(req.params.collectionId))));
  router.get('/collections/:collectionId/queryables', route(ctx, (req, res) => {
    sendDoc(req, res, queryablesJson(layerOf(req, res), baseUrlOf(res)), 'Queryables', 'application/schema+json');
  }));
  router.get('/collections/:collectionId/items', route(ctx, async (req, res) => {
    const layer = layerOf(req, res);
    const q = queryOf(req);
    const asHtml = html(req, q);
    await sendItems(ctx, res, baseUrlOf(res), parseItems(layer, q), q, asHtml);
  }));
  router.get('/collections/:collectionId/items/:featureId', route(ctx, async (req, res) => {
    const layer = layerOf(req, res);
    const q = queryOf(req);
    const asHtml = html(req, q);
    await sendItem(ctx, res, baseUrlOf(res), layer, String(req.params.featureId), parseItems(layer, { crs: q.crs }), asHtml);
  }));
}

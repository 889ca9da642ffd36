/** OGC API Features (Parts 1–3) and the shared landing page, conformance, OpenAPI and
 *  /collections: one function per resource, from a ServiceRequest to a Reply. Errors are thrown
 *  (OgcError); `problemReply` (problem.ts) renders them. /collections, OGC API's capabilities,
 *  is kept per (visibility scope, catalogue revision, base URL) with its ETag. */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { visibilityScope } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { notModified, reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import {
  allCollections,
  collectionJson,
  collectionsJson,
  COLLECTIONS_LIMIT,
  COLLECTIONS_MAX_LIMIT,
} from './collections.js';
import { htmlPage } from './html.js';
import { conformanceJson, landingJson, openApi } from './landing.js';
import type { OgcapiNode } from './node.js';
import { asHtml, queryOf } from './request.js';
import { parseItems } from './features/items.js';
import { queryablesJson } from './features/queryables.js';
import { itemReply, itemsReply } from './features/respond.js';

export interface OgcapiOptions {
  /** /collections documents kept (one per visibility scope and base URL). */
  collections: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function jsonOrHtml(req: ServiceRequest, doc: Record<string, unknown>, title: string, type = JSON_TYPE): Reply {
  if (asHtml(req)) return reply(200, 'text/html; charset=utf-8', htmlPage(doc, title));
  return reply(200, type, JSON.stringify(doc));
}

/** A whole number parameter in [min, max], or its default when absent. */
function intParam(v: string | undefined, name: string, dflt: number, min: number, max: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new OgcError('InvalidParameterValue', `${name} must be a whole number from ${min} to ${max}`, name);
  return n;
}

export interface OgcapiService {
  landing(req: ServiceRequest): Reply;
  conformance(req: ServiceRequest): Reply;
  api(req: ServiceRequest): Reply;
  collections(req: ServiceRequest): Reply;
  collection(req: ServiceRequest, collectionId: string): Reply;
  queryables(req: ServiceRequest, collectionId: string): Reply;
  items(req: ServiceRequest, collectionId: string): Promise<Reply>;
  item(req: ServiceRequest, collectionId: string, featureId: string): Promise<Reply>;
}

export function createOgcapiService(node: OgcapiNode, opts: OgcapiOptions): OgcapiService {
  // The caller's collections per (visibility scope, revision, base URL), and each page's text
  // and ETag: /collections is OGC API's capabilities, asked often.
  const collections = new LRUCache<string, Array<Record<string, unknown>>>({ max: opts.collections });
  const pages = new LRUCache<string, { doc: Record<string, unknown>; text: string; etag: string }>({
    max: opts.collections * 4,
  });
  node.catalogue.onChange(() => {
    collections.clear();
    pages.clear();
  });

  const collectionsOf = (req: ServiceRequest) => {
    const q = queryOf(req);
    const limit = intParam(q.limit, 'limit', COLLECTIONS_LIMIT, 1, COLLECTIONS_MAX_LIMIT);
    const offset = intParam(q.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const key = `${visibilityScope(req.principal)}|${node.catalogue.revision}|${req.baseUrl}`;
    let hit = pages.get(`${key}|${offset}|${limit}`);
    if (!hit) {
      let all = collections.get(key);
      if (!all) {
        all = allCollections(node.catalogue.visibleLayers(req.principal), req.baseUrl, node.config.site);
        collections.set(key, all);
      }
      const doc = collectionsJson(all, req.baseUrl, offset, limit);
      const text = JSON.stringify(doc);
      hit = { doc, text, etag: `"${createHash('sha1').update(text).digest('base64url')}"` };
      pages.set(`${key}|${offset}|${limit}`, hit);
    }
    return hit;
  };

  /** A collection the caller may see; hidden and unknown alike are not found. */
  const layerOf = (req: ServiceRequest, collectionId: string): Layer => {
    const layer = node.catalogue.find(req.principal, collectionId);
    if (!layer) throw new OgcError('NotFound', `No collection ${collectionId}`, 'collectionId', 404);
    return layer;
  };

  return {
    landing: (req) => jsonOrHtml(req, landingJson(req.baseUrl, node.config.site), node.config.site.service.title.id),
    conformance: (req) => jsonOrHtml(req, conformanceJson(), 'Conformance'),
    api: (req) =>
      reply(
        200,
        'application/vnd.oai.openapi+json;version=3.0',
        JSON.stringify(openApi(req.baseUrl, node.config.site)),
      ),
    collections(req) {
      const { doc, text, etag } = collectionsOf(req);
      if (asHtml(req)) return reply(200, 'text/html; charset=utf-8', htmlPage(doc, 'Collections'));
      const headers = { etag, 'cache-control': 'no-cache' };
      if (notModified(req, etag)) return reply(304, null, null, headers);
      return reply(200, JSON_TYPE, text, headers);
    },
    collection: (req, id) => jsonOrHtml(req, collectionJson(layerOf(req, id), req.baseUrl), id),
    queryables: (req, id) =>
      jsonOrHtml(
        req,
        queryablesJson(layerOf(req, id), req.baseUrl),
        'Queryables',
        'application/schema+json; charset=utf-8',
      ),
    async items(req, id) {
      const layer = layerOf(req, id);
      const q = queryOf(req);
      const html = asHtml(req);
      return itemsReply(node, req.baseUrl, parseItems(layer, q), q, html);
    },
    async item(req, id, featureId) {
      const layer = layerOf(req, id);
      const html = asHtml(req);
      return itemReply(node, req.baseUrl, layer, featureId, parseItems(layer, { crs: queryOf(req).crs }), html);
    },
  };
}

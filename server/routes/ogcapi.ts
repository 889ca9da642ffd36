/** OGC API Features (Parts 1–3) and the shared landing page, conformance, OpenAPI and
 *  /collections of /ogcapi. Tiles and Records mount their routers first and add their
 *  conformance/links through ogc/ogcapi/registry.ts and collections through
 *  `registerCollection` (ogc/ogcapi/collections.ts). Protocol code lives in ogc/ogcapi/. */
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.js';
import type { Reply, ServiceRequest } from '../../data/reply.js';
import { answer, serviceRequest } from '../reply.js';
import { createOgcapiService } from '../../ogc/ogcapi/service.js';
import { problemReply } from '../../ogc/ogcapi/problem.js';

export function mountOgcapi(router: Router, ctx: AppContext): void {
  const api = createOgcapiService(ctx, { collections: ctx.config.caches.ogcapiCollections });
  const route = (fn: (sreq: ServiceRequest, params: Record<string, string>) => Reply | Promise<Reply>) => async (req: Request, res: Response) => {
    const sreq = serviceRequest(req, res);
    await answer(req, res, ctx.log, async () => fn(sreq, req.params as Record<string, string>), (err) => problemReply(err, sreq, res.locals.requestId));
  };

  router.get('/', route((r) => api.landing(r)));
  router.get('/conformance', route((r) => api.conformance(r)));
  router.get('/api', route((r) => api.api(r)));
  router.get('/collections', route((r) => api.collections(r)));
  router.get('/collections/:collectionId', route((r, p) => api.collection(r, p.collectionId)));
  router.get('/collections/:collectionId/queryables', route((r, p) => api.queryables(r, p.collectionId)));
  router.get('/collections/:collectionId/items', route((r, p) => api.items(r, p.collectionId)));
  router.get('/collections/:collectionId/items/:featureId', route((r, p) => api.item(r, p.collectionId, p.featureId)));
}

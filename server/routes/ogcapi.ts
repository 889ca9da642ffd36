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
import { sendOgcPage, wantsPage, type OgcPageKind } from '../web/ogcapi-html.js';

export function mountOgcapi(router: Router, ctx: AppContext): void {
  const api = createOgcapiService(ctx, { collections: ctx.config.caches.ogcapiCollections });
  // A person's browser gets the portal's page of the JSON answer (server/web/ogcapi-html.ts).
  const route =
    (kind: OgcPageKind, fn: (sreq: ServiceRequest, params: Record<string, string>) => Reply | Promise<Reply>) =>
    async (req: Request, res: Response) => {
      const sreq = serviceRequest(req, res);
      if (wantsPage(sreq))
        return sendOgcPage(
          req,
          res,
          sreq,
          kind,
          (r) => fn(r, req.params as Record<string, string>),
          (err, r) => problemReply(err, r, res.locals.requestId),
        );
      await answer(
        req,
        res,
        ctx.log,
        async () => fn(sreq, req.params as Record<string, string>),
        (err) => problemReply(err, sreq, res.locals.requestId),
      );
    };

  router.get(
    '/',
    route('landing', (r) => api.landing(r)),
  );
  router.get(
    '/conformance',
    route('conformance', (r) => api.conformance(r)),
  );
  router.get(
    '/api',
    route('api', (r) => api.api(r)),
  );
  router.get(
    '/collections',
    route('collections', (r) => api.collections(r)),
  );
  router.get(
    '/collections/:collectionId',
    route('collection', (r, p) => api.collection(r, p.collectionId)),
  );
  router.get(
    '/collections/:collectionId/queryables',
    route('queryables', (r, p) => api.queryables(r, p.collectionId)),
  );
  router.get(
    '/collections/:collectionId/items',
    route('items', (r, p) => api.items(r, p.collectionId)),
  );
  router.get(
    '/collections/:collectionId/items/:featureId',
    route('item', (r, p) => api.item(r, p.collectionId, p.featureId)),
  );
}

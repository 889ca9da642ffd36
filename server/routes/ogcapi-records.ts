/** OGC API Records at /ogcapi/collections/metadata: the service is ogc/records/service.ts;
 *  this file adapts HTTP to it. Only our own paths are claimed. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { serviceRequest, sendReply } from '../reply.js';
import { registerOgcApiPart } from '../../ogc/ogcapi/registry.js';
import { registerCollection } from '../../ogc/ogcapi/collections.js';
import { logUnexpected } from '../edge-errors.js';
import type { Reply, ServiceRequest } from '../../data/reply.js';
import {
  createRecordsService,
  recordsCollection,
  RECORDS_PART,
  type RecordsService,
} from '../../ogc/records/service.js';
import { recordsProblemReply } from '../../ogc/records/problem.js';
import { sendOgcPage, type OgcPageKind } from '../web/ogcapi-html.js';

registerOgcApiPart(RECORDS_PART);
// Listed in /ogcapi/collections next to the layers.
registerCollection(recordsCollection);

const ROUTES: Array<
  [
    path: string,
    answer: (s: RecordsService, req: ServiceRequest, params: Record<string, string>) => Reply,
    page?: OgcPageKind,
  ]
> = [
  ['/collections/metadata', (s, req) => s.collection(req), 'collection'],
  ['/collections/metadata/queryables', (s, req) => s.queryables(req), 'queryables'],
  ['/collections/metadata/items', (s, req) => s.items(req), 'records'],
  ['/collections/metadata/items/:id', (s, req, p) => s.item(req, p.id), 'record'],
  ['/collections/metadata/opensearch.xml', (s, req) => s.openSearch(req)],
];

export function mountOgcapiRecords(router: Router, ctx: AppContext): void {
  const service = createRecordsService({ records: ctx.records, config: ctx.config });
  for (const [path, answer, page] of ROUTES) {
    router.get(path, async (req, res) => {
      // f=html: the portal's page of the JSON answer (server/web/ogcapi-html.ts).
      if (page && req.query.f === 'html') {
        await sendOgcPage(
          req,
          res,
          serviceRequest(req, res),
          page,
          (r) => answer(service, r, req.params as Record<string, string>),
          (err) => recordsProblemReply(err),
        );
        return;
      }
      let r: Reply;
      try {
        r = answer(service, serviceRequest(req, res), req.params as Record<string, string>);
      } catch (err) {
        logUnexpected(ctx.log, res, err, 'ogcapi records error');
        r = recordsProblemReply(err, res.locals.requestId);
      }
      await sendReply(req, res, r);
    });
  }
}

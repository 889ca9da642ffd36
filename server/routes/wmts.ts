/** WMTS over HTTP (ogc/wmts/service.ts): KVP at /wmts and /ows?SERVICE=WMTS, RESTful under
 *  /wmts/1.0.0/; errors as OWS 1.1 exception reports. */
import type { Express, Request, Response } from 'express';
import type { OwsService } from './ows-service.js';
import type { AppContext } from '../context.js';
import { OgcError } from '../../data/errors.js';
import type { Reply, ServiceRequest } from '../../data/reply.js';
import { asOgcError } from '../../ogc/exceptions.js';
import { createWmtsService } from '../../ogc/wmts/service.js';
import { wmtsExceptionReply } from '../../ogc/wmts/exception.js';
import { sendReply, serviceRequest } from '../reply.js';

const REST = '/wmts/1.0.0';

/** The WMTS of a node: its OWS service (KVP) and the RESTful routes, sharing one service and
 *  its caches. */
export function wmtsRoutes(ctx: AppContext): { service: OwsService; mountRest(app: Express): void } {
  const wmts = createWmtsService(ctx, { documents: ctx.config.caches.wmtsCapabilities });
  const answer = async (req: Request, res: Response, r: ServiceRequest, op: (r: ServiceRequest) => Promise<Reply>) => {
    let out: Reply;
    try {
      out = await op(r);
    } catch (err) {
      if (!(err instanceof OgcError)) ctx.log.error('wmts error', { error: String((err as Error)?.stack ?? err) });
      out = wmtsExceptionReply(asOgcError(err));
    }
    if (res.headersSent) res.end();
    else await sendReply(req, res, out);
  };
  return {
    service: { name: 'WMTS', handle: (req, res) => answer(req, res, serviceRequest(req, res), wmts.kvp) },
    mountRest(app) {
      app.get(/^\/wmts\/1\.0\.0\/.*/, (req, res) =>
        answer(req, res, serviceRequest(req, res, req.path.slice(REST.length)), wmts.rest),
      );
    },
  };
}

/** WFS 2.0.0 / 1.1.0 / 1.0.0 at /wfs (and /ows?SERVICE=WFS); the protocol lives in ogc/wfs/,
 *  made once per node with its capabilities cache (limits.caches.wfsCapabilities documents:
 *  versions × visibility scopes × base URLs). */
import type { OwsService } from './ows-service.js';
import type { AppContext } from '../context.js';
import { answer, serviceRequest } from '../reply.js';
import { createWfsService } from '../../ogc/wfs/service.js';
import { wfsExceptionReply } from '../../ogc/wfs/exceptions.js';

export function wfsRoute(ctx: AppContext): OwsService {
  const wfs = createWfsService(ctx, { documents: ctx.config.caches.wfsCapabilities });
  return {
    name: 'WFS',
    async handle(req, res) {
      const sreq = serviceRequest(req, res);
      await answer(
        req,
        res,
        ctx.log,
        () => wfs.handle(sreq),
        (err) => wfsExceptionReply(err, sreq),
      );
    },
  };
}

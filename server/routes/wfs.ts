/** WFS 2.0.0 / 1.1.0 / 1.0.0 at /wfs (and /ows?SERVICE=WFS); the protocol lives in ogc/wfs/. */
import type { OwsService } from './ows-service.js';
import type { AppContext } from '../context.js';
import { answer, serviceRequest } from '../reply.js';
import { createWfsService, type WfsService } from '../../ogc/wfs/service.js';
import { wfsExceptionReply } from '../../ogc/wfs/exceptions.js';

/** Capabilities documents kept per node (versions × visibility scopes × base URLs). */
const DOCUMENTS = 200;

const services = new WeakMap<AppContext, WfsService>();

function serviceOf(ctx: AppContext): WfsService {
  let s = services.get(ctx);
  if (!s) {
    s = createWfsService(ctx, { documents: DOCUMENTS });
    services.set(ctx, s);
  }
  return s;
}

export const wfsService: OwsService = {
  name: 'WFS',
  async handle(req, res, ctx) {
    const sreq = serviceRequest(req, res);
    await answer(req, res, ctx.log, () => serviceOf(ctx).handle(sreq), (err) => wfsExceptionReply(err, sreq));
  },
};

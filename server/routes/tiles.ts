/** /tiles: XYZ tiles and TileJSON (tiles/xyz.ts); errors as RFC 9457 problem details. */
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.js';
import { asOgcError } from '../../ogc/exceptions.js';
import { jsonErrorReply } from '../../tiles/errors.js';
import { xyzRequest } from '../../tiles/xyz.js';
import type { Reply, ServiceRequest } from '../../data/reply.js';
import { sendReply, serviceRequest } from '../reply.js';
import { logUnexpected } from '../edge-errors.js';

/** Runs a JSON-answering tile service: its reply, or its error as problem details (an unexpected
 *  one is logged and answered as a 500 naming the request); null from the service passes the request on. */
export async function answerJson(
  ctx: AppContext,
  req: Request,
  res: Response,
  next: () => void,
  service: (r: ServiceRequest) => Promise<Reply | null>,
): Promise<void> {
  let out: Reply | null;
  try {
    out = await service(serviceRequest(req, res));
  } catch (err) {
    logUnexpected(ctx.log, res, err, 'tile error');
    out = jsonErrorReply(asOgcError(err), res.locals.requestId);
  }
  if (!out) next();
  else if (res.headersSent) res.end();
  else await sendReply(req, res, out);
}

export function mountTiles(router: Router, ctx: AppContext): void {
  router.get(/.*/, (req, res, next) => answerJson(ctx, req, res, next, (r) => xyzRequest(ctx, r)));
}

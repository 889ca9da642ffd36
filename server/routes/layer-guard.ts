/** The layer a REST route names, through the one access rule: 404 when the caller may not see
 *  it, 401 for anonymous writes, 403 when the caller's role may not write it. Each answers the
 *  response itself and returns undefined, so routes read `if (!layer) return;`. */
import type { Response } from 'express';
import type { AppContext } from '../context.js';
import { principalOf } from '../context.js';
import { canWrite } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { sendProblem } from '../edge-errors.js';

export function visibleLayer(ctx: AppContext, res: Response, name: string): Layer | undefined {
  const layer = ctx.catalogue.find(principalOf(res), name);
  if (!layer) sendProblem(res, new OgcError('NotFound', `No layer ${name}`, undefined, 404));
  return layer;
}

/** `what` completes "Your role may not …", e.g. `change the styles of`. */
export function writableLayer(ctx: AppContext, res: Response, name: string, what: string): Layer | undefined {
  const layer = visibleLayer(ctx, res, name);
  if (!layer) return undefined;
  const p = principalOf(res);
  if (p.kind === 'anonymous') {
    sendProblem(res, new OgcError('Unauthorized', 'A token is required', undefined, 401));
    return undefined;
  }
  if (!canWrite(p, layer.organisation)) {
    sendProblem(res, new OgcError('Forbidden', `Your role may not ${what} ${layer.name}`, undefined, 403));
    return undefined;
  }
  return layer;
}

/** CSW 2.0.2 at /csw (and /ows?SERVICE=CSW): the catalogue harvesters collect. The service is
 *  ogc/csw/service.ts; this file adapts HTTP to it. */
import type { OwsService } from './ows-service.js';
import type { AppContext } from '../context.js';
import { serviceRequest, sendReply } from '../reply.js';
import { RecordIndex } from '../../data/metadata/record-index.js';
import { OgcError } from '../../data/errors.js';
import type { Reply } from '../../data/reply.js';
import { createCswService, type CswService } from '../../ogc/csw/service.js';
import { cswExceptionReply } from '../../ogc/csw/exceptions.js';

/** One record index per node, shared by CSW and OGC API Records. */
const indexes = new WeakMap<AppContext, RecordIndex>();
export function recordIndex(ctx: AppContext): RecordIndex {
  let i = indexes.get(ctx);
  if (!i) indexes.set(ctx, (i = new RecordIndex(ctx.catalogue)));
  return i;
}

const services = new WeakMap<AppContext, CswService>();
function cswOf(ctx: AppContext): CswService {
  let s = services.get(ctx);
  if (!s) services.set(ctx, (s = createCswService({ records: recordIndex(ctx), log: ctx.log })));
  return s;
}

export const cswService: OwsService = {
  name: 'CSW',
  async handle(req, res, ctx) {
    let r: Reply;
    try {
      r = cswOf(ctx).handle(serviceRequest(req, res));
    } catch (err) {
      if (!(err instanceof OgcError)) ctx.log.error('csw error', { error: String((err as Error)?.stack ?? err) });
      r = cswExceptionReply(err);
    }
    await sendReply(req, res, r);
  },
};

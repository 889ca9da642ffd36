/** CSW 2.0.2 at /csw (and /ows?SERVICE=CSW): the catalogue harvesters collect. The service is
 *  ogc/csw/service.ts, made once per node (its capabilities cache); this file adapts HTTP to it. */
import type { OwsService } from './ows-service.js';
import type { AppContext } from '../context.js';
import { serviceRequest, sendReply } from '../reply.js';
import { OgcError } from '../../data/errors.js';
import type { Reply } from '../../data/reply.js';
import { createCswService } from '../../ogc/csw/service.js';
import { cswExceptionReply } from '../../ogc/csw/exceptions.js';

export function cswRoute(ctx: AppContext): OwsService {
  // The node's record index (server/context.ts), shared with OGC API Records.
  const csw = createCswService(
    { records: ctx.records, log: ctx.log, config: ctx.config },
    { capabilitiesCacheSize: ctx.config.caches.cswCapabilities },
  );
  return {
    name: 'CSW',
    async handle(req, res) {
      let r: Reply;
      try {
        r = csw.handle(serviceRequest(req, res));
      } catch (err) {
        if (!(err instanceof OgcError)) ctx.log.error('csw error', { error: String((err as Error)?.stack ?? err) });
        r = cswExceptionReply(err);
      }
      await sendReply(req, res, r);
    },
  };
}

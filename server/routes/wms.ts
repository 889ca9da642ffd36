/** WMS 1.3.0 / 1.1.1 at /wms, /wms/{org} (one organisation's layers) and /ows?SERVICE=WMS;
 *  the protocol lives in ogc/wms/, made once per node (its capabilities cache), closed with it. */
import type { AppContext } from '../context.js';
import type { OwsService } from './ows-service.js';
import { serviceRequest, sendReply } from '../reply.js';
import { createWmsService } from '../../ogc/wms/service.js';

export function wmsRoute(ctx: AppContext): OwsService {
  const wms = createWmsService(ctx, { capabilitiesDocs: ctx.config.caches.wmsCapabilities });
  ctx.onClose.push(() => wms.close());
  return {
    name: 'WMS',
    handle: async (req, res) => {
      const org = typeof req.params?.org === 'string' ? req.params.org : undefined;
      await sendReply(req, res, await wms.handle(serviceRequest(req, res, org ? `/${org}` : ''), org));
    },
  };
}

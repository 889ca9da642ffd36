/** WMS 1.3.0 / 1.1.1 at /wms, /wms/{org} (one organisation's layers) and /ows?SERVICE=WMS;
 *  the protocol lives in ogc/wms/. */
import type { OwsService } from './ows-service.js';
import { handleWms } from '../../ogc/wms/service.js';

export const wmsService: OwsService = {
  name: 'WMS',
  handle: handleWms,
};

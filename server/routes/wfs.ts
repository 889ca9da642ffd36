/** WFS 2.0.0 / 1.1.0 / 1.0.0 at /wfs (and /ows?SERVICE=WFS); the protocol lives in ogc/wfs/. */
import type { OwsService } from './ows-service.js';
import { handleWfs } from '../../ogc/wfs/service.js';

export const wfsService: OwsService = {
  name: 'WFS',
  handle: handleWfs,
};

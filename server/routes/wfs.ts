/** WFS at /wfs (and /ows?SERVICE=WFS). Placeholder until issue #3 lands. */
import type { OwsService } from './ows-service.js';
import { OgcError } from '../../ogc/errors.js';

export const wfsService: OwsService = {
  name: 'WFS',
  async handle() {
    throw new OgcError('OperationNotSupported', 'WFS is not available yet');
  },
};

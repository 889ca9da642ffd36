/** WMS at /wms (and /ows?SERVICE=WMS). Placeholder until issue #4 lands. */
import type { OwsService } from './ows-service.js';
import { OgcError } from '../../ogc/errors.js';

export const wmsService: OwsService = {
  name: 'WMS',
  async handle() {
    throw new OgcError('OperationNotSupported', 'WMS is not available yet');
  },
};

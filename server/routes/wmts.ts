/** WMTS at /wmts (and /ows?SERVICE=WMTS). Placeholder until issue #5 lands. */
import type { OwsService } from './ows-service.js';
import { OgcError } from '../../ogc/errors.js';

export const wmtsService: OwsService = {
  name: 'WMTS',
  async handle() {
    throw new OgcError('OperationNotSupported', 'WMTS is not available yet');
  },
};

/** CSW at /csw (and /ows?SERVICE=CSW). Placeholder until issue #6 lands. */
import type { OwsService } from './ows-service.js';
import { OgcError } from '../../ogc/errors.js';

export const cswService: OwsService = {
  name: 'CSW',
  async handle() {
    throw new OgcError('OperationNotSupported', 'CSW is not available yet');
  },
};

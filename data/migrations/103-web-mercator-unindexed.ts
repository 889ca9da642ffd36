import type { Migration } from './types.js';
import { dropWebMercatorIndex } from '../layers/web-mercator.js';

/** The EPSG:3857 column's own index goes: 3857 maps select their rows through `geom`'s index
 *  (web-mercator.ts, geometryIn), so it only cost every write. */
export const webMercatorUnindexed: Migration = {
  version: 103,
  name: 'no index of its own on the EPSG:3857 geometry column',
  up: async () => {},
  eachLayerTable: (tx, t) => dropWebMercatorIndex(tx, t.schema, t.table),
};

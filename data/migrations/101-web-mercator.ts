import type { Migration } from './types.js';
import { layerTableSql } from '../catalogue/layer.js';
import { addWebMercatorColumn } from '../layers/web-mercator.js';

/** Layers written before every layer table had its generated EPSG:3857 column get it now. */
export const webMercatorColumns: Migration = {
  version: 101,
  name: 'a generated EPSG:3857 geometry column in every layer table',
  up: async () => {},
  eachLayerTable: (tx, t) => addWebMercatorColumn(tx, layerTableSql(t)),
};

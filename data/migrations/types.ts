import type { Queryable } from '../db/types.js';

/** One versioned step. Version ranges keep parts of the node apart:
 *  1–99 core catalogue, 100s features, 200s styles/WMS, 300s tiles, 400s metadata/CSW, 500s import. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((tx: Queryable) => Promise<void>);
  /** A step for every layer table, each in its own transaction (one transaction over thousands
   *  of tables runs out of lock slots); it must be safe to run twice. Runs after `up`. */
  eachLayerTable?: (tx: Queryable, table: { schema: string; table: string }) => Promise<void>;
}

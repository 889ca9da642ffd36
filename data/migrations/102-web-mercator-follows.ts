import type { Migration } from './types.js';

/** The function by which a layer table's EPSG:3857 column follows a `geom` written by SQL other
 *  than the loader's (web-mercator.ts: the loader writes both, and adds the triggers after). */
export const webMercatorFollows: Migration = {
  version: 102,
  name: 'the EPSG:3857 column follows geom written by other SQL',
  // One statement, not split on its semicolons.
  up: async (tx) => {
    await tx.query(`CREATE OR REPLACE FUNCTION simpul.geom_3857_follows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.geom_3857 := ST_Transform(NEW.geom, 3857);
      RETURN NEW;
    END $$`);
  },
};

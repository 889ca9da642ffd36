import type { Migration } from './types.js';
import { CRS_TABLE } from '../crs.js';

/** PostGIS's spatial_ref_sys lacks some Indonesian CRSs (SRGI2013 9470/9488): add what is missing. */
export const spatialRefSys: Migration = {
  version: 2,
  name: 'spatial_ref_sys rows for every supported CRS',
  async up(tx) {
    for (const c of CRS_TABLE) {
      await tx.query(
        `INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text)
         SELECT $1::integer, 'EPSG', $1::integer, $2::text, $3::text
         WHERE NOT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = $1::integer)`,
        [c.epsg, '', c.proj4],
      );
    }
  },
};

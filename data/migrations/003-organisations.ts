import type { Migration } from './types.js';
import { ORGANISATIONS } from '../organisations.js';

export const organisations: Migration = {
  version: 3,
  name: 'seed the organisations of Kota Tangerang (40 PD, 3 BUMD)',
  async up(tx) {
    for (const o of ORGANISATIONS) {
      // Kecamatan became a kind of their own in migration 7; until then they are PD.
      const type = o.type === 'kecamatan' ? 'PD' : o.type;
      await tx.query(
        `INSERT INTO simpul.organisation (code, name, short_name, type, data_role, email, phone, address, website)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
           type = EXCLUDED.type, data_role = EXCLUDED.data_role`,
        [o.code, o.name, o.shortName, type, o.dataRole, o.email, o.phone, o.address, o.website],
      );
    }
  },
};

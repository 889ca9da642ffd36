import type { Migration } from './types.js';

/** Organisations and users as data people keep over HTTP.
 *  - organisation: kecamatan are a kind of their own; a contact person and position; the
 *    e-mail addresses and kecamatan addresses of migration 3 were guesses (`code@…`, the
 *    Pusat Pemerintahan) and are cleared where nobody changed them since.
 *  - app_user: `is_org_admin` (the organisation's own administrator: edits its profile and
 *    manages its users), `disabled_at` (a disabled user signs in with nothing).
 *  - api_token: every token expires; those issued without an end get one year from now. */
export const people: Migration = {
  version: 7,
  name: 'organisation profiles, organisation admins, disabled users, token expiry',
  up: `
ALTER TABLE simpul.organisation DROP CONSTRAINT IF EXISTS organisation_type_check;
ALTER TABLE simpul.organisation ADD CONSTRAINT organisation_type_check CHECK (type IN ('PD', 'BUMD', 'kecamatan'));
UPDATE simpul.organisation SET type = 'kecamatan' WHERE code LIKE 'kec\\_%' AND type = 'PD';
UPDATE simpul.organisation SET email = NULL WHERE email = code || '@tangerangkota.go.id';
UPDATE simpul.organisation SET address = NULL WHERE type = 'kecamatan' AND address LIKE 'Jl. Satria Sudirman No. 1,%';
ALTER TABLE simpul.organisation ADD COLUMN contact_name text, ADD COLUMN contact_position text;
ALTER TABLE simpul.app_user ADD COLUMN is_org_admin boolean NOT NULL DEFAULT false, ADD COLUMN disabled_at timestamptz;
UPDATE simpul.api_token SET expires_at = now() + interval '365 days' WHERE expires_at IS NULL;
CREATE INDEX api_token_user_idx ON simpul.api_token (user_id)
`,
};

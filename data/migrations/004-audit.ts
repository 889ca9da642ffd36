import type { Migration } from './types.js';

/** A trail of decisions on layers (access class, status, data replaced, deleted): who, when,
 *  what it was before and after. Rows outlive their layer (no foreign key), and `before`/`after`
 *  are JSON so that later workflow steps (reviews, versions) add actions without a new table. */
export const audit: Migration = {
  version: 4,
  name: 'audit trail of decisions on layers',
  up: `
CREATE TABLE simpul.audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_role text,
  action text NOT NULL,
  layer_id uuid,
  layer_name text,
  before jsonb,
  after jsonb,
  reason text
);
CREATE INDEX audit_layer_idx ON simpul.audit (layer_id, id);
`,
};

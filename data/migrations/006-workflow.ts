import type { Migration } from './types.js';
import { DEFAULT_STANDARD } from '../layers/standard.js';

/** The Satu Data review workflow (issue #12): statuses submitted, returned and retired beside
 *  draft/verified/published; when a layer was retired and when its produsen asked for that; and
 *  the pembina's publication standard as data (one row, JSON), seeded with the defaults. A retired
 *  layer keeps its table (archived, restorable). */
export const workflow: Migration = {
  version: 6,
  name: 'review workflow: submitted, returned, retired; the publication standard',
  async up(tx) {
    await tx.query('ALTER TABLE simpul.layer DROP CONSTRAINT IF EXISTS layer_status_check');
    await tx.query(`ALTER TABLE simpul.layer ADD CONSTRAINT layer_status_check
      CHECK (status IN ('draft', 'submitted', 'returned', 'verified', 'published', 'retired'))`);
    await tx.query(
      'ALTER TABLE simpul.layer ADD COLUMN retired_at timestamptz, ADD COLUMN retirement_requested_at timestamptz, ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now()',
    );
    await tx.query('UPDATE simpul.layer SET status_changed_at = coalesce(published_at, updated_at)');
    await tx.query('CREATE INDEX layer_status_idx ON simpul.layer (status, status_changed_at)');
    await tx.query(`CREATE TABLE simpul.publication_standard (
      id integer PRIMARY KEY CHECK (id = 1),
      standard jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text NOT NULL DEFAULT 'system')`);
    await tx.query('INSERT INTO simpul.publication_standard (id, standard) VALUES (1, $1::jsonb)', [
      JSON.stringify(DEFAULT_STANDARD),
    ]);
  },
};

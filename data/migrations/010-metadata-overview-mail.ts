import type { Migration } from './types.js';

/** Overview pictures of layers (drawn by the node's renderer when the data or style changes, or
 *  when the layer is published; served at /overviews/{id}.png, linked from the metadata), and
 *  the e-mail address of a user, which the review workflow's notifications are sent to. */
export const overviewsAndMail: Migration = {
  version: 10,
  name: 'layer overview pictures, user e-mail addresses',
  up: `
CREATE TABLE simpul.layer_overview (
  layer_id uuid PRIMARY KEY REFERENCES simpul.layer(id) ON DELETE CASCADE,
  data_version integer NOT NULL,
  style_version integer NOT NULL,
  png bytea NOT NULL,
  drawn_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE simpul.app_user ADD COLUMN email text CHECK (email IS NULL OR email ~ '^[^\\s@<>"]+@[^\\s@<>"]+$')
`,
};

import type { Migration } from './types.js';

/** A data update is a new version of a layer, not a new layer (issue #12). Each version's data
 *  is a table of its own (a first import keeps its table in the organisation's schema; later
 *  versions live in `simpul_version`, named by the layer's UUID so no layer name can collide);
 *  `simpul.layer` points at the one served (`table_schema`/`table_name`, `version`), so the switch
 *  to another version is one row update. A version waits for review (`pending`, `verified`),
 *  is served (`current`), kept for rollback (`archived`), or has no table any more (`returned`,
 *  `withdrawn`, `pruned`): the row stays, as the layer's history. */
export const versions: Migration = {
  version: 8,
  name: 'layer versions: pending data updates, rollback, kept versions',
  up: `
ALTER TABLE simpul.layer ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE SCHEMA IF NOT EXISTS simpul_version;
CREATE TABLE simpul.layer_version (
  layer_id uuid NOT NULL REFERENCES simpul.layer(id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('pending', 'verified', 'current', 'archived', 'returned', 'withdrawn', 'pruned')),
  table_schema text NOT NULL,
  table_name text NOT NULL,
  geometry_type text NOT NULL,
  native_srid integer NOT NULL,
  minx double precision, miny double precision, maxx double precision, maxy double precision,
  feature_count bigint NOT NULL DEFAULT 0,
  attributes jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  note text,
  PRIMARY KEY (layer_id, version)
);
CREATE UNIQUE INDEX layer_version_one_waiting ON simpul.layer_version (layer_id) WHERE status IN ('pending', 'verified');
CREATE UNIQUE INDEX layer_version_one_current ON simpul.layer_version (layer_id) WHERE status = 'current';
CREATE INDEX layer_version_status_idx ON simpul.layer_version (status)
`,
};

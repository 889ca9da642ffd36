import type { Migration } from '../migrations/types.js';

/** Stored SLD styles per layer; the default one is what GetMap uses without STYLES. */
export const layerStyles: Migration = {
  version: 200,
  name: 'layer styles (SLD) for WMS and tiles',
  up: `
CREATE TABLE simpul.layer_style (
  layer_id uuid NOT NULL REFERENCES simpul.layer(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
  title text NOT NULL DEFAULT '',
  sld text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (layer_id, name)
);`,
};

/** The simple-symbology form a style was made from (kind, attribute, palette, …), so the style
 *  editor opens on the choices that made the stored style; null for an uploaded SLD. */
export const layerStyleForm: Migration = {
  version: 201,
  name: 'layer styles remember the editor form they came from',
  up: `ALTER TABLE simpul.layer_style ADD COLUMN form jsonb`,
};

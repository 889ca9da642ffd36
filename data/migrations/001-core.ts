import type { Migration } from './types.js';

export const core: Migration = {
  version: 1,
  name: 'core catalogue: organisations, layers, users, tokens',
  up: `
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE simpul.organisation (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name text NOT NULL,
  short_name text NOT NULL,
  type text NOT NULL CHECK (type IN ('PD', 'BUMD')),
  data_role text CHECK (data_role IN ('walidata', 'pembina')),
  email text,
  phone text,
  address text,
  website text
);
CREATE TABLE simpul.layer (
  id uuid PRIMARY KEY,
  organisation text NOT NULL REFERENCES simpul.organisation(code),
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9_]{1,30}:[a-z][a-z0-9_]{0,62}$'),
  table_schema text NOT NULL,
  table_name text NOT NULL,
  title text NOT NULL,
  abstract text NOT NULL DEFAULT '',
  keywords text[] NOT NULL DEFAULT '{}',
  kugi_fcode text,
  geometry_type text NOT NULL,
  native_srid integer NOT NULL,
  minx double precision, miny double precision, maxx double precision, maxy double precision,
  feature_count bigint NOT NULL DEFAULT 0,
  attributes jsonb NOT NULL DEFAULT '[]',
  access_class text NOT NULL DEFAULT 'PUBLIC' CHECK (access_class IN ('PUBLIC', 'GOVERNMENT', 'PRIVATE', 'IGSTRATEGIS')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'verified', 'published')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  data_version integer NOT NULL DEFAULT 1,
  style_version integer NOT NULL DEFAULT 1,
  metadata jsonb NOT NULL DEFAULT '{}',
  UNIQUE (table_schema, table_name)
);
CREATE INDEX layer_org_idx ON simpul.layer (organisation);
CREATE TABLE simpul.app_user (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.@-]{2,64}$'),
  full_name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('produsen', 'walidata', 'pembina', 'admin')),
  organisation text REFERENCES simpul.organisation(code),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'produsen' OR organisation IS NOT NULL)
);
CREATE TABLE simpul.api_token (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES simpul.app_user(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz
);
-- Bumped on every catalogue change, so caches (capabilities, records) know when to rebuild.
CREATE TABLE simpul.catalogue_revision (id boolean PRIMARY KEY DEFAULT true CHECK (id), revision bigint NOT NULL);
INSERT INTO simpul.catalogue_revision VALUES (true, 1);
`,
};

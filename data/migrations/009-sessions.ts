import type { Migration } from './types.js';

/** Workspace sign-in sessions, in the database so that every node behind a balancer knows them.
 *  Only the SHA-256 of the cookie's secret is kept (a copy of the table signs nobody in); the
 *  CSRF token is per session (synchronizer token). Ended sessions are deleted. */
export const sessions: Migration = {
  version: 9,
  name: 'workspace sessions',
  up: `
CREATE TABLE simpul.web_session (
  id_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES simpul.app_user(id) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  address text
);
CREATE INDEX web_session_user_idx ON simpul.web_session (user_id);
CREATE INDEX web_session_seen_idx ON simpul.web_session (last_seen_at)
`,
};

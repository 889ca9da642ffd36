/** Workspace sessions: a random secret in an HttpOnly cookie, its SHA-256 in simpul.web_session
 *  (shared by every node), a CSRF token per session. A session ends on sign-out, after
 *  `idleMs` unused or `maxMs` after sign-in, and at once when its user is disabled. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from './db/types.js';
import type { Principal, Role } from './access.js';
import { writeAudit } from './audit.js';

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export interface Session {
  principal: Extract<Principal, { kind: 'user' }>;
  csrf: string;
  /** The hash that names the row (never the cookie's secret). */
  id: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
/** last_seen_at is written at most this often: a page that loads tiles would otherwise write a row per tile. */
const TOUCH_EVERY_S = 60;

/** Starts a session for a signed-in user; the secret goes into the cookie and nowhere else.
 *  Sessions past their limits are cleared at each sign-in, so the table stays small. */
export async function startSession(
  db: Db,
  p: Principal,
  address: string | null,
  limits: SessionLimits,
): Promise<{ secret: string; csrf: string }> {
  if (p.kind !== 'user') throw new Error('only a user has a session');
  const secret = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await purgeSessions(tx, limits);
    await tx.query('INSERT INTO simpul.web_session (id_hash, user_id, csrf, address) VALUES ($1, $2, $3, $4)', [
      sha256(secret),
      p.userId,
      csrf,
      address,
    ]);
    await writeAudit(tx, p, { action: 'session.start', subject: p.username, organisation: p.organisation, address });
  });
  return { secret, csrf };
}

/** The session a cookie's secret names, if it is still alive (expired ones are deleted). */
export async function findSession(db: Queryable, secret: string, limits: SessionLimits): Promise<Session | null> {
  const id = sha256(secret);
  const r = await db.query<Record<string, any>>(
    `SELECT s.csrf, u.id, u.username, u.role, u.organisation, u.is_org_admin, u.disabled_at IS NOT NULL AS disabled,
            s.created_at > now() - $2::float8 * interval '1 millisecond' AND s.last_seen_at > now() - $3::float8 * interval '1 millisecond' AS alive,
            s.last_seen_at < now() - $4::float8 * interval '1 second' AS stale
       FROM simpul.web_session s JOIN simpul.app_user u ON u.id = s.user_id WHERE s.id_hash = $1`,
    [id, limits.maxMs, limits.idleMs, TOUCH_EVERY_S],
  );
  const row = r.rows[0];
  if (!row) return null;
  if (!row.alive || row.disabled) {
    await db.query('DELETE FROM simpul.web_session WHERE id_hash = $1', [id]);
    return null;
  }
  if (row.stale) await db.query('UPDATE simpul.web_session SET last_seen_at = now() WHERE id_hash = $1', [id]);
  return {
    id,
    csrf: row.csrf,
    principal: {
      kind: 'user',
      userId: row.id,
      username: row.username,
      role: row.role as Role,
      organisation: row.organisation,
      orgAdmin: !!row.is_org_admin,
    },
  };
}

/** Sign-out: the row is deleted, so the cookie is worth nothing on any node. */
export async function endSession(db: Db, s: Session, address: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM simpul.web_session WHERE id_hash = $1', [s.id]);
    await writeAudit(tx, s.principal, {
      action: 'session.end',
      subject: s.principal.username,
      organisation: s.principal.organisation,
      address,
    });
  });
}

/** Ends every session of a user (password changed or reset, account disabled). */
export async function endSessionsOf(db: Queryable, userId: number, keep?: string): Promise<number> {
  const r = await db.query('DELETE FROM simpul.web_session WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [
    userId,
    keep ?? null,
  ]);
  return r.rowCount;
}

/** Sessions past either limit, deleted now and then (a session is also checked when it is used). */
export async function purgeSessions(db: Queryable, limits: SessionLimits): Promise<number> {
  const r = await db.query(
    `DELETE FROM simpul.web_session WHERE created_at <= now() - $1::float8 * interval '1 millisecond' OR last_seen_at <= now() - $2::float8 * interval '1 millisecond'`,
    [limits.maxMs, limits.idleMs],
  );
  return r.rowCount;
}

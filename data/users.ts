/** Users, roles and API tokens. Passwords are hashed with scrypt (a memory-hard KDF) in a
 *  bounded pool; tokens are random and stored only as their SHA-256. */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Db, Queryable } from './db/types.js';
import type { Principal, Role } from './access.js';
import { ROLES } from './access.js';
import { OgcError, httpError } from './errors.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/**
 * Each scrypt takes one of libuv's four threads for tens of milliseconds. Unbounded, a flood of
 * sign-ins fills all four, and file reads, zlib and DNS of every other request wait behind them.
 * So hashes run a few at a time, a bounded number wait, and the rest are refused at once.
 */
class HashPool {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(
    public concurrency = 1,
    public queue = 16,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.queue) await new Promise<void>((go) => this.waiting.push(go));
    else
      throw new OgcError(
        'ServiceUnavailable',
        'Too many sign-ins are being checked at once: try again in a moment',
        undefined,
        503,
        { retryAfter: 1 },
      );
    try {
      return await fn();
    } finally {
      // Hand the slot to the next in line, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

const pool = new HashPool();

/** Sets the pool's size (SIMPUL_PASSWORD_HASH_CONCURRENCY) and queue (SIMPUL_PASSWORD_HASH_QUEUE). */
export function configurePasswordHashing(o: { concurrency: number; queue: number }): void {
  pool.concurrency = Math.max(1, o.concurrency);
  pool.queue = Math.max(0, o.queue);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await pool.run(() => scrypt(password, salt, 32, SCRYPT));
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A hash of a random password with the same parameters: unknown users and users without a
 *  password are checked against it, so that they take as long as a wrong password does. */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> =>
  (dummy ??= hashPassword(randomBytes(18).toString('base64')).catch((err) => {
    dummy = undefined;
    throw err;
  }));

const PARAM = /^\d{1,7}$/;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  return pool.run(() => verifyInPool(password, stored));
}

/** The check itself; the caller holds a place in the pool. */
async function verifyInPool(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  const [kind, n, r, p, salt, key] = parts;
  const wellFormed =
    parts.length === 6 &&
    kind === 'scrypt' &&
    PARAM.test(n) &&
    PARAM.test(r) &&
    PARAM.test(p) &&
    Number(n) <= 1 << 20 &&
    Number(r) * Number(p) <= 64;
  if (!wellFormed) {
    await verifyInPool(password, await dummyHash()); // the same time as a real check
    return false;
  }
  const expected = Buffer.from(key, 'base64');
  if (expected.length < 16) return false;
  const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(expected, got);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  organisation: string | null;
  is_org_admin?: boolean;
}

/** An e-mail address (or null: none); the same shape the database checks. */
export const emailOf = (v: unknown): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || v.length > 254 || !/^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v))
    throw new OgcError('InvalidParameterValue', 'email takes an e-mail address (name@example.go.id) or null', 'email');
  return v.trim();
};

/** Stores an account as given (seeding and tests); people's accounts go through people.ts,
 *  which checks the password policy and writes the audit trail. */
export async function addUser(
  db: Queryable,
  u: {
    username: string;
    role: Role;
    organisation?: string | null;
    password?: string;
    fullName?: string;
    email?: string;
  },
): Promise<UserRow> {
  if (!ROLES.includes(u.role)) throw httpError(400, `role must be one of ${ROLES.join(', ')}`);
  if (u.role === 'produsen' && !u.organisation)
    throw httpError(400, 'a produsen belongs to one organisation: give --org');
  if (u.organisation) {
    const org = await db.query('SELECT 1 FROM simpul.organisation WHERE code = $1', [u.organisation]);
    if (!org.rows.length) throw httpError(400, `unknown organisation "${u.organisation}"`);
  }
  const hash = u.password ? await hashPassword(u.password) : null;
  try {
    const r = await db.query<UserRow>(
      `INSERT INTO simpul.app_user (username, full_name, role, organisation, password_hash, email) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, username, role, organisation`,
      [u.username, u.fullName ?? '', u.role, u.organisation ?? null, hash, emailOf(u.email)],
    );
    return r.rows[0];
  } catch (err: any) {
    if (err?.code === '23505') throw httpError(409, `user "${u.username}" already exists`);
    if (err?.code === '23514') throw httpError(400, `username "${u.username}" must be 2–64 of a-z 0-9 _ . @ -`);
    throw err;
  }
}

/** Every token expires: after 90 days unless asked otherwise, after a year at most. */
export const TOKEN_DAYS = { default: 90, max: 365 };

/** Issues a new token for a user; the plain token is returned once and never stored. */
export async function issueToken(
  db: Queryable,
  username: string,
  label = '',
  days = TOKEN_DAYS.default,
): Promise<string> {
  return (await issueTokenRow(db, username, label, days)).token;
}

/** The same, with the stored row's id and end (for the JSON API and its audit row). */
export async function issueTokenRow(
  db: Queryable,
  username: string,
  label: string,
  days: number,
): Promise<{ token: string; id: number; expiresAt: Date }> {
  const user = await db.query<{ id: number }>('SELECT id FROM simpul.app_user WHERE username = $1', [username]);
  if (!user.rows.length) throw httpError(404, `unknown user "${username}"`);
  const token = `spl_${randomBytes(24).toString('base64url')}`;
  const r = await db.query<{ id: number; expires_at: string }>(
    `INSERT INTO simpul.api_token (user_id, token_hash, label, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4::int)) RETURNING id, expires_at`,
    [user.rows[0].id, sha256(token), label, Math.min(TOKEN_DAYS.max, Math.max(1, Math.floor(days)))],
  );
  return { token, id: r.rows[0].id, expiresAt: new Date(r.rows[0].expires_at) };
}

export async function revokeTokens(db: Db, username: string): Promise<number> {
  const r = await db.query(
    'DELETE FROM simpul.api_token WHERE user_id = (SELECT id FROM simpul.app_user WHERE username = $1)',
    [username],
  );
  return r.rowCount;
}

function principalOf(u: UserRow): Principal {
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    role: u.role,
    organisation: u.organisation,
    orgAdmin: !!u.is_org_admin,
  };
}

export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const r = await db.query<UserRow>(
    `SELECT u.id, u.username, u.role, u.organisation, u.is_org_admin FROM simpul.api_token t JOIN simpul.app_user u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.disabled_at IS NULL`,
    [sha256(token)],
  );
  return r.rows[0] ? principalOf(r.rows[0]) : null;
}

/** A password sign-in, the user's lookup included, takes a place in the hashing pool: a flood
 *  past the pool's queue is refused (a 503 OgcError) before it costs the database anything. */
export async function principalForPassword(db: Db, username: string, password: string): Promise<Principal | null> {
  const dummyStored = await dummyHash(); // outside the pool: computing it takes a place of its own
  return pool.run(async () => {
    const r = await db.query<UserRow & { password_hash: string | null; disabled: boolean }>(
      'SELECT id, username, role, organisation, is_org_admin, password_hash, disabled_at IS NOT NULL AS disabled FROM simpul.app_user WHERE username = $1',
      [username],
    );
    const u = r.rows[0];
    // An unknown user, or one without a password, costs the same scrypt as a wrong password:
    // the time of the answer does not tell which usernames exist.
    const ok = await verifyInPool(password, u?.password_hash ?? dummyStored);
    // A disabled account is refused after the same check: its answer looks like a wrong password's.
    return u && u.password_hash && ok && !u.disabled ? principalOf(u) : null;
  });
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return (await db.query<UserRow>('SELECT id, username, role, organisation FROM simpul.app_user ORDER BY username'))
    .rows;
}

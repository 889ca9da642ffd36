/** Accounts and tokens kept over the JSON API: who may create, disable, re-enable and reset
 *  whom (data/access.ts canManageUser), the password policy, each person's own password and
 *  tokens. Every change is written with its audit row in the same transaction; the rows never
 *  hold a password, a hash or a token, only what changed. */
import type { Db, Queryable } from './db/types.js';
import { ROLES, canManageUser, isOrgAdminOf, type Principal, type Role } from './access.js';
import { writeAudit } from './audit.js';
import { OgcError } from './errors.js';
import { TOKEN_DAYS, addUser, emailOf, hashPassword, issueTokenRow, verifyPassword, type UserRow } from './users.js';

export interface UserInfo {
  id: number;
  username: string;
  fullName: string;
  /** Where the review workflow's notifications go (null: none). */
  email: string | null;
  role: Role;
  organisation: string | null;
  orgAdmin: boolean;
  disabled: boolean;
  createdAt: string;
  disabledAt: string | null;
}

const USER_COLUMNS = 'id, username, full_name, email, role, organisation, is_org_admin, disabled_at, created_at';
const USERNAME = /^[a-z0-9_.@-]{2,64}$/;
const MIN_PASSWORD = 10;

/** Passwords met first in every list of leaked ones (and their local favourites). Lower case. */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '0987654321',
  '1111111111',
  '1234512345',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou12',
  'abcdefghij',
  'abc1234567',
  'aaaaaaaaaa',
  'letmein123',
  'welcome123',
  'admin12345',
  'administrator',
  'superadmin',
  'changeme123',
  'trustno1234',
  'football123',
  'sunshine123',
  'princess123',
  'dragon1234',
  'monkey1234',
  'bismillah123',
  'indonesia123',
  'indonesia1945',
  'tangerang123',
  'kotatangerang',
  'rahasia123',
  'rahasia1234',
  'katasandi123',
  'sayangku123',
  'merdeka1945',
  'simpul12345',
  'simpul123456',
  'diskominfo123',
  'walidata123',
  'p@ssw0rd123',
]);

interface Rule {
  broken: (password: string, username: string) => boolean;
  id: string;
  en: string;
}

/** The policy, one rule a row, each with its sentence in Indonesian and English. */
const PASSWORD_RULES: Rule[] = [
  {
    broken: (pw) => [...pw].length < MIN_PASSWORD,
    id: `kata sandi paling sedikit ${MIN_PASSWORD} karakter`,
    en: `the password must be at least ${MIN_PASSWORD} characters long`,
  },
  {
    broken: (pw) => pw.length > 200,
    id: 'kata sandi paling banyak 200 karakter',
    en: 'the password must be at most 200 characters long',
  },
  {
    broken: (pw, user) => pw.toLowerCase() === user.toLowerCase(),
    id: 'kata sandi tidak boleh sama dengan nama pengguna',
    en: 'the password must not be the username',
  },
  {
    broken: (pw) => COMMON_PASSWORDS.has(pw.toLowerCase()),
    id: 'kata sandi ini terlalu umum',
    en: 'this password is too common',
  },
];

/** The rules a password breaks (empty: it is acceptable). */
export function passwordProblems(password: string, username: string): Array<{ id: string; en: string }> {
  return PASSWORD_RULES.filter((r) => r.broken(password, username)).map(({ id, en }) => ({ id, en }));
}

function assertPassword(password: unknown, username: string, field = 'password'): string {
  if (typeof password !== 'string')
    throw new OgcError('InvalidParameterValue', `${field}: kata sandi wajib diisi / a password is required`, field);
  const broken = passwordProblems(password, username);
  if (broken.length) {
    const id = broken.map((b) => b.id).join('; ');
    const en = broken.map((b) => b.en).join('; ');
    throw new OgcError('InvalidParameterValue', `Kata sandi ditolak: ${id}. / Password refused: ${en}.`, field, 400, {
      details: { rules: broken },
    });
  }
  return password;
}

function userFromRow(r: Record<string, any>): UserInfo {
  return {
    id: Number(r.id),
    username: r.username,
    fullName: r.full_name,
    email: r.email ?? null,
    role: r.role,
    organisation: r.organisation,
    orgAdmin: !!r.is_org_admin,
    disabled: !!r.disabled_at,
    createdAt: new Date(r.created_at).toISOString(),
    disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
  };
}

/** What an audit row tells of an account: never its password or hash. */
const audited = (u: UserInfo) => ({
  role: u.role,
  organisation: u.organisation,
  orgAdmin: u.orgAdmin,
  fullName: u.fullName,
  email: u.email,
  disabled: u.disabled,
});

const signedIn = (p: Principal): Extract<Principal, { kind: 'user' }> => {
  if (p.kind !== 'user') throw new OgcError('Unauthorized', 'A token or password is required');
  return p;
};
const keeper = (p: Principal) => p.kind === 'user' && (p.role === 'admin' || p.role === 'walidata');

async function lockUser(tx: Queryable, username: string): Promise<UserInfo> {
  const r = await tx.query(`SELECT ${USER_COLUMNS} FROM simpul.app_user WHERE username = $1 FOR UPDATE`, [username]);
  if (!r.rows.length) throw new OgcError('NotFound', `No user ${username}`);
  return userFromRow(r.rows[0]);
}

/** A user the caller may manage; 404 for those it may not even list (another organisation's). */
async function managedUser(tx: Queryable, actor: Principal, username: string): Promise<UserInfo> {
  const u = await lockUser(tx, username);
  if (!keeper(actor) && !isOrgAdminOf(actor, u.organisation)) throw new OgcError('NotFound', `No user ${username}`);
  if (!canManageUser(actor, u)) throw new OgcError('Forbidden', `Your account may not manage ${username}`);
  return u;
}

/** The accounts this caller may manage: every one for the walidata and admins, its
 *  organisation's for an organisation admin; 403 for anyone else. */
export async function listUsersFor(db: Queryable, actor: Principal, organisation?: string): Promise<UserInfo[]> {
  const p = signedIn(actor);
  if (!keeper(p) && !p.orgAdmin)
    throw new OgcError('Forbidden', 'Only the walidata, an admin or an organisation admin lists accounts');
  const org = keeper(p) ? (organisation ?? null) : p.organisation;
  const r = await db.query(
    `SELECT ${USER_COLUMNS} FROM simpul.app_user WHERE ($1::text IS NULL OR organisation = $1) ORDER BY username`,
    [org],
  );
  return r.rows.map(userFromRow);
}

export async function getUserFor(db: Db, actor: Principal, username: string): Promise<UserInfo> {
  const p = signedIn(actor);
  if (p.username === username) return await db.transaction((tx) => lockUser(tx, username));
  return db.transaction((tx) => managedUser(tx, p, username));
}

export interface NewUser {
  username?: unknown;
  role?: unknown;
  organisation?: unknown;
  password?: unknown;
  fullName?: unknown;
  email?: unknown;
  orgAdmin?: unknown;
}

const NEW_USER_FIELDS = new Set(['username', 'role', 'organisation', 'password', 'fullName', 'email', 'orgAdmin']);
const CHANGE_FIELDS = new Set(['disabled', 'fullName', 'email', 'orgAdmin']);

function onlyFields(body: object, allowed: Set<string>): void {
  const unknown = Object.keys(body).filter((k) => !allowed.has(k));
  if (unknown.length)
    throw new OgcError(
      'InvalidParameterValue',
      `Unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: ${[...allowed].join(', ')})`,
    );
}

const fullNameOf = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' || v.length > 200)
    throw new OgcError('InvalidParameterValue', 'fullName takes text of at most 200 characters', 'fullName');
  return v.trim();
};

/** An account made on the server's console (`simpul user add`): the password policy when a
 *  password is given (without one the account signs in with tokens only), and an audit row. */
export async function createConsoleUser(db: Db, actor: Principal, u: Parameters<typeof addUser>[1]): Promise<UserRow> {
  if (u.password !== undefined) assertPassword(u.password, u.username);
  return db.transaction(async (tx) => {
    const row = await addUser(tx, u);
    await writeAudit(tx, actor, {
      action: 'user.create',
      organisation: row.organisation,
      subject: row.username,
      address: null,
      before: null,
      after: { username: row.username, role: row.role, organisation: row.organisation, email: u.email ?? null },
    });
    return row;
  });
}

export async function createUser(db: Db, actor: Principal, body: NewUser, address: string | null): Promise<UserInfo> {
  const p = signedIn(actor);
  onlyFields(body, NEW_USER_FIELDS);
  const { username, role, organisation } = body;
  if (typeof username !== 'string' || !USERNAME.test(username))
    throw new OgcError('InvalidParameterValue', 'username takes 2–64 of a-z 0-9 _ . @ -', 'username');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
    throw new OgcError('InvalidParameterValue', `role takes one of ${ROLES.join(', ')}`, 'role');
  if (organisation !== undefined && organisation !== null && typeof organisation !== 'string')
    throw new OgcError('InvalidParameterValue', 'organisation takes an organisation code', 'organisation');
  // An organisation admin's new accounts belong to its organisation.
  const org = (organisation as string | null | undefined) ?? (keeper(p) ? null : p.organisation);
  if (role === 'produsen' && !org)
    throw new OgcError(
      'InvalidParameterValue',
      'a produsen belongs to one organisation: give organisation',
      'organisation',
    );
  if (body.orgAdmin !== undefined && typeof body.orgAdmin !== 'boolean')
    throw new OgcError('InvalidParameterValue', 'orgAdmin takes true or false', 'orgAdmin');
  const orgAdmin = body.orgAdmin === true;
  if (orgAdmin && !org)
    throw new OgcError(
      'InvalidParameterValue',
      'an organisation admin belongs to an organisation: give organisation',
      'organisation',
    );
  const target = { role: role as Role, organisation: org, orgAdmin };
  if (!canManageUser(p, target))
    throw new OgcError(
      'Forbidden',
      orgAdmin
        ? 'Only the walidata or an admin makes organisation admins'
        : `Your account may not create a ${role} account${org ? ` of ${org}` : ''}`,
    );
  const password = assertPassword(body.password, username);
  const fullName = fullNameOf(body.fullName);
  const email = emailOf(body.email);
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (org && !(await tx.query('SELECT 1 FROM simpul.organisation WHERE code = $1', [org])).rows.length)
      throw new OgcError('InvalidParameterValue', `unknown organisation "${org}"`, 'organisation');
    if ((await tx.query('SELECT 1 FROM simpul.app_user WHERE username = $1', [username])).rows.length)
      throw new OgcError('Conflict', `user "${username}" already exists`);
    const r = await tx.query(
      `INSERT INTO simpul.app_user (username, full_name, role, organisation, password_hash, is_org_admin, email) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLUMNS}`,
      [username, fullName, role, org, hash, orgAdmin, email],
    );
    const u = userFromRow(r.rows[0]);
    await writeAudit(tx, p, {
      action: 'user.create',
      organisation: u.organisation,
      subject: u.username,
      address,
      before: null,
      after: audited(u),
    });
    return u;
  });
}

/** Disables or re-enables an account, renames it, or (walidata/admin) makes it its organisation's admin. */
export async function changeUser(
  db: Db,
  actor: Principal,
  username: string,
  body: Record<string, unknown>,
  address: string | null,
): Promise<UserInfo> {
  const p = signedIn(actor);
  onlyFields(body, CHANGE_FIELDS);
  if (body.disabled !== undefined && typeof body.disabled !== 'boolean')
    throw new OgcError('InvalidParameterValue', 'disabled takes true or false', 'disabled');
  if (body.orgAdmin !== undefined && typeof body.orgAdmin !== 'boolean')
    throw new OgcError('InvalidParameterValue', 'orgAdmin takes true or false', 'orgAdmin');
  const fullName = body.fullName === undefined ? undefined : fullNameOf(body.fullName);
  const email = body.email === undefined ? undefined : emailOf(body.email);
  if (body.disabled === true && username === p.username)
    throw new OgcError('Conflict', 'You cannot disable your own account');
  return db.transaction(async (tx) => {
    const before = await managedUser(tx, p, username);
    if (body.orgAdmin !== undefined && body.orgAdmin !== before.orgAdmin) {
      if (!keeper(p))
        throw new OgcError('Forbidden', 'Only the walidata or an admin makes or unmakes organisation admins');
      if (body.orgAdmin && !before.organisation)
        throw new OgcError('InvalidParameterValue', `${username} belongs to no organisation`, 'orgAdmin');
    }
    const r = await tx.query(
      `UPDATE simpul.app_user SET
         disabled_at = CASE WHEN $2::boolean IS NULL THEN disabled_at WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END,
         full_name = coalesce($3, full_name),
         is_org_admin = coalesce($4::boolean, is_org_admin),
         email = CASE WHEN $5::boolean THEN $6 ELSE email END
       WHERE username = $1 RETURNING ${USER_COLUMNS}`,
      [username, body.disabled ?? null, fullName ?? null, body.orgAdmin ?? null, email !== undefined, email ?? null],
    );
    const after = userFromRow(r.rows[0]);
    const action =
      before.disabled !== after.disabled ? (after.disabled ? 'user.disable' : 'user.enable') : 'user.update';
    await writeAudit(tx, p, {
      action,
      organisation: after.organisation,
      subject: username,
      address,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** Sets a new password for an account the caller manages (the user is not asked for the old one). */
export async function resetPassword(
  db: Db,
  actor: Principal,
  username: string,
  password: unknown,
  address: string | null,
): Promise<UserInfo> {
  const p = signedIn(actor);
  const pw = assertPassword(password, username);
  const hash = await hashPassword(pw);
  return db.transaction(async (tx) => {
    const u = await managedUser(tx, p, username);
    await tx.query('UPDATE simpul.app_user SET password_hash = $2 WHERE id = $1', [u.id, hash]);
    await writeAudit(tx, p, {
      action: 'user.password.reset',
      organisation: u.organisation,
      subject: username,
      address,
    });
    return u;
  });
}

/** A person changes their own password, giving the current one. */
export async function changeOwnPassword(
  db: Db,
  actor: Principal,
  current: unknown,
  next: unknown,
  address: string | null,
): Promise<void> {
  const p = signedIn(actor);
  if (typeof current !== 'string')
    throw new OgcError(
      'InvalidParameterValue',
      'currentPassword: kata sandi sekarang wajib diisi / the current password is required',
      'currentPassword',
    );
  const pw = assertPassword(next, p.username, 'newPassword');
  const stored = await db.query<{ password_hash: string | null }>(
    'SELECT password_hash FROM simpul.app_user WHERE id = $1',
    [p.userId],
  );
  if (!(await verifyPassword(current, stored.rows[0]?.password_hash ?? null))) {
    throw new OgcError('Forbidden', 'Kata sandi sekarang salah / The current password is wrong', 'currentPassword');
  }
  const hash = await hashPassword(pw);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE simpul.app_user SET password_hash = $2 WHERE id = $1', [p.userId, hash]);
    await writeAudit(tx, p, {
      action: 'user.password.change',
      organisation: p.organisation,
      subject: p.username,
      address,
    });
  });
}

export interface TokenInfo {
  id: number;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  expired: boolean;
}

export async function listOwnTokens(db: Queryable, actor: Principal): Promise<TokenInfo[]> {
  const p = signedIn(actor);
  const r = await db.query(
    'SELECT id, label, created_at, expires_at, (expires_at IS NOT NULL AND expires_at <= now()) AS expired FROM simpul.api_token WHERE user_id = $1 ORDER BY id',
    [p.userId],
  );
  return r.rows.map((t: any) => ({
    id: Number(t.id),
    label: t.label,
    createdAt: new Date(t.created_at).toISOString(),
    expiresAt: t.expires_at ? new Date(t.expires_at).toISOString() : null,
    expired: !!t.expired,
  }));
}

/** Issues a token to the caller itself; the token is shown once, in this answer only. */
export async function issueOwnToken(
  db: Db,
  actor: Principal,
  body: Record<string, unknown>,
  address: string | null,
): Promise<TokenInfo & { token: string }> {
  const p = signedIn(actor);
  onlyFields(body, new Set(['label', 'expiresInDays']));
  const label = body.label ?? '';
  if (typeof label !== 'string' || label.length > 200)
    throw new OgcError('InvalidParameterValue', 'label takes text of at most 200 characters', 'label');
  const days = body.expiresInDays ?? TOKEN_DAYS.default;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > TOKEN_DAYS.max) {
    throw new OgcError(
      'InvalidParameterValue',
      `expiresInDays takes a whole number of days from 1 to ${TOKEN_DAYS.max} (default ${TOKEN_DAYS.default})`,
      'expiresInDays',
    );
  }
  return db.transaction(async (tx) => {
    const t = await issueTokenRow(tx, p.username, label, days);
    const info = {
      id: t.id,
      label,
      createdAt: new Date().toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      expired: false,
    };
    await writeAudit(tx, p, {
      action: 'token.issue',
      organisation: p.organisation,
      subject: `${p.username}#${t.id}`,
      address,
      after: { id: t.id, label, expiresAt: info.expiresAt },
    });
    return { ...info, token: t.token };
  });
}

export async function revokeOwnToken(db: Db, actor: Principal, id: number, address: string | null): Promise<void> {
  const p = signedIn(actor);
  await db.transaction(async (tx) => {
    const r = await tx.query(
      'DELETE FROM simpul.api_token WHERE id = $1 AND user_id = $2 RETURNING id, label, expires_at',
      [id, p.userId],
    );
    if (!r.rows.length) throw new OgcError('NotFound', `You have no token ${id}`);
    const t = r.rows[0] as any;
    await writeAudit(tx, p, {
      action: 'token.revoke',
      organisation: p.organisation,
      subject: `${p.username}#${id}`,
      address,
      before: { id, label: t.label, expiresAt: t.expires_at ? new Date(t.expires_at).toISOString() : null },
    });
  });
}

/** Who is asking: `Authorization: Bearer <token>`, or HTTP Basic with a password or with
 *  a token as the password (what QGIS and ArcGIS can send). No credentials: anonymous.
 *  Wrong credentials: 401, never a silent downgrade to anonymous.
 *
 *  Sign-in is bounded: failures are counted per account and per client address and answered
 *  429 with Retry-After once over the allowance (back-off doubling); passwords are hashed a
 *  few at a time (503 with Retry-After when too many wait); unknown users cost the same time
 *  as known ones. Only successes are cached, so a cache never answers a wrong guess. */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { Db } from '../data/db/types.js';
import { ANONYMOUS, type Principal } from '../data/access.js';
import { configurePasswordHashing, dummyHash, principalForPassword, principalForToken } from '../data/users.js';
import type { Config } from './config.js';
import { FailureLimiter, FailureTrail, addressKey } from './sign-in-limits.js';
import { OgcError } from '../data/errors.js';
import { sendProblem } from './edge-errors.js';
import { writeAudit } from '../data/audit.js';

const TTL_MS = 30_000;

type SignInSettings = Pick<
  Config,
  | 'signInAccountFailures'
  | 'signInAddressFailures'
  | 'signInBackoffMs'
  | 'signInBackoffMaxMs'
  | 'passwordHashConcurrency'
  | 'passwordHashQueue'
>;

const DEFAULTS: SignInSettings = {
  signInAccountFailures: 5,
  signInAddressFailures: 30,
  signInBackoffMs: 1000,
  signInBackoffMaxMs: 900_000,
  passwordHashConcurrency: 1,
  passwordHashQueue: 16,
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64');

/** Express sets req.ip from the socket, or from X-Forwarded-For only through the proxies that
 *  SIMPUL_TRUST_PROXY names (app.ts), so a client cannot choose the address it is counted by. */
const clientAddress = (req: Request) => addressKey(req.ip ?? req.socket.remoteAddress);

/** Every node's cache of recent sign-ins, so that a change to an account reaches them all. */
const signInCaches = new Set<LRUCache<string, Principal>>();

/** Forgets the cached sign-ins of a user: after it is disabled, its password changed or a token
 *  revoked, its next request is checked against the database again (no 30 s of grace). */
export function forgetSignIns(userId: number): void {
  for (const cache of signInCaches) {
    for (const [key, p] of cache.entries()) if (p.kind === 'user' && p.userId === userId) cache.delete(key);
  }
}

export type SignInCaches = Pick<Config['caches'], 'signedIn' | 'signInFailures'>;

/** What one password check under the limits came to. */
export type SignInOutcome =
  { principal: Principal } | { principal: null } | { waitMs: number; whose: 'from this address' | 'for this account' };

/** The failed-sign-in limits of one node: per account and per client address, with the audit
 *  trail of failures. The Authorization header and the workspace's sign-in form share one, so
 *  that neither is a way around the other's count. */
export class SignInGuard {
  readonly accounts: FailureLimiter;
  readonly addresses: FailureLimiter;
  private readonly trail: FailureTrail;

  constructor(
    private readonly db: Db,
    settings: Partial<SignInSettings> & { caches?: SignInCaches } = {},
  ) {
    const s = { ...DEFAULTS, ...settings };
    const caches = settings.caches ?? { signedIn: 10_000, signInFailures: 10_000 };
    configurePasswordHashing({ concurrency: s.passwordHashConcurrency, queue: s.passwordHashQueue });
    void dummyHash().catch(() => {}); // ready before the first unknown user asks
    const backoff = { baseMs: s.signInBackoffMs, maxMs: s.signInBackoffMaxMs, maxKeys: caches.signInFailures };
    this.accounts = new FailureLimiter({ ...backoff, allowance: s.signInAccountFailures });
    this.addresses = new FailureLimiter({ ...backoff, allowance: s.signInAddressFailures });
    // Failed sign-ins go to the audit trail, one row per account and address per back-off window
    // (the row counts the failures since the last one), so a flood cannot grow the table unbounded.
    this.trail = new FailureTrail(Math.max(1000, s.signInBackoffMaxMs));
  }

  async recordFailure(
    req: Request,
    tried: string | null,
    method: 'token' | 'password' | 'form' = tried === null ? 'token' : 'password',
  ): Promise<void> {
    const ip = req.ip ?? req.socket.remoteAddress ?? null;
    const failures = this.trail.record(`${tried ?? ''}\u0000${clientAddress(req)}`);
    if (!failures) return;
    try {
      await writeAudit(this.db, ANONYMOUS, {
        action: 'signin.failed',
        subject: tried,
        address: ip,
        after: { failures, method },
      });
    } catch {
      /* the trail is away (database down): the answer is still a refusal */
    }
  }

  /** A username and password from the workspace's form, counted like Basic's. */
  async password(req: Request, username: string, password: string): Promise<SignInOutcome> {
    const address = clientAddress(req);
    const addressWait = this.addresses.begin(address);
    if (addressWait) return { waitMs: addressWait, whose: 'from this address' };
    const account = username.toLowerCase();
    try {
      const accountWait = this.accounts.begin(account);
      if (accountWait) return { waitMs: accountWait, whose: 'for this account' };
      try {
        const p = await principalForPassword(this.db, username, password);
        if (!p) {
          this.addresses.fail(address);
          this.accounts.fail(account);
          await this.recordFailure(req, username.slice(0, 64), 'form');
          return { principal: null };
        }
        this.accounts.forget(account);
        return { principal: p };
      } finally {
        this.accounts.end(account);
      }
    } finally {
      this.addresses.end(address);
    }
  }
}

export function authMiddleware(
  db: Db,
  settings: Partial<SignInSettings> & { caches?: SignInCaches } = {},
  guard = new SignInGuard(db, settings),
) {
  // Sized by the settings (limits.caches), made per node with its app.
  const caches = settings.caches ?? { signedIn: 10_000, signInFailures: 10_000 };
  const { accounts, addresses } = guard;
  // Tile and map clients send the same credentials hundreds of times a second: successes are
  // kept a short while, keyed by a hash of the header (never the password itself).
  const signedIn = new LRUCache<string, Principal>({ max: caches.signedIn, ttl: TTL_MS });
  signInCaches.add(signedIn);
  const recordFailure = (req: Request, tried: string | null) => guard.recordFailure(req, tried);

  const tooMany = (res: Response, waitMs: number, whose: string) => {
    const s = Math.max(1, Math.ceil(waitMs / 1000));
    sendProblem(
      res,
      new OgcError('TooManyRequests', `Too many failed sign-ins ${whose}: try again in ${s} s`, undefined, 429, {
        retryAfter: s,
      }),
    );
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    const h = req.get('authorization');
    if (!h) {
      res.locals.principal = ANONYMOUS;
      return next();
    }
    const key = sha256(h);
    const cached = signedIn.get(key);
    if (cached) {
      res.locals.principal = cached;
      return next();
    }
    const address = clientAddress(req);
    const addressWait = addresses.begin(address);
    if (addressWait) return tooMany(res, addressWait, 'from this address');
    let account: string | undefined;
    let tried: string | null = null;
    try {
      let p: Principal | null = null;
      const m = /^(Bearer|Basic)\s+(\S+)$/i.exec(h.trim());
      if (m && m[1].toLowerCase() === 'bearer') {
        p = await principalForToken(db, m[2]);
      } else if (m) {
        const decoded = Buffer.from(m[2], 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        const user = decoded.slice(0, i);
        const secret = decoded.slice(i + 1);
        tried = user.slice(0, 64);
        if (i > 0) {
          const byToken = secret.startsWith('spl_') ? await principalForToken(db, secret) : null;
          if (byToken && byToken.kind === 'user' && byToken.username === user) {
            p = byToken;
          } else {
            // Unknown usernames are counted like known ones, so a lock-out tells nothing either.
            const accountWait = accounts.begin(user.toLowerCase());
            if (accountWait) return tooMany(res, accountWait, 'for this account');
            account = user.toLowerCase();
            p = await principalForPassword(db, user, secret);
          }
        }
      }
      if (!p) {
        addresses.fail(address);
        if (account !== undefined) accounts.fail(account);
        await recordFailure(req, tried);
        res.set('WWW-Authenticate', 'Basic realm="Simpul", charset="UTF-8"');
        sendProblem(res, new OgcError('Unauthorized', 'Invalid credentials', undefined, 401));
        return;
      }
      if (account !== undefined) accounts.forget(account);
      signedIn.set(key, p);
      res.locals.principal = p;
      next();
    } catch (err) {
      // The password pool is full (data/users.ts): 503 with the time to wait.
      if (err instanceof OgcError) {
        sendProblem(res, err);
        return;
      }
      next(err);
    } finally {
      addresses.end(address);
      if (account !== undefined) accounts.end(account);
    }
  };
}

/** For write routes: the caller must be a signed-in user. */
export function requireUser(req: Request, res: Response, next: NextFunction) {
  if (res.locals.principal?.kind === 'user') return next();
  res.set('WWW-Authenticate', 'Bearer realm="Simpul"');
  sendProblem(res, new OgcError('Unauthorized', 'A token with the right role is required', undefined, 401));
}

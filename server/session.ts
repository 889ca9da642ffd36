/** Cookie sessions of the workspace, and CSRF protection for what they authorise.
 *  A live session's user becomes the request's principal (res.locals.principal), the very
 *  Principal Basic and token sign-ins give, so every route and data/access.ts treat it alike.
 *  A request with an Authorization header is judged by the header alone. Every state-changing
 *  request a cookie authorises must carry the session's CSRF token (synchronizer token) in the
 *  X-CSRF-Token header or the `_csrf` form field, else 403: another site's page can make the
 *  browser send the cookie, not read the token. */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { findSession, type Session, type SessionLimits } from '../data/session-store.js';
import type { Db } from '../data/db/types.js';
import { OgcError } from '../data/errors.js';
import { sendProblem } from './edge-errors.js';
import { sendPage } from './web/render.js';

export const SESSION_COOKIE = 'simpul_session';
/** The sign-in form's token before there is a session (double submit: cookie and field). */
export const SIGN_IN_COOKIE = 'simpul_signin';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One cookie's value from the Cookie header. */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** HttpOnly, SameSite=Lax, Secure when the request came over HTTPS (req.secure reads
 *  X-Forwarded-Proto only through the proxies SIMPUL_TRUST_PROXY names). */
export const cookieOptions = (req: Request, maxAge?: number) => ({
  httpOnly: true,
  secure: req.secure,
  sameSite: 'lax' as const,
  path: '/',
  ...(maxAge ? { maxAge } : {}),
});

export const sameToken = (a: unknown, b: string): boolean => {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
};

/** The CSRF token a request carries: header (htmx, fetch) or form field. */
export const csrfOf = (req: Request): unknown =>
  req.get('x-csrf-token') ??
  (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)._csrf : undefined);

export const sessionOf = (res: Response): Session | undefined => res.locals.session as Session | undefined;

export function sessionMiddleware(db: Db, limits: SessionLimits) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const secret = cookieOf(req, SESSION_COOKIE);
    if (!secret || req.get('authorization')) return next();
    try {
      const s = await findSession(db, secret, limits);
      if (!s) {
        // Ended or expired: the workspace sends the browser to sign in again.
        res.locals.sessionExpired = true;
        return next();
      }
      if (!SAFE.has(req.method) && !sameToken(csrfOf(req), s.csrf)) {
        const msg =
          'This form or call lacks its CSRF token: reload the page / Token CSRF tidak ada atau salah: muat ulang halaman';
        if (req.path.startsWith('/workspace'))
          sendPage(req, res, 'error', { title: '403', status: 403, heading: '403', detail: msg }, 403);
        else sendProblem(res, new OgcError('Forbidden', msg, undefined, 403));
        return;
      }
      res.locals.session = s;
      res.locals.principal = s.principal;
      next();
    } catch (err) {
      next(err);
    }
  };
}

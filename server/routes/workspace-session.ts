/** Signing in to and out of the workspace. The form's username and password are checked under
 *  the same failed-sign-in limits as Basic (server/auth.ts SignInGuard); a success starts a
 *  session in the database (data/session-store.ts) and sets its HttpOnly cookie. The form itself
 *  carries a token tied to a cookie (double submit), so no other site can sign a browser in. */
import { randomBytes } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { endSession, startSession } from '../../data/session-store.js';
import { OgcError } from '../../data/errors.js';
import type { SignInGuard } from '../auth.js';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE, SIGN_IN_COOKIE, cookieOf, cookieOptions, sameToken, sessionOf } from '../session.js';
import { localNext, sendWorkspace } from '../web/workspace/page.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';

const FORM_MINUTES = 60;

export function mountWorkspaceSession(router: Router, ctx: AppContext, guard: SignInGuard): void {
  const limits = { idleMs: ctx.config.sessionIdleMs, maxMs: ctx.config.sessionMaxMs };

  const form = (req: Request, res: Response, status: number, error?: string, username = '') => {
    const token = cookieOf(req, SIGN_IN_COOKIE) ?? randomBytes(24).toString('base64url');
    res.cookie(SIGN_IN_COOKIE, token, cookieOptions(req, FORM_MINUTES * 60_000));
    const lang = pageLanguage(req, res);
    const expired = req.query.expired === '1' && !error ? w(lang, 'sessionExpired') : undefined;
    sendWorkspace(
      req,
      res,
      'ws-signin',
      {
        title: w(lang, 'signInTitle'),
        formToken: token,
        next: localNext(req.query.next ?? req.body?.next),
        error,
        notice: expired,
        username,
      },
      status,
    );
  };

  router.get('/workspace/sign-in', (req, res) => {
    if (sessionOf(res)) return res.redirect(303, localNext(req.query.next));
    form(req, res, 200);
  });

  router.post('/workspace/sign-in', async (req, res, next) => {
    try {
      const lang = pageLanguage(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const cookie = cookieOf(req, SIGN_IN_COOKIE);
      if (!cookie || !sameToken(body._csrf, cookie)) return form(req, res, 403, w(lang, 'formExpired'));
      const username = typeof body.username === 'string' ? body.username.trim() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      if (!username || !password) return form(req, res, 400, w(lang, 'badCredentials'), username);
      let outcome;
      try {
        outcome = await guard.password(req, username.slice(0, 200), password);
      } catch (err) {
        // The password pool is full (data/users.ts): a 503 with Retry-After.
        if (err instanceof OgcError && err.status === 503) {
          res.set('Retry-After', '1');
          return form(req, res, 503, w(lang, 'busy'), username);
        }
        throw err;
      }
      if ('waitMs' in outcome) {
        const s = Math.max(1, Math.ceil(outcome.waitMs / 1000));
        res.set('Retry-After', String(s));
        return form(req, res, 429, w(lang, 'tooMany', { s }), username);
      }
      if (!outcome.principal) return form(req, res, 401, w(lang, 'badCredentials'), username);
      const { secret } = await startSession(ctx.db, outcome.principal, req.ip ?? null, limits);
      res.cookie(SESSION_COOKIE, secret, cookieOptions(req, limits.maxMs));
      res.clearCookie(SIGN_IN_COOKIE, { path: '/' });
      res.redirect(303, localNext(body.next));
    } catch (err) {
      next(err);
    }
  });

  // Sign-out is a POST with the session's CSRF token (checked by server/session.ts).
  router.post('/workspace/sign-out', async (req, res, next) => {
    try {
      const s = sessionOf(res);
      if (s) await endSession(ctx.db, s, req.ip ?? null);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      if (req.get('hx-request')) res.set('HX-Redirect', '/workspace/sign-in').status(204).end();
      else res.redirect(303, '/workspace/sign-in');
    } catch (err) {
      next(err);
    }
  });
}

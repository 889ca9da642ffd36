/** Accounts and tokens over the JSON API (data/people.ts keeps the rules):
 *  - the walidata and admins manage every account (admins' only by admins), an organisation's
 *    admin its own organisation's produsen and pembina: list, create, disable/re-enable, reset;
 *  - everyone signed in reads itself, changes its own password (giving the current one) and
 *    lists, issues and revokes its own tokens.
 *  A change that takes rights away (disable, new password, revoked token) also drops the
 *  account's cached sign-ins and (but for the caller's own) its workspace sessions, so it takes
 *  effect on the next request. */
import type { NextFunction, Request, Response, Router } from 'express';
import { OgcError } from '../../data/errors.js';
import {
  changeOwnPassword,
  changeUser,
  createUser,
  getUserFor,
  issueOwnToken,
  listOwnTokens,
  listUsersFor,
  resetPassword,
  revokeOwnToken,
} from '../../data/people.js';
import { forgetSignIns, requireUser } from '../auth.js';
import { endSessionsOf } from '../../data/session-store.js';
import { sessionOf } from '../session.js';
import { principalOf, type AppContext } from '../context.js';

/** The client's address for the audit trail (req.ip: the socket's, or the trusted proxy's X-Forwarded-For). */
export const clientIp = (req: Request): string | null => req.ip ?? req.socket.remoteAddress ?? null;

/** The JSON body as an object, or 400. */
export function jsonObject(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b))
    throw new OgcError('InvalidParameterValue', 'Send a JSON object (Content-Type: application/json)');
  return b as Record<string, unknown>;
}

/** Runs a handler; an OgcError becomes `{code, description, locator, details}` with its status
 *  (details carry e.g. the password rules broken), anything else goes to the app's handler. */
export function json(handler: (req: Request, res: Response) => Promise<unknown>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const body = await handler(req, res);
      if (!res.headersSent) res.json(body);
    } catch (err) {
      if (!(err instanceof OgcError) || err.status >= 500 || res.headersSent) return next(err);
      if (err.status === 401) res.set('WWW-Authenticate', 'Bearer realm="Simpul"');
      res.status(err.status).json({
        code: err.code,
        description: err.message,
        ...(err.locator ? { locator: err.locator } : {}),
        ...(err.extra.details ? { details: err.extra.details } : {}),
      });
    }
  };
}

export function mountUsers(router: Router, ctx: AppContext): void {
  const { db } = ctx;
  const name = (req: Request) => String(req.params.username);

  router.get(
    '/api/users',
    requireUser,
    json(async (req, res) => ({
      users: await listUsersFor(
        db,
        principalOf(res),
        typeof req.query.organisation === 'string' ? req.query.organisation : undefined,
      ),
    })),
  );
  router.post(
    '/api/users',
    requireUser,
    json(async (req, res) => {
      const u = await createUser(db, principalOf(res), jsonObject(req), clientIp(req));
      res.status(201).location(`/api/users/${encodeURIComponent(u.username)}`);
      return u;
    }),
  );
  router.get(
    '/api/users/:username',
    requireUser,
    json(async (req, res) => getUserFor(db, principalOf(res), name(req))),
  );
  router.patch(
    '/api/users/:username',
    requireUser,
    json(async (req, res) => {
      const u = await changeUser(db, principalOf(res), name(req), jsonObject(req), clientIp(req));
      forgetSignIns(u.id);
      if (u.disabled) await endSessionsOf(db, u.id);
      return u;
    }),
  );
  router.put(
    '/api/users/:username/password',
    requireUser,
    json(async (req, res) => {
      const u = await resetPassword(db, principalOf(res), name(req), jsonObject(req).password, clientIp(req));
      forgetSignIns(u.id);
      await endSessionsOf(db, u.id);
      return { username: u.username, passwordReset: true };
    }),
  );

  router.get(
    '/api/me',
    requireUser,
    json(async (_req, res) => {
      const p = principalOf(res);
      return p.kind === 'user' ? getUserFor(db, p, p.username) : undefined;
    }),
  );
  router.put(
    '/api/me/password',
    requireUser,
    json(async (req, res) => {
      const body = jsonObject(req);
      const p = principalOf(res);
      await changeOwnPassword(db, p, body.currentPassword, body.newPassword, clientIp(req));
      if (p.kind === 'user') forgetSignIns(p.userId);
      // Other workspace sessions end with the old password (the one making the change, if any, stays).
      if (p.kind === 'user') await endSessionsOf(db, p.userId, sessionOf(res)?.id);
      return { passwordChanged: true };
    }),
  );
  router.get(
    '/api/me/tokens',
    requireUser,
    json(async (_req, res) => ({ tokens: await listOwnTokens(db, principalOf(res)) })),
  );
  router.post(
    '/api/me/tokens',
    requireUser,
    json(async (req, res) => {
      const t = await issueOwnToken(db, principalOf(res), req.body === undefined ? {} : jsonObject(req), clientIp(req));
      res.status(201).set('Cache-Control', 'no-store');
      return t;
    }),
  );
  router.delete(
    '/api/me/tokens/:id',
    requireUser,
    json(async (req, res) => {
      const id = Number(req.params.id);
      if (!Number.isSafeInteger(id) || id < 1)
        throw new OgcError('NotFound', `You have no token ${String(req.params.id)}`);
      const p = principalOf(res);
      await revokeOwnToken(db, p, id, clientIp(req));
      if (p.kind === 'user') forgetSignIns(p.userId);
      res.status(204).end();
    }),
  );
}

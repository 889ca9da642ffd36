/** The workspace's own-account page: who I am, my password, my API tokens (issued once, with
 *  how to use one from QGIS and ArcGIS over Basic authentication). Same data/people.ts functions
 *  as /api/me. A new password ends this account's other sessions and cached sign-ins. */
import type { Request, Response, Router } from 'express';
import { changeOwnPassword, getUserFor, issueOwnToken, listOwnTokens, revokeOwnToken } from '../../data/people.js';
import { endSessionsOf } from '../../data/session-store.js';
import { forgetSignIns } from '../auth.js';
import { baseUrlOf, type AppContext } from '../context.js';
import { sessionOf } from '../session.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { attempt, type FieldError } from '../web/workspace/form-errors.js';
import { requireSession, sendWorkspace, userOf } from '../web/workspace/page.js';
import { clientIp } from './users.js';

interface AccountExtra {
  error?: FieldError & { form: 'password' | 'token' };
  done?: string;
  issued?: { token: string; label: string };
}

export function mountWorkspaceAccount(router: Router, ctx: AppContext): void {
  const show = async (req: Request, res: Response, extra: AccountExtra = {}, status = 200) => {
    const p = userOf(res);
    const lang = pageLanguage(req, res);
    const base = baseUrlOf(res);
    if (extra.issued) res.set('Cache-Control', 'no-store');
    sendWorkspace(
      req,
      res,
      'ws-account',
      {
        title: w(lang, 'accountTitle'),
        me: await getUserFor(ctx.db, p, p.username),
        orgName: (p.organisation && ctx.catalogue.organisation(p.organisation)?.name) ?? p.organisation ?? '',
        tokens: await listOwnTokens(ctx.db, p),
        wmsUrl: `${base}/wms`,
        ...extra,
      },
      status,
    );
  };

  router.get('/workspace/account', requireSession, async (req, res, next) => {
    try {
      await show(req, res, {
        done: req.query.done === 'revoked' ? w(pageLanguage(req, res), 'tokenRevoked') : undefined,
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/workspace/account/password', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const r = await attempt(lang, () =>
        changeOwnPassword(ctx.db, p, req.body?.currentPassword, req.body?.newPassword, clientIp(req)),
      );
      if (r.error) return await show(req, res, { error: { ...r.error, form: 'password' } }, r.status);
      await endSessionsOf(ctx.db, p.userId, sessionOf(res)!.id);
      forgetSignIns(p.userId);
      await show(req, res, { done: w(lang, 'passwordChanged') });
    } catch (err) {
      next(err);
    }
  });

  router.post('/workspace/account/tokens', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const days = String(req.body?.expiresInDays ?? '').trim();
      const body = {
        label: String(req.body?.label ?? '').trim(),
        ...(days ? { expiresInDays: /^\d+$/.test(days) ? Number(days) : days } : {}),
      };
      const r = await attempt(lang, () => issueOwnToken(ctx.db, p, body, clientIp(req)));
      if (r.error) return await show(req, res, { error: { ...r.error, form: 'token' } }, r.status);
      await show(req, res, { issued: { token: r.ok.token, label: r.ok.label } }, 201);
    } catch (err) {
      next(err);
    }
  });

  router.post('/workspace/account/tokens/:id/revoke', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const id = Number(req.params.id);
      const r = await attempt(pageLanguage(req, res), () =>
        revokeOwnToken(ctx.db, p, Number.isSafeInteger(id) ? id : -1, clientIp(req)),
      );
      if (r.error) return await show(req, res, { error: { ...r.error, form: 'token' } }, r.status);
      forgetSignIns(p.userId);
      res.redirect(303, '/workspace/account?done=revoked');
    } catch (err) {
      next(err);
    }
  });
}

/** What every workspace page shares: the signed-in user, the CSRF token for its forms and htmx
 *  calls, the workspace's strings, and the gate that sends a visitor without a live session to
 *  the sign-in page (a browser is redirected, an htmx call told with HX-Redirect). */
import type { NextFunction, Request, Response } from 'express';
import { canWrite, type Principal } from '../../../data/access.js';
import type { Catalogue } from '../../../data/catalogue/catalogue.js';
import type { Layer } from '../../../data/catalogue/layer.js';
import { pageLanguage, sendPage } from '../render.js';
import { w, when } from '../i18n-workspace.js';
import { SESSION_COOKIE, sessionOf } from '../../session.js';

export type User = Extract<Principal, { kind: 'user' }>;

/** The workspace's style sheet; a page with its own adds it after this. */
export const WORKSPACE_HEAD = '<link rel="stylesheet" href="/assets/workspace.css">';

/** A path inside the workspace to come back to after signing in (never another site). */
export const localNext = (v: unknown): string =>
  typeof v === 'string' && /^\/workspace(?:[/?#]|$)/.test(v) && !v.includes('//') ? v : '/workspace';

export function signInUrl(req: Request, expired = false): string {
  const p = new URLSearchParams({ next: req.originalUrl });
  if (expired) p.set('expired', '1');
  return `/workspace/sign-in?${p}`;
}

/** Only with a live session: else to the sign-in page, with where to come back. */
export function requireSession(req: Request, res: Response, next: NextFunction): void {
  if (sessionOf(res)) return next();
  const expired = !!res.locals.sessionExpired;
  // The ended session's cookie is worth nothing any more: let the browser forget it.
  if (expired) res.clearCookie(SESSION_COOKIE, { path: '/' });
  const to = signInUrl(req, expired);
  if (req.get('hx-request')) {
    res.set('HX-Redirect', to).status(401).end();
    return;
  }
  res.redirect(303, to);
}

export const userOf = (res: Response): User => sessionOf(res)!.principal;

/** Sends a workspace page: `template` inside the portal's layout, with `w` (strings), `when`
 *  (dates), the user and the CSRF token. `partial` for htmx: the template alone. */
export function sendWorkspace(
  req: Request,
  res: Response,
  template: string,
  data: Record<string, unknown> & { title: string },
  status = 200,
): void {
  const lang = pageLanguage(req, res);
  const s = sessionOf(res);
  sendPage(
    req,
    res,
    template,
    {
      head: WORKSPACE_HEAD,
      w: (key: string, vars?: Record<string, string | number>) => w(lang, key, vars),
      when: (d: Date | string | null | undefined) => when(lang, d),
      user: s?.principal ?? null,
      csrf: s?.csrf ?? '',
      partial: !!req.get('hx-request') && !req.get('hx-boosted'),
      ...data,
    },
    status,
  );
}

/** A workspace page the user may not see, or that is not there: 404, as on the API. */
export function notFoundPage(req: Request, res: Response): void {
  const lang = pageLanguage(req, res);
  sendWorkspace(
    req,
    res,
    'error',
    {
      title: '404',
      status: 404,
      heading: lang === 'en' ? 'Not found' : 'Tidak ditemukan',
      detail: req.path,
      partial: false,
    },
    404,
  );
}

/** The layer a workspace editor names in its path and whether the user may write it; a produsen
 *  who may not write it gets the 404 page (other organisations' drafts stay unseen), others read
 *  the form disabled. Undefined once the 404 is sent. */
export function editableLayer(
  catalogue: Pick<Catalogue, 'find'>,
  req: Request,
  res: Response,
): { layer: Layer; writable: boolean } | undefined {
  const p = userOf(res);
  const layer = catalogue.find(p, String(req.params.name));
  const writable = !!layer && canWrite(p, layer.organisation);
  if (!layer || (!writable && p.role === 'produsen')) {
    notFoundPage(req, res);
    return undefined;
  }
  return { layer, writable };
}

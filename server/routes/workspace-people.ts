/** The workspace's pages for people and organisations: the walidata and admins manage every
 *  account and profile, an organisation's admin its own (data/access.ts canManageUser,
 *  canEditOrganisation; data/people.ts and data/organisation-profiles.ts decide, as for the JSON
 *  API). Disabling an account or resetting its password ends its sessions and cached sign-ins. */
import type { Request, Response, Router } from 'express';
import { canEditOrganisation, ROLES } from '../../data/access.js';
import { OgcError } from '../../data/errors.js';
import { ORGANISATION_FIELDS, organisationJson, updateOrganisation } from '../../data/organisation-profiles.js';
import { changeUser, createUser, listUsersFor, resetPassword } from '../../data/people.js';
import { endSessionsOf } from '../../data/session-store.js';
import { forgetSignIns } from '../auth.js';
import type { AppContext } from '../context.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { attempt, type FieldError } from '../web/workspace/form-errors.js';
import { requireSession, sendWorkspace, userOf, type User } from '../web/workspace/page.js';
import { clientIp } from './users.js';

/** The profile fields a person edits here (kind stays with the JSON API). */
const PROFILE_FIELDS = [
  'name',
  'acronym',
  'address',
  'phone',
  'email',
  'website',
  'contactName',
  'contactPosition',
] as const;

const keeper = (p: User) => p.role === 'admin' || p.role === 'walidata';
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function mountWorkspacePeople(router: Router, ctx: AppContext): void {
  const forbidden = (req: Request, res: Response) => {
    const lang = pageLanguage(req, res);
    sendWorkspace(req, res, 'error', { title: '403', status: 403, heading: w(lang, 'notAllowed'), detail: '' }, 403);
  };

  // ---- users
  const users = async (
    req: Request,
    res: Response,
    extra: { error?: FieldError & { form: string }; done?: string; draft?: Record<string, string> } = {},
    status = 200,
  ) => {
    const p = userOf(res);
    const lang = pageLanguage(req, res);
    const organisation = keeper(p) ? str(req.query.organisation) || undefined : undefined;
    sendWorkspace(
      req,
      res,
      'ws-users',
      {
        title: w(lang, 'usersTitle'),
        list: await listUsersFor(ctx.db, p, organisation),
        organisation: organisation ?? '',
        orgs: ctx.catalogue.organisations().map((o) => ({ code: o.code, name: o.name })),
        keeper: keeper(p),
        roles: keeper(p) ? ROLES.filter((r) => p.role === 'admin' || r !== 'admin') : ['produsen', 'pembina'],
        draft: extra.draft ?? {},
        ...extra,
      },
      status,
    );
  };
  const mayList = (p: User) => keeper(p) || !!p.orgAdmin;

  router.get('/workspace/users', requireSession, async (req, res, next) => {
    try {
      if (!mayList(userOf(res))) return forbidden(req, res);
      await users(req, res, {
        done:
          typeof req.query.done === 'string'
            ? w(pageLanguage(req, res), 'userChanged', { user: req.query.done.slice(0, 64) })
            : undefined,
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/workspace/users', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      if (!mayList(p)) return forbidden(req, res);
      const lang = pageLanguage(req, res);
      const draft = {
        username: str(req.body?.username),
        fullName: str(req.body?.fullName),
        role: str(req.body?.role),
        organisation: str(req.body?.organisation),
      };
      const body = {
        username: draft.username,
        fullName: draft.fullName,
        role: draft.role,
        password: typeof req.body?.password === 'string' ? req.body.password : undefined,
        ...(draft.organisation ? { organisation: draft.organisation } : {}),
      };
      const r = await attempt(lang, () => createUser(ctx.db, p, body, clientIp(req)));
      if (r.error) return await users(req, res, { error: { ...r.error, form: 'create' }, draft }, r.status);
      await users(req, res, { done: w(lang, 'userCreated', { user: r.ok.username }) }, 201);
    } catch (err) {
      next(err);
    }
  });

  // Disable / enable, and reset the password: each ends the account's sessions.
  router.post('/workspace/users/:username/:change', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      if (!mayList(p)) return forbidden(req, res);
      const lang = pageLanguage(req, res);
      const username = String(req.params.username);
      const change = String(req.params.change);
      const run =
        change === 'disable' || change === 'enable'
          ? () => changeUser(ctx.db, p, username, { disabled: change === 'disable' }, clientIp(req))
          : change === 'password'
            ? () => resetPassword(ctx.db, p, username, req.body?.password, clientIp(req))
            : null;
      if (!run) throw new OgcError('NotFound', `No change ${change}`, undefined, 404);
      const r = await attempt(lang, run);
      if (r.error)
        return await users(
          req,
          res,
          {
            error: {
              ...r.error,
              field: r.error.field === 'password' ? `password-${username}` : r.error.field,
              form: username,
            },
          },
          r.status,
        );
      if (change !== 'enable') await endSessionsOf(ctx.db, r.ok.id);
      forgetSignIns(r.ok.id);
      const done =
        change === 'password'
          ? w(lang, 'passwordReset', { user: username })
          : w(lang, 'userChanged', { user: username });
      await users(req, res, { done });
    } catch (err) {
      next(err);
    }
  });

  // ---- organisation profile
  const profile = async (
    req: Request,
    res: Response,
    code: string,
    extra: { error?: FieldError; done?: string; draft?: Record<string, string> } = {},
    status = 200,
  ) => {
    const p = userOf(res);
    const lang = pageLanguage(req, res);
    const o = ctx.catalogue.organisation(code);
    if (!o || !canEditOrganisation(p, code)) return forbidden(req, res);
    const current = organisationJson(o) as Record<string, unknown>;
    const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, extra.draft?.[f] ?? String(current[f] ?? '')]));
    sendWorkspace(
      req,
      res,
      'ws-organisation',
      {
        title: w(lang, 'orgTitle'),
        org: o,
        fields: PROFILE_FIELDS.map((f) => ({
          name: f,
          nullable: ORGANISATION_FIELDS.get(f)!.nullable,
          value: values[f],
        })),
        orgs: keeper(p) ? ctx.catalogue.organisations().map((x) => ({ code: x.code, name: x.name })) : [],
        ...extra,
      },
      status,
    );
  };

  router.get('/workspace/organisation', requireSession, (req, res) => {
    const p = userOf(res);
    const code = keeper(p) ? str(req.query.code) || p.organisation : p.organisation;
    if (!code) return forbidden(req, res);
    res.redirect(303, `/workspace/organisations/${encodeURIComponent(code)}`);
  });

  router.get('/workspace/organisations/:code', requireSession, async (req, res, next) => {
    try {
      await profile(req, res, String(req.params.code), {
        done: req.query.saved ? w(pageLanguage(req, res), 'saved') : undefined,
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/workspace/organisations/:code', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const code = String(req.params.code);
      const lang = pageLanguage(req, res);
      const o = ctx.catalogue.organisation(code);
      if (!o || !canEditOrganisation(p, code)) return forbidden(req, res);
      const current = organisationJson(o) as Record<string, unknown>;
      // Only what changed is sent; an emptied optional field becomes "unknown" (null).
      const draft: Record<string, string> = {};
      const patch: Record<string, unknown> = {};
      for (const f of PROFILE_FIELDS) {
        const v = str(req.body?.[f]);
        draft[f] = v;
        if (v !== String(current[f] ?? '')) patch[f] = v === '' && ORGANISATION_FIELDS.get(f)!.nullable ? null : v;
      }
      if (!Object.keys(patch).length)
        return res.redirect(303, `/workspace/organisations/${encodeURIComponent(code)}?saved=1`);
      const r = await attempt(lang, () => updateOrganisation(ctx.db, p, code, patch, clientIp(req)));
      if (r.error) return await profile(req, res, code, { error: r.error, draft }, r.status);
      await ctx.catalogue.reload();
      res.redirect(303, `/workspace/organisations/${encodeURIComponent(code)}?saved=1`);
    } catch (err) {
      next(err);
    }
  });
}

/** The audit trail in the workspace: filtered by layer, organisation, user, action and date,
 *  newest first, paged; the same reading rules as GET /api/audit (the walidata, pembina and
 *  admins read all of it, a produsen its own organisation's). */
import type { Router } from 'express';
import { queryAudit } from '../../data/audit.js';
import type { AppContext } from '../context.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { requireSession, sendWorkspace, userOf } from '../web/workspace/page.js';

const PAGE = 50;
const READS_ALL = new Set(['walidata', 'pembina', 'admin']);
const FILTERS = ['layer', 'organisation', 'user', 'action', 'since', 'until'] as const;

/** A day (YYYY-MM-DD) as the start or the end of that day, UTC; anything else is an error. */
function day(v: string, end: boolean): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T${end ? '23:59:59.999' : '00:00:00'}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function mountWorkspaceAudit(router: Router, ctx: AppContext): void {
  router.get('/workspace/audit', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const f = Object.fromEntries(
        FILTERS.map((k) => [k, typeof req.query[k] === 'string' ? (req.query[k] as string).trim().slice(0, 200) : '']),
      ) as Record<(typeof FILTERS)[number], string>;
      const errors: Record<string, string> = {};
      const since = f.since ? day(f.since, false) : null;
      const until = f.until ? day(f.until, true) : null;
      if (f.since && !since) errors.since = w(lang, 'badDate');
      if (f.until && !until) errors.until = w(lang, 'badDate');
      const page = Math.max(1, Math.min(100_000, Number.parseInt(String(req.query.page ?? '1'), 10) || 1));
      // A layer that still exists is found by its id (its rows keep it across renames); a gone one by name.
      const layer = f.layer ? ctx.catalogue.find(p, f.layer) : undefined;
      const r = Object.keys(errors).length
        ? { entries: [], numberMatched: 0 }
        : await queryAudit(ctx.db, {
            layerId: layer?.id,
            layerName: layer ? undefined : f.layer || undefined,
            organisation: f.organisation || undefined,
            actor: f.user || undefined,
            action: f.action || undefined,
            since: since ?? undefined,
            until: until ?? undefined,
            scope: READS_ALL.has(p.role) ? undefined : (p.organisation ?? '-'),
            limit: PAGE,
            offset: (page - 1) * PAGE,
          });
      sendWorkspace(
        req,
        res,
        'ws-audit',
        {
          title: w(lang, 'auditTitle'),
          f,
          errors,
          entries: r.entries,
          matched: r.numberMatched,
          page,
          pages: Math.max(1, Math.ceil(r.numberMatched / PAGE)),
          orgs: ctx.catalogue.organisations().map((o) => ({ code: o.code, name: o.name })),
          readsAll: READS_ALL.has(p.role),
        },
        Object.keys(errors).length ? 400 : 200,
      );
    } catch (err) {
      next(err);
    }
  });
}

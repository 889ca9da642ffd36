/** The workspace's dashboard: the caller's layers by status (a produsen its organisation's,
 *  the reviewers every layer they see) and the workflow's steps per week, as charts (Chart.js,
 *  served by the node) with the same figures in tables for those who do not see the charts. */
import type { Router } from 'express';
import { LAYER_STATUSES } from '../../data/access.js';
import { COUNTED_STEPS, stepsByWeek } from '../../data/workspace-stats.js';
import type { AppContext } from '../context.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { requireSession, sendWorkspace, userOf } from '../web/workspace/page.js';

const WEEKS = 12;

/** The Mondays of the last `n` weeks, oldest first (UTC, as the database's date_trunc). */
function mondays(n: number, now = new Date()): string[] {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return Array.from({ length: n }, (_, i) =>
    new Date(d.getTime() - (n - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

export function mountWorkspaceDashboard(router: Router, ctx: AppContext): void {
  router.get('/workspace/dashboard', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const own = p.role === 'produsen';
      const layers = ctx.catalogue.visibleLayers(p).filter((l) => !own || l.organisation === p.organisation);
      const byStatus = LAYER_STATUSES.map((s) => ({
        status: s,
        label: w(lang, `status_${s}`),
        n: layers.filter((l) => l.status === s).length,
      }));
      const weeks = mondays(WEEKS);
      const counts = await stepsByWeek(ctx.db, WEEKS, own ? (p.organisation ?? '-') : undefined);
      const steps = COUNTED_STEPS.map((action) => ({
        action,
        label: w(lang, `action_${action.slice('layer.'.length)}`),
        values: weeks.map((week) => counts.find((c) => c.week === week && c.action === action)?.n ?? 0),
      }));
      sendWorkspace(req, res, 'ws-dashboard', {
        title: w(lang, 'dashboardTitle'),
        byStatus,
        total: layers.length,
        weeks,
        steps,
        chartData: JSON.stringify({ byStatus, weeks, steps, layersLabel: w(lang, 'layersAxis') }).replace(
          /</g,
          '\\u003c',
        ),
      });
    } catch (err) {
      next(err);
    }
  });
}

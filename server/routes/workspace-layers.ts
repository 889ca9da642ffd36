/** The workspace's home and layer pages: a produsen's own layers by status (searched and paged
 *  on the server), the reviewers' queue with each layer's standard check, and the workflow's
 *  steps as forms (htmx swaps the layer's card; without JS the form posts and redirects). The
 *  pages call the same data/ functions as the JSON API (routes/workflow.ts), never HTTP. */
import type { Request, Response, Router } from 'express';
import {
  actionsFor,
  canSeeVersions,
  canWrite,
  LAYER_STATUSES,
  transitionOf,
  type LayerStatus,
} from '../../data/access.js';
import { queryAudit } from '../../data/audit.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { gateOf, inbox, INBOX_KINDS, takeStep, type InboxKind } from '../../data/layers/workflow.js';
import type { Missing } from '../../data/layers/standard.js';
import type { AppContext } from '../context.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { notFoundPage, requireSession, sendWorkspace, userOf, type User } from '../web/workspace/page.js';
import { workflowOptions } from './workflow.js';

const PAGE = 25;
/** A produsen's list: what came back to it first, then what it is still drafting. */
const STATUS_ORDER: Record<LayerStatus, number> = {
  returned: 0,
  draft: 1,
  submitted: 2,
  verified: 3,
  published: 4,
  retired: 5,
};

const orgName = (ctx: AppContext, code: string) => ctx.catalogue.organisation(code)?.name ?? code;
/** Lower case without accents: "Pendidikan" finds "pendidikan", "jalan" finds "Jalan". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const pageNumber = (v: unknown) => {
  const n = Number(v ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};
const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 200) : '');

/** What a form's error says, in the person's language, and which field it belongs to. */
export interface StepError {
  field: 'note' | 'form';
  message: string;
  missing?: Missing[];
}

function stepError(lang: 'id' | 'en', err: OgcError): StepError {
  if (err.locator === 'note')
    return { field: 'note', message: w(lang, err.message.includes('2000') ? 'noteTooLong' : 'noteRequired') };
  const missing = (err.extra.details as { missing?: Missing[] } | undefined)?.missing;
  if (missing) return { field: 'form', message: w(lang, 'gateRefused'), missing };
  if (err.status === 409)
    return {
      field: 'form',
      message: w(lang, 'wrongStatus', {
        status: String((err.extra.details as { status?: string } | undefined)?.status ?? ''),
      }),
    };
  if (err.status === 403) return { field: 'form', message: w(lang, 'notAllowed') };
  return { field: 'form', message: err.message };
}

/** What a card's step form came from: the review page gets the answer back (else the layer page). */
const backTo = (v: unknown): 'review' | undefined => (v === 'review' ? 'review' : undefined);

/** The data of one layer's card: its status, what the standard says, the steps open to the user. */
export const cardData = async (
  ctx: AppContext,
  p: User,
  layer: Layer,
  extra: { error?: StepError; done?: string; note?: string; back?: 'review' } = {},
) => ({
  layer,
  missing: await gateOf(ctx.db, layer),
  actions: actionsFor(p, layer, workflowOptions(ctx)).map((a) => transitionOf(a)!),
  compare: canSeeVersions(p, layer),
  ...extra,
});

export function mountWorkspaceLayers(router: Router, ctx: AppContext): void {
  const options = () => workflowOptions(ctx);
  const card = (p: User, layer: Layer, extra: Parameters<typeof cardData>[3] = {}) => cardData(ctx, p, layer, extra);

  router.get('/workspace', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      if (p.role === 'produsen') await ownLayers(req, res, p);
      else await reviewQueue(req, res, p);
    } catch (err) {
      next(err);
    }
  });

  async function ownLayers(req: Request, res: Response, p: User) {
    const lang = pageLanguage(req, res);
    const q = text(req.query.q);
    const status = (LAYER_STATUSES as readonly string[]).includes(String(req.query.status))
      ? (req.query.status as LayerStatus)
      : null;
    const own = ctx.catalogue.visibleLayers(p).filter((l) => l.organisation === p.organisation);
    const counts = Object.fromEntries(LAYER_STATUSES.map((s) => [s, own.filter((l) => l.status === s).length]));
    const needle = fold(q);
    const matched = own
      .filter((l) => (!status || l.status === status) && (!needle || fold(`${l.title} ${l.name}`).includes(needle)))
      .sort(
        (a, b) =>
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
          b.updatedAt.getTime() - a.updatedAt.getTime() ||
          a.name.localeCompare(b.name),
      );
    const pages = Math.max(1, Math.ceil(matched.length / PAGE));
    const page = Math.min(pageNumber(req.query.page), pages);
    sendWorkspace(req, res, 'ws-produsen', {
      title: w(lang, 'workspace'),
      org: orgName(ctx, p.organisation ?? ''),
      q,
      status,
      counts,
      total: own.length,
      matched: matched.length,
      items: matched.slice((page - 1) * PAGE, page * PAGE),
      page,
      pages,
      statuses: LAYER_STATUSES,
    });
  }

  async function reviewQueue(req: Request, res: Response, p: User) {
    const lang = pageLanguage(req, res);
    const organisation = text(req.query.organisation) || undefined;
    const kind = (INBOX_KINDS as readonly string[]).includes(String(req.query.kind))
      ? (req.query.kind as InboxKind)
      : 'submitted';
    const visible = ctx.catalogue.visibleLayers(p);
    const page0 = pageNumber(req.query.page);
    const all = inbox(p, visible, { kinds: [kind], limit: 0, offset: 0 }, options());
    const orgs = [...new Set(visible.map((l) => l.organisation))]
      .sort()
      .map((code) => ({ code, name: orgName(ctx, code) }));
    const r = inbox(p, visible, { kinds: [kind], organisation, limit: PAGE, offset: (page0 - 1) * PAGE }, options());
    const pages = Math.max(1, Math.ceil(r.numberMatched / PAGE));
    const cards = await Promise.all(
      r.items.map(async (i) => ({ ...(await card(p, i.layer)), waitingSince: i.waitingSince })),
    );
    sendWorkspace(req, res, 'ws-queue', {
      title: w(lang, 'reviewQueue'),
      kind,
      kinds: INBOX_KINDS.filter(
        (k) => inbox(p, visible, { kinds: [k], limit: 0, offset: 0 }, options()).numberMatched > 0 || k === 'submitted',
      ),
      waiting: all.numberMatched,
      organisation: organisation ?? '',
      orgs,
      matched: r.numberMatched,
      cards,
      page: page0,
      pages,
    });
  }

  // One layer: where it stands, what the standard says, its steps and history. Hidden: 404.
  router.get('/workspace/layers/:name', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const layer = ctx.catalogue.find(p, String(req.params.name));
      if (!layer) return notFoundPage(req, res);
      const history = await queryAudit(ctx.db, { layerId: layer.id, limit: 50, offset: 0 });
      const done = transitionOf(String(req.query.done ?? ''))
        ? w(lang, 'stepDone', { step: w(lang, `action_${req.query.done}`), status: w(lang, `status_${layer.status}`) })
        : undefined;
      sendWorkspace(req, res, 'ws-layer', {
        title: layer.title || layer.name,
        ...(await card(p, layer, { done })),
        mayUpload: canWrite(p, layer.organisation),
        history: history.entries,
      });
    } catch (err) {
      next(err);
    }
  });

  // A step: the form posts here; htmx gets the card back, a plain form a redirect (or the page with its error).
  router.post('/workspace/layers/:name/steps/:action', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const layer = ctx.catalogue.find(p, String(req.params.name));
      if (!layer) return notFoundPage(req, res);
      const action = String(req.params.action);
      const note = typeof req.body?.note === 'string' ? req.body.note : undefined;
      const back = backTo(req.body?.back);
      const htmx = !!req.get('hx-request');
      try {
        const step = await takeStep(ctx.db, p, layer.id, action, { note, address: req.ip, options: options() });
        await ctx.catalogue.reload();
        const now = ctx.catalogue.find(p, layer.id);
        const done = w(lang, 'stepDone', {
          step: w(lang, `action_${action}`),
          status: w(lang, `status_${step.after}`),
        });
        const page = `/workspace/layers/${encodeURIComponent(layer.name)}${back ? '/review' : ''}?done=${encodeURIComponent(action)}`;
        // The review page compares versions: after a step all of it is out of date, not only the card.
        if (htmx && back) return res.set('HX-Redirect', page).status(200).end();
        if (htmx && now)
          return sendWorkspace(req, res, 'ws-card', {
            title: layer.name,
            ...(await card(p, now, { done })),
            partial: true,
          });
        return res.redirect(303, page);
      } catch (err) {
        if (!(err instanceof OgcError) || err.status >= 500) throw err;
        const error = stepError(lang, err);
        await ctx.catalogue.reload();
        const fresh = ctx.catalogue.find(p, layer.id) ?? layer;
        // htmx swaps only 2xx answers by default: the card with its error is the answer to show.
        const data = {
          title: layer.title || layer.name,
          ...(await card(p, fresh, { error: { ...error, action } as StepError & { action: string }, note, back })),
        };
        if (htmx) return sendWorkspace(req, res, 'ws-card', { ...data, partial: true }, 200);
        const history = await queryAudit(ctx.db, { layerId: layer.id, limit: 50, offset: 0 });
        sendWorkspace(req, res, 'ws-layer', { ...data, history: history.entries }, err.status);
      }
    } catch (err) {
      next(err);
    }
  });
}

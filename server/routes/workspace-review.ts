/** The reviewer's comparison of a layer (/workspace/layers/:name/review): the published version
 *  beside the one waiting (counts, extents on one map, attribute schema, metadata changed since the
 *  publication), the standard's verdict and the steps (the workspace's card). And the publication
 *  standard with the workflow's who-may-do-what, read-only, for everyone signed in
 *  (/workspace/standard). Both read the same data/ functions as the JSON API. */
import type { Request, Response, Router } from 'express';
import { canSeeVersions, ROLES, transitionOf, WORKFLOW, type Role, type Transition } from '../../data/access.js';
import type { BBox } from '../../data/catalogue/layer.js';
import { reviewComparison } from '../../data/layers/compare.js';
import { ELEMENT_RULES } from '../../data/layers/standard.js';
import { readStandard } from '../../data/layers/workflow.js';
import type { LayerVersion } from '../../data/layers/versions.js';
import { REQUIRED_ELEMENTS } from '../../data/metadata/record.js';
import type { AppContext } from '../context.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { requireSession, sendWorkspace, userOf } from '../web/workspace/page.js';
import { cardData } from './workspace-layers.js';

const HEAD =
  '<link rel="stylesheet" href="/assets/workspace.css"><link rel="stylesheet" href="/assets/ws-review.css">' +
  '<link rel="stylesheet" href="/map/lib/maplibre-gl.css">';
const HEADINGS: Record<number, [string, string]> = {
  403: ['Tidak diizinkan', 'Forbidden'],
  404: ['Tidak ditemukan', 'Not found'],
};

/** A version's extent as a closed ring, for the map. */
const outline = (which: 'published' | 'pending', v: LayerVersion | null) =>
  v?.bbox
    ? [
        {
          type: 'Feature',
          properties: { which, version: v.version },
          geometry: { type: 'Polygon', coordinates: [ring(v.bbox)] },
        },
      ]
    : [];
const ring = ([x0, y0, x1, y1]: BBox) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const union = (boxes: Array<BBox | null | undefined>): BBox | null =>
  boxes.reduce<BBox | null>(
    (u, b) =>
      !b ? u : !u ? b : [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
    null,
  );
/** JSON inside <script>: "<" escaped so that no value can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
/** A metadata value as a reviewer reads it. */
const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

function refuse(req: Request, res: Response, status: 403 | 404) {
  const lang = pageLanguage(req, res);
  const [id, en] = HEADINGS[status];
  sendWorkspace(
    req,
    res,
    'error',
    { title: String(status), status, heading: lang === 'en' ? en : id, detail: req.path },
    status,
  );
}

/** Who of each role may take a step, in words: the grant, with the pembina's setting applied. */
function grantKey(t: Transition, role: Role, pembinaVerifies: boolean): string {
  if (role === 'admin') return 'grant_any';
  const g = t.roles[role];
  if (!g) return 'grant_none';
  if (g === 'if-pembina-verifies')
    return pembinaVerifies ? 'grant_if-pembina-verifies' : 'grant_if-pembina-verifies-off';
  return `grant_${g}`;
}

export function mountWorkspaceReview(router: Router, ctx: AppContext): void {
  router.get('/workspace/layers/:name/review', requireSession, async (req, res, next) => {
    try {
      const p = userOf(res);
      const lang = pageLanguage(req, res);
      const layer = ctx.catalogue.find(p, String(req.params.name));
      if (!layer) return refuse(req, res, 404);
      // As the versions API: those who keep or review the layer.
      if (!canSeeVersions(p, layer)) return refuse(req, res, 403);
      const c = await reviewComparison(ctx.db, layer);
      const action = String(req.query.done ?? '');
      const done = transitionOf(action)
        ? w(lang, 'stepDone', { step: w(lang, `action_${action}`), status: w(lang, `status_${layer.status}`) })
        : undefined;
      sendWorkspace(req, res, 'ws-review', {
        title: w(lang, 'reviewTitle', { title: layer.title || layer.name }),
        head: HEAD,
        ...c,
        metadata: c.metadata.map((m) => ({ ...m, before: shown(m.before), after: shown(m.after) })),
        extents: scriptJson({
          bounds: union([c.published?.bbox, c.pending?.bbox]),
          published: { type: 'FeatureCollection', features: outline('published', c.published) },
          pending: { type: 'FeatureCollection', features: outline('pending', c.pending) },
        }),
        ...(await cardData(ctx, p, layer, { done, back: 'review' })),
      });
    } catch (err) {
      next(err);
    }
  });

  router.get('/workspace/standard', requireSession, async (req, res, next) => {
    try {
      const lang = pageLanguage(req, res);
      const s = await readStandard(ctx.db);
      const pembinaVerifies = ctx.config.pembinaVerifies;
      sendWorkspace(req, res, 'ws-standard', {
        title: w(lang, 'standardTitle'),
        head: HEAD,
        ...s,
        elements: Object.entries(ELEMENT_RULES).map(([element, r]) => ({
          element,
          rule: r.message[lang],
          required: s.standard.requiredElements.includes(element),
          allowedValues: r.allowedValues ?? null,
        })),
        counted: REQUIRED_ELEMENTS.map(([name]) => name).join(', '),
        roles: ROLES,
        workflow: WORKFLOW.map((t) => ({
          action: t.action,
          label: t.label[lang],
          from: t.from,
          to: t.to,
          version: t.version ?? null,
          grants: ROLES.map((r) => grantKey(t, r, pembinaVerifies)),
          noteRequired: t.noteRequired,
          gate: t.gate,
        })),
      });
    } catch (err) {
      next(err);
    }
  });
}

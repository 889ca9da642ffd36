/** The metadata editor at /workspace/layers/{name}/metadata: the form (server/web/workspace/
 *  metadata-form.ts), a live check that writes nothing (the completeness score and what the
 *  publication standard still misses, for the form as typed), saving through the one writer
 *  (data/layers/metadata.ts, audited) and "save and submit" (then the workflow's submit step).
 *  A produsen edits its own organisation's layers; another organisation's layer is 404 to it.
 *  Others who may see the layer but not write it (the pembina) read the form, disabled. */
import type { Request, Response, Router } from 'express';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { writeLayerMetadata } from '../../data/layers/metadata.js';
import { withChange } from '../../data/layers/metadata-fields.js';
import { recordAsPublished, type Missing } from '../../data/layers/standard.js';
import { gateOf, takeStep } from '../../data/layers/workflow.js';
import { CLASSIFICATION } from '../../data/metadata/codelists.js';
import { completeness, layerRecord, overviewUrl } from '../../data/metadata/record.js';
import { baseUrlOf, type AppContext } from '../context.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { formValues, GROUPS, optionsOf, parseForm } from '../web/workspace/metadata-form.js';
import { editableLayer, requireSession, sendWorkspace, userOf, WORKSPACE_HEAD } from '../web/workspace/page.js';
import { workflowOptions } from './workflow.js';

const HEAD = `${WORKSPACE_HEAD}<link rel="stylesheet" href="/assets/ws-mdedit.css">`;
const editorPath = (l: Layer) => `/workspace/layers/${encodeURIComponent(l.name)}/metadata`;

interface PageExtra {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** A sentence above the form (saved, refused) and the standard's refusal, if any. */
  notice?: { ok: boolean; message: string; missing?: Missing[] };
}

export function mountWorkspaceMetadata(router: Router, ctx: AppContext): void {
  const target = (req: Request, res: Response) => editableLayer(ctx.catalogue, req, res);

  /** The completeness score and the gate's verdict on `layer` (perhaps a change not yet written). */
  async function check(layer: Layer) {
    const owner = ctx.catalogue.organisation(layer.organisation);
    return {
      score: completeness(recordAsPublished(layer, owner, ctx.config.site)),
      missing: await gateOf(ctx.db, layer),
    };
  }

  async function page(req: Request, res: Response, layer: Layer, writable: boolean, extra: PageExtra, status = 200) {
    const lang = pageLanguage(req, res);
    const base = baseUrlOf(res);
    const record = layerRecord(layer, ctx.catalogue.organisation(layer.organisation), ctx.config.site, base);
    const preview = extra.values ? withChange(layer, parseForm(extra.values, layer).change) : layer;
    sendWorkspace(
      req,
      res,
      'ws-mdedit',
      {
        title: w(lang, 'mdTitle', { title: layer.title || layer.name }),
        head: HEAD,
        layer,
        writable,
        action: editorPath(layer),
        groups: GROUPS.map((g) => ({
          ...g,
          fields: g.fields.map((f) => ({ ...f, choices: f.options ? optionsOf(f.options) : [] })),
        })),
        values: extra.values ?? formValues(layer),
        errors: extra.errors ?? {},
        notice: extra.notice,
        live: await check(preview),
        links: record.links,
        overview: layer.bbox ? overviewUrl('', layer.id) : null,
        classification: CLASSIFICATION[layer.accessClass],
      },
      status,
    );
  }

  router.get('/workspace/layers/:name/metadata', requireSession, async (req, res, next) => {
    try {
      const t = target(req, res);
      if (!t) return;
      const saved = req.query.saved === '1' ? { ok: true, message: w(pageLanguage(req, res), 'mdSaved') } : undefined;
      await page(req, res, t.layer, t.writable, { notice: saved });
    } catch (err) {
      next(err);
    }
  });

  // The live check: the form as typed, laid over the layer in memory; nothing is written.
  router.post('/workspace/layers/:name/metadata/check', requireSession, async (req, res, next) => {
    try {
      const t = target(req, res);
      if (!t) return;
      const live = await check(withChange(t.layer, parseForm(req.body, t.layer).change));
      sendWorkspace(req, res, 'ws-mdedit-live', { title: t.layer.name, live, partial: true });
    } catch (err) {
      next(err);
    }
  });

  router.post('/workspace/layers/:name/metadata', requireSession, async (req, res, next) => {
    try {
      const t = target(req, res);
      if (!t) return;
      const { layer, writable } = t;
      const lang = pageLanguage(req, res);
      const p = userOf(res);
      const form = parseForm(req.body, layer);
      if (!writable)
        return await page(req, res, layer, false, { notice: { ok: false, message: w(lang, 'notAllowed') } }, 403);
      if (Object.keys(form.errors).length)
        return await page(
          req,
          res,
          layer,
          true,
          { values: form.values, errors: form.errors, notice: { ok: false, message: w(lang, 'mdInvalid') } },
          422,
        );
      await writeLayerMetadata(ctx.db, p, layer, form.change);
      await ctx.catalogue.reload();
      const name = encodeURIComponent(layer.name);
      if (req.body?.then !== 'submit') return res.redirect(303, `${editorPath(layer)}?saved=1`);
      try {
        await takeStep(ctx.db, p, layer.id, 'submit', { address: req.ip, options: workflowOptions(ctx) });
      } catch (err) {
        if (!(err instanceof OgcError) || err.status >= 500) throw err;
        const fresh = ctx.catalogue.find(p, layer.id) ?? layer;
        const missing = (err.extra.details as { missing?: Missing[] } | undefined)?.missing;
        const message = missing
          ? w(lang, 'mdSavedNotSubmitted')
          : err.status === 409
            ? w(lang, 'mdNotSubmittable', { status: w(lang, `status_${fresh.status}`) })
            : w(lang, 'notAllowed');
        return await page(req, res, fresh, true, { notice: { ok: false, message, missing } }, err.status);
      }
      await ctx.catalogue.reload();
      res.redirect(303, `/workspace/layers/${name}?done=submit`);
    } catch (err) {
      next(err);
    }
  });
}

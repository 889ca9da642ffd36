/** The style editor at /workspace/layers/{name}/style: a simple symbology (one colour, categories
 *  by an attribute's values, graduated by a number, labels) written as SE 1.1, or an SLD exported
 *  from QGIS or GeoServer, checked by the same reader as the style API. The preview is drawn by
 *  the WMS renderer from the style as chosen, nothing written; "save" stores it as the layer's
 *  default style (data/styles/store.ts, audited), which WMS, WMTS and the tiles then draw.
 *  Access is the metadata editor's: another organisation's layer is 404 to a produsen. */
import type { Request, Response, Router } from 'express';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { layerStyles, putStyle } from '../../data/styles/store.js';
import { MAX_CATEGORIES } from '../../data/styles/attribute-classes.js';
import { renderMap } from '../../styles/render/render-map.js';
import { resolveStyle } from '../../styles/resolve.js';
import { styleFromSld } from '../../styles/sld.js';
import type { Style } from '../../styles/model.js';
import { isNumeric } from '../../data/styles/attribute-classes.js';
import type { AppContext } from '../context.js';
import { pageLanguage } from '../web/render.js';
import { w } from '../web/i18n-workspace.js';
import { editableLayer, requireSession, sendWorkspace, userOf, WORKSPACE_HEAD } from '../web/workspace/page.js';
import {
  storedValues,
  KINDS,
  legendOf,
  METHODS,
  missingAttributes,
  PALETTE_KEYS,
  symbologyOf,
  type StyleValues,
} from '../web/workspace/style-form.js';

const HEAD = `${WORKSPACE_HEAD}<link rel="stylesheet" href="/assets/ws-style.css"><script src="/assets/ws-style.js" defer></script>`;
const editorPath = (l: Layer) => `/workspace/layers/${encodeURIComponent(l.name)}/style`;
/** The names the editor stores its styles under (the SLD's own name when it is a usable one). */
const SIMPLE_NAME = 'sederhana';
const STYLE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const PREVIEW_WIDTH = 480;

interface Preview {
  /** A data: URL of the PNG, or null for a layer without data. */
  image: string | null;
  legend: Array<{ title: string; colour: string }>;
  current?: boolean;
}

interface PageExtra {
  values?: StyleValues;
  errors?: Record<string, string>;
  sldText?: string;
  sldError?: string;
  sldPreview?: Preview;
  sldOk?: string;
  preview?: Preview;
  notice?: { ok: boolean; message: string };
}

export function mountWorkspaceStyle(router: Router, ctx: AppContext): void {
  const target = (req: Request, res: Response) => editableLayer(ctx.catalogue, req, res);

  /** The layer drawn in `style` over its extent (a little margin), as a data: URL. */
  async function preview(layer: Layer, style: Style, current = false): Promise<Preview> {
    const legend = legendOf(style);
    if (!layer.bbox) return { image: null, legend, current };
    const [x0, y0, x1, y1] = layer.bbox;
    const pad = Math.max((x1 - x0) * 0.05, (y1 - y0) * 0.05, 0.002);
    const bbox: [number, number, number, number] = [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
    // Degrees of longitude shrink with latitude: keep the picture's proportions true.
    const ratio = (bbox[3] - bbox[1]) / (bbox[2] - bbox[0]) / Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
    const height = Math.round(Math.max(160, Math.min(480, PREVIEW_WIDTH * ratio)));
    const out = await renderMap(ctx, {
      layers: [{ layer, sld: style }],
      bbox,
      srid: 4326,
      width: PREVIEW_WIDTH,
      height,
      format: 'image/png',
    });
    return { image: `data:image/png;base64,${out.body.toString('base64')}`, legend, current };
  }

  async function page(req: Request, res: Response, layer: Layer, writable: boolean, extra: PageExtra, status = 200) {
    const lang = pageLanguage(req, res);
    const stored = await layerStyles(ctx.db, layer, ctx.styles.stored);
    const current = stored.find((s) => s.isDefault);
    sendWorkspace(
      req,
      res,
      'ws-style',
      {
        title: w(lang, 'stTitle', { title: layer.title || layer.name }),
        head: HEAD,
        layer,
        writable,
        action: editorPath(layer),
        currentName: current ? current.title || current.name : w(lang, 'stNoStored'),
        kinds: KINDS,
        methods: METHODS,
        palettes: PALETTE_KEYS,
        attributes: layer.attributes.map((a) => ({ name: a.name, numeric: isNumeric(a) })),
        maxCategories: MAX_CATEGORIES,
        values: extra.values ?? storedValues(layer, current?.form ?? null),
        errors: extra.errors ?? {},
        notice: extra.notice,
        preview: extra.preview ?? (await preview(layer, await resolveStyle(ctx, layer, ''), true)),
        sldText: extra.sldText ?? '',
        sldError: extra.sldError,
        sldOk: extra.sldOk,
        sldPreview: extra.sldPreview,
      },
      status,
    );
  }

  /** An SLD as sent: its style, or the Indonesian/English sentence saying what is wrong. */
  function readSld(lang: ReturnType<typeof pageLanguage>, layer: Layer, text: string) {
    if (!text.trim()) return { error: w(lang, 'stErrSldEmpty') };
    let style: Style;
    try {
      style = styleFromSld(text);
    } catch (err) {
      // The reader says what is wrong as an OgcError; anything else is a fault of ours.
      if (!(err instanceof OgcError)) throw err;
      return { error: w(lang, 'stErrSld', { detail: err.message }) };
    }
    const missing = missingAttributes(layer, style);
    if (missing.length) return { error: w(lang, 'stErrSldAttributes', { names: missing.join(', ') }) };
    if (!style.rules.length) return { error: w(lang, 'stErrSldNoRules') };
    return { style };
  }

  const sldTextOf = (body: unknown) => {
    const v = (body as Record<string, unknown> | undefined)?.sldText;
    return typeof v === 'string' ? v : '';
  };

  /** Checks an SLD (its preview, or what is wrong next to the field) or saves it as the default.
   *  From ws-style.js (an XML body, which may be larger than a form) only the SLD part of the
   *  page comes back; from a plain form, the page. */
  async function sldStep(req: Request, res: Response, layer: Layer, step: string, text: string) {
    const lang = pageLanguage(req, res);
    const partial = !!req.get('hx-request');
    const answer = (extra: PageExtra, status = 200) =>
      partial
        ? sendWorkspace(
            req,
            res,
            'ws-style-sld',
            { title: layer.name, layer, writable: true, action: editorPath(layer), sldText: text, ...extra },
            status,
          )
        : page(req, res, layer, true, { sldText: text, ...extra }, status);
    const read = readSld(lang, layer, text);
    if (!read.style) return answer({ sldError: read.error, notice: { ok: false, message: w(lang, 'stInvalid') } }, 422);
    if (step !== 'sld-save')
      return answer({
        sldOk: w(lang, 'stSldOk', { n: read.style.rules.length }),
        sldPreview: await preview(layer, read.style),
      });
    const name = STYLE_NAME.test(read.style.name) ? read.style.name : 'sld';
    await putStyle(
      ctx.db,
      layer,
      { name, title: read.style.title || name, sld: text, isDefault: true },
      { actor: userOf(res), address: req.ip },
    );
    await ctx.catalogue.reload();
    const to = `${editorPath(layer)}?saved=sld`;
    if (partial) res.set('HX-Redirect', to).status(204).end();
    else res.redirect(303, to);
  }

  // The SLD as the body (application/vnd.ogc.sld+xml), ?do=sld-check|sld-save; the CSRF token
  // comes in its header.
  router.post('/workspace/layers/:name/style/sld', requireSession, async (req, res, next) => {
    try {
      const t = target(req, res);
      if (!t) return;
      if (!t.writable)
        return void res
          .status(403)
          .type('text/plain')
          .send(w(pageLanguage(req, res), 'notAllowed'));
      const text = typeof req.body === 'string' ? req.body : sldTextOf(req.body);
      await sldStep(req, res, t.layer, req.query.do === 'sld-save' ? 'sld-save' : 'sld-check', text);
    } catch (err) {
      next(err);
    }
  });

  router.get('/workspace/layers/:name/style', requireSession, async (req, res, next) => {
    try {
      const t = target(req, res);
      if (!t) return;
      const lang = pageLanguage(req, res);
      const saved = req.query.saved;
      const notice =
        saved === 'simple' || saved === 'sld'
          ? { ok: true, message: w(lang, saved === 'sld' ? 'stSldSaved' : 'stSaved') }
          : undefined;
      await page(req, res, t.layer, t.writable, { notice });
    } catch (err) {
      next(err);
    }
  });

  // The live preview (htmx): the form as chosen, drawn; nothing is written.
  router.post('/workspace/layers/:name/style/preview', requireSession, async (req, res, next) => {
    try {
      const t = target(req, res);
      if (!t) return;
      const form = await symbologyOf(ctx.db, t.layer, req.body ?? {});
      sendWorkspace(req, res, 'ws-style-preview', {
        title: t.layer.name,
        layer: t.layer,
        errors: form.errors,
        preview: form.style ? await preview(t.layer, form.style) : undefined,
        partial: true,
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/workspace/layers/:name/style', requireSession, async (req, res, next) => {
    try {
      const t = target(req, res);
      if (!t) return;
      const { layer } = t;
      const lang = pageLanguage(req, res);
      const step = String(req.body?.do ?? 'simple');
      if (!t.writable)
        return await page(req, res, layer, false, { notice: { ok: false, message: w(lang, 'notAllowed') } }, 403);

      if (step === 'sld-check' || step === 'sld-save') return await sldStep(req, res, layer, step, sldTextOf(req.body));

      const form = await symbologyOf(ctx.db, layer, req.body ?? {});
      if (!form.sld)
        return await page(
          req,
          res,
          layer,
          true,
          { values: form.values, errors: form.errors, notice: { ok: false, message: w(lang, 'stInvalid') } },
          422,
        );
      await putStyle(
        ctx.db,
        layer,
        { name: SIMPLE_NAME, title: layer.title || layer.name, sld: form.sld, isDefault: true, form: form.values },
        { actor: userOf(res), address: req.ip },
      );
      await ctx.catalogue.reload();
      res.redirect(303, `${editorPath(layer)}?saved=simple`);
    } catch (err) {
      next(err);
    }
  });
}

/** Style admin API: GET /api/layers/{name}/styles (list), GET/PUT/DELETE
 *  /api/layers/{name}/styles/{style} with an SLD body (application/vnd.ogc.sld+xml or
 *  text/xml). PUT ?default=true makes it the layer's default. Writes need a token whose
 *  holder may write the layer's organisation; the SLD is parsed before it is stored, and every
 *  change is written to the audit trail with the change. */
import type { Request, Response, Router } from 'express';
import { deleteStyle, layerStyles, putStyle } from '../../data/styles/store.js';
import { OgcError } from '../../data/errors.js';
import { styleFromSld } from '../../styles/sld.js';
import { defaultStyle, DEFAULT_STYLE_NAME } from '../../styles/defaults.js';
import { styleToMapLibre } from '../../styles/maplibre.js';
import { resolveStyle, styleList } from '../../styles/resolve.js';
import { principalOf, type AppContext } from '../context.js';
import { visibleLayer, writableLayer } from './layer-guard.js';
import { sendProblem } from '../edge-errors.js';

const STYLE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export function mountStyles(router: Router, ctx: AppContext): void {
  const layerOr404 = (req: Request, res: Response) => visibleLayer(ctx, res, String(req.params.name));
  const writable = (req: Request, res: Response) => {
    const layer = writableLayer(ctx, res, String(req.params.name), 'change the styles of');
    if (!layer) return undefined;
    if (!STYLE_NAME.test(String(req.params.style))) {
      sendProblem(
        res,
        new OgcError('InvalidParameterValue', 'A style name is 1–64 letters, digits, _ . -', undefined, 400),
      );
      return undefined;
    }
    return layer;
  };

  router.get('/api/layers/:name/styles', async (req, res) => {
    const layer = layerOr404(req, res);
    if (layer) res.json({ layer: layer.name, styles: await styleList(ctx, layer) });
  });

  router.get('/api/layers/:name/styles/:style', async (req, res) => {
    const layer = layerOr404(req, res);
    if (!layer) return;
    const name = String(req.params.style).replace(/\.(sld|json)$/, '');
    if (req.query.f === 'maplibre' || String(req.params.style).endsWith('.json')) {
      const style = await resolveStyle(ctx, layer, name);
      res.json({
        layer: layer.name,
        style: style.name,
        layers: styleToMapLibre(style, { source: layer.name, sourceLayer: layer.name }),
      });
      return;
    }
    const stored = (await layerStyles(ctx.db, layer, ctx.styles.stored)).find((s) => s.name === name);
    if (stored) {
      res.type('application/vnd.ogc.sld+xml; charset=utf-8').send(stored.sld);
      return;
    }
    if (name === DEFAULT_STYLE_NAME) {
      res.json({ layer: layer.name, style: defaultStyle(layer) });
      return;
    }
    sendProblem(res, new OgcError('NotFound', `Layer ${layer.name} has no style ${name}`, undefined, 404));
  });

  router.put('/api/layers/:name/styles/:style', async (req, res) => {
    const layer = writable(req, res);
    if (!layer) return;
    const sld = typeof req.body === 'string' ? req.body : '';
    if (!sld.trim()) {
      sendProblem(
        res,
        new OgcError(
          'InvalidParameterValue',
          'Send the SLD as the body (Content-Type: application/vnd.ogc.sld+xml)',
          undefined,
          400,
        ),
      );
      return;
    }
    let title: string;
    try {
      title = styleFromSld(sld).title;
    } catch (err) {
      // The SLD reader says what is wrong as an OgcError; anything else is a fault of ours (500).
      if (!(err instanceof OgcError)) throw err;
      sendProblem(res, new OgcError('InvalidParameterValue', err.message, err.locator, 400));
      return;
    }
    const name = String(req.params.style);
    await putStyle(
      ctx.db,
      layer,
      {
        name,
        title: title || name,
        sld,
        isDefault: req.query.default === 'true' || name === DEFAULT_STYLE_NAME,
      },
      { actor: principalOf(res), address: req.ip },
    );
    await ctx.catalogue.reload();
    res
      .status(200)
      .json({ layer: layer.name, style: name, styles: await styleList(ctx, ctx.catalogue.unguardedGet(layer.name)!) });
  });

  router.delete('/api/layers/:name/styles/:style', async (req, res) => {
    const layer = writable(req, res);
    if (!layer) return;
    if (!(await deleteStyle(ctx.db, layer, String(req.params.style), { actor: principalOf(res), address: req.ip }))) {
      sendProblem(
        res,
        new OgcError('NotFound', `Layer ${layer.name} has no style ${req.params.style}`, undefined, 404),
      );
      return;
    }
    await ctx.catalogue.reload();
    res.status(204).end();
  });
}

/** XYZ tiles: /tiles/{layer}/{z}/{x}/{y}.pbf|.mvt|.png|.jpg|.webp (WebMercatorQuad), several
 *  layers as /tiles/{a},{b}/…, picture tiles in a stored style with ?style=, and TileJSON 3.0
 *  at /tiles/{layer}.json. Errors are JSON; a
 *  hidden layer is 404 like a missing one. */
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import type { Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError } from '../../data/errors.js';
import { asOgcError } from '../../ogc/exceptions.js';
import { WEB_MERCATOR } from '../../tiles/matrix-sets.js';
import { serveTile, tileFormat, type TileFormat, type TileResponse } from '../../tiles/service.js';

const MAX_LAYERS = 50;

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Layers named `a,b,…`, each visible to the caller, else 404. */
export function resolveLayers(ctx: AppContext, p: Principal, names: string): Layer[] {
  const list = names.split(',').map((s) => s.trim()).filter(Boolean);
  if (!list.length) throw new HttpError(400, 'InvalidParameterValue', 'No layer named');
  if (list.length > MAX_LAYERS) throw new HttpError(400, 'InvalidParameterValue', `At most ${MAX_LAYERS} layers per tile`);
  const out: Layer[] = [];
  for (const n of list) {
    const l = ctx.catalogue.find(p, n);
    if (!l) throw new HttpError(404, 'NotFound', `No layer ${n}`);
    if (!out.includes(l)) out.push(l);
  }
  return out;
}

export function sendTile(res: Response, t: TileResponse): void {
  res.status(t.status).set(t.headers);
  if (t.status === 200) res.end(t.body);
  else res.end();
}

/** Sends an error as OGC API JSON (400/404), never a stack trace. */
export function sendJsonError(res: Response, err: unknown, ctx: AppContext): void {
  if (err instanceof HttpError) {
    res.status(err.status).json({ code: err.code, description: err.message });
  } else if (err instanceof OgcError) {
    res.status(err.status === 500 ? 500 : err.code === 'NotFound' ? 404 : 400).json({ code: err.code, description: err.message });
  } else if (asOgcError(err).status !== 500) {
    // A cancelled query (over budget) is a 503; a value PostgreSQL refused a 400.
    const e = asOgcError(err);
    if (!res.headersSent) res.status(e.status).set(e.status === 503 ? { 'Retry-After': '5' } : {}).json({ code: e.code, description: e.message });
    else res.end();
  } else {
    ctx.log.error('tile error', { error: String((err as Error)?.stack ?? err) });
    if (!res.headersSent) res.status(500).json({ code: 'InternalError', description: 'Internal error while making the tile' });
    else res.end();
  }
}

/** `?style=` names a stored style of every layer of a picture tile (as WMTS Style does); vector tiles carry data, not style. */
export function styleParam(req: Request, format: TileFormat): string | undefined {
  const v = req.query.style;
  if (v === undefined || format === 'pbf') return undefined;
  if (typeof v !== 'string' || v.length > 200) throw new HttpError(400, 'InvalidParameterValue', 'style must be one style name');
  return v.trim() || undefined;
}

const TILE_PATH = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/.]+)\.([A-Za-z0-9]+)$/;

function tileJson(ctx: AppContext, req: Request, res: Response, layers: Layer[], names: string) {
  const base = baseUrlOf(res);
  const fmt = tileFormat(String(req.query.format ?? 'pbf'));
  if (!fmt) throw new HttpError(400, 'InvalidParameterValue', 'format must be pbf, png, jpg or webp');
  const boxes = layers.map((l) => l.bbox).filter((b): b is NonNullable<typeof b> => !!b);
  const bounds = boxes.length
    ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
    : [-180, -85.0511, 180, 85.0511];
  const path = names.split(',').map(encodeURIComponent).join(',');
  const body: Record<string, unknown> = {
    tilejson: '3.0.0',
    name: layers.map((l) => l.title).join(', '),
    description: layers.map((l) => l.abstract).filter(Boolean).join(' '),
    version: '1.0.0',
    attribution: 'Pemerintah Kota Tangerang — Simpul',
    scheme: 'xyz',
    tiles: [`${base}/tiles/${path}/{z}/{x}/{y}.${fmt}${fmt !== 'pbf' && typeof req.query.style === 'string' ? `?style=${encodeURIComponent(req.query.style)}` : ''}`],
    minzoom: 0,
    maxzoom: 22,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 12],
  };
  if (fmt === 'pbf') {
    body.vector_layers = layers.map((l) => ({
      id: l.name,
      description: l.title,
      minzoom: 0,
      maxzoom: 22,
      fields: Object.fromEntries(l.attributes.map((a) => [a.name, a.type === 'integer' || a.type === 'number' ? 'Number' : a.type === 'boolean' ? 'Boolean' : 'String'])),
    }));
  }
  res.set('Cache-Control', 'no-cache').json(body);
}

function decodeName(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new HttpError(400, 'InvalidParameterValue', 'Malformed layer name: not valid percent-encoding');
  }
}

export function mountTiles(router: Router, ctx: AppContext): void {
  router.get(/.*/, async (req, res, next) => {
    try {
      const path = req.path;
      const tj = /^\/([^/]+)\.json$/.exec(path);
      if (tj) {
        const names = decodeName(tj[1]);
        tileJson(ctx, req, res, resolveLayers(ctx, principalOf(res), names), names);
        return;
      }
      const m = TILE_PATH.exec(path);
      if (!m) {
        next();
        return;
      }
      const names = decodeName(m[1]);
      const format = tileFormat(m[5]);
      if (!format) throw new HttpError(404, 'NotFound', `Unknown tile format .${m[5]} (pbf, mvt, png, jpg, webp)`);
      const [z, x, y] = [m[2], m[3], m[4]].map((s) => (/^\d{1,9}$/.test(s) ? Number(s) : NaN));
      if ([z, x, y].some((n) => Number.isNaN(n))) throw new HttpError(400, 'InvalidParameterValue', 'z, x and y must be whole numbers');
      const layers = resolveLayers(ctx, principalOf(res), names);
      const t = await serveTile(ctx, principalOf(res), { layers, tms: WEB_MERCATOR, z, col: x, row: y, format, style: styleParam(req, format) }, { ifNoneMatch: req.get('if-none-match'), acceptEncoding: req.get('accept-encoding') });
      sendTile(res, t);
    } catch (err) {
      sendJsonError(res, err, ctx);
    }
  });
}

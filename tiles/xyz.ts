/** XYZ tiles: /tiles/{layer}/{z}/{x}/{y}.pbf|.mvt|.png|.jpg|.webp (WebMercatorQuad), several
 *  layers as /tiles/{a},{b}/…, picture tiles in a stored style with ?style=, and TileJSON 3.0
 *  at /tiles/{layer}.json. Errors are OgcErrors (rendered as JSON by errors.ts). */
import type { Catalogue } from '../data/catalogue/catalogue.js';
import type { Layer } from '../data/catalogue/layer.js';
import type { Site } from '../data/site.js';
import { OgcError } from '../data/errors.js';
import { reply, type Reply, type ServiceRequest } from '../data/reply.js';
import { tileFormat, type TileFormat } from './format.js';
import { WEB_MERCATOR } from './matrix-sets.js';
import { pathSegment, resolveLayers, styleParam } from './params.js';
import type { TileService } from './service.js';

export interface XyzNode {
  catalogue: Pick<Catalogue, 'find'>;
  tiles: Pick<TileService, 'reply'>;
  /** site: TileJSON's attribution. */
  config: { site: Site };
}

const TILE_PATH = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/.]+)\.([A-Za-z0-9]+)$/;
const TILE_JSON = /^\/([^/]+)\.json$/;

const FIELD_TYPES: Record<string, string> = { integer: 'Number', number: 'Number', boolean: 'Boolean' };

function tileJson(req: ServiceRequest, layers: Layer[], names: string, fmt: TileFormat, site: Site): Reply {
  const boxes = layers.map((l) => l.bbox).filter((b): b is NonNullable<typeof b> => !!b);
  const bounds = boxes.length
    ? [
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ]
    : [-180, -85.0511, 180, 85.0511];
  const path = names.split(',').map(encodeURIComponent).join(',');
  const style = req.query.style;
  const body: Record<string, unknown> = {
    tilejson: '3.0.0',
    name: layers.map((l) => l.title).join(', '),
    description: layers
      .map((l) => l.abstract)
      .filter(Boolean)
      .join(' '),
    version: '1.0.0',
    attribution: `${site.provider.organisation} — Simpul`,
    scheme: 'xyz',
    tiles: [
      `${req.baseUrl}/tiles/${path}/{z}/{x}/{y}.${fmt}${fmt !== 'pbf' && typeof style === 'string' ? `?style=${encodeURIComponent(style)}` : ''}`,
    ],
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
      fields: Object.fromEntries(l.attributes.map((a) => [a.name, FIELD_TYPES[a.type] ?? 'String'])),
    }));
  }
  return reply(200, 'application/json; charset=utf-8', JSON.stringify(body), { 'cache-control': 'no-cache' });
}

/** The reply to a GET below /tiles, or null when the path is none of these. */
export async function xyzRequest(node: XyzNode, req: ServiceRequest): Promise<Reply | null> {
  const tj = TILE_JSON.exec(req.path);
  if (tj) {
    const names = pathSegment(tj[1]);
    const layers = resolveLayers(node.catalogue, req.principal, names);
    const fmt = tileFormat(String(req.query.format ?? 'pbf'));
    if (!fmt) throw new OgcError('InvalidParameterValue', 'format must be pbf, png, jpg or webp', 'format');
    return tileJson(req, layers, names, fmt, node.config.site);
  }
  const m = TILE_PATH.exec(req.path);
  if (!m) return null;
  const names = pathSegment(m[1]);
  const format = tileFormat(m[5]);
  if (!format) throw new OgcError('NotFound', `Unknown tile format .${m[5]} (pbf, mvt, png, jpg, webp)`);
  const [z, x, y] = [m[2], m[3], m[4]].map((s) => (/^\d{1,9}$/.test(s) ? Number(s) : NaN));
  if ([z, x, y].some((n) => Number.isNaN(n)))
    throw new OgcError('InvalidParameterValue', 'z, x and y must be whole numbers');
  const layers = resolveLayers(node.catalogue, req.principal, names);
  return node.tiles.reply(req, {
    layers,
    tms: WEB_MERCATOR,
    z,
    col: x,
    row: y,
    format,
    style: styleParam(req.query, format),
  });
}

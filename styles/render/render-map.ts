/** renderMap: the one way to turn layers + styles + a box into an image (WMS GetMap and the
 *  raster tiles). Features come from data/render (already in pixel coordinates); a render
 *  worker draws them with @napi-rs/canvas in layer order, labels last, and encodes them (encode.ts). */
import type { Db } from '../../data/db/types.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { crsByEpsg } from '../../data/crs.js';
import { mapFeatures } from '../../data/render/features.js';
import type { QuerySlots } from '../../data/render/query-slots.js';
import type { Style } from '../model.js';
import { styleProperties } from '../model.js';
import { resolveStyle, type StyleCache } from '../resolve.js';
import { rulesAtScale } from './draw.js';
import { imageFormat, type ImageFormat } from './encode.js';
import { RenderTimeout, type RenderPool } from './render-pool.js';
import { OgcError } from '../../data/errors.js';

/** What drawing a map needs of the node: the database, its map query slots and render pool
 *  (made once at start), and the time limit (read per drawing, so a change applies at once). */
export interface RenderNode {
  db: Db;
  /** The node's stored and parsed styles. */
  styles: StyleCache;
  mapQuerySlots: Pick<QuerySlots, 'run'>;
  renderPool: Pick<RenderPool, 'draw'>;
  config: { renderTimeoutMs?: number };
}

export interface MapRequest {
  /** Drawn bottom to top. `style`: a style name of the layer ('' = default); `sld`: a style
   *  given with the request (SLD_BODY), which wins over `style`. */
  layers: Array<{ layer: Layer; style?: string; sld?: Style }>;
  /** East/north in `srid` (an array [minx, miny, maxx, maxy] is accepted too). */
  bbox: { minx: number; miny: number; maxx: number; maxy: number } | [number, number, number, number];
  srid: number;
  width: number;
  height: number;
  format: ImageFormat | string;
  transparent?: boolean;
  /** '#rrggbb' or '0xRRGGBB'; white by default. */
  bgcolor?: string;
  /** Symbols scale with dpi / 90.7 (the OGC 0.28 mm pixel). */
  dpi?: number;
}

export const OGC_DPI = 0.0254 / 0.00028;

/** A drawing's time limit when the configuration names none. */
export const DEFAULT_RENDER_TIMEOUT_MS = 20_000;

/** Scale denominator of a map, with OGC's 0.28 mm pixel. Geographic units: metres per degree at the equator. */
export function scaleDenominator(widthUnits: number, widthPx: number, srid: number): number {
  const geographic = crsByEpsg(srid)?.geographic ?? false;
  const metres = widthUnits * (geographic ? 6378137 * (Math.PI / 180) : 1);
  return metres / widthPx / 0.00028;
}

function bgColour(text?: string): string {
  if (!text) return '#ffffff';
  const m = /^(?:0x|#)?([0-9a-f]{6})$/i.exec(text.trim());
  return m ? `#${m[1]}` : '#ffffff';
}

export async function renderMap(node: RenderNode, req: MapRequest): Promise<{ body: Buffer; contentType: string }> {
  const format = imageFormat(req.format) ?? 'image/png';
  const b = Array.isArray(req.bbox)
    ? { minx: req.bbox[0], miny: req.bbox[1], maxx: req.bbox[2], maxy: req.bbox[3] }
    : req.bbox;
  const { width, height } = req;
  const k = (req.dpi && req.dpi > 0 ? req.dpi : OGC_DPI) / OGC_DPI;
  const scale = scaleDenominator(b.maxx - b.minx, width, req.srid) / k;
  const transparent = (req.transparent ?? false) && format !== 'image/jpeg';
  const bg = bgColour(req.bgcolor);

  // Fetch every layer's features at once (the database works in parallel) when this map's
  // turn comes (query-slots.ts), draw in order.
  const styled = await Promise.all(
    req.layers.map(async (l) => ({ layer: l.layer, style: l.sld ?? (await resolveStyle(node, l.layer, l.style)) })),
  );
  const data = await node.mapQuerySlots.run(() =>
    Promise.all(
      styled.map(({ layer, style }) =>
        rulesAtScale(style, scale).length
          ? mapFeatures(node.db, layer, { ...b, srid: req.srid, width, height }, [...styleProperties(style)])
          : Promise.resolve({ packed: new Uint8Array(0) }),
      ),
    ),
  );

  const timeoutMs = node.config.renderTimeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  try {
    const body = await node.renderPool.draw({
      width,
      height,
      format,
      transparent,
      background: bg,
      scale,
      k,
      timeoutMs,
      layers: styled.map(({ style }, i) => ({ style, ...data[i] })),
    });
    return { body, contentType: format };
  } catch (err) {
    // The node is fine, the picture was too costly: say so (503: it may fit when less is drawing).
    if (err instanceof RenderTimeout) {
      throw new OgcError(
        'NoApplicableCode',
        `The map could not be drawn within ${err.ms} ms (SIMPUL_RENDER_TIMEOUT_MS): ask for fewer layers, a smaller image or a simpler style`,
        undefined,
        503,
      );
    }
    throw err;
  }
}

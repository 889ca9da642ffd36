/** Raster tiles: a tile is a GetMap of the tile's extent through the WMS renderer
 *  (styles/render/render-map.ts) with the layers' styles, so a WMTS/XYZ tile and the WMS image
 *  of the same box are the same picture. */
import type { AppContext } from '../server/context.js';
import { renderMap } from '../styles/render/render-map.js';
import type { TileRequest } from './service.js';

export const RASTER_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;

export async function renderRasterTile(ctx: AppContext, t: TileRequest, bounds: [number, number, number, number], width: number, height: number): Promise<Buffer> {
  const format = RASTER_TYPES[t.format as keyof typeof RASTER_TYPES];
  const out = await renderMap(ctx, {
    layers: t.layers.map((layer) => ({ layer, style: t.style || undefined })),
    bbox: bounds,
    srid: t.tms.srid,
    width,
    height,
    format,
    // JPEG has no alpha: white like a WMS GetMap without TRANSPARENT.
    transparent: format !== 'image/jpeg',
  });
  return out.body;
}

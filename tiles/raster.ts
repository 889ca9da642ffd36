/** Raster tiles: a tile is a GetMap of the tile's extent through the WMS renderer
 *  (styles/render/render-map.ts) with the layers' styles, so a WMTS/XYZ tile and the WMS image
 *  of the same box are the same picture. */
import type { Layer } from '../data/catalogue/layer.js';
import { renderMap } from '../styles/render/render-map.js';
import { RASTER_TYPES } from './format.js';

/** What the renderer needs of the node. */
export type RasterNode = Parameters<typeof renderMap>[0];

export interface RasterTile {
  layers: Layer[];
  style?: string;
  format: keyof typeof RASTER_TYPES;
  srid: number;
  bounds: [number, number, number, number];
  width: number;
  height: number;
}

export async function renderRasterTile(node: RasterNode, t: RasterTile): Promise<Buffer> {
  const format = RASTER_TYPES[t.format];
  const out = await renderMap(node, {
    layers: t.layers.map((layer) => ({ layer, style: t.style || undefined })),
    bbox: t.bounds,
    srid: t.srid,
    width: t.width,
    height: t.height,
    format,
    // JPEG has no alpha: white like a WMS GetMap without TRANSPARENT.
    transparent: format !== 'image/jpeg',
  });
  return out.body;
}

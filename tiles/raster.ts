/** Raster tiles. When the WMS renderer (styles/render/render-map.ts) is present, a tile is a
 *  GetMap of the tile's extent through it, with the layers' styles. Until then (or for a
 *  build without it) a small renderer draws the layers with default styles by geometry type:
 *  geometry comes from SQL already in pixel coordinates (the same clipping/snapping query as
 *  the embedded vector tiles), drawn with @napi-rs/canvas, encoded by sharp. */
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { AppContext } from '../server/context.js';
import type { Principal } from '../data/access.js';
import type { Layer } from '../data/catalogue/layer.js';
import { readWkb } from './mvt/encode.js';
import { params, tileGeometrySql } from './mvt/query.js';
import type { TileRequest } from './service.js';

export const RASTER_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;

type RenderMap = (ctx: AppContext, req: any) => Promise<{ body: Buffer; contentType: string }>;
let renderer: RenderMap | null | undefined;

async function loadRenderer(): Promise<RenderMap | null> {
  if (renderer !== undefined) return renderer;
  const spec = '../styles/render/render-map.js';
  try {
    const mod = await import(spec);
    renderer = typeof mod.renderMap === 'function' ? (mod.renderMap as RenderMap) : null;
  } catch {
    renderer = null;
  }
  return renderer;
}

/** Default colours per layer, stable across requests (a hash of the name). */
export function defaultColour(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360}, 65%, 42%)`;
}

export async function renderRasterTile(
  ctx: AppContext,
  principal: Principal,
  t: TileRequest,
  bounds: [number, number, number, number],
  width: number,
  height: number,
): Promise<Buffer> {
  const render = await loadRenderer();
  if (render) {
    const out = await render(ctx, {
      principal,
      layers: t.layers.map((l) => ({ layer: l, style: t.style || undefined })),
      bbox: bounds,
      srid: t.tms.srid,
      crs: `EPSG:${t.tms.srid}`,
      width,
      height,
      format: RASTER_TYPES[t.format as keyof typeof RASTER_TYPES],
      transparent: t.format !== 'jpg',
    });
    return out.body;
  }
  return simpleRender(ctx, t.layers, bounds, t.tms.srid, width, height, t.format as keyof typeof RASTER_TYPES);
}

async function simpleRender(ctx: AppContext, layers: Layer[], bounds: [number, number, number, number], srid: number, width: number, height: number, format: keyof typeof RASTER_TYPES): Promise<Buffer> {
  // Pixel coordinates at 4× for antialiased sub-pixel drawing.
  const scale = 4;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  if (format === 'jpg') {
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, width, height);
  }
  for (const layer of layers) {
    const r = await ctx.db.query<{ wkb: Uint8Array }>(tileGeometrySql(layer, width * scale, 16 * scale), params({ bounds, srid }));
    const colour = defaultColour(layer.name);
    g.strokeStyle = colour;
    g.fillStyle = colour;
    for (const row of r.rows) {
      const geom = row.wkb && row.wkb.length > 9 ? readWkb(row.wkb) : null;
      if (!geom) continue;
      if (geom.type === 3) {
        g.beginPath();
        for (const poly of geom.polygons) for (const ring of poly) ring.forEach(([x, y], i) => (i ? g.lineTo(x / scale, y / scale) : g.moveTo(x / scale, y / scale)));
        g.globalAlpha = 0.25;
        g.fill('evenodd');
        g.globalAlpha = 1;
        g.lineWidth = 1;
        g.stroke();
      } else if (geom.type === 2) {
        g.beginPath();
        for (const line of geom.parts) line.forEach(([x, y], i) => (i ? g.lineTo(x / scale, y / scale) : g.moveTo(x / scale, y / scale)));
        g.lineWidth = 1.5;
        g.stroke();
      } else {
        for (const [[x, y]] of geom.parts) {
          g.beginPath();
          g.arc(x / scale, y / scale, 4, 0, Math.PI * 2);
          g.fill();
          g.lineWidth = 1;
          g.strokeStyle = '#ffffff';
          g.stroke();
          g.strokeStyle = colour;
        }
      }
    }
  }
  const png = await canvas.encode('png');
  if (format === 'png') return Buffer.from(png);
  const img = sharp(Buffer.from(png));
  return format === 'jpg' ? img.flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer() : img.webp({ quality: 85 }).toBuffer();
}

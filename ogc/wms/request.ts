/** The parts of a WMS request GetMap, GetFeatureInfo and GetLegendGraphic share: version,
 *  layers with styles, CRS/SRS with its axis order, BBOX, size, format, DPI. */
import type { AppContext } from '../../server/context.js';
import type { Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { parseCrs, type CrsRef } from '../../data/crs.js';
import { OgcError, missing, invalid } from '../errors.js';
import type { Kvp } from '../kvp.js';
import { imageFormat, type ImageFormat } from '../../styles/render/encode.js';
import type { WmsVersion } from './exceptions.js';

export const MAX_SIDE = 8192;

export function wmsVersion(kvp: Kvp): WmsVersion {
  const v = kvp.get('VERSION') ?? kvp.get('WMTVER');
  return v && /^1\.(0|1)/.test(v) ? '1.1.1' : '1.3.0';
}

export const required = (kvp: Kvp, name: string): string => {
  const v = kvp.get(name);
  if (v === undefined || v.trim() === '') throw missing(name);
  return v;
};

export interface MapView {
  version: WmsVersion;
  crs: CrsRef;
  /** East/north in crs.def.epsg. */
  bbox: { minx: number; miny: number; maxx: number; maxy: number };
  width: number;
  height: number;
}

export function parseView(ctx: AppContext, kvp: Kvp, version: WmsVersion): MapView {
  const crsParam = version === '1.3.0' ? 'CRS' : 'SRS';
  const crsText = kvp.get(crsParam) ?? kvp.get(version === '1.3.0' ? 'SRS' : 'CRS');
  if (!crsText) throw missing(crsParam);
  const crs = parseCrs(crsText, version === '1.1.1');
  if (!crs) throw new OgcError(version === '1.3.0' ? 'InvalidCRS' : 'InvalidSRS', `${crsText} is not a supported ${crsParam}`, crsParam);
  const nums = required(kvp, 'BBOX').split(',').map((s) => Number(s.trim()));
  if (nums.length !== 4 && nums.length !== 5) throw invalid('BBOX', 'BBOX must be minx,miny,maxx,maxy');
  if (nums.slice(0, 4).some((n) => !Number.isFinite(n))) throw invalid('BBOX', 'BBOX values must be numbers');
  const [a, b, c, d] = nums;
  if (a >= c || b >= d) throw invalid('BBOX', 'BBOX minimum must be below its maximum');
  const bbox = crs.northFirst ? { minx: b, miny: a, maxx: d, maxy: c } : { minx: a, miny: b, maxx: c, maxy: d };
  const width = size(kvp, 'WIDTH');
  const height = size(kvp, 'HEIGHT');
  if (width * height > ctx.config.maxImagePixels) throw invalid('WIDTH', `The image may have at most ${ctx.config.maxImagePixels} pixels`);
  return { version, crs, bbox, width, height };
}

function size(kvp: Kvp, name: string): number {
  const t = required(kvp, name);
  const n = Number(t);
  if (!/^\s*\d+\s*$/.test(t) || n < 1 || n > MAX_SIDE) throw invalid(name, `${name} must be an integer from 1 to ${MAX_SIDE}`);
  return n;
}

/** LAYERS (visible ones only; a hidden layer is LayerNotDefined) with their STYLES. */
export function parseLayers(ctx: AppContext, p: Principal, kvp: Kvp, param = 'LAYERS'): Layer[] {
  const names = required(kvp, param).split(',').map((s) => s.trim()).filter(Boolean);
  if (!names.length) throw missing(param);
  if (names.length > 100) throw invalid(param, 'At most 100 layers per request');
  return names.map((n) => {
    const l = ctx.catalogue.find(p, n);
    if (!l) throw new OgcError('LayerNotDefined', `No layer ${n}`, param);
    return l;
  });
}

export function parseFormat(kvp: Kvp, name = 'FORMAT', fallback?: ImageFormat): ImageFormat {
  const t = kvp.get(name);
  if (t === undefined || t === '') {
    if (fallback) return fallback;
    throw missing(name);
  }
  const f = imageFormat(t);
  if (!f) throw new OgcError('InvalidFormat', `Format ${t} is not offered (image/png, image/png; mode=8bit, image/jpeg, image/webp)`, name);
  return f;
}

/** DPI, MAP_RESOLUTION or FORMAT_OPTIONS=dpi:N (GeoServer, MapServer, QGIS spellings). */
export function parseDpi(kvp: Kvp): number | undefined {
  const fo = /(?:^|;)\s*dpi\s*:\s*(\d+(?:\.\d+)?)/i.exec(kvp.get('FORMAT_OPTIONS') ?? '')?.[1];
  const t = kvp.get('DPI') ?? kvp.get('MAP_RESOLUTION') ?? fo;
  if (t === undefined) return undefined;
  const n = Number(t);
  if (!Number.isFinite(n) || n < 10 || n > 1200) throw invalid('DPI', 'DPI must be between 10 and 1200');
  return n;
}

/** The parts of a WMS request GetMap, GetFeatureInfo and GetLegendGraphic share: version,
 *  layers with styles, CRS/SRS with its axis order, BBOX, size, format, DPI. */
import type { WmsNode } from './node.js';
import type { Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { parseCrs, type CrsRef } from '../../data/crs.js';
import { OgcError, missing, invalid } from '../../data/errors.js';
import type { ServiceRequest } from '../../data/reply.js';
import type { Kvp } from '../kvp.js';
import { imageFormat, type ImageFormat } from '../../styles/render/encode.js';
import type { ImageException, WmsVersion } from './exceptions.js';

export const MAX_SIDE = 8192;

/** A WMS request as the operations read it: the service request, its parameters and version. */
export interface WmsRequest extends ServiceRequest {
  kvp: Kvp;
  version: WmsVersion;
}

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

export function parseView(node: WmsNode, kvp: Kvp, version: WmsVersion): MapView {
  const crsParam = version === '1.3.0' ? 'CRS' : 'SRS';
  const crsText = kvp.get(crsParam) ?? kvp.get(version === '1.3.0' ? 'SRS' : 'CRS');
  if (!crsText) throw missing(crsParam);
  const crs = parseCrs(crsText, version === '1.1.1');
  if (!crs)
    throw new OgcError(
      version === '1.3.0' ? 'InvalidCRS' : 'InvalidSRS',
      `${crsText} is not a supported ${crsParam}`,
      crsParam,
    );
  const nums = required(kvp, 'BBOX')
    .split(',')
    .map((s) => Number(s.trim()));
  if (nums.length !== 4 && nums.length !== 5) throw invalid('BBOX', 'BBOX must be minx,miny,maxx,maxy');
  if (nums.slice(0, 4).some((n) => !Number.isFinite(n))) throw invalid('BBOX', 'BBOX values must be numbers');
  const [a, b, c, d] = nums;
  if (a >= c || b >= d) throw invalid('BBOX', 'BBOX minimum must be below its maximum');
  const bbox = crs.northFirst ? { minx: b, miny: a, maxx: d, maxy: c } : { minx: a, miny: b, maxx: c, maxy: d };
  const width = size(kvp, 'WIDTH');
  const height = size(kvp, 'HEIGHT');
  if (width * height > node.config.maxImagePixels)
    throw invalid('WIDTH', `The image may have at most ${node.config.maxImagePixels} pixels`);
  return { version, crs, bbox, width, height };
}

function size(kvp: Kvp, name: string): number {
  const t = required(kvp, name);
  const n = Number(t);
  if (!/^\s*\d+\s*$/.test(t) || n < 1 || n > MAX_SIDE)
    throw invalid(name, `${name} must be an integer from 1 to ${MAX_SIDE}`);
  return n;
}

/** Most layers one GetMap draws (or GetFeatureInfo queries), counted after organisation groups
 *  are expanded, every repeat counting: LAYERS=dpupr repeated 40,000 times once drew 8 GB. */
export const MAX_LAYERS = 100;

const tooMany = (param: string) =>
  invalid(
    param,
    `At most ${MAX_LAYERS} layers per request, counted after organisation groups are expanded (a name given twice counts twice)`,
  );

/** Names in a comma-separated list; refuses more than MAX_LAYERS before anything is looked up. */
export function layerNames(kvp: Kvp, param: string): string[] {
  const names = required(kvp, param)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!names.length) throw missing(param);
  // Each name stands for one layer at least.
  if (names.length > MAX_LAYERS) throw tooMany(param);
  return names;
}

/** LAYERS (visible ones only; a hidden layer is LayerNotDefined): `org:layer` names, layer
 *  UUIDs, and organisation groups (an organisation's code stands for its visible layers, in
 *  name order). Refused as soon as the expanded list passes MAX_LAYERS, before any query. */
export function parseLayers(node: WmsNode, p: Principal, kvp: Kvp, param = 'LAYERS'): Layer[] {
  const out: Layer[] = [];
  let visible: Layer[] | undefined;
  for (const n of layerNames(kvp, param)) {
    const l = node.catalogue.find(p, n);
    if (l) out.push(l);
    else if (!n.includes(':') && node.catalogue.organisation(n)) {
      visible ??= node.catalogue.visibleLayers(p);
      const group = visible.filter((x) => x.organisation === n);
      if (!group.length) throw new OgcError('LayerNotDefined', `No layer ${n}`, param);
      out.push(...group);
    } else throw new OgcError('LayerNotDefined', `No layer ${n}`, param);
    if (out.length > MAX_LAYERS) throw tooMany(param);
  }
  return out;
}

export function parseFormat(kvp: Kvp, name = 'FORMAT', fallback?: ImageFormat): ImageFormat {
  const t = kvp.get(name);
  if (t === undefined || t === '') {
    if (fallback) return fallback;
    throw missing(name);
  }
  const f = imageFormat(t);
  if (!f)
    throw new OgcError(
      'InvalidFormat',
      `Format ${t} is not offered (image/png, image/png; mode=8bit, image/jpeg, image/webp)`,
      name,
    );
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

/** EXCEPTIONS=INIMAGE/BLANK on a GetMap: the error drawn as (or hidden in) an image of the
 *  requested size, format and background, as the client would place a map. */
export function imageExceptionOf(kvp: Kvp, request: string): ImageException | undefined {
  const exceptions = (kvp.get('EXCEPTIONS') ?? '').toUpperCase();
  if (request !== 'getmap' || !/INIMAGE|BLANK/.test(exceptions)) return undefined;
  return {
    mode: /BLANK/.test(exceptions) ? 'BLANK' : 'INIMAGE',
    width: Math.min(MAX_SIDE, Number(kvp.get('WIDTH')) || 0),
    height: Math.min(MAX_SIDE, Number(kvp.get('HEIGHT')) || 0),
    format: kvp.get('FORMAT') ?? 'image/png',
    transparent: /^true$/i.test(kvp.get('TRANSPARENT') ?? ''),
    bgcolor: kvp.get('BGCOLOR'),
  };
}

/** The web map at /map: MapLibre GL JS served from node_modules (no CDN), the caller's visible
 *  layers as vector tiles from /tiles, an offline basemap (a background and the city's
 *  boundaries), a layer list with toggles, pop-ups with attributes, Indonesian/English labels.
 *  /map/style.json is built per caller (hidden layers never appear in it). */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { layerColour } from '../../styles/defaults.js';
import { styleToMapLibre } from '../../styles/maplibre.js';
import { resolveStyle } from '../../styles/resolve.js';
import { OgcError } from '../../data/errors.js';
import { sendProblem } from '../edge-errors.js';

/** server/web next to this file when run from source; from dist/, the source folder. */
const WEB = [new URL('../web/', import.meta.url).pathname, new URL('../../../server/web/', import.meta.url).pathname].find((d) => existsSync(join(d, 'map.html'))) ?? new URL('../web/', import.meta.url).pathname;
const LIB_FILES: Record<string, string> = {
  'maplibre-gl.mjs': 'text/javascript',
  'maplibre-gl-worker.mjs': 'text/javascript',
  'maplibre-gl.css': 'text/css',
};
/** How many layers start switched on (the rest are listed, off). */
const INITIALLY_ON = 12;
const BASEMAP = ['bappeda:batas_kota', 'bappeda:batas_kecamatan'];

function libDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('maplibre-gl/package.json')) + '/dist';
}

type MlLayer = Record<string, unknown> & { id: string };

/** Default MapLibre layers by geometry type. */
function defaultLayers(l: Layer, source: string): MlLayer[] {
  const c = layerColour(l.name);
  const base = { source, 'source-layer': l.name };
  const g = l.geometryType;
  if (g.includes('Polygon') || g === 'Geometry') {
    return [
      { id: `${l.name}#fill`, type: 'fill', ...base, paint: { 'fill-color': c, 'fill-opacity': 0.25 }, filter: ['==', ['geometry-type'], 'Polygon'] },
      { id: `${l.name}#line`, type: 'line', ...base, paint: { 'line-color': c, 'line-width': 1.2 } },
      ...(g === 'Geometry' ? [{ id: `${l.name}#circle`, type: 'circle', ...base, paint: { 'circle-color': c, 'circle-radius': 4 }, filter: ['==', ['geometry-type'], 'Point'] }] : []),
    ];
  }
  if (g.includes('LineString')) return [{ id: `${l.name}#line`, type: 'line', ...base, paint: { 'line-color': c, 'line-width': 2 } }];
  return [{ id: `${l.name}#circle`, type: 'circle', ...base, paint: { 'circle-color': c, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } }];
}

/** The layer's own style (styles/maplibre.ts), or defaults by geometry type when the export
 *  has nothing drawable. */
async function layerStyle(ctx: AppContext, l: Layer, source: string): Promise<MlLayer[]> {
  try {
    // Text and icon symbols need glyphs and sprites, which an offline map does not have.
    const out = styleToMapLibre(await resolveStyle(ctx, l), { source, sourceLayer: l.name, idPrefix: `${l.name}#` }).filter((x) => x.type !== 'symbol');
    if (out.length) return out;
  } catch {
    /* a stored style that no longer parses: the defaults */
  }
  return defaultLayers(l, source);
}

export async function mapStyle(ctx: AppContext, layers: Layer[], base: string) {
  const sources: Record<string, unknown> = {};
  const mlLayers: MlLayer[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2ec' } }];
  const basemap = layers.filter((l) => BASEMAP.includes(l.name));
  const overlays = layers.filter((l) => !BASEMAP.includes(l.name));
  const tiles = (l: Layer) => [`${base}/tiles/${encodeURIComponent(l.name)}/{z}/{x}/{y}.pbf`];
  for (const l of basemap) {
    sources[`basemap:${l.name}`] = { type: 'vector', tiles: tiles(l), minzoom: 0, maxzoom: 16 };
    mlLayers.push(
      { id: `basemap:${l.name}#fill`, type: 'fill', source: `basemap:${l.name}`, 'source-layer': l.name, paint: { 'fill-color': '#fbfaf5', 'fill-opacity': l.name.endsWith('kota') ? 1 : 0 } },
      { id: `basemap:${l.name}#line`, type: 'line', source: `basemap:${l.name}`, 'source-layer': l.name, paint: { 'line-color': '#9a8f7a', 'line-width': l.name.endsWith('kota') ? 2 : 0.8, ...(l.name.endsWith('kota') ? {} : { 'line-dasharray': [3, 2] }) } },
    );
  }
  const list: Array<{ name: string; title: string; layers: string[]; visible: boolean; colour: string }> = [];
  for (const [i, l] of overlays.entries()) {
    const source = `src:${l.name}`;
    sources[source] = { type: 'vector', tiles: tiles(l), minzoom: 0, maxzoom: 16 };
    const visible = i < INITIALLY_ON;
    const ls = (await layerStyle(ctx, l, source)).map((x) => ({ ...x, layout: { ...((x.layout as object) ?? {}), visibility: visible ? 'visible' : 'none' } }));
    mlLayers.push(...ls);
    list.push({ name: l.name, title: l.title, layers: ls.map((x) => x.id), visible, colour: layerColour(l.name) });
  }
  const boxes = layers.map((l) => l.bbox).filter((b): b is NonNullable<typeof b> => !!b);
  const bounds = boxes.length
    ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
    : ctx.config.site.extent;
  const place = ctx.config.site.place.name;
  // The page's title and attribution come from the settings, in both languages.
  const text = { title: { id: `Peta ${place}`, en: `${place} map` }, attribution: ctx.config.site.provider.organisation };
  return { version: 8, name: `Simpul ${place}`, sources, layers: mlLayers, metadata: { 'simpul:layers': list, 'simpul:bounds': bounds, 'simpul:text': text } };
}

const LANGS = ['id', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** ?lang= first, then the caller's Accept-Language by weight ('in' is the old code of
 *  Indonesian); else the site's first language (`languages`, the settings'). */
export function pageLanguage(query: unknown, acceptLanguage: string | undefined, languages: readonly string[] = LANGS): Lang {
  const offered = languages.filter((l): l is Lang => (LANGS as readonly string[]).includes(l));
  if (typeof query === 'string' && (offered as readonly string[]).includes(query)) return query as Lang;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...ps] = part.trim().toLowerCase().split(';');
      const q = Number(/^q=([\d.]+)$/.exec(ps.map((x) => x.trim()).find((x) => x.startsWith('q=')) ?? '')?.[1] ?? 1);
      return { lang: tag.split('-')[0] === 'in' ? 'id' : tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranges.find((r) => (offered as readonly string[]).includes(r.lang))?.lang as Lang) ?? offered[0] ?? 'id';
}

export function mountMap(router: Router, ctx: AppContext): void {
  const page = () => readFileSync(join(WEB, 'map.html'), 'utf8');
  router.get('/map', (req, res) => {
    const lang = pageLanguage(req.query.lang, req.get('accept-language'), ctx.config.site.languages);
    const place = ctx.config.site.place.name.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    res.type('html').set({ 'Cache-Control': 'no-cache', Vary: 'Accept-Language' }).send(page().replace('<html lang="id">', `<html lang="${lang}">`).replace('<title>Peta Simpul Kota Tangerang</title>', `<title>Peta Simpul ${place}</title>`).replace('>Peta Kota Tangerang</h1>', `>Peta ${place}</h1>`));
  });
  router.get('/map/app.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(readFileSync(join(WEB, 'map.js'), 'utf8'));
  });
  router.get('/map/style.json', async (_req, res) => {
    const p = principalOf(res);
    res.set('Cache-Control', `${p.kind === 'anonymous' ? 'public' : 'private'}, no-cache`).json(await mapStyle(ctx, ctx.catalogue.visibleLayers(p), baseUrlOf(res)));
  });
  router.get('/map/lib/:file', (req, res) => {
    const type = LIB_FILES[req.params.file];
    if (!type) {
      sendProblem(res, new OgcError('NotFound', `No file ${req.params.file}`, undefined, 404));
      return;
    }
    res.type(type).set('Cache-Control', 'public, max-age=86400').sendFile(join(libDir(), req.params.file));
  });
}

/** The MapLibre style of /map for the layers a visitor chose (/map/style.json?layers=a,b,c):
 *  one vector source per chosen layer, the layer's own published style (styles/maplibre.ts) or
 *  defaults by geometry type, and one base map. A style of every layer of the catalogue was
 *  1.7 MB and took 18 s to build with 2,491 layers; a chosen few are a few kB. */
import type { AppContext } from '../context.js';
import type { Layer } from '../../data/catalogue/layer.js';
import type { Principal } from '../../data/access.js';
import type { Basemap } from '../../data/site.js';
import { layerColour } from '../../styles/defaults.js';
import { styleToMapLibre } from '../../styles/maplibre.js';
import { resolveStyle } from '../../styles/resolve.js';

/** The city's boundaries, drawn from the node's own layers: the offline base map. */
export const BOUNDARIES = 'boundaries';
const BOUNDARY_LAYERS = ['bappeda:batas_kota', 'bappeda:batas_kecamatan'];
/** Most layers one style may carry (the viewer adds layers one by one). */
export const MAX_STYLE_LAYERS = 50;

type MlLayer = Record<string, unknown> & { id: string };

/** Default MapLibre layers by geometry type. */
function defaultLayers(l: Layer, source: string): MlLayer[] {
  const c = layerColour(l.name);
  const base = { source, 'source-layer': l.name };
  const g = l.geometryType;
  if (g.includes('Polygon') || g === 'Geometry') {
    return [
      {
        id: `${l.name}#fill`,
        type: 'fill',
        ...base,
        paint: { 'fill-color': c, 'fill-opacity': 0.25 },
        filter: ['==', ['geometry-type'], 'Polygon'],
      },
      { id: `${l.name}#line`, type: 'line', ...base, paint: { 'line-color': c, 'line-width': 1.2 } },
      ...(g === 'Geometry'
        ? [
            {
              id: `${l.name}#circle`,
              type: 'circle',
              ...base,
              paint: { 'circle-color': c, 'circle-radius': 4 },
              filter: ['==', ['geometry-type'], 'Point'],
            },
          ]
        : []),
    ];
  }
  if (g.includes('LineString'))
    return [{ id: `${l.name}#line`, type: 'line', ...base, paint: { 'line-color': c, 'line-width': 2 } }];
  return [
    {
      id: `${l.name}#circle`,
      type: 'circle',
      ...base,
      paint: { 'circle-color': c, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
    },
  ];
}

/** The layer's own style, or defaults by geometry type when the export has nothing drawable. */
async function layerStyle(ctx: AppContext, l: Layer, source: string): Promise<MlLayer[]> {
  try {
    // Text and icon symbols need glyphs and sprites, which an offline map does not have.
    const out = styleToMapLibre(await resolveStyle(ctx, l), {
      source,
      sourceLayer: l.name,
      idPrefix: `${l.name}#`,
    }).filter((x) => x.type !== 'symbol');
    if (out.length) return out;
  } catch {
    /* a stored style that no longer parses: the defaults */
  }
  return defaultLayers(l, source);
}

/** A WMTS REST address (WebMercatorQuad) as MapLibre's XYZ template. */
const xyzOf = (b: Basemap) =>
  b.type === 'wmts'
    ? b.url
        .replace(/\{TileMatrix\}/g, '{z}')
        .replace(/\{TileRow\}/g, '{y}')
        .replace(/\{TileCol\}/g, '{x}')
    : b.url;

/** The base maps a visitor may choose: the boundaries (when the caller may read them), the settings'. */
export function basemapChoices(
  ctx: AppContext,
  p: Principal,
): Array<{ id: string; title: { id: string; en: string } }> {
  const own = BOUNDARY_LAYERS.some((n) => ctx.catalogue.find(p, n))
    ? [{ id: BOUNDARIES, title: { id: 'Batas wilayah kota', en: 'City boundaries' } }]
    : [];
  return [
    ...own,
    ...ctx.config.site.map.basemaps.map((b) => ({ id: b.id, title: b.title })),
    { id: 'none', title: { id: 'Tanpa peta dasar', en: 'No base map' } },
  ];
}

function basemapPart(ctx: AppContext, p: Principal, id: string, tiles: (l: Layer) => string[]) {
  const sources: Record<string, unknown> = {};
  const layers: MlLayer[] = [];
  const attribution: string[] = [];
  if (id === BOUNDARIES) {
    for (const l of BOUNDARY_LAYERS.map((n) => ctx.catalogue.find(p, n)).filter((x): x is Layer => !!x)) {
      const kota = l.name.endsWith('kota');
      sources[`basemap:${l.name}`] = { type: 'vector', tiles: tiles(l), minzoom: 0, maxzoom: 16 };
      layers.push(
        {
          id: `basemap:${l.name}#fill`,
          type: 'fill',
          source: `basemap:${l.name}`,
          'source-layer': l.name,
          paint: { 'fill-color': '#fbfaf5', 'fill-opacity': kota ? 1 : 0 },
        },
        {
          id: `basemap:${l.name}#line`,
          type: 'line',
          source: `basemap:${l.name}`,
          'source-layer': l.name,
          paint: {
            'line-color': '#9a8f7a',
            'line-width': kota ? 2 : 0.8,
            ...(kota ? {} : { 'line-dasharray': [3, 2] }),
          },
        },
      );
    }
  }
  const b = ctx.config.site.map.basemaps.find((x) => x.id === id);
  if (b) {
    sources[`basemap:${b.id}`] = {
      type: 'raster',
      tiles: [xyzOf(b)],
      tileSize: b.tileSize ?? 256,
      maxzoom: b.maxzoom ?? 19,
      ...(b.attribution ? { attribution: b.attribution } : {}),
    };
    layers.push({ id: `basemap:${b.id}`, type: 'raster', source: `basemap:${b.id}` });
    if (b.attribution) attribution.push(b.attribution);
  }
  return { sources, layers };
}

export interface StyleLayerInfo {
  name: string;
  title: string;
  organisation: string;
  geometryType: string;
  status: string;
  layers: string[];
  colour: string;
  legend: string;
  bbox: [number, number, number, number] | null;
}

/** The style of `chosen` (readable layers, top first) over the base map `basemap`. */
export async function mapStyle(ctx: AppContext, p: Principal, chosen: Layer[], base: string, basemap: string) {
  const tiles = (l: Layer) => [`${base}/tiles/${encodeURIComponent(l.name)}/{z}/{x}/{y}.pbf`];
  const bm = basemapPart(ctx, p, basemap, tiles);
  const sources: Record<string, unknown> = { ...bm.sources };
  const mlLayers: MlLayer[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#eef2ec' } },
    ...bm.layers,
  ];
  const list: StyleLayerInfo[] = [];
  // The first chosen layer is drawn last (on top), as the viewer's list shows it.
  for (const l of [...chosen].reverse()) {
    const source = `src:${l.name}`;
    sources[source] = { type: 'vector', tiles: tiles(l), minzoom: 0, maxzoom: 16 };
    const ls = await layerStyle(ctx, l, source);
    mlLayers.push(...ls);
    list.unshift({
      name: l.name,
      title: l.title || l.name,
      organisation: l.organisation,
      geometryType: l.geometryType,
      status: l.status,
      layers: ls.map((x) => x.id),
      colour: layerColour(l.name),
      legend: `${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=${encodeURIComponent(l.name)}`,
      bbox: l.bbox,
    });
  }
  const place = ctx.config.site.place.name;
  // The page's title and attribution come from the settings, in both languages.
  const text = {
    title: { id: `Peta ${place}`, en: `${place} map` },
    attribution: ctx.config.site.provider.organisation,
  };
  return {
    version: 8,
    name: `Simpul ${place}`,
    sources,
    layers: mlLayers,
    metadata: {
      'simpul:layers': list,
      'simpul:basemap': basemap,
      'simpul:bounds': ctx.config.site.extent,
      'simpul:text': text,
    },
  };
}

/** The style a layer has when nobody stored one: one rule by geometry type, in a colour
 *  stable per layer (a hash of its name), so neighbouring layers differ. */
import type { Layer } from '../data/catalogue/layer.js';
import type { Style } from './model.js';

export const DEFAULT_STYLE_NAME = 'default';

const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#ff7f0e',
  '#7f7f7f',
];

export function layerColour(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export function defaultStyle(layer: Pick<Layer, 'name' | 'title' | 'geometryType'>): Style {
  const color = layerColour(layer.name);
  const g = layer.geometryType;
  const point = {
    kind: 'point' as const,
    graphic: {
      shape: 'circle' as const,
      size: 8,
      rotation: 0,
      opacity: 1,
      fill: { color, opacity: 1 },
      stroke: { color: '#ffffff', width: 1, opacity: 1 },
    },
  };
  const line = {
    kind: 'line' as const,
    stroke: { color, width: 1.5, opacity: 1, linecap: 'round' as const, linejoin: 'round' as const },
  };
  const polygon = { kind: 'polygon' as const, fill: { color, opacity: 0.35 }, stroke: { color, width: 1, opacity: 1 } };
  const symbolizers = /Point/.test(g)
    ? [point]
    : /Line/.test(g)
      ? [line]
      : /Polygon/.test(g)
        ? [polygon]
        : [polygon, line, point];
  return {
    name: DEFAULT_STYLE_NAME,
    title: `${layer.title} (default)`,
    rules: [{ name: 'default', title: layer.title, symbolizers }],
  };
}

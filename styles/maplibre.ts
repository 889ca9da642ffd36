/** A style as MapLibre GL style layers for a vector tile source whose source-layer is the
 *  layer name (as /tiles/{layer}/{z}/{x}/{y}.pbf serves). Filters become MapLibre
 *  expressions where they map (comparisons, like as a prefix/contains test is not, and/or/not,
 *  in, null); rules with other filters are exported without them. Scale denominators become
 *  zoom levels (WebMercator, 256 px tiles at the 0.28 mm pixel: zoom = log2(559082264 / scale)). */
import type { Expr, Filter } from '../data/query/types.js';
import type { Rule, Style } from './model.js';

export type MapLibreLayer = Record<string, unknown> & {
  id: string;
  type: string;
  source: string;
  'source-layer': string;
};

const zoomOf = (scale: number) => Math.max(0, Math.min(24, Math.log2(559082264.029 / scale)));

function expr(e: Expr): unknown {
  if ('property' in e) return ['get', e.property.includes(':') ? e.property.split(':').pop() : e.property];
  if ('literal' in e) return e.literal;
  return null;
}

const CMP: Record<string, string> = { '=': '==', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export function filterToMapLibre(f: Filter): unknown | undefined {
  switch (f.op) {
    case 'and':
    case 'or': {
      const args = f.args.map(filterToMapLibre);
      return args.some((a) => a === undefined) ? undefined : [f.op === 'and' ? 'all' : 'any', ...args];
    }
    case 'not': {
      const a = filterToMapLibre(f.arg);
      return a === undefined ? undefined : ['!', a];
    }
    case 'compare':
      return [CMP[f.cmp], expr(f.left), expr(f.right)];
    case 'in':
      return ['in', expr(f.expr), ['literal', f.list.map(expr)]];
    case 'isNull':
      return ['!', ['has', (expr(f.expr) as unknown[])[1]]];
    case 'between':
      return ['all', ['>=', expr(f.expr), expr(f.lower)], ['<=', expr(f.expr), expr(f.upper)]];
    case 'include':
      return true;
    case 'exclude':
      return false;
    default:
      return undefined;
  }
}

const rgbaOf = (color: string, opacity: number) => ({ color, opacity });

export function styleToMapLibre(
  style: Style,
  opts: { source: string; sourceLayer: string; idPrefix?: string },
): MapLibreLayer[] {
  const out: MapLibreLayer[] = [];
  const prefix = opts.idPrefix ?? opts.sourceLayer;
  // Rules come in pass (FeatureTypeStyle) order, as MapLibre draws layers; ElseFilter is per pass.
  const others = (pass: number) =>
    style.rules
      .filter((r) => (r.pass ?? 0) === pass && !r.elseFilter && r.filter)
      .map((r) => filterToMapLibre(r.filter!))
      .filter((x) => x !== undefined);
  style.rules.forEach((rule: Rule, i) => {
    let filter = rule.filter ? filterToMapLibre(rule.filter) : undefined;
    const rest = rule.elseFilter ? others(rule.pass ?? 0) : [];
    if (rest.length) filter = ['!', ['any', ...rest]];
    const base = (kind: string, j: number, type: string, geom?: string): MapLibreLayer => {
      const l: MapLibreLayer = {
        id: `${prefix}-${i}-${j}-${kind}`,
        type,
        source: opts.source,
        'source-layer': opts.sourceLayer,
      };
      if (rule.maxScale !== undefined) l.minzoom = zoomOf(rule.maxScale);
      if (rule.minScale !== undefined && rule.minScale > 0) l.maxzoom = zoomOf(rule.minScale);
      // MapLibre 4 reports multi-part features as Multi*: accept both.
      const parts = [geom ? ['in', ['geometry-type'], ['literal', [geom, `Multi${geom}`]]] : undefined, filter].filter(
        (x) => x !== undefined,
      );
      if (parts.length) l.filter = parts.length === 1 ? parts[0] : ['all', ...parts];
      return l;
    };
    rule.symbolizers.forEach((s, j) => {
      if (s.kind === 'polygon') {
        if (s.fill) {
          const f = rgbaOf(s.fill.color, s.fill.opacity);
          out.push({
            ...base('fill', j, 'fill', 'Polygon'),
            paint: { 'fill-color': f.color, 'fill-opacity': s.fill.hatch ? 0.3 : f.opacity },
          });
        }
        if (s.stroke)
          out.push({
            ...base('outline', j, 'line', 'Polygon'),
            paint: {
              'line-color': s.stroke.color,
              'line-width': s.stroke.width,
              'line-opacity': s.stroke.opacity,
              ...(s.stroke.dasharray
                ? { 'line-dasharray': s.stroke.dasharray.map((d) => d / Math.max(1, s.stroke!.width)) }
                : {}),
            },
          });
      } else if (s.kind === 'line') {
        out.push({
          ...base('line', j, 'line'),
          layout: { 'line-cap': s.stroke.linecap ?? 'butt', 'line-join': s.stroke.linejoin ?? 'miter' },
          paint: {
            'line-color': s.stroke.color,
            'line-width': s.stroke.width,
            'line-opacity': s.stroke.opacity,
            ...(s.stroke.dasharray
              ? { 'line-dasharray': s.stroke.dasharray.map((d) => d / Math.max(1, s.stroke.width)) }
              : {}),
          },
        });
      } else if (s.kind === 'point') {
        const g = s.graphic;
        out.push({
          ...base('circle', j, 'circle', 'Point'),
          paint: {
            'circle-radius': g.size / 2,
            'circle-color': g.fill?.color ?? '#808080',
            'circle-opacity': (g.fill?.opacity ?? 1) * g.opacity,
            'circle-stroke-color': g.stroke?.color ?? '#000000',
            'circle-stroke-width': g.stroke?.width ?? 0,
          },
        });
      } else {
        out.push({
          ...base('label', j, 'symbol'),
          layout: {
            'text-field': s.label.property ? ['to-string', ['get', s.label.property]] : (s.label.literal ?? ''),
            'text-size': s.font.size,
            'symbol-placement': s.placement === 'line' ? 'line' : 'point',
            'text-font': ['Open Sans Regular'],
          },
          paint: {
            'text-color': s.fill.color,
            'text-opacity': s.fill.opacity,
            ...(s.halo ? { 'text-halo-color': s.halo.fill.color, 'text-halo-width': s.halo.radius } : {}),
          },
        });
      }
    });
  });
  return out;
}

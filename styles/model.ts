/** The one style model: SLD 1.0 and SE 1.1 parse into it, the renderer draws it, legends and
 *  the MapLibre export read it. Sizes are in pixels at the standard 0.28 mm pixel (90.7 dpi). */
import type { Filter } from '../data/query/types.js';

export interface Stroke {
  color: string;
  width: number;
  opacity: number;
  dasharray?: number[];
  linecap?: 'butt' | 'round' | 'square';
  linejoin?: 'miter' | 'round' | 'bevel';
}

/** shape://… hatches of GraphicFill. */
export type Hatch = 'horline' | 'vertline' | 'slash' | 'backslash' | 'plus' | 'times' | 'dot';

export interface Fill {
  color: string;
  opacity: number;
  hatch?: { kind: Hatch; stroke: Stroke; size: number };
}

export type MarkShape = 'circle' | 'square' | 'triangle' | 'star' | 'cross' | 'x';

export interface Graphic {
  shape: MarkShape;
  fill?: Fill;
  stroke?: Stroke;
  size: number;
  rotation: number;
  opacity: number;
  /** ExternalGraphic given as a data: URI (the only kind accepted: no fetching). */
  image?: string;
}

export interface Font {
  family: string;
  size: number;
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
}

/** LinePlacement: glyphs follow the line (or, followLine=false, one straight run along it). */
export interface LinePlacement {
  /** Pixels to the left of the line's direction (SE PerpendicularOffset); negative: right. */
  offset: number;
  /** A label every `repeat` pixels along the line (0: one, at the middle). */
  repeat: number;
  /** Largest turn, in degrees, between neighbouring glyphs before the label is dropped. */
  maxAngle: number;
  follow: boolean;
}

export interface TextSymbolizer {
  kind: 'text';
  /** Property whose value is the label (literal text when `literal` is set). */
  label: { property?: string; literal?: string };
  font: Font;
  fill: Fill;
  halo?: { radius: number; fill: Fill };
  placement: 'point' | 'line';
  /** With placement 'line'; absent: defaults (follow, no offset, no repeat, 45°). */
  line?: LinePlacement;
  anchor: [number, number];
  displacement: [number, number];
}

export type Symbolizer =
  | { kind: 'point'; graphic: Graphic }
  | { kind: 'line'; stroke: Stroke }
  | { kind: 'polygon'; fill?: Fill; stroke?: Stroke }
  | TextSymbolizer;

export interface Rule {
  name: string;
  title?: string;
  filter?: Filter;
  /** SLD ElseFilter: applies when no other rule of the style matched. */
  elseFilter?: boolean;
  minScale?: number;
  maxScale?: number;
  /** Index of its FeatureTypeStyle: each is a drawing pass over every feature, in order
   *  (absent: 0). Rules are kept sorted by pass. */
  pass?: number;
  symbolizers: Symbolizer[];
}

export interface Style {
  name: string;
  title: string;
  abstract?: string;
  rules: Rule[];
}

/** Properties a style reads (filters and labels): the only attributes the map query fetches. */
export function styleProperties(style: Style): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    for (const [k, x] of Object.entries(v)) {
      if (k === 'property' && typeof x === 'string') out.add(x.includes(':') ? x.split(':').pop()! : x);
      else walk(x);
    }
  };
  for (const r of style.rules) {
    walk(r.filter);
    for (const s of r.symbolizers) if (s.kind === 'text' && s.label.property) out.add(s.label.property);
  }
  return out;
}

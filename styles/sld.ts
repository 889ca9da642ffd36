/** SLD 1.0 and SE 1.1 (StyledLayerDescriptor with NamedLayer/UserLayer → UserStyle →
 *  FeatureTypeStyle → Rule) into the one style model. Filters go through the shared
 *  Filter 1.0/1.1 reader; only data: URIs are accepted as external graphics (nothing is fetched). */
import { parseXml } from '../data/xml.js';
import { OgcError } from '../data/errors.js';
import { filterFromXml } from '../data/query/ogc-filter.js';
import type { Fill, Font, Graphic, Hatch, LinePlacement, MarkShape, Rule, Stroke, Style, Symbolizer } from './model.js';
import { STYLE_LIMITS as L } from './limits.js';
import { graphicProblem } from './graphic-image.js';

export interface SldLayer {
  /** NamedLayer/UserLayer Name: the layer the styles apply to. */
  name: string;
  styles: Style[];
  /** NamedStyle references (a stored style by name). */
  namedStyles: string[];
}

const bad = (why: string) => new OgcError('InvalidParameterValue', `SLD: ${why}`, 'SLD_BODY');
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const txt = (v: any): string =>
  (v === undefined || v === null ? '' : typeof v === 'object' ? String(v['#text'] ?? '') : String(v)).trim();
const num = (v: any, d: number): number => {
  const n = Number(txt(v));
  return txt(v) !== '' && Number.isFinite(n) ? n : d;
};
/** A number that must lie within ±max (sizes, widths, offsets): a clear refusal, not a clamp,
 *  since a value far out of range is a mistake or an attempt to make drawing explode. */
const within = (what: string, n: number, max: number, min = -max): number => {
  if (n > max || n < min) throw bad(`${what} ${n} is outside ${min} to ${max}`);
  return n;
};

/** Elements carrying their name in a `name` attribute (CssParameter, VendorOption, …) by name. */
function named(list: any[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of list) {
    const name = String(p?.['@name'] ?? '');
    // A value may itself be an expression (ogc:Literal): take its text.
    const v = typeof p === 'object' ? (p['#text'] ?? txt(p.Literal)) : p;
    if (name) m.set(name, String(v ?? '').trim());
  }
  return m;
}

/** CssParameter (SLD 1.0) / SvgParameter (SE 1.1) by name. */
const params = (node: any) => named([...arr(node?.CssParameter), ...arr(node?.SvgParameter)]);

const COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const colour = (v: string | undefined, d: string): string => (v && COLOUR.test(v) ? v : d);

function stroke(node: any): Stroke | undefined {
  if (node === undefined) return undefined;
  const p = params(node);
  const dashText = p.get('stroke-dasharray')?.trim();
  const dash = dashText
    ? dashText
        .split(/[\s,]+/)
        .map(Number)
        .filter((n) => Number.isFinite(n) && n >= 0)
    : undefined;
  if (dash && dash.length > L.dashEntries) throw bad(`stroke-dasharray may have at most ${L.dashEntries} entries`);
  dash?.forEach((d) => within('stroke-dasharray entry', d, L.dashLength, 0));
  const cap = p.get('stroke-linecap');
  const join = p.get('stroke-linejoin');
  const out: Stroke = {
    color: colour(p.get('stroke'), '#000000'),
    width: within('stroke-width', num(p.get('stroke-width'), 1), L.strokeWidth, 0),
    opacity: num(p.get('stroke-opacity'), 1),
  };
  if (dash?.length && dash.some((d) => d > 0)) out.dasharray = dash;
  if (cap === 'butt' || cap === 'round' || cap === 'square') out.linecap = cap;
  if (join === 'miter' || join === 'round' || join === 'bevel') out.linejoin = join;
  // A GraphicStroke is drawn as a plain stroke in its colour (kept simple).
  return out;
}

const HATCHES: Record<string, Hatch> = {
  'shape://horline': 'horline',
  'shape://vertline': 'vertline',
  'shape://slash': 'slash',
  'shape://backslash': 'backslash',
  'shape://plus': 'plus',
  'shape://times': 'times',
  'shape://dot': 'dot',
};

function fill(node: any): Fill | undefined {
  if (node === undefined) return undefined;
  const p = params(node);
  const out: Fill = { color: colour(p.get('fill'), '#808080'), opacity: num(p.get('fill-opacity'), 1) };
  const gf = node?.GraphicFill?.Graphic;
  if (gf) {
    const mark = arr(gf.Mark)[0];
    const wkn = txt(mark?.WellKnownName).toLowerCase();
    const kind = HATCHES[wkn];
    if (kind) {
      out.hatch = {
        kind,
        stroke: stroke(mark.Stroke) ?? { color: '#000000', width: 1, opacity: 1 },
        size: within('GraphicFill Size', num(gf.Size, 8), L.graphicSize, 0),
      };
      out.opacity = 1;
    } else {
      const g = graphic(gf);
      out.color = g.fill?.color ?? out.color;
    }
  }
  return out;
}

const SHAPES: Record<string, MarkShape> = {
  circle: 'circle',
  square: 'square',
  triangle: 'triangle',
  star: 'star',
  cross: 'cross',
  x: 'x',
};

function graphic(node: any): Graphic {
  const mark = arr(node?.Mark)[0];
  const ext = arr(node?.ExternalGraphic)[0];
  const g: Graphic = {
    shape: 'square',
    size: within('Graphic Size', num(node?.Size, 6), L.graphicSize, 0),
    rotation: num(node?.Rotation, 0),
    opacity: num(node?.Opacity, 1),
  };
  if (ext) {
    // Only inline images: an http(s), file or any other URL is refused, never fetched or read.
    const href = String(ext.OnlineResource?.['@xlink:href'] ?? ext.OnlineResource?.['@href'] ?? '');
    const problem = graphicProblem(href);
    if (problem) throw bad(problem);
    g.image = href;
    return g;
  }
  const wkn = txt(mark?.WellKnownName).toLowerCase() || 'square';
  g.shape = SHAPES[wkn] ?? 'square';
  g.fill = mark ? fill(mark.Fill) : { color: '#808080', opacity: 1 };
  g.stroke = mark ? stroke(mark.Stroke) : { color: '#000000', width: 1, opacity: 1 };
  if (mark && mark.Fill === undefined && mark.Stroke === undefined) {
    g.fill = { color: '#808080', opacity: 1 };
    g.stroke = { color: '#000000', width: 1, opacity: 1 };
  }
  return g;
}

function font(node: any): Font {
  const p = params(node);
  return {
    family: (p.get('font-family') || 'sans-serif').replace(/[^\w\s,-]/g, ''),
    size: within('font-size', num(p.get('font-size'), 10), L.fontSize, 0),
    weight: p.get('font-weight') === 'bold' ? 'bold' : 'normal',
    style: p.get('font-style') === 'italic' || p.get('font-style') === 'oblique' ? 'italic' : 'normal',
  };
}

/** LinePlacement with SE PerpendicularOffset and GeoServer's followLine, repeat and maxAngleDelta. */
function linePlacement(node: any, lp: any): LinePlacement {
  const vo = named(arr(node.VendorOption));
  return {
    offset: within('PerpendicularOffset', num(lp?.PerpendicularOffset, 0), L.offset),
    repeat: Math.max(0, num(vo.get('repeat'), 0)),
    maxAngle: num(vo.get('maxAngleDelta'), 45),
    follow: vo.get('followLine') !== 'false',
  };
}

function text(node: any): Symbolizer {
  const label = node.Label;
  const property = label && typeof label === 'object' ? txt(label.PropertyName) : '';
  const literal =
    label && typeof label === 'object' ? (property ? undefined : txt(label.Literal) || txt(label)) : txt(label);
  const pp = node.LabelPlacement?.PointPlacement;
  const halo = node.Halo;
  const lp = node.LabelPlacement?.LinePlacement;
  if ((literal ?? '').length > L.labelChars) throw bad(`a Label may have at most ${L.labelChars} characters`);
  return {
    kind: 'text',
    label: property ? { property } : { literal: literal ?? '' },
    font: font(node.Font),
    fill: fill(node.Fill) ?? { color: '#000000', opacity: 1 },
    halo:
      halo !== undefined
        ? {
            radius: within('Halo Radius', num(halo.Radius, 1), L.haloRadius, 0),
            fill: fill(halo.Fill) ?? { color: '#ffffff', opacity: 1 },
          }
        : undefined,
    placement: lp !== undefined ? 'line' : 'point',
    ...(lp !== undefined ? { line: linePlacement(node, lp) } : {}),
    anchor: [num(pp?.AnchorPoint?.AnchorPointX, 0.5), num(pp?.AnchorPoint?.AnchorPointY, 0.5)],
    displacement: [
      within('DisplacementX', num(pp?.Displacement?.DisplacementX, 0), L.offset),
      within('DisplacementY', num(pp?.Displacement?.DisplacementY, 0), L.offset),
    ],
  };
}

const SYMBOLIZERS: Record<string, (n: any) => Symbolizer> = {
  PointSymbolizer: (n) => ({ kind: 'point', graphic: graphic(n.Graphic) }),
  LineSymbolizer: (n) => ({ kind: 'line', stroke: stroke(n.Stroke) ?? { color: '#000000', width: 1, opacity: 1 } }),
  PolygonSymbolizer: (n) => ({ kind: 'polygon', fill: fill(n.Fill), stroke: stroke(n.Stroke) }),
  TextSymbolizer: text,
};

const SEQ = 'simpul-seq';
/** fast-xml-parser groups children by name, losing the order between names; numbering these
 *  start tags first keeps document order (symbolizers are drawn in it, FTS are passes). */
const ORDERED = /<((?:[\w.-]+:)?(?:(?:Point|Line|Polygon|Text)Symbolizer|FeatureTypeStyle|CoverageStyle))(?=[\s/>])/g;
const numbered = (xml: string) => {
  let n = 0;
  return xml.replace(ORDERED, (_, tag: string) => `<${tag} ${SEQ}="${n++}"`);
};
const seqOf = (n: any) => num(n?.[`@${SEQ}`], 0);

function rule(node: any, i: number, pass: number): Rule {
  const r: Rule = { name: txt(node.Name) || `rule${i + 1}`, symbolizers: [] };
  if (pass) r.pass = pass;
  const title = txt(node.Title) || txt(node.Description?.Title);
  if (title) r.title = title;
  if (node.Filter !== undefined) {
    try {
      r.filter = filterFromXml(node.Filter);
    } catch (err) {
      throw bad(`rule ${r.name}: ${(err as Error).message}`);
    }
  }
  if (node.ElseFilter !== undefined) r.elseFilter = true;
  if (node.MinScaleDenominator !== undefined) r.minScale = num(node.MinScaleDenominator, 0);
  if (node.MaxScaleDenominator !== undefined) r.maxScale = num(node.MaxScaleDenominator, Infinity);
  const count = Object.keys(SYMBOLIZERS).reduce((n, kind) => n + arr(node[kind]).length, 0);
  if (count > L.symbolizersPerRule)
    throw bad(`rule ${r.name} has ${count} symbolizers; at most ${L.symbolizersPerRule} are accepted`);
  r.symbolizers = Object.entries(SYMBOLIZERS)
    .flatMap(([kind, make]) => arr(node[kind]).map((n) => ({ seq: seqOf(n), s: make(n ?? {}) })))
    .sort((a, b) => a.seq - b.seq)
    .map((x) => x.s);
  return r;
}

/** Each FeatureTypeStyle is one drawing pass (its number kept on its rules), in document order. */
function userStyle(node: any, i: number): Style {
  const rules: Rule[] = [];
  const passes = [...arr(node.FeatureTypeStyle), ...arr(node.CoverageStyle)];
  if (passes.length > L.featureTypeStyles)
    throw bad(`a style has ${passes.length} FeatureTypeStyles; at most ${L.featureTypeStyles} are accepted`);
  const count = passes.reduce((n, fts) => n + arr(fts?.Rule).length, 0);
  if (count > L.rulesPerStyle) throw bad(`a style has ${count} rules; at most ${L.rulesPerStyle} are accepted`);
  passes
    .sort((a, b) => seqOf(a) - seqOf(b))
    .forEach((fts, pass) => {
      for (const r of arr(fts?.Rule)) rules.push(rule(r ?? {}, rules.length, pass));
    });
  return {
    name: txt(node.Name) || `style${i + 1}`,
    title: txt(node.Title) || txt(node.Description?.Title) || txt(node.Name),
    abstract: txt(node.Abstract) || undefined,
    rules,
  };
}

/** Parses an SLD document; throws an OgcError (InvalidParameterValue) saying what is wrong. */
export function parseSld(xml: string): SldLayer[] {
  if (xml.length > L.sldChars)
    throw bad(`the document has ${xml.length} characters; at most ${L.sldChars} are accepted`);
  let doc: any;
  try {
    doc = parseXml(numbered(xml.trim()), { removeNSPrefix: true });
  } catch (err) {
    throw bad((err as Error).message);
  }
  const root = doc?.StyledLayerDescriptor;
  if (!root || typeof root !== 'object') throw bad('the document is not a StyledLayerDescriptor');
  const out: SldLayer[] = [];
  const layers = [...arr(root.NamedLayer), ...arr(root.UserLayer)];
  if (layers.length > L.layers) throw bad(`the document has ${layers.length} layers; at most ${L.layers} are accepted`);
  const styleCount = layers.reduce((n, l) => n + arr(l?.UserStyle).length, 0);
  if (styleCount > L.styles) throw bad(`the document has ${styleCount} UserStyles; at most ${L.styles} are accepted`);
  for (const l of layers) {
    const name = txt(l?.Name);
    out.push({
      name,
      styles: arr(l?.UserStyle).map((s, i) => userStyle(s ?? {}, i)),
      namedStyles: arr(l?.NamedStyle).map((s: any) => txt(s?.Name)),
    });
  }
  if (!out.length) throw bad('no NamedLayer or UserLayer');
  const rules = out.flatMap((l) => l.styles.flatMap((s) => s.rules));
  if (rules.length > L.rules) throw bad(`the document has ${rules.length} rules; at most ${L.rules} are accepted`);
  const symbolizers = rules.reduce((n, r) => n + r.symbolizers.length, 0);
  if (symbolizers > L.symbolizers)
    throw bad(`the document has ${symbolizers} symbolizers; at most ${L.symbolizers} are accepted`);
  return out;
}

/** A stored SLD's first user style (what the admin API stores per style name). */
export function styleFromSld(xml: string): Style {
  const s = parseSld(xml).flatMap((l) => l.styles)[0];
  if (!s) throw bad('no UserStyle');
  return s;
}

/** Turns a simple symbology choice (one colour, categories by an attribute's values,
 *  graduated by a number's class breaks, optional labels) into an SLD 1.1 / SE 1.1 document.
 *  Pure: the values and breaks come from the caller (data/ reads them), so the web editor and
 *  any test write the same XML, and the result goes through the same SLD reader as the PUT API. */

export type SymbologyKind = 'single' | 'categories' | 'graduated';
export type GeometryKind = 'point' | 'line' | 'polygon';

export interface SimpleSymbology {
  layer: string;
  geometry: GeometryKind;
  kind: SymbologyKind;
  /** #rrggbb for 'single'. */
  colour?: string;
  /** A key of PALETTES for 'categories' and 'graduated'. */
  palette?: string;
  strokeWidth: number;
  attribute?: string;
  /** Distinct values for 'categories' (already capped by the caller). */
  values?: (string | number)[];
  /** Ascending class edges for 'graduated': n classes need n + 1 edges. */
  breaks?: number[];
  /** Attribute whose value is drawn as a label. */
  label?: string;
  title?: string;
}

/** Colour ramps (ColorBrewer-like), interpolated when more classes are asked for. */
export const PALETTES: Record<string, string[]> = {
  kategori: ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'],
  biru: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  hijau: ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'],
  merah: ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'],
  spektral: ['#d7191c', '#fdae61', '#ffffbf', '#abdda4', '#2b83ba'],
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const hex = (n: number) =>
  Math.round(Math.max(0, Math.min(255, n)))
    .toString(16)
    .padStart(2, '0');
const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** n colours from a palette: categories cycle through it, graduated interpolates along it. */
export function paletteColours(palette: string, n: number, interpolate: boolean): string[] {
  const ramp = PALETTES[palette] ?? PALETTES.kategori;
  if (!interpolate || n <= 1) return Array.from({ length: n }, (_, i) => ramp[i % ramp.length]);
  return Array.from({ length: n }, (_, i) => {
    const t = (i / (n - 1)) * (ramp.length - 1);
    const lo = Math.floor(t);
    const hi = Math.min(lo + 1, ramp.length - 1);
    const [a, b] = [rgb(ramp[lo]), rgb(ramp[hi])];
    return `#${a.map((v, k) => hex(v + (b[k] - v) * (t - lo))).join('')}`;
  });
}

const darker = (c: string) =>
  `#${rgb(c)
    .map((v) => hex(v * 0.6))
    .join('')}`;
const svg = (name: string, value: string | number) => `<se:SvgParameter name="${name}">${value}</se:SvgParameter>`;

/** The symbolizer for one colour, by geometry (a table, not a chain of ifs). */
const SYMBOLIZERS: Record<GeometryKind, (colour: string, width: number) => string> = {
  point: (c, w) =>
    `<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill>${svg('fill', c)}</se:Fill><se:Stroke>${svg('stroke', darker(c))}${svg('stroke-width', w)}</se:Stroke></se:Mark><se:Size>8</se:Size></se:Graphic></se:PointSymbolizer>`,
  line: (c, w) =>
    `<se:LineSymbolizer><se:Stroke>${svg('stroke', c)}${svg('stroke-width', w)}</se:Stroke></se:LineSymbolizer>`,
  polygon: (c, w) =>
    `<se:PolygonSymbolizer><se:Fill>${svg('fill', c)}</se:Fill><se:Stroke>${svg('stroke', darker(c))}${svg('stroke-width', w)}</se:Stroke></se:PolygonSymbolizer>`,
};

const prop = (name: string) => `<ogc:PropertyName>${esc(name)}</ogc:PropertyName>`;
const lit = (v: string | number) => `<ogc:Literal>${esc(String(v))}</ogc:Literal>`;

interface RuleSpec {
  title: string;
  colour: string;
  filter?: string;
}

function rules(s: SimpleSymbology): RuleSpec[] {
  if (s.kind === 'single') return [{ title: s.title || s.layer, colour: s.colour || '#3388ff' }];
  if (!s.attribute) throw new Error('an attribute is needed for categories or graduated');
  const attr = s.attribute;
  if (s.kind === 'categories') {
    const values = s.values ?? [];
    const colours = paletteColours(s.palette ?? 'kategori', values.length, false);
    return values.map((v, i) => ({
      title: String(v),
      colour: colours[i],
      filter: `<ogc:PropertyIsEqualTo>${prop(attr)}${lit(v)}</ogc:PropertyIsEqualTo>`,
    }));
  }
  const b = s.breaks ?? [];
  const n = Math.max(0, b.length - 1);
  const colours = paletteColours(s.palette ?? 'biru', n, true);
  // Half-open classes [lo, hi) except the last, which keeps its upper edge, so no feature falls
  // between two classes or into both.
  return colours.map((colour, i) => {
    const last = i === n - 1;
    const upper = last
      ? `<ogc:PropertyIsLessThanOrEqualTo>${prop(attr)}${lit(b[i + 1])}</ogc:PropertyIsLessThanOrEqualTo>`
      : `<ogc:PropertyIsLessThan>${prop(attr)}${lit(b[i + 1])}</ogc:PropertyIsLessThan>`;
    return {
      title: `${b[i]} – ${b[i + 1]}`,
      colour,
      filter: `<ogc:And><ogc:PropertyIsGreaterThanOrEqualTo>${prop(attr)}${lit(b[i])}</ogc:PropertyIsGreaterThanOrEqualTo>${upper}</ogc:And>`,
    };
  });
}

const textSymbolizer = (attr: string) =>
  `<se:TextSymbolizer><se:Label>${prop(attr)}</se:Label><se:Font>${svg('font-family', 'sans-serif')}${svg('font-size', 11)}</se:Font><se:Halo><se:Radius>1.5</se:Radius><se:Fill>${svg('fill', '#ffffff')}</se:Fill></se:Halo><se:Fill>${svg('fill', '#222222')}</se:Fill></se:TextSymbolizer>`;

/** The SLD 1.1 document (SE 1.1 symbology) for a simple symbology choice. */
export function simpleSymbologySld(s: SimpleSymbology): string {
  const width = Math.max(0, Math.min(20, Number(s.strokeWidth) || 0));
  const body = rules(s)
    .map(
      (r, i) =>
        `<se:Rule><se:Name>r${i + 1}</se:Name><se:Description><se:Title>${esc(r.title)}</se:Title></se:Description>` +
        (r.filter ? `<ogc:Filter>${r.filter}</ogc:Filter>` : '') +
        SYMBOLIZERS[s.geometry](r.colour, width) +
        '</se:Rule>',
    )
    .join('');
  const labels = s.label ? `<se:Rule><se:Name>label</se:Name>${textSymbolizer(s.label)}</se:Rule>` : '';
  const title = esc(s.title || s.layer);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se" ' +
    'xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">' +
    `<NamedLayer><se:Name>${esc(s.layer)}</se:Name><UserStyle><se:Name>simple</se:Name>` +
    `<se:Description><se:Title>${title}</se:Title></se:Description>` +
    `<se:FeatureTypeStyle>${body}${labels}</se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`
  );
}

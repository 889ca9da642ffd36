/** The style editor's form: its values as typed, checked against the layer (attributes from the
 *  catalogue only), turned into an SE 1.1 SLD (styles/simple-symbology.ts) and read back through
 *  the one SLD reader, so the preview, the legend and what is stored are the same style. Errors
 *  are i18n keys by field, shown next to the field. */
import type { Layer } from '../../../data/catalogue/layer.js';
import type { Db } from '../../../data/db/types.js';
import { classBreaks, distinctValues, isNumeric, MAX_CATEGORIES } from '../../../data/styles/attribute-classes.js';
import { PALETTES, simpleSymbologySld, type GeometryKind } from '../../../styles/simple-symbology.js';
import { styleFromSld } from '../../../styles/sld.js';
import { styleProperties, type Style, type Symbolizer } from '../../../styles/model.js';
import { layerColour } from '../../../styles/defaults.js';

export const KINDS = ['single', 'categories', 'graduated'] as const;
export const METHODS = ['equal', 'quantile'] as const;
export const PALETTE_KEYS = Object.keys(PALETTES);
const FIELDS = ['kind', 'attribute', 'palette', 'colour', 'method', 'classes', 'label', 'strokeWidth'] as const;
export type StyleValues = Record<(typeof FIELDS)[number], string>;

/** The form a layer's page starts with: one colour, the layer's own default colour. */
export function initialValues(layer: Layer): StyleValues {
  const first = layer.attributes.find((a) => a.type === 'string') ?? layer.attributes[0];
  return {
    kind: 'single',
    attribute: first?.name ?? '',
    palette: 'kategori',
    colour: layerColour(layer.name),
    method: 'equal',
    classes: '5',
    label: '',
    strokeWidth: '1',
  };
}

/** The form a page opens on: the choices the layer's default style was made with, where the
 *  editor made it (and its attributes still exist), else the starting form. */
export function storedValues(layer: Layer, form: Record<string, string> | null): StyleValues {
  const start = initialValues(layer);
  if (!form) return start;
  const known = (name: string | undefined) => !name || layer.attributes.some((a) => a.name === name);
  if (!known(form.attribute) || !known(form.label)) return start;
  return Object.fromEntries(FIELDS.map((f) => [f, typeof form[f] === 'string' ? form[f] : start[f]])) as StyleValues;
}

const GEOMETRY: Record<Layer['geometryType'], GeometryKind> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
  Geometry: 'polygon',
};

/** The symbology the form asks for, or its errors by field (i18n keys); reads the values or
 *  breaks of the chosen attribute from the layer's data. */
export async function symbologyOf(
  db: Db,
  layer: Layer,
  body: Record<string, unknown>,
): Promise<{ values: StyleValues; errors: Record<string, string>; sld?: string; style?: Style }> {
  const start = initialValues(layer);
  const values = Object.fromEntries(
    FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string).trim().slice(0, 200) : start[f]]),
  ) as StyleValues;
  const errors: Record<string, string> = {};
  const kind = (KINDS as readonly string[]).includes(values.kind) ? (values.kind as (typeof KINDS)[number]) : 'single';
  values.kind = kind;
  const attr = layer.attributes.find((a) => a.name === values.attribute);
  if (kind !== 'single') {
    if (!attr) errors.attribute = 'stErrAttribute';
    else if (kind === 'graduated' && !isNumeric(attr)) errors.attribute = 'stErrNumeric';
    if (!PALETTE_KEYS.includes(values.palette)) errors.palette = 'stErrPalette';
  } else if (!/^#[0-9a-f]{6}$/i.test(values.colour)) errors.colour = 'stErrColour';
  const classes = Number(values.classes);
  if (kind === 'graduated') {
    if (!(METHODS as readonly string[]).includes(values.method)) errors.method = 'stErrMethod';
    if (!Number.isInteger(classes) || classes < 2 || classes > 12) errors.classes = 'stErrClasses';
  }
  if (values.label && !layer.attributes.some((a) => a.name === values.label)) errors.label = 'stErrLabel';
  const width = values.strokeWidth === '' ? NaN : Number(values.strokeWidth);
  if (!Number.isFinite(width) || width < 0 || width > 20) errors.strokeWidth = 'stErrStroke';
  if (Object.keys(errors).length) return { values, errors };

  const spec = {
    layer: layer.name,
    title: layer.title || layer.name,
    geometry: GEOMETRY[layer.geometryType] ?? 'polygon',
    kind,
    colour: values.colour,
    palette: values.palette,
    strokeWidth: width,
    attribute: kind === 'single' ? undefined : attr!.name,
    label: values.label || undefined,
  };
  if (kind === 'categories') {
    const found = await distinctValues(db, layer, attr!.name, MAX_CATEGORIES);
    if (!found.length) return { values, errors: { attribute: 'stErrNoValues' } };
    Object.assign(spec, { values: found });
  }
  if (kind === 'graduated') {
    const breaks = await classBreaks(db, layer, attr!.name, classes, values.method as (typeof METHODS)[number]);
    if (breaks.length < 2) return { values, errors: { attribute: 'stErrNoValues' } };
    Object.assign(spec, { breaks });
  }
  const sld = simpleSymbologySld(spec);
  return { values, errors, sld, style: styleFromSld(sld) };
}

/** What an uploaded SLD's style may not do to this layer: name attributes it lacks (the map query
 *  fetches the properties a style reads, by name). */
export function missingAttributes(layer: Layer, style: Style): string[] {
  const have = new Set(layer.attributes.map((a) => a.name));
  return [...styleProperties(style)].filter((p) => !have.has(p));
}

function colourOf(s: Symbolizer): string | undefined {
  if (s.kind === 'polygon') return s.fill?.color ?? s.stroke?.color;
  if (s.kind === 'line') return s.stroke.color;
  if (s.kind === 'point') return s.graphic.fill?.color ?? s.graphic.stroke?.color;
  return undefined;
}

/** The legend beside the preview: one row per rule that draws a shape (labels have none). */
export function legendOf(style: Style): Array<{ title: string; colour: string }> {
  const out: Array<{ title: string; colour: string }> = [];
  for (const r of style.rules) {
    const colour = r.symbolizers.map(colourOf).find(Boolean);
    // The colour goes into a swatch's style attribute: only a plain #hex colour does.
    if (colour && /^#[0-9a-f]{3,8}$/i.test(colour)) out.push({ title: r.title || r.name, colour });
  }
  return out;
}

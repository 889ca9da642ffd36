/** The metadata fields a person may write about a layer, each with its check: the one
 *  validation behind the JSON API (PUT /api/layers/{name}/metadata) and the workspace's editor.
 *  Also what the layer would look like with a change laid over it (the editor's live check). */
import type { Layer, LayerMetadata } from '../catalogue/layer.js';
import { OgcError } from '../errors.js';
import { DISTANCE_UNITS, MAINTENANCE_CODES, PROGRESS_CODES, TOPIC_CATEGORIES } from '../metadata/codelists.js';

/** A change for data/layers/metadata.ts writeLayerMetadata. */
export interface MetadataChange {
  /** Fields merged into the layer's metadata (already checked by the caller). */
  fields: Record<string, unknown>;
  /** Fields that are mappings merged key by key into the stored one (null removes a key). */
  merged?: readonly string[];
  /** The KUGI feature code: a code, null to clear it, undefined to leave it. */
  kugiFcode?: string | null;
  /** The layer's own columns; undefined leaves each as it is. */
  title?: string;
  abstract?: string;
  keywords?: string[];
}

const text = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const plain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const only = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));
const isPlace = (p: unknown) =>
  plain(p) && only(p, ['name', 'code']) && typeof p.name === 'string' && typeof p.code === 'string';

/** An e-mail address as people type it (no spaces, one @, a domain with a dot). */
export const isEmail = (v: unknown) =>
  typeof v === 'string' && v.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v);
const CONTACT_KEYS: Record<string, (v: unknown) => boolean> = {
  individualName: text(200),
  positionName: text(200),
  email: isEmail,
};
const isContact = (c: unknown) =>
  plain(c) &&
  Object.keys(c).length > 0 &&
  Object.entries(c).every(([k, v]) => Object.hasOwn(CONTACT_KEYS, k) && (v === null || CONTACT_KEYS[k](v)));

/** A calendar day written YYYY-MM-DD that exists (2024-02-30 does not). */
export const isDay = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
export const DATE_KEYS = ['creation', 'publication', 'revision'] as const;
const isDates = (v: unknown) =>
  plain(v) && only(v, [...DATE_KEYS]) && Object.values(v).every((d) => d === null || isDay(d));

const positive = (v: unknown, max: number) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max;
const isResolution = (v: unknown) =>
  v === null ||
  (plain(v) && only(v, ['scale']) && Number.isInteger(v.scale) && positive(v.scale, 1e9)) ||
  (plain(v) &&
    only(v, ['distance', 'unit']) &&
    positive(v.distance, 1e7) &&
    (DISTANCE_UNITS as readonly unknown[]).includes(v.unit));

/** {attribute: {description, unit, codeList: [{code, label}]}}, for the layer's own attributes only. */
const ABOUT_KEYS: Record<string, (v: unknown) => boolean> = {
  description: text(2000),
  unit: text(50),
  codeList: (v) =>
    Array.isArray(v) &&
    v.length <= 500 &&
    v.every((c) => plain(c) && only(c, ['code', 'label']) && text(200)(c.code) && text(500)(c.label)),
};
const isAbout = (v: unknown) =>
  plain(v) && Object.entries(v).every(([k, x]) => Object.hasOwn(ABOUT_KEYS, k) && (x === null || ABOUT_KEYS[k](x)));
const isAttributes = (v: unknown, layer: Layer) =>
  plain(v) &&
  Object.entries(v).every(
    ([name, about]) => layer.attributes.some((a) => a.name === name) && (about === null || isAbout(about)),
  );

/** Mappings merged key by key into what is stored (one date or one attribute is written without
 *  repeating the others; null removes a key). */
export const MERGED = ['dates', 'attributes'];

interface Field {
  check: (v: unknown, layer: Layer) => boolean;
  takes: (layer: Layer) => string;
  /** The values it takes, when they are a list (sent in the problem's `allowed`). */
  allowed?: (layer: Layer) => readonly string[];
}
const oneOf = (codes: readonly string[], what = ''): Field => ({
  check: (v) => (codes as readonly unknown[]).includes(v),
  takes: () => `one of ${codes.join(', ')}${what}`,
  allowed: () => codes,
});
const says = (takes: string, check: Field['check']): Field => ({ check, takes: () => takes });
/** null clears the field (the editor's emptied input). */
const orNull = (f: Field): Field => ({
  ...f,
  check: (v, l) => v === null || f.check(v, l),
  takes: (l) => `null or ${f.takes(l)}`,
});

/** Fields a person may write: the only keys accepted, each with its check and what it takes.
 *  A Map, so that keys like `__proto__` or `constructor` are simply unknown. */
const FIELDS = new Map<string, Field>([
  ['purpose', orNull(says('text of at most 4000 characters', text(4000)))],
  ['topicCategory', orNull(oneOf(TOPIC_CATEGORIES, ' (ISO 19115 topic categories)'))],
  ['lineage', orNull(says('text of at most 8000 characters', text(8000)))],
  ['progress', oneOf(PROGRESS_CODES)],
  ['maintenance', oneOf(MAINTENANCE_CODES)],
  [
    'dates',
    says(
      "{creation, publication, revision}: the data's own dates as YYYY-MM-DD (not the upload day); null removes one",
      isDates,
    ),
  ],
  [
    'spatialResolution',
    {
      check: isResolution,
      takes: () =>
        `null, {"scale": denominator} (a whole number, 1:5000 is 5000) or {"distance": number, "unit": one of ${DISTANCE_UNITS.join(', ')}}`,
      allowed: () => DISTANCE_UNITS,
    },
  ],
  [
    'positionalAccuracy',
    says('null or the absolute positional accuracy in metres (a number > 0)', (v) => v === null || positive(v, 1e7)),
  ],
  [
    'attributes',
    {
      check: isAttributes,
      takes: (l) =>
        `{attribute: {description, unit, codeList: [{code, label}]} or null} for the layer's attributes (${l.attributes.map((a) => a.name).join(', ')})`,
      allowed: (l) => l.attributes.map((a) => a.name),
    },
  ],
  [
    'licence',
    orNull(says('an http(s) URL', (v) => typeof v === 'string' && v.length <= 2000 && /^https?:\/\/\S+$/.test(v))),
  ],
  ['useConstraints', orNull(says('text of at most 4000 characters', text(4000)))],
  [
    'placeKeywords',
    says('a list of at most 50 {name, code} places', (v) => Array.isArray(v) && v.length <= 50 && v.every(isPlace)),
  ],
  [
    'contact',
    says(
      "null or {individualName, positionName, email} (the layer's own contact person, which wins over the organisation's)",
      (v) => v === null || isContact(v),
    ),
  ],
]);
export const KUGI = 'kugiFcode';
export const METADATA_KEYS = [...FIELDS.keys(), KUGI];

const isKugi = (v: unknown) => v === null || (typeof v === 'string' && /^[A-Za-z0-9.\-]{1,32}$/.test(v));

/** The problem with one field's value (locator: the field), or null when it is good. */
export function fieldProblem(key: string, value: unknown, layer: Layer): OgcError | null {
  if (key === KUGI)
    return isKugi(value)
      ? null
      : new OgcError('InvalidParameterValue', 'kugiFcode must be a KUGI feature code', KUGI, 400);
  const field = FIELDS.get(key);
  if (!field)
    return new OgcError(
      'InvalidParameterValue',
      `Unknown metadata field(s) ${JSON.stringify(key)} (allowed: ${METADATA_KEYS.join(', ')})`,
      undefined,
      400,
    );
  if (field.check(value, layer)) return null;
  const allowed = field.allowed?.(layer);
  return new OgcError('InvalidParameterValue', `Invalid value for ${key}: it takes ${field.takes(layer)}`, key, 400, {
    details: { field: key, ...(allowed ? { allowed } : {}) },
  });
}

/** A request's body as a change for writeLayerMetadata; the first bad or unknown field is thrown. */
export function parseMetadataChange(body: unknown, layer: Layer): MetadataChange {
  if (!plain(body))
    throw new OgcError(
      'InvalidParameterValue',
      `Send a JSON object of metadata fields (${METADATA_KEYS.join(', ')})`,
      undefined,
      400,
    );
  // Own keys only, read into a Map: nothing of the body reaches a prototype.
  const fields = new Map<string, unknown>(Object.entries(body));
  const unknown = [...fields.keys()].filter((k) => k !== KUGI && !FIELDS.has(k));
  if (unknown.length)
    throw new OgcError(
      'InvalidParameterValue',
      `Unknown metadata field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: ${METADATA_KEYS.join(', ')})`,
      undefined,
      400,
    );
  for (const [k, v] of fields) {
    const problem = fieldProblem(k, v, layer);
    if (problem) throw problem;
  }
  const kugi = fields.get(KUGI) as string | null | undefined;
  fields.delete(KUGI);
  return { fields: Object.fromEntries(fields), merged: MERGED, kugiFcode: kugi };
}

/** `change` laid over `stored` key by key. A Map and fromEntries: keys are data (an attribute may
 *  be called __proto__), never a prototype. */
function mergeKeys(stored: unknown, change: unknown): Record<string, unknown> {
  const out = new Map(plain(stored) ? Object.entries(stored) : []);
  for (const [k, v] of Object.entries(change as Record<string, unknown>)) {
    if (v === null) out.delete(k);
    else out.set(k, v);
  }
  return Object.fromEntries(out);
}

/** The fields of `change` as they will be stored over `stored` (mappings merged). */
export const mergedFields = (stored: Record<string, unknown>, change: MetadataChange): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(change.fields).map(([k, v]) => [k, change.merged?.includes(k) ? mergeKeys(stored[k], v) : v]),
  );

/** The layer as it would be with `change` written, in memory only (nothing is stored). */
export function withChange(layer: Layer, change: MetadataChange): Layer {
  const metadata = { ...(layer.metadata ?? {}), ...mergedFields(layer.metadata ?? {}, change) } as LayerMetadata;
  return {
    ...layer,
    metadata,
    kugiFcode: change.kugiFcode === undefined ? layer.kugiFcode : change.kugiFcode,
    title: change.title ?? layer.title,
    abstract: change.abstract ?? layer.abstract,
    keywords: change.keywords ?? layer.keywords,
  };
}

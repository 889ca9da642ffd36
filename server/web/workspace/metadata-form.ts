/** The metadata editor's form: its fields grouped as people think of them (ISO 19115's
 *  identification, contact, dates, quality, constraints), the layer's values as form text, and
 *  the posted form as a change for data/layers/metadata.ts. Every value is checked by the one
 *  validation (data/layers/metadata-fields.ts fieldProblem); a bad one is named by its form field. */
import type { Layer } from '../../../data/catalogue/layer.js';
import { DATE_KEYS, fieldProblem, MERGED } from '../../../data/layers/metadata-fields.js';
import type { MetadataChange } from '../../../data/layers/metadata.js';
import {
  DISTANCE_UNITS,
  LICENCES,
  MAINTENANCE_CODES,
  PROGRESS_CODES,
  TOPIC_CATEGORIES,
} from '../../../data/metadata/codelists.js';

export type Kind = 'text' | 'textarea' | 'select' | 'date' | 'email' | 'number';
/** Where a select's options come from: an ISO code list (labels `<prefix>_<code>`) or the licences. */
export type Options = 'topic' | 'progress' | 'maintenance' | 'unit' | 'licence';
export interface FormField {
  name: string;
  kind: Kind;
  options?: Options;
  /** A select may be left at "choose" (else it always holds a code). */
  optional?: boolean;
  rows?: number;
}
export interface FormGroup {
  id: string;
  fields: FormField[];
}

export const GROUPS: FormGroup[] = [
  {
    id: 'identification',
    fields: [
      { name: 'title', kind: 'text' },
      { name: 'abstract', kind: 'textarea', rows: 4 },
      { name: 'keywords', kind: 'text' },
      { name: 'purpose', kind: 'textarea', rows: 2 },
      { name: 'topicCategory', kind: 'select', options: 'topic', optional: true },
      { name: 'kugiFcode', kind: 'text' },
      { name: 'progress', kind: 'select', options: 'progress' },
      { name: 'maintenance', kind: 'select', options: 'maintenance' },
    ],
  },
  {
    id: 'contact',
    fields: [
      { name: 'contactName', kind: 'text' },
      { name: 'contactPosition', kind: 'text' },
      { name: 'contactEmail', kind: 'email' },
    ],
  },
  {
    id: 'dates',
    fields: [
      { name: 'dateCreation', kind: 'date' },
      { name: 'datePublication', kind: 'date' },
      { name: 'dateRevision', kind: 'date' },
    ],
  },
  {
    id: 'quality',
    fields: [
      { name: 'lineage', kind: 'textarea', rows: 4 },
      { name: 'scale', kind: 'number' },
      { name: 'distance', kind: 'number' },
      { name: 'distanceUnit', kind: 'select', options: 'unit' },
      { name: 'positionalAccuracy', kind: 'number' },
    ],
  },
  {
    id: 'constraints',
    fields: [
      { name: 'licence', kind: 'select', options: 'licence', optional: true },
      { name: 'licenceUrl', kind: 'text' },
      { name: 'useConstraints', kind: 'textarea', rows: 2 },
    ],
  },
];

/** A select's choices: value and the string key of its label (the licences carry their names). */
export function optionsOf(o: Options): Array<{ value: string; key?: string; name?: string }> {
  const coded = (codes: readonly string[], prefix: string) => codes.map((c) => ({ value: c, key: `${prefix}_${c}` }));
  switch (o) {
    case 'topic':
      return TOPIC_CATEGORIES.map((c) => ({ value: c }));
    case 'progress':
      return coded(PROGRESS_CODES, 'progress');
    case 'maintenance':
      return coded(MAINTENANCE_CODES, 'maintenance');
    case 'unit':
      return coded(DISTANCE_UNITS, 'unit');
    case 'licence':
      return [...LICENCES.map((l) => ({ value: l.url, name: l.name })), { value: 'other', key: 'mdOtherLicence' }];
  }
}

const DATE_FIELDS: Record<(typeof DATE_KEYS)[number], string> = {
  creation: 'dateCreation',
  publication: 'datePublication',
  revision: 'dateRevision',
};
const CONTACT_FIELDS = { individualName: 'contactName', positionName: 'contactPosition', email: 'contactEmail' };

const plain = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The layer's metadata as the form's text values. */
export function formValues(layer: Layer): Record<string, string> {
  const m = plain(layer.metadata);
  const contact = plain(m.contact);
  const dates = plain(m.dates);
  const res = plain(m.spatialResolution);
  const licence = s(m.licence);
  const known = LICENCES.some((l) => l.url === licence);
  const v: Record<string, string> = {
    title: layer.title,
    abstract: layer.abstract,
    keywords: layer.keywords.join(', '),
    purpose: s(m.purpose),
    topicCategory: s(m.topicCategory),
    kugiFcode: layer.kugiFcode ?? '',
    progress: s(m.progress) || 'onGoing',
    maintenance: s(m.maintenance) || 'asNeeded',
    lineage: s(m.lineage),
    scale: s(res.scale),
    distance: s(res.distance),
    distanceUnit: s(res.unit) || 'm',
    positionalAccuracy: s(m.positionalAccuracy),
    licence: known ? licence : licence ? 'other' : '',
    licenceUrl: known ? '' : licence,
    useConstraints: s(m.useConstraints),
  };
  for (const [k, f] of Object.entries(CONTACT_FIELDS)) v[f] = s(contact[k]);
  for (const [k, f] of Object.entries(DATE_FIELDS)) v[f] = s(dates[k]);
  const about = plain(m.attributes);
  layer.attributes.forEach((a, i) => {
    const d = plain(Object.hasOwn(about, a.name) ? about[a.name] : undefined);
    v[`attr.${i}.description`] = s(d.description);
    v[`attr.${i}.unit`] = s(d.unit);
  });
  return v;
}

export interface ParsedForm {
  /** What the form says that passed its checks (a live check shows it even with errors elsewhere). */
  change: MetadataChange;
  /** Bad form fields: name → the string key of its message. */
  errors: Record<string, string>;
  /** The form's text as posted, to show again. */
  values: Record<string, string>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** "2,5" as people write decimals in Indonesian, or "2.5"; NaN for anything else. */
const number = (v: string) => (/^\d+(?:[.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : NaN);

/** The posted form as a change, field by field: a good value joins the change, a bad one its errors. */
export function parseForm(body: unknown, layer: Layer): ParsedForm {
  const b = plain(body);
  const values: Record<string, string> = {};
  const text = (name: string) => (values[name] = s(Object.hasOwn(b, name) ? b[name] : '').trim());
  const errors: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  const change: MetadataChange = { fields, merged: MERGED };
  /** Adds `value` under `key` when it passes; else marks `field` (the form's name for it). */
  const ok = (field: string, key: string, value: unknown, message = `mde_${field}`) => {
    if (fieldProblem(key, value, layer)) errors[field] = message;
    return !errors[field];
  };
  const put = (field: string, key: string, value: unknown) => {
    if (ok(field, key, value)) fields[key] = value;
  };
  const m = plain(layer.metadata);

  const title = text('title');
  if (!title || title.length > 500) errors.title = 'mde_title';
  else change.title = title;
  const abstract = text('abstract');
  if (abstract.length > 8000) errors.abstract = 'mde_abstract';
  else change.abstract = abstract;
  const keywords = text('keywords')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keywords.length > 50 || keywords.some((k) => k.length > 100)) errors.keywords = 'mde_keywords';
  else change.keywords = keywords;

  for (const key of ['purpose', 'topicCategory', 'lineage', 'useConstraints']) put(key, key, text(key) || null);
  for (const key of ['progress', 'maintenance']) put(key, key, text(key));
  const kugi = text('kugiFcode') || null;
  if (ok('kugiFcode', 'kugiFcode', kugi)) change.kugiFcode = kugi;

  // The layer's own contact person: all empty removes it (the organisation's profile stands).
  const contact: Record<string, string | null> = {};
  for (const [k, f] of Object.entries(CONTACT_FIELDS)) {
    contact[k] = text(f) || null;
    if (contact[k]) ok(f, 'contact', { [k]: contact[k] });
  }
  const anyone = Object.values(contact).some(Boolean);
  if (!Object.keys(CONTACT_FIELDS).some((k) => errors[CONTACT_FIELDS[k as keyof typeof CONTACT_FIELDS]]))
    fields.contact = anyone ? contact : null;

  // Merged mappings: only the keys that change, so that an untouched form writes nothing.
  const storedDates = plain(m.dates);
  const dates: Record<string, string | null> = {};
  for (const [k, f] of Object.entries(DATE_FIELDS)) {
    const v = text(f) || null;
    if (ok(f, 'dates', { [k]: v }) && !same(storedDates[k], v)) dates[k] = v;
  }
  if (Object.keys(dates).length) fields.dates = dates;

  const scale = text('scale');
  const distance = text('distance');
  const unit = text('distanceUnit');
  if (scale) put('scale', 'spatialResolution', { scale: number(scale) });
  else if (distance) put('distance', 'spatialResolution', { distance: number(distance), unit });
  else fields.spatialResolution = null;
  const accuracy = text('positionalAccuracy');
  put('positionalAccuracy', 'positionalAccuracy', accuracy ? number(accuracy) : null);

  const licence = text('licence');
  const url = text('licenceUrl');
  if (licence === 'other') put('licenceUrl', 'licence', url);
  else if (!licence || LICENCES.some((l) => l.url === licence)) fields.licence = licence || null;
  else errors.licence = 'mde_licence';

  const storedAbout = plain(m.attributes);
  const about: Record<string, unknown> = {};
  layer.attributes.forEach((a, i) => {
    // A form drawn before the layer's columns changed: its rows no longer say which attribute.
    if (s(b[`attr.${i}.name`]) !== a.name) return;
    const stored = plain(Object.hasOwn(storedAbout, a.name) ? storedAbout[a.name] : undefined);
    const description = text(`attr.${i}.description`);
    const u = text(`attr.${i}.unit`);
    const next = {
      ...(description ? { description } : {}),
      ...(u ? { unit: u } : {}),
      ...(Array.isArray(stored.codeList) && stored.codeList.length ? { codeList: stored.codeList } : {}),
    };
    const value = Object.keys(next).length ? next : null;
    if (
      ok(`attr.${i}`, 'attributes', { [a.name]: value }, 'mde_attributes') &&
      !same(Object.keys(stored).length ? stored : null, value)
    )
      about[a.name] = value;
  });
  if (Object.keys(about).length) fields.attributes = about;
  return { change, errors, values };
}

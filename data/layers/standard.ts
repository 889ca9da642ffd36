/** The pembina's publication standard, as data: what a layer's metadata must hold before it may
 *  be submitted or verified. It lives in simpul.publication_standard (one JSON row, seeded with
 *  DEFAULT_STANDARD), is read by anyone signed in and changed by the pembina or an admin, audited.
 *  The check reuses the metadata record and its completeness score (data/metadata/record.ts). */
import { DEFAULT_SITE, type Site } from '../site.js';
import type { Layer } from '../catalogue/layer.js';
import type { Organisation } from '../organisations.js';
import { completeness, layerRecord, ownContact, type MetadataRecord } from '../metadata/record.js';
import { TOPIC_CATEGORIES, isTopicCategory } from '../metadata/codelists.js';
import { OgcError } from '../errors.js';

/** Metadata elements the standard may require; each with its check and its message. */
type Bilingual = { id: string; en: string };

interface ElementRule {
  has: (r: MetadataRecord) => boolean;
  message: Bilingual;
  allowedValues?: readonly string[];
}

export const ELEMENT_RULES: Readonly<Record<string, ElementRule>> = {
  title: { has: (r) => !!r.title?.trim(), message: { id: 'Judul wajib diisi', en: 'A title is required' } },
  abstract: {
    has: (r) => !!r.abstract?.trim() && r.abstract !== r.title,
    message: {
      id: 'Abstrak wajib diisi (bukan salinan judul)',
      en: 'An abstract is required (not a copy of the title)',
    },
  },
  purpose: { has: (r) => !!r.purpose, message: { id: 'Tujuan wajib diisi', en: 'A purpose is required' } },
  keywords: {
    has: (r) => r.keywords.length > 0,
    message: { id: 'Kata kunci wajib diisi', en: 'At least one keyword is required' },
  },
  topicCategory: {
    has: (r) => isTopicCategory(r.topicCategory),
    message: { id: 'Kategori topik ISO 19115 wajib dipilih', en: 'An ISO 19115 topic category is required' },
    allowedValues: TOPIC_CATEGORIES,
  },
  lineage: {
    has: (r) => !!r.lineage,
    message: { id: 'Riwayat data (lineage) wajib diisi', en: 'A lineage statement is required' },
  },
  licence: { has: (r) => !!r.licence, message: { id: 'Lisensi wajib diisi (URL)', en: 'A licence (URL) is required' } },
  useConstraints: {
    has: (r) => !!r.useConstraints,
    message: { id: 'Batasan penggunaan wajib diisi', en: 'Use constraints are required' },
  },
  contact: {
    has: (r) => !!(r.pointOfContact.email || r.pointOfContact.phone),
    message: {
      id: 'Kontak (surel atau telepon organisasi) wajib ada',
      en: "A contact (the organisation's e-mail or phone) is required",
    },
  },
};

export interface PublicationStandard {
  /** Elements every layer's metadata must have (keys of ELEMENT_RULES). */
  requiredElements: string[];
  /** Lowest completeness score (0–100) of the record as it would be published. */
  minCompleteness: number;
  /** Thematic layers (topic category not among baseTopicCategories) need a KUGI feature code. */
  kugiForThematic: boolean;
  /** Topic categories of basic geospatial information (IGD), exempt from the KUGI rule. */
  baseTopicCategories: string[];
  /** The title must read as a title, not as a file or layer name. */
  titleNotFileName: boolean;
  /** File extensions a title may not contain. */
  fileExtensions: string[];
}

export const DEFAULT_STANDARD: PublicationStandard = {
  requiredElements: ['title', 'abstract', 'keywords', 'topicCategory', 'lineage', 'licence', 'contact'],
  minCompleteness: 75,
  kugiForThematic: true,
  baseTopicCategories: ['boundaries', 'elevation', 'imageryBaseMapsEarthCover'],
  titleNotFileName: true,
  fileExtensions: ['shp', 'gpkg', 'geojson', 'json', 'kml', 'kmz', 'csv', 'gml', 'gdb', 'dxf', 'zip', 'tab', 'mif'],
};

/** One thing a layer lacks, for the produsen to fix. */
export interface Missing {
  element: string;
  message: Bilingual;
  allowedValues?: readonly string[];
}

const FIELDS: Record<keyof PublicationStandard, (v: unknown) => boolean> = {
  requiredElements: (v) => Array.isArray(v) && v.every((e) => typeof e === 'string' && Object.hasOwn(ELEMENT_RULES, e)),
  minCompleteness: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100,
  kugiForThematic: (v) => typeof v === 'boolean',
  baseTopicCategories: (v) => Array.isArray(v) && v.every(isTopicCategory),
  titleNotFileName: (v) => typeof v === 'boolean',
  fileExtensions: (v) =>
    Array.isArray(v) && v.length <= 100 && v.every((e) => typeof e === 'string' && /^[a-z0-9]{1,10}$/.test(e)),
};

const TAKES: Record<keyof PublicationStandard, string> = {
  requiredElements: `a list of ${Object.keys(ELEMENT_RULES).join(', ')}`,
  minCompleteness: 'a whole number from 0 to 100',
  kugiForThematic: 'true or false',
  baseTopicCategories: 'a list of ISO 19115 topic categories',
  titleNotFileName: 'true or false',
  fileExtensions: 'a list of at most 100 lower-case extensions without the dot',
};

/** A standard from a request body, merged over the current one; refuses unknown or bad fields. */
export function parseStandard(body: unknown, current: PublicationStandard): PublicationStandard {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new OgcError(
      'InvalidParameterValue',
      `Send a JSON object with ${Object.keys(FIELDS).join(', ')}`,
      undefined,
      400,
    );
  const out: Record<string, unknown> = { ...current };
  const details: Array<{ field: string; takes: string }> = [];
  for (const [k, v] of Object.entries(body)) {
    if (!Object.hasOwn(FIELDS, k)) details.push({ field: k, takes: `unknown: use ${Object.keys(FIELDS).join(', ')}` });
    else if (!FIELDS[k as keyof PublicationStandard](v))
      details.push({ field: k, takes: TAKES[k as keyof PublicationStandard] });
    else out[k] = v;
  }
  if (details.length)
    throw new OgcError(
      'InvalidParameterValue',
      `Invalid standard field(s): ${details.map((d) => `${d.field} (${d.takes})`).join('; ')}`,
      details[0].field,
      400,
      { details: { invalid: details } },
    );
  return out as unknown as PublicationStandard;
}

/** A stored standard, with defaults for fields an older row lacks. */
export const standardFrom = (stored: unknown): PublicationStandard => ({
  ...DEFAULT_STANDARD,
  ...(stored && typeof stored === 'object' ? (stored as Partial<PublicationStandard>) : {}),
});

/** Does the title look like a file or layer name ("jalan_2024.shp", "dpupr:jalan", "jalan_kota")? */
export function titleLooksLikeFileName(title: string, localName: string, extensions: readonly string[]): boolean {
  const t = title.trim();
  if (t.toLowerCase() === localName.toLowerCase()) return true;
  if (t.includes(':')) return true;
  if (extensions.some((e) => new RegExp(`\\.${e}\\b`, 'i').test(t))) return true;
  // One token of letters, digits and underscores with at least one underscore: an identifier.
  return /^[\p{L}\p{N}_.-]+$/u.test(t) && t.includes('_');
}

/** The record as it will be published (a publication date is then set), with the layer's own
 *  contact: the node's e-mail, which fills in for an organisation without one, does not count. */
export const recordAsPublished = (layer: Layer, owner: Organisation | undefined, site: Site): MetadataRecord => ({
  ...layerRecord(layer, owner, site, ''),
  pointOfContact: ownContact(layer, owner, site),
  published: layer.publishedAt ?? new Date(),
});

/** Everything the layer lacks for the standard; empty when it may go on. */
export function checkStandard(
  layer: Layer,
  owner: Organisation | undefined,
  standard: PublicationStandard,
  site: Site = DEFAULT_SITE,
): Missing[] {
  const record = recordAsPublished(layer, owner, site);
  const missing: Missing[] = [];
  for (const element of standard.requiredElements) {
    const rule = ELEMENT_RULES[element];
    if (rule && !rule.has(record))
      missing.push({
        element,
        message: rule.message,
        ...(rule.allowedValues ? { allowedValues: rule.allowedValues } : {}),
      });
  }
  if (
    standard.titleNotFileName &&
    record.title &&
    titleLooksLikeFileName(record.title, layer.localName, standard.fileExtensions)
  ) {
    missing.push({
      element: 'title',
      message: {
        id: 'Judul harus berupa judul yang dapat dibaca, bukan nama berkas atau nama layer',
        en: 'The title must be a readable title, not a file or layer name',
      },
    });
  }
  const thematic = !record.topicCategory || !standard.baseTopicCategories.includes(record.topicCategory);
  if (standard.kugiForThematic && thematic && !record.kugiFcode) {
    missing.push({
      element: 'kugiFcode',
      message: { id: 'Layer tematik wajib memiliki kode unsur KUGI', en: 'A thematic layer needs a KUGI feature code' },
    });
  }
  const score = completeness(record);
  if (score.score < standard.minCompleteness) {
    missing.push({
      element: 'completeness',
      message: {
        id: `Kelengkapan metadata ${score.score} di bawah minimum ${standard.minCompleteness} (kurang: ${score.missing.join(', ')})`,
        en: `Metadata completeness ${score.score} is below the minimum ${standard.minCompleteness} (missing: ${score.missing.join(', ')})`,
      },
    });
  }
  return missing;
}

/** ISO 19115 code lists Simpul writes, and the mapping of the city's access classes. */
import type { AccessClass } from '../access.js';

export const TOPIC_CATEGORIES = [
  'farming',
  'biota',
  'boundaries',
  'climatologyMeteorologyAtmosphere',
  'economy',
  'elevation',
  'environment',
  'geoscientificInformation',
  'health',
  'imageryBaseMapsEarthCover',
  'intelligenceMilitary',
  'inlandWaters',
  'location',
  'oceans',
  'planningCadastre',
  'society',
  'structure',
  'transportation',
  'utilitiesCommunication',
] as const;
export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

export const PROGRESS_CODES = [
  'completed',
  'historicalArchive',
  'obsolete',
  'onGoing',
  'planned',
  'required',
  'underDevelopment',
] as const;
export const MAINTENANCE_CODES = [
  'continual',
  'daily',
  'weekly',
  'fortnightly',
  'monthly',
  'quarterly',
  'biannually',
  'annually',
  'asNeeded',
  'irregular',
  'notPlanned',
  'unknown',
] as const;

/** The access class as an MD_ClassificationCode (the closest ISO meaning). */
export const CLASSIFICATION: Record<AccessClass, string> = {
  PUBLIC: 'unclassified',
  GOVERNMENT: 'restricted',
  PRIVATE: 'confidential',
  IGSTRATEGIS: 'secret',
};

export const GMX_CODELISTS =
  'http://standards.iso.org/ittf/PubliclyAvailableStandards/ISO_19139_Schemas/resources/codelist/ML_gmxCodelists.xml';

export const isTopicCategory = (v: unknown): v is TopicCategory =>
  typeof v === 'string' && (TOPIC_CATEGORIES as readonly string[]).includes(v);

/** Units of a spatial resolution given as a distance (ISO gco:Distance uom): metres, kilometres, degrees. */
export const DISTANCE_UNITS = ['m', 'km', 'deg'] as const;

/** Licences offered by name in the workspace's editor (any other http(s) URL may be written). */
export const LICENCES: ReadonlyArray<{ url: string; name: string }> = [
  { url: 'https://creativecommons.org/licenses/by/4.0/', name: 'Creative Commons BY 4.0' },
  { url: 'https://creativecommons.org/licenses/by-sa/4.0/', name: 'Creative Commons BY-SA 4.0' },
  { url: 'https://creativecommons.org/licenses/by-nc/4.0/', name: 'Creative Commons BY-NC 4.0' },
  { url: 'https://creativecommons.org/publicdomain/zero/1.0/', name: 'Creative Commons CC0 1.0' },
  { url: 'https://opendatacommons.org/licenses/odbl/1-0/', name: 'Open Database License (ODbL) 1.0' },
];

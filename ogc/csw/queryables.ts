/** CSW queryables (OGC core and ISO application profile names) and how to read each from a
 *  record. Prefixes (csw:, apiso:, dc:, dct:, ows:) are accepted and ignored; case too. */
import type { IndexedRecord } from '../../data/metadata/record-index.js';

export type QueryableValue = string | number | string[] | [number, number, number, number] | null;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const TABLE: Array<[names: string[], get: (e: IndexedRecord) => QueryableValue]> = [
  [['anytext'], (e) => e.anyText],
  [['title'], (e) => e.record.title],
  [['abstract', 'description'], (e) => e.record.abstract],
  [
    ['subject', 'keywords', 'keyword'],
    (e) => [...e.record.keywords, ...(e.record.topicCategory ? [e.record.topicCategory] : [])],
  ],
  [['identifier', 'fileidentifier', 'resourceidentifier'], (e) => e.record.id],
  [['modified', 'revisiondate', 'datestamp'], (e) => iso(e.record.dateStamp)],
  [['publicationdate'], (e) => iso(e.record.published)],
  [['creationdate'], (e) => iso(e.record.created)],
  [['type'], (e) => e.record.type],
  [['format'], (e) => e.record.formats],
  [['organisationname', 'organizationname', 'creator', 'publisher'], (e) => e.record.pointOfContact.organisation],
  [['topiccategory'], (e) => e.record.topicCategory],
  [['crs', 'referencesystem'], (e) => e.record.crs],
  [['servicetype'], (e) => e.record.serviceType ?? null],
  [['language'], () => 'ind'],
  [['boundingbox', 'bbox', 'envelope'], (e) => e.record.bbox],
];

const BY_NAME = new Map<string, (e: IndexedRecord) => QueryableValue>();
for (const [names, get] of TABLE) for (const n of names) BY_NAME.set(n, get);

/** The reader for a queryable name, or undefined when there is no such queryable. */
export function queryable(name: string): ((e: IndexedRecord) => QueryableValue) | undefined {
  return BY_NAME.get(name.replace(/^.*:/, '').trim().toLowerCase());
}

/** The advertised queryables (CSW capabilities, OGC API Records queryables) and their kind of value. */
export const QUERYABLE_KINDS: Record<string, 'text' | 'date-time' | 'box'> = {
  AnyText: 'text',
  Title: 'text',
  Abstract: 'text',
  Subject: 'text',
  Identifier: 'text',
  Modified: 'date-time',
  Type: 'text',
  Format: 'text',
  OrganisationName: 'text',
  TopicCategory: 'text',
  CRS: 'text',
  BoundingBox: 'box',
  PublicationDate: 'date-time',
  CreationDate: 'date-time',
  ServiceType: 'text',
  Language: 'text',
};

export const QUERYABLE_NAMES = Object.keys(QUERYABLE_KINDS);

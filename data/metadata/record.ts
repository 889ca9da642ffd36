/** The one metadata model: a record per published layer (and per OGC service), derived from
 *  the catalogue (extent, CRS, counts, attributes, dates — never stale) and from what people
 *  wrote (layer.metadata). Encoders in ogc/records/ render it as ISO 19139, Dublin Core,
 *  OGC API Records and JSON-LD. */
import { createHash } from 'node:crypto';
import type { Layer } from '../catalogue/layer.js';
import type { Organisation } from '../organisations.js';
import type { Site } from '../site.js';
import { CLASSIFICATION, DISTANCE_UNITS, isTopicCategory, MAINTENANCE_CODES, PROGRESS_CODES } from './codelists.js';

export interface Party {
  /** The person to contact and their position (ISO individualName, positionName), if named. */
  individualName?: string | null;
  positionName?: string | null;
  organisation: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  /** City, province, postal code and country of the address. */
  city: string | null;
  area: string | null;
  postalCode?: string | null;
  country: string | null;
  website: string | null;
}

export interface OnlineLink {
  /** e.g. `OGC:WMS`, `OGC:WFS`, `WWW:DOWNLOAD` */
  protocol: string;
  url: string;
  /** For OGC services, the exact layer name the client must ask for. */
  name?: string;
  description?: string;
  /** MIME type for downloads. */
  format?: string;
}

export type Resolution = { scale: number } | { distance: number; unit: DistanceUnit };
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

export interface AttributeRecord {
  name: string;
  type: string;
  description?: string;
  unit?: string;
  /** The values the attribute takes and what each means. */
  codeList?: Array<{ code: string; label: string }>;
}

export interface MetadataRecord {
  id: string;
  type: 'dataset' | 'service';
  title: string;
  abstract: string;
  purpose: string | null;
  keywords: string[];
  placeKeywords: Array<{ name: string; code: string }>;
  kugiFcode: string | null;
  topicCategory: string | null;
  lineage: string | null;
  progress: string;
  maintenance: string;
  licence: string | null;
  useConstraints: string | null;
  classification: string;
  pointOfContact: Party;
  distributor: Party;
  /** West, south, east, north in WGS84. */
  bbox: [number, number, number, number] | null;
  crs: string | null;
  geometryType: string | null;
  featureCount: number | null;
  attributes: AttributeRecord[];
  /** The data's own dates (made, published, last revised) as people wrote them, not the upload
   *  day; where one is not given, the catalogue's own date stands in (created, published, revised). */
  dataDates: { creation: Date | null; publication: Date | null; revision: Date | null };
  /** Spatial resolution: an equivalent scale (its denominator) or a ground distance. */
  resolution: Resolution | null;
  /** Absolute external positional accuracy, metres (RMSE as people measured it). */
  positionalAccuracy: number | null;
  /** The overview picture (PNG drawn by the node), for datasets with an extent. */
  overview: string | null;
  created: Date;
  published: Date | null;
  revised: Date;
  /** Moves whenever data or metadata change. */
  dateStamp: Date;
  organisationCode: string;
  layerName: string | null;
  links: OnlineLink[];
  formats: string[];
  /** Service records: what they serve and the datasets they operate on. */
  serviceType?: string;
  serviceVersion?: string;
  operatesOn?: string[];
  operations?: string[];
  /** A tombstone: the layer was retired (on `retired`); OGC API Records keeps it for a while. */
  status?: 'retired';
  retired?: Date;
}

/** An organisation of the place the node serves (their addresses are in its city). */
const party = (o: Organisation | undefined, fallback: string, site: Site): Party => ({
  individualName: o?.contactName ?? null,
  positionName: o?.contactPosition ?? null,
  organisation: o?.name ?? fallback,
  email: o?.email ?? null,
  phone: o?.phone ?? null,
  address: o?.address ?? null,
  city: site.provider.address.city || null,
  area: site.provider.address.province || null,
  country: site.provider.address.country || null,
  website: o?.website ?? null,
});

/** The node's own contact (the settings' provider): distributor of every record, and contact
 *  of the service records. */
export function siteParty(site: Site): Party {
  const p = site.provider;
  return {
    organisation: p.organisation,
    individualName: p.person || null,
    positionName: p.position || null,
    email: p.email || null,
    phone: p.phone || null,
    address: p.address.street || null,
    city: p.address.city || null,
    area: p.address.province || null,
    postalCode: p.address.postalCode || null,
    country: p.address.country || null,
    website: p.web || null,
  };
}

const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null);

/** The layer's own point of contact: its organisation's profile, where the layer names a person
 *  of its own (metadata.contact: individualName, positionName, email) that person wins. The
 *  publication standard checks this one (data/layers/standard.ts). */
export function ownContact(layer: Layer, owner: Organisation | undefined, site: Site): Party {
  const p = party(owner, layer.organisation, site);
  const c = layer.metadata?.contact as Record<string, unknown> | undefined;
  const person =
    c && typeof c === 'object'
      ? { name: str(c.individualName, 200), position: str(c.positionName, 200), email: str(c.email, 254) }
      : null;
  if (person && (person.name || person.position || person.email)) {
    p.individualName = person.name;
    p.positionName = person.position;
    p.email = person.email ?? p.email;
  }
  return p;
}

/** The published point of contact: an organisation without an e-mail of its own is reached
 *  through the node's provider (the settings). */
function layerContact(layer: Layer, owner: Organisation | undefined, site: Site): Party {
  const p = ownContact(layer, owner, site);
  p.email ??= site.provider.email || null;
  return p;
}

/** A YYYY-MM-DD date people wrote (checked on the way in), or null. */
const day = (v: unknown): Date | null =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;

function dataDates(m: Record<string, unknown>): MetadataRecord['dataDates'] {
  const d = (m.dates ?? {}) as Record<string, unknown>;
  return { creation: day(d.creation), publication: day(d.publication), revision: day(d.revision) };
}

function resolution(v: unknown): Resolution | null {
  const r = v as Record<string, unknown> | null | undefined;
  if (!r || typeof r !== 'object') return null;
  if (typeof r.scale === 'number') return { scale: r.scale };
  if (typeof r.distance === 'number') return { distance: r.distance, unit: pick(r.unit, DISTANCE_UNITS, 'm') };
  return null;
}

/** The layer's attributes with what people wrote about each (metadata.attributes, by name). */
function attributeRecords(layer: Layer): AttributeRecord[] {
  const about = (layer.metadata?.attributes ?? {}) as Record<
    string,
    { description?: string; unit?: string; codeList?: AttributeRecord['codeList'] }
  >;
  return layer.attributes.map((a) => {
    const d = Object.hasOwn(about, a.name) ? about[a.name] : undefined;
    return {
      name: a.name,
      type: a.type,
      ...(d?.description ? { description: d.description } : {}),
      ...(d?.unit ? { unit: d.unit } : {}),
      ...(d?.codeList?.length ? { codeList: d.codeList } : {}),
    };
  });
}

/** Where a layer's overview picture is served (server/routes/overview.ts). */
export const overviewUrl = (base: string, id: string) => `${base}/overviews/${id}.png`;

const pick = <T extends string>(v: unknown, allowed: readonly T[], d: T): T =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : d;

/** WFS download URL for one output format. */
const download = (base: string, layer: string, format: string) =>
  `${base}/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=${encodeURIComponent(layer)}&outputFormat=${encodeURIComponent(format)}`;

export function layerRecord(layer: Layer, owner: Organisation | undefined, site: Site, base: string): MetadataRecord {
  const m = layer.metadata ?? {};
  const places = Array.isArray(m.placeKeywords)
    ? (m.placeKeywords as unknown[]).filter(
        (p): p is { name: string; code: string } => !!p && typeof (p as any).name === 'string',
      )
    : [];
  return {
    id: layer.id,
    type: 'dataset',
    title: layer.title,
    abstract: layer.abstract || layer.title,
    purpose: typeof m.purpose === 'string' ? m.purpose : null,
    keywords: layer.keywords,
    placeKeywords: places.length ? places : [site.place],
    kugiFcode: layer.kugiFcode,
    topicCategory: isTopicCategory(m.topicCategory) ? m.topicCategory : null,
    lineage: typeof m.lineage === 'string' ? m.lineage : null,
    progress: pick(m.progress, PROGRESS_CODES, 'onGoing'),
    maintenance: pick(m.maintenance, MAINTENANCE_CODES, 'asNeeded'),
    licence: typeof m.licence === 'string' ? m.licence : null,
    useConstraints: typeof m.useConstraints === 'string' ? m.useConstraints : null,
    classification: CLASSIFICATION[layer.accessClass],
    pointOfContact: layerContact(layer, owner, site),
    distributor: siteParty(site),
    bbox: layer.bbox,
    crs: layer.nativeSrid ? `urn:ogc:def:crs:EPSG::${layer.nativeSrid}` : null,
    geometryType: layer.geometryType,
    featureCount: layer.featureCount,
    attributes: attributeRecords(layer),
    dataDates: dataDates(m),
    resolution: resolution(m.spatialResolution),
    positionalAccuracy: typeof m.positionalAccuracy === 'number' ? m.positionalAccuracy : null,
    overview: layer.bbox ? overviewUrl(base, layer.id) : null,
    created: layer.createdAt,
    published: layer.publishedAt,
    revised: layer.updatedAt,
    dateStamp: layer.updatedAt,
    organisationCode: layer.organisation,
    layerName: layer.name,
    links: [
      { protocol: 'OGC:WMS', url: `${base}/wms?`, name: layer.name, description: `WMS ${layer.title}` },
      { protocol: 'OGC:WFS', url: `${base}/wfs?`, name: layer.name, description: `WFS ${layer.title}` },
      {
        protocol: 'OGC:WMTS',
        url: `${base}/wmts/1.0.0/WMTSCapabilities.xml`,
        name: layer.name,
        description: `WMTS ${layer.title}`,
      },
      {
        protocol: 'OGC:API - Features',
        url: `${base}/ogcapi/collections/${encodeURIComponent(layer.name)}`,
        name: layer.name,
        description: 'OGC API Features',
      },
      {
        protocol: 'WWW:DOWNLOAD',
        url: download(base, layer.name, 'application/json'),
        name: `${layer.localName}.geojson`,
        description: 'GeoJSON',
        format: 'application/geo+json',
      },
      {
        protocol: 'WWW:DOWNLOAD',
        url: download(base, layer.name, 'application/geopackage+sqlite3'),
        name: `${layer.localName}.gpkg`,
        description: 'GeoPackage',
        format: 'application/geopackage+sqlite3',
      },
      {
        protocol: 'WWW:DOWNLOAD',
        url: download(base, layer.name, 'SHAPE-ZIP'),
        name: `${layer.localName}.zip`,
        description: 'Shapefile (zip)',
        format: 'application/zip',
      },
    ],
    formats: ['GeoJSON', 'GML', 'GeoPackage', 'ESRI Shapefile'],
  };
}

/** A stable UUID for a name (service records have no catalogue row). */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`simpul:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SERVICES: Array<{
  key: string;
  type: string;
  version: string;
  title: string;
  path: string;
  operations: string[];
}> = [
  {
    key: 'wms',
    type: 'WMS',
    version: '1.3.0',
    title: 'Web Map Service',
    path: '/wms?',
    operations: ['GetCapabilities', 'GetMap', 'GetFeatureInfo', 'GetLegendGraphic'],
  },
  {
    key: 'wfs',
    type: 'WFS',
    version: '2.0.0',
    title: 'Web Feature Service',
    path: '/wfs?',
    operations: ['GetCapabilities', 'DescribeFeatureType', 'GetFeature', 'GetPropertyValue'],
  },
  {
    key: 'wmts',
    type: 'WMTS',
    version: '1.0.0',
    title: 'Web Map Tile Service',
    path: '/wmts/1.0.0/WMTSCapabilities.xml',
    operations: ['GetCapabilities', 'GetTile', 'GetFeatureInfo'],
  },
];

/** One record per OGC service, operating on the given (published, visible) dataset records. */
export function serviceRecords(datasets: MetadataRecord[], site: Site, base: string, now: Date): MetadataRecord[] {
  const bbox = datasets.reduce<[number, number, number, number] | null>((acc, r) => {
    if (!r.bbox) return acc;
    if (!acc) return [...r.bbox];
    return [
      Math.min(acc[0], r.bbox[0]),
      Math.min(acc[1], r.bbox[1]),
      Math.max(acc[2], r.bbox[2]),
      Math.max(acc[3], r.bbox[3]),
    ];
  }, null);
  const latest = datasets.reduce((d, r) => (r.dateStamp > d ? r.dateStamp : d), new Date(0));
  const contact = siteParty(site);
  return SERVICES.map((s) => ({
    id: nameUuid(`service:${s.key}`),
    type: 'service' as const,
    title: `${site.service.title.id} — ${s.title} (${s.type})`,
    abstract: `${s.type} ${s.version}: ${site.service.abstract.id}`,
    purpose: null,
    keywords: [...site.service.keywords, s.type, 'infoMapAccessService'],
    placeKeywords: [site.place],
    kugiFcode: null,
    topicCategory: null,
    lineage: null,
    progress: 'onGoing',
    maintenance: 'continual',
    licence: `${site.service.licence.name} (${site.service.licence.url})`,
    useConstraints: site.service.accessConstraints,
    classification: 'unclassified',
    pointOfContact: contact,
    distributor: contact,
    bbox,
    crs: 'urn:ogc:def:crs:EPSG::4326',
    geometryType: null,
    featureCount: null,
    attributes: [],
    dataDates: { creation: null, publication: null, revision: null },
    resolution: null,
    positionalAccuracy: null,
    overview: null,
    created: latest.getTime() ? latest : now,
    published: latest.getTime() ? latest : now,
    revised: latest.getTime() ? latest : now,
    dateStamp: latest.getTime() ? latest : now,
    organisationCode: site.provider.organisationCode,
    layerName: null,
    links: [{ protocol: `OGC:${s.type}`, url: `${base}${s.path}`, description: s.title }],
    formats: [],
    serviceType: s.type,
    serviceVersion: s.version,
    operatesOn: datasets.map((d) => d.id),
    operations: s.operations,
  }));
}

/** Required elements and whether a record has them: the completeness score (0–100). */
export const REQUIRED_ELEMENTS: Array<[name: string, has: (r: MetadataRecord) => boolean]> = [
  ['title', (r) => !!r.title],
  ['abstract', (r) => !!r.abstract && r.abstract !== r.title],
  ['purpose', (r) => !!r.purpose],
  ['keywords', (r) => r.keywords.length > 0],
  ['topicCategory', (r) => !!r.topicCategory],
  ['kugiFcode', (r) => !!r.kugiFcode],
  ['lineage', (r) => !!r.lineage],
  ['licence', (r) => !!r.licence],
  ['pointOfContact.email', (r) => !!r.pointOfContact.email],
  ['extent', (r) => !!r.bbox],
  ['referenceSystem', (r) => !!r.crs],
  ['publicationDate', (r) => !!r.published],
];

export function completeness(r: MetadataRecord): { score: number; missing: string[] } {
  const missing = REQUIRED_ELEMENTS.filter(([, has]) => !has(r)).map(([n]) => n);
  return { score: Math.round((100 * (REQUIRED_ELEMENTS.length - missing.length)) / REQUIRED_ELEMENTS.length), missing };
}

/** A metadata record as an OGC API Records GeoJSON feature, and as JSON-LD (DCAT). */
import type { MetadataRecord } from '../../data/metadata/record.js';

const polygon = (b: [number, number, number, number]) => ({
  type: 'Polygon',
  coordinates: [
    [
      [b[0], b[1]],
      [b[2], b[1]],
      [b[2], b[3]],
      [b[0], b[3]],
      [b[0], b[1]],
    ],
  ],
});

export function recordFeature(r: MetadataRecord, itemsUrl: string): object {
  if (r.status === 'retired') return tombstone(r, itemsUrl);
  return {
    type: 'Feature',
    id: r.id,
    conformsTo: ['http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core'],
    geometry: r.bbox ? polygon(r.bbox) : null,
    time: r.published ? { interval: [r.created.toISOString(), '..'] } : null,
    properties: {
      type: r.type,
      title: r.title,
      description: r.abstract,
      keywords: r.keywords,
      themes: [
        ...(r.topicCategory
          ? [
              {
                concepts: [{ id: r.topicCategory }],
                scheme: 'https://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_TopicCategoryCode',
              },
            ]
          : []),
        ...(r.kugiFcode ? [{ concepts: [{ id: r.kugiFcode }], scheme: 'KUGI' }] : []),
        { concepts: r.placeKeywords.map((p) => ({ id: p.code, title: p.name })), scheme: 'Kode Wilayah Kemendagri' },
      ],
      language: { code: 'id', name: 'Bahasa Indonesia' },
      created: r.created.toISOString(),
      updated: r.dateStamp.toISOString(),
      contacts: [
        {
          organization: r.pointOfContact.organisation,
          emails: r.pointOfContact.email ? [{ value: r.pointOfContact.email }] : [],
          roles: ['pointOfContact'],
        },
        { organization: r.distributor.organisation, roles: ['distributor'] },
      ],
      license: r.licence ?? undefined,
      rights: r.classification,
      organisation: r.organisationCode,
      layerName: r.layerName ?? undefined,
      featureCount: r.featureCount ?? undefined,
      crs: r.crs ?? undefined,
      ...dataProperties(r),
    },
    links: [
      ...(r.overview
        ? [{ rel: 'preview', type: 'image/png', href: r.overview, title: 'Gambaran data / overview' }]
        : []),
      { rel: 'self', type: 'application/geo+json', href: `${itemsUrl}/${r.id}` },
      {
        rel: 'alternate',
        type: 'application/vnd.iso.19139+xml',
        href: `${itemsUrl.replace(/\/ogcapi\/.*$/, '')}/csw?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=http://www.isotc211.org/2005/gmd&elementSetName=full&id=${r.id}`,
      },
      ...r.links.map((l) => ({
        rel: l.protocol === 'WWW:DOWNLOAD' ? 'enclosure' : 'item',
        href: l.url,
        title: l.description,
        type: l.format,
        'ogc:protocol': l.protocol,
        'ogc:name': l.name,
      })),
    ],
  };
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/** What people wrote about the data itself: its own dates, resolution, positional accuracy and
 *  attributes (names and types always; description, unit and code list where written). */
function dataProperties(r: MetadataRecord): Record<string, unknown> {
  if (r.type !== 'dataset') return {};
  const d = r.dataDates;
  const dates = { creation: isoDay(d.creation), publication: isoDay(d.publication), revision: isoDay(d.revision) };
  const res = r.resolution;
  return {
    dataDates: Object.values(dates).some(Boolean) ? dates : undefined,
    spatialResolution: !res
      ? undefined
      : 'scale' in res
        ? { scaleDenominator: res.scale }
        : { distance: res.distance, uom: res.unit },
    positionalAccuracy: r.positionalAccuracy === null ? undefined : { value: r.positionalAccuracy, uom: 'm' },
    attributes: r.attributes,
  };
}

/** Ground distance in metres of a resolution (DCAT's dcat:spatialResolutionInMeters). */
function metres(r: MetadataRecord): number | undefined {
  const res = r.resolution;
  if (!res || 'scale' in res) return undefined;
  return res.unit === 'm' ? res.distance : res.unit === 'km' ? res.distance * 1000 : undefined;
}

/** A retired layer's record: says that it was withdrawn and when, and offers no service or download. */
function tombstone(r: MetadataRecord, itemsUrl: string): object {
  return {
    type: 'Feature',
    id: r.id,
    conformsTo: ['http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core'],
    geometry: null,
    time: null,
    properties: {
      type: r.type,
      title: r.title,
      status: 'retired',
      retired: r.retired?.toISOString(),
      description:
        'Data ini telah ditarik dari peredaran oleh walidata. / This dataset has been retired by the data custodian.',
      updated: (r.retired ?? r.dateStamp).toISOString(),
      organisation: r.organisationCode,
      layerName: r.layerName ?? undefined,
    },
    links: [{ rel: 'self', type: 'application/geo+json', href: `${itemsUrl}/${r.id}` }],
  };
}

/** The point of contact as a vCard (DCAT contactPoint): the person if one is named, else the organisation. */
function contactPoint(p: MetadataRecord['pointOfContact']): object {
  return {
    '@type': p.individualName ? 'vcard:Individual' : 'vcard:Organization',
    'vcard:fn': p.individualName ?? p.organisation,
    'vcard:organization-name': p.organisation,
    'vcard:title': p.positionName ?? undefined,
    'vcard:hasEmail': p.email ? `mailto:${p.email}` : undefined,
    'vcard:hasTelephone': p.phone ? `tel:${p.phone.replace(/[^0-9+]/g, '')}` : undefined,
    'vcard:hasURL': p.website ?? undefined,
  };
}

/** DCAT as JSON-LD, the shape Satu Data Indonesia's and CKAN's DCAT harvesters read. */
export function recordJsonLd(r: MetadataRecord, itemsUrl: string): object {
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      locn: 'http://www.w3.org/ns/locn#',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      dqv: 'http://www.w3.org/ns/dqv#',
      'sdmx-attribute': 'http://purl.org/linked-data/sdmx/2009/attribute#',
    },
    '@id': `${itemsUrl}/${r.id}`,
    '@type': r.type === 'service' ? 'dcat:DataService' : 'dcat:Dataset',
    'dct:identifier': r.id,
    'dct:title': { '@value': r.title, '@language': 'id' },
    'dct:description': { '@value': r.abstract, '@language': 'id' },
    'dcat:keyword': r.keywords,
    'dct:created': isoDay(r.dataDates.creation),
    'dcat:theme': r.topicCategory ?? undefined,
    'dct:issued': isoDay(r.dataDates.publication) ?? r.published?.toISOString(),
    'dct:modified': isoDay(r.dataDates.revision) ?? r.dateStamp.toISOString(),
    'dcat:spatialResolutionInMeters': metres(r),
    'dqv:hasQualityMeasurement':
      r.positionalAccuracy === null
        ? undefined
        : {
            '@type': 'dqv:QualityMeasurement',
            'dqv:isMeasurementOf': 'positionalAccuracy',
            'dqv:value': r.positionalAccuracy,
            'sdmx-attribute:unitMeasure': 'http://www.opengis.net/def/uom/EPSG/0/9001',
          },
    'foaf:depiction': r.overview ?? undefined,
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': r.pointOfContact.organisation },
    'dcat:contactPoint': contactPoint(r.pointOfContact),
    'dct:license': r.licence ?? undefined,
    'dct:spatial': r.bbox
      ? {
          '@type': 'dct:Location',
          'dcat:bbox': `POLYGON((${r.bbox[0]} ${r.bbox[1]},${r.bbox[2]} ${r.bbox[1]},${r.bbox[2]} ${r.bbox[3]},${r.bbox[0]} ${r.bbox[3]},${r.bbox[0]} ${r.bbox[1]}))`,
        }
      : undefined,
    'dcat:distribution': r.links.map((l) => ({
      '@type': 'dcat:Distribution',
      'dcat:accessURL': l.url,
      'dct:title': l.description,
      'dct:format': l.format ?? l.protocol,
    })),
  };
}

/** A metadata record as an OGC API Records GeoJSON feature, and as JSON-LD (DCAT). */
import type { MetadataRecord } from '../../data/metadata/record.js';

const polygon = (b: [number, number, number, number]) => ({
  type: 'Polygon',
  coordinates: [[[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]],
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
        ...(r.topicCategory ? [{ concepts: [{ id: r.topicCategory }], scheme: 'https://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_TopicCategoryCode' }] : []),
        ...(r.kugiFcode ? [{ concepts: [{ id: r.kugiFcode }], scheme: 'KUGI' }] : []),
        { concepts: r.placeKeywords.map((p) => ({ id: p.code, title: p.name })), scheme: 'Kode Wilayah Kemendagri' },
      ],
      language: { code: 'id', name: 'Bahasa Indonesia' },
      created: r.created.toISOString(),
      updated: r.dateStamp.toISOString(),
      contacts: [
        { organization: r.pointOfContact.organisation, emails: r.pointOfContact.email ? [{ value: r.pointOfContact.email }] : [], roles: ['pointOfContact'] },
        { organization: r.distributor.organisation, roles: ['distributor'] },
      ],
      license: r.licence ?? undefined,
      rights: r.classification,
      organisation: r.organisationCode,
      layerName: r.layerName ?? undefined,
      featureCount: r.featureCount ?? undefined,
      crs: r.crs ?? undefined,
    },
    links: [
      { rel: 'self', type: 'application/geo+json', href: `${itemsUrl}/${r.id}` },
      { rel: 'alternate', type: 'application/vnd.iso.19139+xml', href: `${itemsUrl.replace(/\/ogcapi\/.*$/, '')}/csw?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=http://www.isotc211.org/2005/gmd&elementSetName=full&id=${r.id}` },
      ...r.links.map((l) => ({ rel: l.protocol === 'WWW:DOWNLOAD' ? 'enclosure' : 'item', href: l.url, title: l.description, type: l.format, 'ogc:protocol': l.protocol, 'ogc:name': l.name })),
    ],
  };
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
      description: 'Data ini telah ditarik dari peredaran oleh walidata. / This dataset has been retired by the data custodian.',
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
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/', locn: 'http://www.w3.org/ns/locn#', vcard: 'http://www.w3.org/2006/vcard/ns#' },
    '@id': `${itemsUrl}/${r.id}`,
    '@type': r.type === 'service' ? 'dcat:DataService' : 'dcat:Dataset',
    'dct:identifier': r.id,
    'dct:title': { '@value': r.title, '@language': 'id' },
    'dct:description': { '@value': r.abstract, '@language': 'id' },
    'dcat:keyword': r.keywords,
    'dcat:theme': r.topicCategory ?? undefined,
    'dct:issued': r.published?.toISOString(),
    'dct:modified': r.dateStamp.toISOString(),
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': r.pointOfContact.organisation },
    'dcat:contactPoint': contactPoint(r.pointOfContact),
    'dct:license': r.licence ?? undefined,
    'dct:spatial': r.bbox ? { '@type': 'dct:Location', 'dcat:bbox': `POLYGON((${r.bbox[0]} ${r.bbox[1]},${r.bbox[2]} ${r.bbox[1]},${r.bbox[2]} ${r.bbox[3]},${r.bbox[0]} ${r.bbox[3]},${r.bbox[0]} ${r.bbox[1]}))` } : undefined,
    'dcat:distribution': r.links.map((l) => ({ '@type': 'dcat:Distribution', 'dcat:accessURL': l.url, 'dct:title': l.description, 'dct:format': l.format ?? l.protocol })),
  };
}

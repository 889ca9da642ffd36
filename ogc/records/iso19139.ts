/** A metadata record as ISO 19139 (gmd:MD_Metadata), in the element order gmd.xsd requires.
 *  Dataset records carry gmd:MD_DataIdentification; service records srv:SV_ServiceIdentification. */
import type { MetadataRecord, OnlineLink, Party } from '../../data/metadata/record.js';
import { GMX_CODELISTS } from '../../data/metadata/codelists.js';
import { el, esc } from '../../data/xml.js';

export const GMD_NS = 'http://www.isotc211.org/2005/gmd';
export const ISO_NAMESPACES = {
  'xmlns:gmd': GMD_NS,
  'xmlns:gco': 'http://www.isotc211.org/2005/gco',
  'xmlns:srv': 'http://www.isotc211.org/2005/srv',
  'xmlns:gml': 'http://www.opengis.net/gml/3.2',
  'xmlns:xlink': 'http://www.w3.org/1999/xlink',
};

export type ElementSet = 'brief' | 'summary' | 'full';

const cs = (tag: string, v: unknown) =>
  v === null || v === undefined || v === '' ? '' : el(tag, null, el('gco:CharacterString', null, esc(v)));
const code = (tag: string, list: string, value: string, base = GMX_CODELISTS) =>
  el(tag, null, el(`gmd:${list}`, { codeList: `${base}#${list}`, codeListValue: value }, esc(value)));
const date = (d: Date) => d.toISOString().slice(0, 10);
const dateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const lang = el(
  'gmd:language',
  null,
  el('gmd:LanguageCode', { codeList: 'http://www.loc.gov/standards/iso639-2/', codeListValue: 'ind' }, 'ind'),
);

function responsibleParty(tag: string, p: Party, role: string): string {
  const address = el(
    'gmd:CI_Address',
    null,
    cs('gmd:deliveryPoint', p.address),
    cs('gmd:city', p.city),
    cs('gmd:administrativeArea', p.area),
    cs('gmd:postalCode', p.postalCode),
    cs('gmd:country', p.country),
    cs('gmd:electronicMailAddress', p.email),
  );
  const contact = el(
    'gmd:CI_Contact',
    null,
    p.phone ? el('gmd:phone', null, el('gmd:CI_Telephone', null, cs('gmd:voice', p.phone))) : '',
    el('gmd:address', null, address),
    p.website
      ? el(
          'gmd:onlineResource',
          null,
          el('gmd:CI_OnlineResource', null, el('gmd:linkage', null, el('gmd:URL', null, esc(p.website)))),
        )
      : '',
  );
  return el(
    tag,
    null,
    el(
      'gmd:CI_ResponsibleParty',
      null,
      cs('gmd:individualName', p.individualName),
      cs('gmd:organisationName', p.organisation),
      cs('gmd:positionName', p.positionName),
      el('gmd:contactInfo', null, contact),
      code('gmd:role', 'CI_RoleCode', role),
    ),
  );
}

function citationDate(d: Date, type: string): string {
  return el(
    'gmd:date',
    null,
    el(
      'gmd:CI_Date',
      null,
      el('gmd:date', null, el('gco:Date', null, date(d))),
      code('gmd:dateType', 'CI_DateTypeCode', type),
    ),
  );
}

function keywords(words: string[], type: string | null, thesaurus?: string): string {
  if (!words.length) return '';
  return el(
    'gmd:descriptiveKeywords',
    null,
    el(
      'gmd:MD_Keywords',
      null,
      ...words.map((w) => cs('gmd:keyword', w)),
      type ? code('gmd:type', 'MD_KeywordTypeCode', type) : '',
      thesaurus
        ? el(
            'gmd:thesaurusName',
            null,
            el(
              'gmd:CI_Citation',
              null,
              cs('gmd:title', thesaurus),
              citationDate(new Date('2016-01-01'), 'publication'),
            ),
          )
        : '',
    ),
  );
}

function extent(r: MetadataRecord, tag = 'gmd:extent'): string {
  if (!r.bbox) return '';
  const [w, s, e, n] = r.bbox;
  const dec = (t: string, v: number) => el(t, null, el('gco:Decimal', null, String(v)));
  return el(
    tag,
    null,
    el(
      'gmd:EX_Extent',
      null,
      el(
        'gmd:geographicElement',
        null,
        el(
          'gmd:EX_GeographicBoundingBox',
          null,
          dec('gmd:westBoundLongitude', w),
          dec('gmd:eastBoundLongitude', e),
          dec('gmd:southBoundLatitude', s),
          dec('gmd:northBoundLatitude', n),
        ),
      ),
    ),
  );
}

function onlineResource(l: OnlineLink): string {
  return el(
    'gmd:onLine',
    null,
    el(
      'gmd:CI_OnlineResource',
      null,
      el('gmd:linkage', null, el('gmd:URL', null, esc(l.url))),
      cs('gmd:protocol', l.protocol),
      cs('gmd:name', l.name),
      cs('gmd:description', l.description),
    ),
  );
}

const GEOMETRIC_OBJECT: Record<string, string> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'curve',
  MultiLineString: 'curve',
  Polygon: 'surface',
  MultiPolygon: 'surface',
  Geometry: 'complex',
};

function citation(r: MetadataRecord): string {
  return el(
    'gmd:citation',
    null,
    el(
      'gmd:CI_Citation',
      null,
      cs('gmd:title', r.title),
      citationDate(r.dataDates.creation ?? r.created, 'creation'),
      (r.dataDates.publication ?? r.published)
        ? citationDate((r.dataDates.publication ?? r.published)!, 'publication')
        : '',
      citationDate(r.dataDates.revision ?? r.revised, 'revision'),
      r.layerName ? el('gmd:identifier', null, el('gmd:MD_Identifier', null, cs('gmd:code', r.layerName))) : '',
    ),
  );
}

/** gmd:spatialResolution: an equivalent scale or a ground distance (uom: m, km, deg). */
function spatialResolution(r: MetadataRecord): string {
  const res = r.resolution;
  if (!res) return '';
  const inner =
    'scale' in res
      ? el(
          'gmd:equivalentScale',
          null,
          el(
            'gmd:MD_RepresentativeFraction',
            null,
            el('gmd:denominator', null, el('gco:Integer', null, String(res.scale))),
          ),
        )
      : el('gmd:distance', null, el('gco:Distance', { uom: res.unit }, String(res.distance)));
  return el('gmd:spatialResolution', null, el('gmd:MD_Resolution', null, inner));
}

function graphicOverview(r: MetadataRecord): string {
  if (!r.overview) return '';
  return el(
    'gmd:graphicOverview',
    null,
    el(
      'gmd:MD_BrowseGraphic',
      null,
      cs('gmd:fileName', r.overview),
      cs('gmd:fileDescription', 'Gambaran data / overview'),
      cs('gmd:fileType', 'png'),
    ),
  );
}

/** What each attribute holds: "nama (string): description [unit]; codes: a = A, b = B". */
export function attributeText(a: MetadataRecord['attributes'][number]): string {
  const codes = a.codeList?.length ? `; kode: ${a.codeList.map((c) => `${c.code} = ${c.label}`).join(', ')}` : '';
  return `${a.name} (${a.type})${a.description ? `: ${a.description}` : ''}${a.unit ? ` [${a.unit}]` : ''}${codes}`;
}

/** gmd:contentInfo: the feature catalogue of the dataset (its one feature type and its
 *  attributes, described in the citation, since ISO 19139 itself has no attribute element). */
function contentInfo(r: MetadataRecord): string {
  if (!r.attributes.length || !r.layerName) return '';
  return el(
    'gmd:contentInfo',
    null,
    el(
      'gmd:MD_FeatureCatalogueDescription',
      null,
      lang,
      el('gmd:includedWithDataset', null, el('gco:Boolean', null, 'true')),
      el('gmd:featureTypes', null, el('gco:LocalName', null, esc(r.layerName))),
      el(
        'gmd:featureCatalogueCitation',
        null,
        el(
          'gmd:CI_Citation',
          null,
          cs('gmd:title', `Katalog atribut: ${r.title}`),
          citationDate(r.dateStamp, 'revision'),
          cs('gmd:otherCitationDetails', r.attributes.map(attributeText).join('\n')),
        ),
      ),
    ),
  );
}

/** gmd:DQ_DataQuality: the absolute positional accuracy (metres, EPSG unit 9001) and the lineage. */
function dataQuality(r: MetadataRecord): string {
  const accuracy =
    r.positionalAccuracy === null
      ? ''
      : el(
          'gmd:report',
          null,
          el(
            'gmd:DQ_AbsoluteExternalPositionalAccuracy',
            null,
            cs('gmd:nameOfMeasure', 'Akurasi posisi horizontal (RMSE)'),
            el(
              'gmd:result',
              null,
              el(
                'gmd:DQ_QuantitativeResult',
                null,
                el('gmd:valueUnit', { 'xlink:href': 'http://www.opengis.net/def/uom/EPSG/0/9001' }),
                el('gmd:value', null, el('gco:Record', null, String(r.positionalAccuracy))),
              ),
            ),
          ),
        );
  return el(
    'gmd:dataQualityInfo',
    null,
    el(
      'gmd:DQ_DataQuality',
      null,
      el('gmd:scope', null, el('gmd:DQ_Scope', null, code('gmd:level', 'MD_ScopeCode', 'dataset'))),
      accuracy,
      r.lineage ? el('gmd:lineage', null, el('gmd:LI_Lineage', null, cs('gmd:statement', r.lineage))) : '',
    ),
  );
}

function constraints(r: MetadataRecord): string {
  const legal = el(
    'gmd:resourceConstraints',
    null,
    el(
      'gmd:MD_LegalConstraints',
      null,
      cs('gmd:useLimitation', r.useConstraints ?? (r.licence ? `Lisensi: ${r.licence}` : null)),
      code(
        'gmd:accessConstraints',
        'MD_RestrictionCode',
        r.classification === 'unclassified' ? 'otherRestrictions' : 'restricted',
      ),
      r.licence ? code('gmd:useConstraints', 'MD_RestrictionCode', 'license') : '',
      cs('gmd:otherConstraints', r.licence),
    ),
  );
  const security = el(
    'gmd:resourceConstraints',
    null,
    el('gmd:MD_SecurityConstraints', null, code('gmd:classification', 'MD_ClassificationCode', r.classification)),
  );
  return legal + security;
}

function dataIdentification(r: MetadataRecord, set: ElementSet): string {
  const full = set === 'full';
  const themeWords = [...r.keywords];
  return el(
    'gmd:identificationInfo',
    null,
    el(
      'gmd:MD_DataIdentification',
      null,
      citation(r),
      cs('gmd:abstract', r.abstract),
      full ? cs('gmd:purpose', r.purpose) : '',
      set !== 'brief' ? code('gmd:status', 'MD_ProgressCode', r.progress) : '',
      set !== 'brief' ? responsibleParty('gmd:pointOfContact', r.pointOfContact, 'pointOfContact') : '',
      full
        ? el(
            'gmd:resourceMaintenance',
            null,
            el(
              'gmd:MD_MaintenanceInformation',
              null,
              code('gmd:maintenanceAndUpdateFrequency', 'MD_MaintenanceFrequencyCode', r.maintenance),
            ),
          )
        : '',
      set !== 'brief' ? graphicOverview(r) : '',
      set !== 'brief' ? keywords(themeWords, 'theme') : '',
      set !== 'brief'
        ? keywords(
            r.placeKeywords.map((p) => `${p.name} (${p.code})`),
            'place',
          )
        : '',
      set !== 'brief' && r.kugiFcode ? keywords([r.kugiFcode], 'theme', 'Katalog Unsur Geografi Indonesia (KUGI)') : '',
      full ? constraints(r) : '',
      set !== 'brief' ? code('gmd:spatialRepresentationType', 'MD_SpatialRepresentationTypeCode', 'vector') : '',
      set !== 'brief' ? spatialResolution(r) : '',
      lang,
      el(
        'gmd:characterSet',
        null,
        el(
          'gmd:MD_CharacterSetCode',
          { codeList: `${GMX_CODELISTS}#MD_CharacterSetCode`, codeListValue: 'utf8' },
          'utf8',
        ),
      ),
      r.topicCategory ? el('gmd:topicCategory', null, el('gmd:MD_TopicCategoryCode', null, esc(r.topicCategory))) : '',
      extent(r),
      full && r.attributes.length
        ? cs(
            'gmd:supplementalInformation',
            `Atribut: ${r.attributes.map(attributeText).join('; ')}. Jumlah fitur: ${r.featureCount ?? 0}.`,
          )
        : '',
    ),
  );
}

function serviceIdentification(r: MetadataRecord, set: ElementSet): string {
  const op = (name: string) =>
    el(
      'srv:containsOperations',
      null,
      el(
        'srv:SV_OperationMetadata',
        null,
        cs('srv:operationName', name),
        el(
          'srv:DCP',
          null,
          el('srv:DCPList', { codeList: `${GMX_CODELISTS}#DCPList`, codeListValue: 'WebServices' }, 'WebServices'),
        ),
        el(
          'srv:connectPoint',
          null,
          el(
            'gmd:CI_OnlineResource',
            null,
            el('gmd:linkage', null, el('gmd:URL', null, esc(r.links[0].url))),
            cs('gmd:protocol', r.links[0].protocol),
          ),
        ),
      ),
    );
  return el(
    'gmd:identificationInfo',
    null,
    el(
      'srv:SV_ServiceIdentification',
      null,
      citation(r),
      cs('gmd:abstract', r.abstract),
      set !== 'brief' ? responsibleParty('gmd:pointOfContact', r.pointOfContact, 'pointOfContact') : '',
      set !== 'brief' ? keywords(r.keywords, 'theme') : '',
      el('srv:serviceType', null, el('gco:LocalName', null, esc(r.serviceType))),
      el('srv:serviceTypeVersion', null, el('gco:CharacterString', null, esc(r.serviceVersion))),
      extent(r, 'srv:extent'),
      el(
        'srv:couplingType',
        null,
        el('srv:SV_CouplingType', { codeList: `${GMX_CODELISTS}#SV_CouplingType`, codeListValue: 'tight' }, 'tight'),
      ),
      ...(r.operations ?? []).map(op),
      ...(set === 'full'
        ? (r.operatesOn ?? []).map((id) => el('srv:operatesOn', { uuidref: id, 'xlink:href': `#${id}` }))
        : []),
    ),
  );
}

export function isoRecord(r: MetadataRecord, set: ElementSet = 'full', withNamespaces = true): string {
  const full = set === 'full';
  const isService = r.type === 'service';
  const body = [
    cs('gmd:fileIdentifier', r.id),
    lang,
    el(
      'gmd:characterSet',
      null,
      el(
        'gmd:MD_CharacterSetCode',
        { codeList: `${GMX_CODELISTS}#MD_CharacterSetCode`, codeListValue: 'utf8' },
        'utf8',
      ),
    ),
    code('gmd:hierarchyLevel', 'MD_ScopeCode', r.type),
    responsibleParty('gmd:contact', r.distributor, 'custodian'),
    el('gmd:dateStamp', null, el('gco:DateTime', null, dateTime(r.dateStamp))),
    cs('gmd:metadataStandardName', 'ISO 19115:2003/19139'),
    cs('gmd:metadataStandardVersion', '1.0'),
    full && !isService && r.geometryType
      ? el(
          'gmd:spatialRepresentationInfo',
          null,
          el(
            'gmd:MD_VectorSpatialRepresentation',
            null,
            el(
              'gmd:geometricObjects',
              null,
              el(
                'gmd:MD_GeometricObjects',
                null,
                code(
                  'gmd:geometricObjectType',
                  'MD_GeometricObjectTypeCode',
                  GEOMETRIC_OBJECT[r.geometryType] ?? 'complex',
                ),
                el('gmd:geometricObjectCount', null, el('gco:Integer', null, String(r.featureCount ?? 0))),
              ),
            ),
          ),
        )
      : '',
    set !== 'brief' && r.crs
      ? el(
          'gmd:referenceSystemInfo',
          null,
          el(
            'gmd:MD_ReferenceSystem',
            null,
            el(
              'gmd:referenceSystemIdentifier',
              null,
              el('gmd:RS_Identifier', null, cs('gmd:code', r.crs), cs('gmd:codeSpace', 'EPSG')),
            ),
          ),
        )
      : '',
    isService ? serviceIdentification(r, set) : dataIdentification(r, set),
    full && !isService ? contentInfo(r) : '',
    set !== 'brief'
      ? el(
          'gmd:distributionInfo',
          null,
          el(
            'gmd:MD_Distribution',
            null,
            ...(full
              ? r.formats.map((f) =>
                  el(
                    'gmd:distributionFormat',
                    null,
                    el('gmd:MD_Format', null, cs('gmd:name', f), el('gmd:version', { 'gco:nilReason': 'unknown' })),
                  ),
                )
              : []),
            full
              ? el(
                  'gmd:distributor',
                  null,
                  el(
                    'gmd:MD_Distributor',
                    null,
                    responsibleParty('gmd:distributorContact', r.distributor, 'distributor'),
                  ),
                )
              : '',
            el('gmd:transferOptions', null, el('gmd:MD_DigitalTransferOptions', null, ...r.links.map(onlineResource))),
          ),
        )
      : '',
    full && !isService ? dataQuality(r) : '',
  ];
  return el('gmd:MD_Metadata', withNamespaces ? ISO_NAMESPACES : null, ...body);
}

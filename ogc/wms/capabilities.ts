/** WMS 1.3.0 and 1.1.1 capabilities: a root layer → one group per organisation (titled with
 *  its name) → its layers, with a BoundingBox per advertised CRS in that CRS's axis order
 *  (computed once per catalogue revision in one query), styles with LegendURLs. */
import type { Db } from '../../data/db/types.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { ADVERTISED_CRS } from '../../data/crs.js';
import { allStyleNames } from '../../data/styles/store.js';
import { layerBoxesIn, type Box } from '../../data/layers/boxes.js';
import { DEFAULT_STYLE_NAME } from '../../styles/defaults.js';
import type { Site } from '../../data/site.js';
import { el, text, XML_DECL } from '../../data/xml.js';
import { serviceAbstract, serviceKeywords, serviceTitle } from '../ows-site.js';
import type { WmsVersion } from './exceptions.js';
import { MAX_LAYERS, MAX_SIDE } from './request.js';

export const MAP_FORMATS = ['image/png', 'image/png; mode=8bit', 'image/jpeg', 'image/webp'];
export const LEGEND_FORMATS = ['image/png', 'image/jpeg', 'image/webp'];
export const INFO_FORMATS = [
  'text/plain',
  'text/html',
  'application/json',
  'application/geo+json',
  'application/vnd.ogc.gml',
];

export interface CapabilitiesData {
  /** Layer id → EPSG → [minx, miny, maxx, maxy] east/north. */
  boxes: Map<string, Map<number, Box>>;
  styles: Map<string, Array<{ name: string; title: string; isDefault: boolean }>>;
}

/** Every layer's box in every advertised CRS and its style names: what the documents need
 *  beyond the catalogue, fetched once per catalogue revision. */
export async function capabilitiesData(db: Db): Promise<CapabilitiesData> {
  const codes = ADVERTISED_CRS.filter((c) => !c.geographic).map((c) => c.epsg);
  return { boxes: await layerBoxesIn(db, codes), styles: await allStyleNames(db) };
}

const n = (v: number) => String(Math.round(v * 1e7) / 1e7);
/** Projected coordinates (metres) to the centimetre: more digits say nothing about an extent. */
const cm = (v: number) => String(Math.round(v * 100) / 100);

function bboxesFor(version: WmsVersion, geo: Box, projected: Map<number, Box> | undefined): string {
  const out: string[] = [];
  const crsAttr = version === '1.3.0' ? 'CRS' : 'SRS';
  for (const c of ADVERTISED_CRS) {
    let b: Box | undefined = c.geographic ? geo : projected?.get(c.epsg);
    if (!b) continue;
    // 1.3.0: EPSG geographic CRSs are latitude first.
    if (version === '1.3.0' && c.northFirst) b = [b[1], b[0], b[3], b[2]];
    const f = c.geographic ? n : cm;
    out.push(
      el('BoundingBox', { [crsAttr]: `EPSG:${c.epsg}`, minx: f(b[0]), miny: f(b[1]), maxx: f(b[2]), maxy: f(b[3]) }),
    );
  }
  if (version === '1.3.0')
    out.unshift(
      el('BoundingBox', { CRS: 'CRS:84', minx: n(geo[0]), miny: n(geo[1]), maxx: n(geo[2]), maxy: n(geo[3]) }),
    );
  return out.join('');
}

function geoBox(version: WmsVersion, b: Box): string {
  return version === '1.3.0'
    ? el(
        'EX_GeographicBoundingBox',
        null,
        text('westBoundLongitude', n(b[0])),
        text('eastBoundLongitude', n(b[2])),
        text('southBoundLatitude', n(b[1])),
        text('northBoundLatitude', n(b[3])),
      )
    : el('LatLonBoundingBox', { minx: n(b[0]), miny: n(b[1]), maxx: n(b[2]), maxy: n(b[3]) });
}

/** The boxes' union; none: the site's extent. */
function union(boxes: Box[], extent: Box): Box {
  if (!boxes.length) return extent;
  return boxes.reduce((a, b) => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.max(a[3], b[3]),
  ]);
}

const link = (href: string) =>
  el('OnlineResource', { 'xmlns:xlink': undefined, 'xlink:type': 'simple', 'xlink:href': href });

function layerXml(version: WmsVersion, l: Layer, data: CapabilitiesData, url: string, extent: Box): string {
  const geo = l.bbox ?? extent;
  const stored = data.styles.get(l.id) ?? [];
  const styles = stored.some((s) => s.isDefault || s.name === DEFAULT_STYLE_NAME)
    ? stored
    : [{ name: DEFAULT_STYLE_NAME, title: `${l.title} (default)`, isDefault: true }, ...stored];
  const legend = (style: string) =>
    el(
      'LegendURL',
      { width: 20, height: 20 },
      text('Format', 'image/png'),
      link(
        `${url}?SERVICE=WMS&VERSION=${version}&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=${encodeURIComponent(l.name)}&STYLE=${encodeURIComponent(style)}`,
      ),
    );
  return el(
    'Layer',
    { queryable: '1' },
    text('Name', l.name),
    text('Title', l.title),
    l.abstract ? text('Abstract', l.abstract) : '',
    l.keywords.length ? el('KeywordList', null, ...l.keywords.map((k) => text('Keyword', k))) : '',
    geoBox(version, geo),
    bboxesFor(version, geo, data.boxes.get(l.id)),
    ...styles.map((s) => el('Style', null, text('Name', s.name), text('Title', s.title || s.name), legend(s.name))),
  );
}

function request(version: WmsVersion, url: string): string {
  const dcp = el(
    'DCPType',
    null,
    el('HTTP', null, el('Get', null, link(`${url}?`)), el('Post', null, link(`${url}?`))),
  );
  const op = (name: string, formats: string[]) => el(name, null, ...formats.map((f) => text('Format', f)), dcp);
  const capsFormat = version === '1.3.0' ? 'text/xml' : 'application/vnd.ogc.wms_xml';
  return el(
    'Request',
    null,
    op('GetCapabilities', [capsFormat]),
    op('GetMap', MAP_FORMATS),
    op('GetFeatureInfo', INFO_FORMATS),
    // 1.3.0 lists it as an extended operation from the SLD 1.1 WMS profile (sld_capabilities.xsd).
    op(version === '1.1.1' ? 'GetLegendGraphic' : 'sld:GetLegendGraphic', LEGEND_FORMATS),
  );
}

/** SLD with the request (SLD_BODY, or SLD pointing at our own style URLs); no remote WFS/WCS. */
const symbolization = { SupportSLD: '1', UserLayer: '1', UserStyle: '1', RemoteWFS: '0' };

export interface CapabilitiesOptions {
  version: WmsVersion;
  layers: Layer[];
  orgTitle: (code: string) => string;
  /** The service URL the operations point at (/wms or /wms/{org}). */
  url: string;
  data: CapabilitiesData;
  site: Site;
}

/** The provider as WMS ContactInformation (1.1.1 DTD and 1.3.0 schema: every ContactAddress
 *  element is required, so an unset one is empty). */
function contactInformation(site: Site): string {
  const p = site.provider;
  const a = p.address;
  return el(
    'ContactInformation',
    null,
    el('ContactPersonPrimary', null, text('ContactPerson', p.person), text('ContactOrganization', p.organisation)),
    p.position ? text('ContactPosition', p.position) : '',
    el(
      'ContactAddress',
      null,
      text('AddressType', 'postal'),
      text('Address', a.street),
      text('City', a.city),
      text('StateOrProvince', a.province),
      text('PostCode', a.postalCode),
      text('Country', a.country),
    ),
    p.phone ? text('ContactVoiceTelephone', p.phone) : '',
    p.email ? text('ContactElectronicMailAddress', p.email) : '',
  );
}

export function capabilities(o: CapabilitiesOptions): string {
  const { version, url, data, site } = o;
  const byOrg = new Map<string, Layer[]>();
  for (const l of o.layers) {
    const list = byOrg.get(l.organisation) ?? [];
    list.push(l);
    byOrg.set(l.organisation, list);
  }
  const crsTag = version === '1.3.0' ? 'CRS' : 'SRS';
  const crsList = [...ADVERTISED_CRS.map((c) => `EPSG:${c.epsg}`), ...(version === '1.3.0' ? ['CRS:84'] : [])];
  const all = union(
    o.layers.map((l) => l.bbox).filter((b): b is Box => !!b),
    site.extent,
  );
  const groups = [...byOrg.entries()].map(([org, layers]) => {
    const box = union(
      layers.map((l) => l.bbox).filter((b): b is Box => !!b),
      site.extent,
    );
    return el(
      'Layer',
      null,
      text('Name', org),
      text('Title', o.orgTitle(org)),
      geoBox(version, box),
      ...layers.map((l) => layerXml(version, l, data, url, site.extent)),
    );
  });
  const root = el(
    'Layer',
    null,
    text('Title', site.service.title.id),
    ...crsList.map((c) => text(crsTag, c)),
    geoBox(version, all),
    bboxesFor(version, all, undefined),
    ...groups,
  );
  const service = el(
    'Service',
    null,
    text('Name', version === '1.3.0' ? 'WMS' : 'OGC:WMS'),
    text('Title', serviceTitle(site, 'WMS')),
    text('Abstract', serviceAbstract(site)),
    el('KeywordList', null, ...serviceKeywords(site, 'WMS').map((k) => text('Keyword', k))),
    link(url),
    contactInformation(site),
    text('Fees', site.service.fees),
    text('AccessConstraints', site.service.accessConstraints),
    version === '1.3.0'
      ? text('LayerLimit', MAX_LAYERS) + text('MaxWidth', MAX_SIDE) + text('MaxHeight', MAX_SIDE)
      : '',
  );
  const exception = el(
    'Exception',
    null,
    ...(version === '1.3.0'
      ? ['XML', 'INIMAGE', 'BLANK']
      : ['application/vnd.ogc.se_xml', 'application/vnd.ogc.se_inimage', 'application/vnd.ogc.se_blank']
    ).map((f) => text('Format', f)),
  );
  if (version === '1.1.1') {
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE WMT_MS_Capabilities SYSTEM "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd">\n` +
      // The 1.1.1 DTD declares xmlns:xlink on OnlineResource only.
      el(
        'WMT_MS_Capabilities',
        { version: '1.1.1' },
        service,
        el('Capability', null, request(version, url), exception, el('UserDefinedSymbolization', symbolization), root),
      ).replaceAll('<OnlineResource ', '<OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" ')
    );
  }
  return (
    XML_DECL +
    el(
      'WMS_Capabilities',
      {
        version: '1.3.0',
        xmlns: 'http://www.opengis.net/wms',
        'xmlns:sld': 'http://www.opengis.net/sld',
        'xmlns:xlink': 'http://www.w3.org/1999/xlink',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation':
          'http://www.opengis.net/wms http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd',
      },
      service,
      el('Capability', null, request(version, url), exception, el('sld:UserDefinedSymbolization', symbolization), root),
    )
  );
}

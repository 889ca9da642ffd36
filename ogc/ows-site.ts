/** OWS ServiceIdentification and ServiceProvider (OWS 1.0 for CSW and WFS 1.1, 1.1 for WFS 2.0
 *  and WMTS: the same elements in the same order) from the site settings. */
import type { Site } from '../data/site.js';
import { el, text } from '../data/xml.js';

/** Title of one service: the site's title and the service's name. */
export const serviceTitle = (site: Site, service: string) => `${site.service.title.id} — ${service}`;

/** Both languages, Indonesian first: OWS has one Abstract. */
export const serviceAbstract = (site: Site) => `${site.service.abstract.id} ${site.service.abstract.en}`;

/** The service's keyword first, then the site's. */
export const serviceKeywords = (site: Site, service: string) => [
  service,
  ...site.service.keywords.filter((k) => k !== service),
];

/** `extra` goes after ServiceTypeVersion (OWS 1.1 Profile). */
export function owsServiceIdentification(
  site: Site,
  o: { name: string; type: string; versions: string[]; extra?: string },
): string {
  return el(
    'ows:ServiceIdentification',
    null,
    text('ows:Title', serviceTitle(site, o.name)),
    text('ows:Abstract', serviceAbstract(site)),
    el('ows:Keywords', null, ...serviceKeywords(site, o.name).map((k) => text('ows:Keyword', k))),
    text('ows:ServiceType', o.type),
    ...o.versions.map((v) => text('ows:ServiceTypeVersion', v)),
    o.extra ?? '',
    text('ows:Fees', site.service.fees),
    text('ows:AccessConstraints', site.service.accessConstraints),
  );
}

const opt = (tag: string, v: string) => (v ? text(tag, v) : '');

export function owsServiceProvider(site: Site, baseUrl: string): string {
  const p = site.provider;
  const a = p.address;
  return el(
    'ows:ServiceProvider',
    null,
    text('ows:ProviderName', p.organisation),
    el('ows:ProviderSite', { 'xlink:href': p.web || baseUrl }),
    el(
      'ows:ServiceContact',
      null,
      opt('ows:IndividualName', p.person),
      opt('ows:PositionName', p.position),
      el(
        'ows:ContactInfo',
        null,
        p.phone ? el('ows:Phone', null, text('ows:Voice', p.phone)) : '',
        el(
          'ows:Address',
          null,
          opt('ows:DeliveryPoint', a.street),
          opt('ows:City', a.city),
          opt('ows:AdministrativeArea', a.province),
          opt('ows:PostalCode', a.postalCode),
          opt('ows:Country', a.country),
          opt('ows:ElectronicMailAddress', p.email),
        ),
        p.web ? el('ows:OnlineResource', { 'xlink:href': p.web }) : '',
      ),
    ),
  );
}

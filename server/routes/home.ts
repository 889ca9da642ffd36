/** The home page: the public catalogue (search, facets, sorting, paging; every state in the
 *  URL; htmx swaps the results, plain links and forms work without JS), and what this node
 *  serves, with the address each client needs (QGIS, ArcGIS, GDAL/OGR, harvesters). Each address is shown exactly as it is
 *  to be pasted; test/clients/pasted-addresses.test.ts pastes them into the clients. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import {
  FACET_KEYS,
  SORT_KEYS,
  searchLayers,
  type FacetKey,
  type SearchQuery,
  type SortKey,
} from '../../data/catalogue/search.js';
import { sendPage } from '../web/render.js';
import { languageOf, t, topicName } from '../web/i18n.js';

type Client = 'qgis' | 'arcgis' | 'gdal' | 'other';

interface Address {
  /** Where to paste it, Indonesian / English. */
  where: string;
  /** The address, `{base}` replaced by the node's public URL. */
  address: string;
}

interface Service {
  id: string;
  label: string;
  note: string;
  /** What a browser opens from the service's name. */
  link: string;
  clients: Partial<Record<Client, Address>>;
}

const CLIENTS: Array<[Client, string]> = [
  ['qgis', 'QGIS'],
  ['arcgis', 'ArcGIS Pro'],
  ['gdal', 'GDAL/OGR'],
  ['other', 'Lainnya / Other'],
];

// QGIS tells WMTS from WMS by the capabilities it gets back, so one "WMS/WMTS" connection takes
// both. GDAL needs its driver prefix. ArcGIS Pro: Insert ▸ Connections ▸ Server.
const SERVICES: Service[] = [
  {
    id: 'wms',
    label: 'WMS 1.3.0 / 1.1.1',
    note: 'Peta bergaya / styled maps',
    link: '/wms?SERVICE=WMS&REQUEST=GetCapabilities',
    clients: {
      qgis: { where: 'Sambungan “WMS/WMTS” / “WMS/WMTS” connection', address: '{base}/wms' },
      arcgis: { where: 'Server WMS baru / New WMS Server', address: '{base}/wms' },
      gdal: { where: 'gdalinfo', address: 'WMS:{base}/wms' },
    },
  },
  {
    id: 'wmts',
    label: 'WMTS 1.0.0',
    note: 'Ubin peta / map tiles',
    link: '/wmts/1.0.0/WMTSCapabilities.xml',
    clients: {
      qgis: { where: 'Sambungan “WMS/WMTS” / “WMS/WMTS” connection', address: '{base}/wmts' },
      arcgis: { where: 'Server WMTS baru / New WMTS Server', address: '{base}/wmts/1.0.0/WMTSCapabilities.xml' },
      gdal: { where: 'gdalinfo, gdal_translate', address: 'WMTS:{base}/wmts/1.0.0/WMTSCapabilities.xml' },
    },
  },
  {
    id: 'wfs',
    label: 'WFS 2.0.0 / 1.1.0 / 1.0.0',
    note: 'Fitur vektor / vector features',
    link: '/wfs?SERVICE=WFS&REQUEST=GetCapabilities',
    clients: {
      qgis: {
        where: 'Sambungan “WFS / OGC API - Features” / “WFS / OGC API - Features” connection',
        address: '{base}/wfs',
      },
      arcgis: { where: 'Server WFS baru / New WFS Server', address: '{base}/wfs' },
      gdal: { where: 'ogrinfo, ogr2ogr', address: 'WFS:{base}/wfs' },
    },
  },
  {
    id: 'csw',
    label: 'CSW 2.0.2',
    note: 'Katalog metadata ISO 19139 / ISO 19139 metadata catalogue',
    link: '/csw?SERVICE=CSW&REQUEST=GetCapabilities',
    clients: {
      qgis: { where: 'MetaSearch', address: '{base}/csw' },
      other: { where: 'Panen / harvest: JIGN, GeoNetwork, CKAN', address: '{base}/csw' },
    },
  },
  {
    id: 'ogcapi',
    label: 'OGC API',
    note: 'Features, Tiles, Records',
    link: '/ogcapi',
    clients: {
      qgis: {
        where: 'Sambungan “WFS / OGC API - Features” / “WFS / OGC API - Features” connection',
        address: '{base}/ogcapi',
      },
      arcgis: { where: 'Server OGC API baru / New OGC API Server', address: '{base}/ogcapi' },
      gdal: { where: 'ogrinfo, ogr2ogr', address: 'OAPIF:{base}/ogcapi' },
    },
  },
  {
    id: 'map',
    label: 'Peta web / web map',
    note: 'MapLibre',
    link: '/map',
    clients: { other: { where: 'Peramban / browser', address: '{base}/map' } },
  },
];

/** The service table's rows with `{base}` filled in, one cell per client (null: none). */
export function serviceRows(base: string) {
  return SERVICES.map((s) => ({
    id: s.id,
    label: s.label,
    note: s.note,
    link: base + s.link,
    cells: CLIENTS.map(([client]) => {
      const a = s.clients[client];
      return a ? { client, where: a.where, address: a.address.replace('{base}', () => base) } : null;
    }),
  }));
}

const PAGE_SIZE = 20;
const FACET_LABEL: Record<FacetKey, string> = {
  org: 'facet_org',
  topic: 'facet_topic',
  kugi: 'facet_kugi',
  geom: 'facet_geom',
  year: 'facet_year',
  kecamatan: 'facet_kecamatan',
  kelurahan: 'facet_kelurahan',
  access: 'facet_access',
};

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

/** The search as the query string says: every state of the page is in its URL. */
export function searchQueryOf(q: Record<string, unknown>): SearchQuery {
  const sort = (SORT_KEYS as readonly string[]).includes(String(q.sort)) ? (q.sort as SortKey) : 'relevance';
  const page = Number.parseInt(String(q.page ?? '1'), 10);
  return {
    q: typeof q.q === 'string' ? q.q.slice(0, 200) : '',
    filters: Object.fromEntries(FACET_KEYS.map((k) => [k, list(q[k]).slice(0, 50)])),
    sort,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
    pageSize: PAGE_SIZE,
  };
}

/** The URL of the same search at another page. */
function searchUrl(s: SearchQuery, page: number, lang: string): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  for (const k of FACET_KEYS) for (const v of s.filters[k] ?? []) p.append(k, v);
  if (page > 1) p.set('page', String(page));
  if (lang === 'en') p.set('lang', 'en');
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}

const excerpt = (s: string, n = 240) => (s.length > n ? `${s.slice(0, n).replace(/\s+\S*$/, '')}…` : s);

export function mountHome(router: Router, ctx: AppContext): void {
  router.get('/', (req, res) => {
    const base = baseUrlOf(res);
    const lang = languageOf(req.query.lang, req.get('cookie')).lang;
    const s = searchQueryOf(req.query as Record<string, unknown>);
    const principal = principalOf(res);
    // The access class is a facet for signed-in users only; its counts are over what they may see.
    const keys = FACET_KEYS.filter((k) => k !== 'access' || principal.kind === 'user');
    if (principal.kind !== 'user') s.filters.access = [];
    const result = searchLayers(ctx.catalogue.visibleLayers(principal), (c) => ctx.catalogue.organisation(c), s);
    const orgName = (code: string) => ctx.catalogue.organisation(code)?.name ?? code;
    const label: Record<FacetKey, (v: string) => string> = {
      org: orgName,
      topic: (v) => topicName(lang, v),
      kugi: (v) => v,
      geom: (v) => v,
      year: (v) => v,
      kecamatan: (v) => result.places[v] ?? v,
      kelurahan: (v) => result.places[v] ?? v,
      access: (v) => v,
    };
    // htmx asks for the results part only (but a history restore wants the whole page).
    const partial = req.get('hx-request') === 'true' && req.get('hx-history-restore-request') !== 'true';
    sendPage(req, res, 'home', {
      title: lang === 'en' ? 'Catalogue' : 'Katalog',
      partial,
      q: s.q,
      sort: s.sort,
      sorts: SORT_KEYS,
      result,
      filtered: !!s.q || FACET_KEYS.some((k) => s.filters[k]?.length),
      facets: keys.map((k) => ({
        key: k,
        label: t(lang, FACET_LABEL[k]),
        values: result.facets[k].slice(0, 60).map((v) => ({ ...v, label: label[k](v.value) })),
      })),
      hits: result.hits.map((l) => ({
        name: l.name,
        href: `/dataset/${encodeURIComponent(l.name)}`,
        title: l.title || l.name,
        org: orgName(l.organisation),
        geometryType: l.geometryType,
        featureCount: l.featureCount,
        updated: l.updatedAt.toISOString().slice(0, 10),
        abstract: excerpt(l.abstract ?? ''),
        keywords: l.keywords.slice(0, 8),
      })),
      prevUrl: result.page > 1 ? searchUrl(s, result.page - 1, lang) : null,
      nextUrl: result.page < result.pages ? searchUrl(s, result.page + 1, lang) : null,
      clients: CLIENTS.map(([c, l]) => [c, c === 'other' ? t(lang, 'other') : l]),
      services: serviceRows(base),
    });
  });
}

/** The home page: what this node serves, with the address each client needs (QGIS, ArcGIS,
 *  GDAL/OGR, harvesters), Indonesian first with English. Each address is shown exactly as it is
 *  to be pasted; test/clients/pasted-addresses.test.ts pastes them into the clients. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { esc } from '../../data/xml.js';

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
    id: 'wms', label: 'WMS 1.3.0 / 1.1.1', note: 'Peta bergaya / styled maps', link: '/wms?SERVICE=WMS&REQUEST=GetCapabilities',
    clients: {
      qgis: { where: 'Sambungan “WMS/WMTS” / “WMS/WMTS” connection', address: '{base}/wms' },
      arcgis: { where: 'Server WMS baru / New WMS Server', address: '{base}/wms' },
      gdal: { where: 'gdalinfo', address: 'WMS:{base}/wms' },
    },
  },
  {
    id: 'wmts', label: 'WMTS 1.0.0', note: 'Ubin peta / map tiles', link: '/wmts/1.0.0/WMTSCapabilities.xml',
    clients: {
      qgis: { where: 'Sambungan “WMS/WMTS” / “WMS/WMTS” connection', address: '{base}/wmts' },
      arcgis: { where: 'Server WMTS baru / New WMTS Server', address: '{base}/wmts/1.0.0/WMTSCapabilities.xml' },
      gdal: { where: 'gdalinfo, gdal_translate', address: 'WMTS:{base}/wmts/1.0.0/WMTSCapabilities.xml' },
    },
  },
  {
    id: 'wfs', label: 'WFS 2.0.0 / 1.1.0 / 1.0.0', note: 'Fitur vektor / vector features', link: '/wfs?SERVICE=WFS&REQUEST=GetCapabilities',
    clients: {
      qgis: { where: 'Sambungan “WFS / OGC API - Features” / “WFS / OGC API - Features” connection', address: '{base}/wfs' },
      arcgis: { where: 'Server WFS baru / New WFS Server', address: '{base}/wfs' },
      gdal: { where: 'ogrinfo, ogr2ogr', address: 'WFS:{base}/wfs' },
    },
  },
  {
    id: 'csw', label: 'CSW 2.0.2', note: 'Katalog metadata ISO 19139 / ISO 19139 metadata catalogue', link: '/csw?SERVICE=CSW&REQUEST=GetCapabilities',
    clients: {
      qgis: { where: 'MetaSearch', address: '{base}/csw' },
      other: { where: 'Panen / harvest: JIGN, GeoNetwork, CKAN', address: '{base}/csw' },
    },
  },
  {
    id: 'ogcapi', label: 'OGC API', note: 'Features, Tiles, Records', link: '/ogcapi',
    clients: {
      qgis: { where: 'Sambungan “WFS / OGC API - Features” / “WFS / OGC API - Features” connection', address: '{base}/ogcapi' },
      arcgis: { where: 'Server OGC API baru / New OGC API Server', address: '{base}/ogcapi' },
      gdal: { where: 'ogrinfo, ogr2ogr', address: 'OAPIF:{base}/ogcapi' },
    },
  },
  {
    id: 'map', label: 'Peta web / web map', note: 'MapLibre', link: '/map',
    clients: { other: { where: 'Peramban / browser', address: '{base}/map' } },
  },
];

function serviceRow(s: Service, base: string): string {
  const cells = CLIENTS.map(([client]) => {
    const a = s.clients[client];
    if (!a) return '<td>—</td>';
    const address = a.address.replace('{base}', () => base);
    return `<td><small>${esc(a.where)}</small><br><code data-service="${s.id}" data-client="${client}">${esc(address)}</code></td>`;
  });
  return `<tr><th><a href="${esc(base + s.link)}">${esc(s.label)}</a><br><small>${esc(s.note)}</small></th>${cells.join('')}</tr>`;
}

export function mountHome(router: Router, ctx: AppContext): void {
  router.get('/', (_req, res) => {
    const base = baseUrlOf(res);
    const layers = ctx.catalogue.visibleLayers(principalOf(res));
    const site = ctx.config.site;
    res.type('html').send(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${esc(`Simpul — ${site.place.name}`)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
code{background:#f3f3f3;padding:.1rem .3rem;user-select:all;word-break:break-all}small{color:#555}table{border-collapse:collapse}td,th{padding:.35rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}</style></head>
<body><h1>${esc(site.service.title.id)}</h1><p>${esc(site.service.abstract.id)} ${layers.length} layer.</p>
<p lang="en"><small>${esc(site.service.abstract.en)}</small></p>
<p><small>${esc(site.provider.organisation)}${site.provider.email ? ` — <a href="mailto:${esc(site.provider.email)}">${esc(site.provider.email)}</a>` : ''} · ${esc(site.service.licence.name)}</small></p>
<h2>Alamat layanan / Service addresses</h2>
<p>Salin alamat persis seperti tertulis ke aplikasi Anda. / Paste the address exactly as shown into your software.</p>
<table><tr><th>Layanan / Service</th>${CLIENTS.map(([, l]) => `<th>${esc(l)}</th>`).join('')}</tr>${SERVICES.map((s) => serviceRow(s, base)).join('')}</table>
<h2>Layer</h2><table><tr><th>Nama</th><th>Judul</th><th>Fitur</th></tr>${layers
      .slice(0, 500)
      .map((l) => `<tr><td><code>${esc(l.name)}</code></td><td>${esc(l.title)}</td><td>${l.featureCount}</td></tr>`)
      .join('')}</table></body></html>`);
  });
}

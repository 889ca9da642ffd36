/** The home page: what this node serves, with the URLs to paste into QGIS or ArcGIS. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { esc } from '../../ogc/xml.js';

const SERVICES: Array<[label: string, path: string, note: string]> = [
  ['WMS 1.3.0 / 1.1.1', '/wms?SERVICE=WMS&REQUEST=GetCapabilities', 'Peta bergaya / styled maps (QGIS, ArcGIS)'],
  ['WFS 2.0 / 1.1', '/wfs?SERVICE=WFS&REQUEST=GetCapabilities', 'Fitur vektor / vector features'],
  ['WMTS 1.0', '/wmts?SERVICE=WMTS&REQUEST=GetCapabilities', 'Ubin peta / map tiles'],
  ['CSW 2.0.2', '/csw?SERVICE=CSW&REQUEST=GetCapabilities', 'Katalog metadata ISO 19139 (JIGN, GeoNetwork, CKAN)'],
  ['OGC API', '/ogcapi', 'Features, Tiles, Records'],
  ['Peta web / web map', '/map', 'MapLibre'],
];

export function mountHome(router: Router, ctx: AppContext): void {
  router.get('/', (_req, res) => {
    const base = baseUrlOf(res);
    const layers = ctx.catalogue.visibleLayers(principalOf(res));
    res.type('html').send(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Simpul — Kota Tangerang</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code{background:#f3f3f3;padding:.1rem .3rem}table{border-collapse:collapse}td,th{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style></head>
<body><h1>Simpul</h1><p>Simpul jaringan geospasial Kota Tangerang — Satu Data Satu Peta. ${layers.length} layer.</p>
<h2>Layanan / Services</h2><table>${SERVICES.map(([l, p, n]) => `<tr><th>${esc(l)}</th><td><a href="${esc(base + p)}"><code>${esc(base + p.split('?')[0])}</code></a></td><td>${esc(n)}</td></tr>`).join('')}</table>
<h2>Layer</h2><table><tr><th>Nama</th><th>Judul</th><th>Fitur</th></tr>${layers
      .slice(0, 500)
      .map((l) => `<tr><td><code>${esc(l.name)}</code></td><td>${esc(l.title)}</td><td>${l.featureCount}</td></tr>`)
      .join('')}</table></body></html>`);
  });
}

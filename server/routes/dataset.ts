/** A page per dataset (/dataset/{org:layer}): what it is, who keeps it, its licence, a preview
 *  map with its legend, its attributes and a few rows, downloads, and the service addresses to
 *  paste (each with a copy button) — plus schema.org Dataset JSON-LD for search engines.
 *  A layer the caller may not read is not found, like everywhere else. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { serviceRequest } from '../reply.js';
import type { Layer } from '../../data/catalogue/layer.js';
import type { ReplyBody } from '../../data/reply.js';
import { createOgcapiService } from '../../ogc/ogcapi/service.js';
import { notFoundPage, sendPage } from '../web/render.js';
import { esc } from '../../data/xml.js';
import { createWfsService } from '../../ogc/wfs/service.js';
import { DOWNLOADS, downloadQuery, downloadSizes, humanSize } from './download-sizes.js';
import { languageOf } from '../web/i18n.js';

const SAMPLE_ROWS = 5;
const GMD = 'http://www.isotc211.org/2005/gmd';
/** The city's boundaries under every preview, drawn by the node too. */
const BASEMAP_LAYER = 'bappeda:batas_kecamatan';

async function text(body: ReplyBody): Promise<string> {
  if (body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  let out = '';
  for await (const c of body) out += typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
  return out;
}

/** The service addresses of one layer, as they are pasted; each with the steps to add it in
 *  QGIS and in ArcGIS Pro (string table keys steps_<id>_qgis / steps_<id>_arcgis). */
function addresses(base: string, l: Layer) {
  const name = encodeURIComponent(l.name);
  return [
    { id: 'wms', label: 'WMS', address: `${base}/wms`, note: `LAYERS=${l.name}` },
    { id: 'wfs', label: 'WFS', address: `${base}/wfs`, note: `TYPENAMES=${l.name}` },
    { id: 'wmts', label: 'WMTS', address: `${base}/wmts/1.0.0/WMTSCapabilities.xml`, note: `LAYER=${l.name}` },
    { id: 'ogcapi', label: 'OGC API Features', address: `${base}/ogcapi/collections/${name}`, note: '' },
    { id: 'xyz', label: 'XYZ (PNG)', address: `${base}/tiles/${name}/{z}/{x}/{y}.png`, note: '' },
    { id: 'mvt', label: 'Vector tiles (MVT)', address: `${base}/tiles/${name}/{z}/{x}/{y}.pbf`, note: '' },
  ];
}

/** schema.org Dataset, the shape search engines index. */
function jsonLd(
  l: Layer,
  base: string,
  place: string,
  org: { name: string; email: string | null; website: string | null },
  pageUrl: string,
  downloads: Array<{ label: string; href: string; format: string }>,
) {
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: l.title || l.name,
    description: l.abstract || l.title || l.name,
    url: pageUrl,
    identifier: l.id,
    keywords: l.keywords,
    dateCreated: l.createdAt.toISOString(),
    dateModified: l.updatedAt.toISOString(),
    ...(l.publishedAt ? { datePublished: l.publishedAt.toISOString() } : {}),
    ...(typeof l.metadata.licence === 'string' ? { license: l.metadata.licence } : {}),
    isAccessibleForFree: true,
    creator: {
      '@type': 'Organization',
      name: org.name,
      ...(org.email ? { email: org.email } : {}),
      ...(org.website ? { url: org.website } : {}),
    },
    spatialCoverage: l.bbox
      ? {
          '@type': 'Place',
          name: place,
          geo: { '@type': 'GeoShape', box: `${l.bbox[1]} ${l.bbox[0]} ${l.bbox[3]} ${l.bbox[2]}` },
        }
      : { '@type': 'Place', name: place },
    distribution: downloads.map((d) => ({
      '@type': 'DataDownload',
      encodingFormat: d.format,
      contentUrl: d.href,
      name: d.label,
    })),
    includedInDataCatalog: { '@type': 'DataCatalog', name: `Simpul ${place}`, url: `${base}/` },
  };
}

export function mountDataset(router: Router, ctx: AppContext): void {
  const api = createOgcapiService(ctx, { collections: 1 });
  const wfs = createWfsService(ctx, { documents: 1 });
  const downloadsOf = (base: string, l: Layer) =>
    DOWNLOADS.map(([label, f, ext]) => ({
      label,
      href: `${base}/wfs?${new URLSearchParams(downloadQuery(l.name, f))}`,
      format: f,
      file: `${l.localName}.${ext}`,
    }));

  /** The downloads with their sizes: asked for by the page once it is shown (htmx). */
  router.get('/dataset/:name/downloads', async (req, res) => {
    const l = ctx.catalogue.find(principalOf(res), String(req.params.name));
    if (!l) {
      notFoundPage(req, res);
      return;
    }
    const lang = languageOf(req.query.lang, req.get('cookie')).lang;
    const sizes = await downloadSizes(wfs, serviceRequest(req, res, ''), l);
    const downloads = downloadsOf(baseUrlOf(res), l).map((d) => ({
      ...d,
      size: sizes[d.format] == null ? null : humanSize(sizes[d.format]!, lang),
      bytes: sizes[d.format],
    }));
    sendPage(req, res, 'dataset-downloads', { title: l.title || l.name, downloads, sizesUrl: null });
  });

  router.get('/dataset/:name', async (req, res) => {
    const base = baseUrlOf(res);
    const p = principalOf(res);
    const l = ctx.catalogue.find(p, String(req.params.name));
    if (!l) {
      notFoundPage(req, res);
      return;
    }
    const o = ctx.catalogue.organisation(l.organisation);
    const org = {
      name: o?.name ?? l.organisation,
      email: o?.email ?? null,
      phone: o?.phone ?? null,
      address: o?.address ?? null,
      website: o?.website ?? null,
    };
    const downloads = downloadsOf(base, l);

    // A few rows through OGC API Features (the one feature query, the caller's access).
    let sample: { columns: string[]; rows: string[][] } = { columns: [], rows: [] };
    try {
      const sreq = serviceRequest(req, res, `/collections/${l.name}/items`);
      const r = await api.items(
        { ...sreq, query: { limit: String(SAMPLE_ROWS), f: 'json' }, headers: { accept: 'application/geo+json' } },
        l.name,
      );
      const doc = JSON.parse(await text(r.body)) as { features?: Array<{ properties?: Record<string, unknown> }> };
      const columns = l.attributes.map((a) => a.name);
      sample = {
        columns,
        rows: (doc.features ?? []).map((f) =>
          columns.map((c) => (f.properties?.[c] == null ? '' : String(f.properties[c]))),
        ),
      };
    } catch (err) {
      ctx.log.warn('dataset sample rows', { layer: l.name, error: String(err) });
    }
    const descriptions = (l.metadata.attributeDescriptions ?? {}) as Record<string, unknown>;
    const pageUrl = `${base}/dataset/${encodeURIComponent(l.name)}`;
    const published = l.status === 'published';
    const related = ctx.catalogue
      .visibleLayers(p)
      .filter((x) => x.organisation === l.organisation && x.name !== l.name)
      .slice(0, 8)
      .map((x) => ({ href: `/dataset/${encodeURIComponent(x.name)}`, title: x.title || x.name }));
    const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
    sendPage(req, res, 'dataset', {
      title: l.title || l.name,
      layer: {
        name: l.name,
        title: l.title || l.name,
        abstract: l.abstract,
        keywords: l.keywords,
        geometryType: l.geometryType,
        featureCount: l.featureCount,
        crs: l.nativeSrid ? `EPSG:${l.nativeSrid}` : null,
        bbox: l.bbox,
        topic: typeof l.metadata.topicCategory === 'string' ? l.metadata.topicCategory : null,
        kugi: l.kugiFcode,
        licence: typeof l.metadata.licence === 'string' ? l.metadata.licence : null,
        useConstraints: typeof l.metadata.useConstraints === 'string' ? l.metadata.useConstraints : null,
        lineage: typeof l.metadata.lineage === 'string' ? l.metadata.lineage : null,
        created: date(l.createdAt),
        updated: date(l.updatedAt),
        published: date(l.publishedAt),
        accessClass: l.accessClass,
        status: l.status,
      },
      org,
      attributes: l.attributes.map((a) => ({
        name: a.name,
        type: a.type,
        description:
          typeof descriptions[a.name] === 'string'
            ? (descriptions[a.name] as string)
            : a.sourceName && a.sourceName !== a.name
              ? a.sourceName
              : '',
      })),
      sample,
      downloads,
      sizesUrl: `/dataset/${encodeURIComponent(l.name)}/downloads`,
      addresses: addresses(base, l),
      legend: `${base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=${encodeURIComponent(l.name)}`,
      preview: l.bbox
        ? {
            bbox: JSON.stringify(l.bbox),
            tiles: `${base}/tiles/${encodeURIComponent(l.name)}/{z}/{x}/{y}.png`,
            basemap: `${base}/tiles/${encodeURIComponent(BASEMAP_LAYER)}/{z}/{x}/{y}.png`,
          }
        : null,
      iso: published
        ? `${base}/csw?service=CSW&version=2.0.2&request=GetRecordById&elementSetName=full&outputSchema=${encodeURIComponent(GMD)}&id=${encodeURIComponent(l.id)}`
        : null,
      dcat: published ? `${base}/ogcapi/collections/metadata/items/${encodeURIComponent(l.id)}?f=jsonld` : null,
      record: published ? `${base}/ogcapi/collections/metadata/items/${encodeURIComponent(l.id)}` : null,
      mapUrl: `/map?layers=${encodeURIComponent(l.name)}`,
      related,
      // JSON inside <script>: "<" escaped so that no text in it can close the element.
      jsonLd: JSON.stringify(jsonLd(l, base, ctx.config.site.place.name, org, pageUrl, downloads)).replace(
        /</g,
        '\\u003c',
      ),
      head: `<link rel="stylesheet" href="/map/lib/maplibre-gl.css"><link rel="canonical" href="${esc(pageUrl)}">`,
    });
  });
}

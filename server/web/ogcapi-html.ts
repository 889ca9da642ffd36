/** OGC API pages for people (`?f=html` or a browser's Accept): the service answers in JSON, as
 *  it does for every client, and this turns that document into a page in the portal's look and
 *  language. Errors become friendly 404/400 pages with the same status. */
import type { Site } from '../../data/site.js';
import type { Request, Response } from 'express';
import type { Reply, ReplyBody, ServiceRequest } from '../../data/reply.js';
import { asHtml } from '../../ogc/ogcapi/request.js';
import { sendReply } from '../reply.js';
import { languageOf, t, type Lang } from './i18n.js';
import { renderPage } from './render.js';

export type OgcPageKind =
  | 'landing'
  | 'conformance'
  | 'api'
  | 'collections'
  | 'collection'
  | 'queryables'
  | 'items'
  | 'item'
  | 'records'
  | 'record';

/** Whether this request wants a page (an unknown `f` is the service's own 400, in JSON). */
export function wantsPage(sreq: ServiceRequest): boolean {
  try {
    return asHtml(sreq);
  } catch {
    return false;
  }
}

async function text(body: ReplyBody): Promise<string> {
  if (body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  let out = '';
  for await (const c of body) out += typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
  return out;
}

/** The same URL with `f` set (a page's JSON twin, or a JSON link made a page link). */
export function withF(href: string, f: string): string {
  try {
    const u = new URL(href);
    u.searchParams.set('f', f);
    return u.toString();
  } catch {
    return href;
  }
}

const STATUS_TITLE: Record<number, string> = { 404: 'notFoundTitle', 400: 'badRequestTitle' };

/** People's names for the link relations they meet on the landing page. */
const REL_NAMES: Record<string, [string, string]> = {
  data: ['Koleksi (layer)', 'Collections (layers)'],
  conformance: ['Kelas kesesuaian', 'Conformance classes'],
  'service-desc': ['Definisi API (OpenAPI, JSON)', 'API definition (OpenAPI, JSON)'],
  'http://www.opengis.net/def/rel/ogc/1.0/data': [
    'Katalog metadata (OGC API Records)',
    'Metadata catalogue (OGC API Records)',
  ],
  'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes': [
    'Skema ubin (tile matrix sets)',
    'Tiling schemes (tile matrix sets)',
  ],
};

type Doc = Record<string, any>;
const linkOf = (doc: Doc, rel: string): string | undefined => (doc.links ?? []).find((l: any) => l.rel === rel)?.href;

/** The page's view model for its kind. */
function view(kind: OgcPageKind, doc: Doc, lang: Lang, base: string, place: string): Record<string, unknown> {
  const range = (key: string) => {
    const from = Number(doc.numberReturned) ? (offsetOf(linkOf(doc, 'self')) ?? 0) + 1 : 0;
    return t(lang, key, {
      from,
      to: from ? from + Number(doc.numberReturned) - 1 : 0,
      n: doc.numberMatched ?? doc.numberReturned ?? 0,
    });
  };
  const pager = () => ({
    next: linkOf(doc, 'next') ? withF(linkOf(doc, 'next')!, 'html') : null,
    prev: linkOf(doc, 'prev') ? withF(linkOf(doc, 'prev')!, 'html') : null,
  });
  switch (kind) {
    case 'landing':
      return {
        heading: t(lang, 'ogcLanding', { place }),
        description: doc.description,
        links: (doc.links ?? [])
          .filter((l: any) => !['self', 'alternate'].includes(l.rel))
          .map((l: any) => ({
            href: l.type === 'application/json' ? withF(l.href, 'html') : l.href,
            title: REL_NAMES[l.rel]?.[lang === 'en' ? 1 : 0] ?? l.title ?? l.rel,
          })),
      };
    case 'conformance':
      return { heading: t(lang, 'conformance'), list: doc.conformsTo ?? [] };
    case 'api':
      return {
        heading: doc.info?.title ?? 'OpenAPI',
        description: doc.info?.description,
        paths: Object.entries(doc.paths ?? {}).map(([path, ops]: [string, any]) => ({
          path,
          summary: ops?.get?.summary ?? '',
        })),
        // Swagger UI (swagger-ui-dist, served by the node at /assets/) reads the same document.
        specUrl: '/ogcapi/api?f=json',
      };
    case 'collections':
      return {
        heading: t(lang, 'collections'),
        count: range('collectionsCount'),
        ...pager(),
        collections: (doc.collections ?? []).map((c: any) => ({
          id: c.id,
          title: c.title ?? c.id,
          href: withF(linkOf(c, 'self') ?? `${base}/ogcapi/collections/${encodeURIComponent(c.id)}`, 'html'),
          description: String(c.description ?? '').slice(0, 200),
          dataset: c.itemType === 'feature' ? `/dataset/${encodeURIComponent(c.id)}` : null,
        })),
      };
    case 'collection':
      return {
        heading: doc.title ?? doc.id,
        description: doc.description,
        id: doc.id,
        keywords: doc.keywords ?? [],
        bbox: doc.extent?.spatial?.bbox?.[0] ?? null,
        items: withF(`${base}/ogcapi/collections/${encodeURIComponent(doc.id)}/items`, 'html'),
        dataset: doc.itemType === 'feature' ? `/dataset/${encodeURIComponent(doc.id)}` : null,
        preview: doc.itemType === 'feature' ? previewOf(doc.id, doc.extent?.spatial?.bbox?.[0], base) : null,
      };
    case 'queryables':
      return {
        heading: doc.title ?? 'Queryables',
        rows: Object.entries(doc.properties ?? {}).map(([k, v]: [string, any]) => [k, v.type ?? v.format ?? '']),
      };
    case 'items':
    case 'records': {
      const features: any[] = doc.features ?? [];
      const keys =
        kind === 'records'
          ? ['type', 'organisation']
          : [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
      const self = linkOf(doc, 'self') ?? '';
      const itemsUrl = self.split('?')[0];
      const collectionId = decodeURIComponent(/\/collections\/([^/]+)\/items/.exec(itemsUrl)?.[1] ?? '');
      return {
        heading: kind === 'records' ? t(lang, 'records') : collectionId,
        count: range('itemsCount'),
        ...pager(),
        keys,
        records: kind === 'records',
        rows: features.map((f) => ({
          id: String(f.id),
          href: withF(`${itemsUrl}/${encodeURIComponent(String(f.id))}`, 'html'),
          title: kind === 'records' ? (f.properties?.title ?? f.id) : null,
          dataset:
            kind === 'records' && f.properties?.layerName
              ? `/dataset/${encodeURIComponent(f.properties.layerName)}`
              : null,
          values: keys.map((k) => cell(f.properties?.[k])),
        })),
        preview: kind === 'items' && collectionId ? previewOf(collectionId, bboxOfFeatures(features), base) : null,
      };
    }
    case 'item':
    case 'record':
      return {
        heading: kind === 'record' ? (doc.properties?.title ?? doc.id) : `${doc.id}`,
        description: kind === 'record' ? doc.properties?.description : null,
        rows: Object.entries(doc.properties ?? {})
          .filter(([k]) => !(kind === 'record' && ['title', 'description'].includes(k)))
          .map(([k, v]) => [k, cell(v)]),
        links: (doc.links ?? [])
          .filter((l: any) => l.rel !== 'self')
          .map((l: any) => ({ href: l.href, title: l.title ?? l.rel })),
        dataset:
          kind === 'record' && doc.properties?.layerName
            ? `/dataset/${encodeURIComponent(doc.properties.layerName)}`
            : null,
      };
  }
}

const cell = (v: unknown): string => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function offsetOf(href: string | undefined): number | undefined {
  if (!href) return undefined;
  try {
    return Number(new URL(href).searchParams.get('offset') ?? 0);
  } catch {
    return undefined;
  }
}

function bboxOfFeatures(features: any[]): number[] | null {
  let b: number[] | null = null;
  const walk = (c: any) => {
    if (typeof c?.[0] === 'number') {
      b = b
        ? [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])]
        : [c[0], c[1], c[0], c[1]];
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  for (const f of features) walk(f.geometry?.coordinates);
  return b;
}

function previewOf(layer: string, bbox: number[] | null | undefined, base: string) {
  if (!bbox || bbox.length < 4) return null;
  const pad = bbox[0] === bbox[2] ? 0.002 : 0;
  return {
    bbox: JSON.stringify([bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad]),
    tiles: `${base}/tiles/${encodeURIComponent(layer)}/{z}/{x}/{y}.png`,
    basemap: `${base}/tiles/${encodeURIComponent('bappeda:batas_kecamatan')}/{z}/{x}/{y}.png`,
  };
}

/** Runs the service for JSON and answers with the page (or the error page). */
export async function sendOgcPage(
  req: Request,
  res: Response,
  sreq: ServiceRequest,
  kind: OgcPageKind,
  run: (jsonReq: ServiceRequest) => Reply | Promise<Reply>,
  failure: (err: unknown, jsonReq: ServiceRequest) => Reply,
): Promise<void> {
  const jsonReq: ServiceRequest = {
    ...sreq,
    query: { ...sreq.query, f: 'json' },
    headers: { ...sreq.headers, accept: 'application/json', 'if-none-match': undefined },
  };
  let r: Reply;
  try {
    r = await run(jsonReq);
  } catch (err) {
    r = failure(err, jsonReq);
  }
  const { lang, remember } = languageOf(req.query.lang, req.get('cookie'));
  if (remember) res.cookie('lang', lang, { path: '/', maxAge: 365 * 86400_000, sameSite: 'lax' });
  const base = sreq.baseUrl;
  const site = req.app.locals.site as Site;
  const common = { base, path: req.originalUrl, json: withF(`${base}${req.originalUrl}`, 'json') };
  let html: string;
  let doc: Doc = {};
  try {
    doc = JSON.parse(await text(r.body)) as Doc;
  } catch {
    /* not JSON: an error page without detail */
  }
  if (r.status >= 400) {
    const heading = t(lang, STATUS_TITLE[r.status] ?? 'errorTitle');
    html = renderPage(
      'error',
      lang,
      {
        ...common,
        title: `${r.status} ${heading}`,
        status: r.status,
        heading,
        detail: doc.detail ?? doc.description ?? '',
      },
      site,
    );
  } else {
    const v = view(kind, doc, lang, base, site.place.name);
    html = renderPage(
      'ogcapi',
      lang,
      {
        ...common,
        title: String(v.heading ?? 'OGC API'),
        kind,
        ...v,
        head: v.preview
          ? '<link rel="stylesheet" href="/map/lib/maplibre-gl.css">'
          : kind === 'api'
            ? '<link rel="stylesheet" href="/assets/swagger-ui.css">'
            : '',
      },
      site,
    );
  }
  const headers: Record<string, string> = { 'cache-control': 'private, no-cache', vary: 'Cookie' };
  for (const k of ['retry-after', 'content-crs']) if (r.headers[k]) headers[k] = r.headers[k];
  await sendReply(req, res, {
    status: r.status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
    body: html,
  });
}

/** The map viewer at /map: the portal's layout, MapLibre GL JS served from node_modules (no CDN),
 *  layers added from a catalogue search inside the viewer (/map/search.json, the portal's search),
 *  and a style of the chosen layers only (/map/style.json?layers=a,b,c&basemap=…). What a caller
 *  may read decides every answer: the search, the style and the tiles go through data/access.ts. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { searchLayers } from '../../data/catalogue/search.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { httpError, OgcError } from '../../data/errors.js';
import { sendProblem } from '../edge-errors.js';
import { renderPage } from '../web/render.js';
import { isLang, languageOf, t, topicName, type Lang } from '../web/i18n.js';
import { BOUNDARIES, MAX_STYLE_LAYERS, basemapChoices, mapStyle } from './map-style.js';

const LIB_FILES: Record<string, string> = {
  'maplibre-gl.mjs': 'text/javascript',
  'maplibre-gl-worker.mjs': 'text/javascript',
  'maplibre-gl.css': 'text/css',
};
const SEARCH_PAGE = 20;

function libDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('maplibre-gl/package.json')) + '/dist';
}

/** ?lang= first, then the portal's cookie, then the caller's Accept-Language by weight ('in' is
 *  the old code of Indonesian); else the site's first language (`languages`, the settings'). */
export function pageLanguage(
  query: unknown,
  acceptLanguage: string | undefined,
  languages: readonly string[] = ['id', 'en'],
  cookie?: string,
): Lang {
  const offered = languages.filter(isLang);
  if (isLang(query) && offered.includes(query)) return query;
  const remembered = languageOf(undefined, cookie);
  if (/(?:^|;\s*)lang=/.test(cookie ?? '') && offered.includes(remembered.lang)) return remembered.lang;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...ps] = part.trim().toLowerCase().split(';');
      const q = Number(/^q=([\d.]+)$/.exec(ps.map((x) => x.trim()).find((x) => x.startsWith('q=')) ?? '')?.[1] ?? 1);
      return { lang: tag.split('-')[0] === 'in' ? 'id' : tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranges.find((r) => (offered as string[]).includes(r.lang))?.lang as Lang) ?? offered[0] ?? 'id';
}

/** `layers=a,b,c` (top first): the readable ones, each once; unknown and hidden names alike are
 *  left out, so a shared address never tells that a hidden layer exists. */
function chosenLayers(ctx: AppContext, req: Request, p: Parameters<AppContext['catalogue']['find']>[0]): Layer[] {
  const raw = typeof req.query.layers === 'string' ? req.query.layers : '';
  const names = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length > MAX_STYLE_LAYERS)
    throw httpError(400, `At most ${MAX_STYLE_LAYERS} layers in one map (got ${names.length})`, {}, 'layers');
  return names.map((n) => ctx.catalogue.find(p, n)).filter((l): l is Layer => !!l);
}

/** The page's strings for the viewer's script, both languages (the toggle needs no reload). */
function viewerText(place: string) {
  const keys = [
    'mapTitle',
    'mapSearch',
    'mapAdd',
    'mapAdded',
    'mapRemove',
    'mapUp',
    'mapDown',
    'mapOpacity',
    'mapVisible',
    'mapLegend',
    'mapChosen',
    'mapNoneChosen',
    'mapBasemap',
    'mapMeasure',
    'mapMeasureLine',
    'mapMeasureArea',
    'mapMeasureClear',
    'mapMeasureHint',
    'mapShare',
    'mapShared',
    'mapExport',
    'mapIdentifyHint',
    'mapNoHits',
    'mapMore',
    'mapResults',
    'mapDetails',
  ];
  const of = (lang: Lang) => Object.fromEntries(keys.map((k) => [k, t(lang, k, { place })]));
  return { id: of('id'), en: of('en') };
}

export function mountMap(router: Router, ctx: AppContext): void {
  router.get('/map', (req, res) => {
    const site = ctx.config.site;
    const lang = pageLanguage(req.query.lang, req.get('accept-language'), site.languages, req.get('cookie'));
    if (isLang(req.query.lang)) res.cookie('lang', lang, { path: '/', maxAge: 365 * 86400_000, sameSite: 'lax' });
    const p = principalOf(res);
    const html = renderPage(
      'map',
      lang,
      {
        title: t(lang, 'mapTitle', { place: site.place.name }),
        base: baseUrlOf(res),
        path: req.originalUrl,
        wide: true,
        head: '<link rel="stylesheet" href="/map/lib/maplibre-gl.css">',
        basemaps: basemapChoices(ctx, p),
        // JSON inside <script>: "<" escaped so that no text in it can close the element.
        text: JSON.stringify(viewerText(site.place.name)).replace(/</g, '\\u003c'),
        extent: JSON.stringify(site.extent),
        signedIn: p.kind !== 'anonymous',
      },
      site,
    );
    res.type('html').set({ 'Cache-Control': 'private, no-cache', Vary: 'Accept-Language, Cookie' }).send(html);
  });
  router.get('/map/app.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').sendFile(join(webDir(), 'map.js'));
  });

  /** The catalogue search inside the viewer: the same search as the home page, as JSON. */
  router.get('/map/search.json', (req, res) => {
    const p = principalOf(res);
    const lang = languageOf(req.query.lang, req.get('cookie')).lang;
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    const one = (v: unknown) => (typeof v === 'string' && v ? [v.slice(0, 100)] : []);
    const page = Math.min(Math.max(Number.parseInt(String(req.query.page ?? '1'), 10) || 1, 1), 10_000);
    const orgName = (code: string) => ctx.catalogue.organisation(code)?.name ?? code;
    const r = searchLayers(ctx.catalogue.visibleLayers(p), (c) => ctx.catalogue.organisation(c), {
      q,
      filters: { org: one(req.query.org), topic: one(req.query.topic) },
      sort: q ? 'relevance' : 'title',
      page,
      pageSize: SEARCH_PAGE,
    });
    const topicOf = (l: Layer) => (typeof l.metadata.topicCategory === 'string' ? l.metadata.topicCategory : '');
    res.set('Cache-Control', 'private, no-cache').json({
      total: r.total,
      page: r.page,
      pages: r.pages,
      hits: r.hits.map((l) => ({
        name: l.name,
        title: l.title || l.name,
        organisation: l.organisation,
        organisationName: orgName(l.organisation),
        topic: topicOf(l),
        topicName: topicOf(l) ? topicName(lang, topicOf(l)) : t(lang, 'other'),
        geometryType: l.geometryType,
        status: l.status,
      })),
      facets: {
        org: r.facets.org.map((v) => ({ ...v, label: orgName(v.value) })),
        topic: r.facets.topic.map((v) => ({ ...v, label: topicName(lang, v.value) })),
      },
    });
  });

  router.get('/map/style.json', async (req, res) => {
    const p = principalOf(res);
    let chosen: Layer[];
    try {
      chosen = chosenLayers(ctx, req, p);
    } catch (err) {
      sendProblem(res, err);
      return;
    }
    const choices = basemapChoices(ctx, p).map((b) => b.id);
    const asked = typeof req.query.basemap === 'string' ? req.query.basemap : '';
    const basemap = choices.includes(asked)
      ? asked
      : choices.includes(BOUNDARIES)
        ? BOUNDARIES
        : (choices[0] ?? 'none');
    res
      .set('Cache-Control', `${p.kind === 'anonymous' ? 'public' : 'private'}, no-cache`)
      .json(await mapStyle(ctx, p, chosen, baseUrlOf(res), basemap));
  });
  router.get('/map/lib/:file', (req, res) => {
    const type = LIB_FILES[req.params.file];
    if (!type) {
      sendProblem(res, new OgcError('NotFound', `No file ${req.params.file}`, undefined, 404));
      return;
    }
    res.type(type).set('Cache-Control', 'public, max-age=86400').sendFile(join(libDir(), req.params.file));
  });
}

/** server/web next to this file when run from source; from dist/, the source folder. */
function webDir(): string {
  return (
    [new URL('../web/', import.meta.url).pathname, new URL('../../../server/web/', import.meta.url).pathname].find(
      (d) => existsSync(join(d, 'map.js')),
    ) ?? new URL('../web/', import.meta.url).pathname
  );
}

/** The portal's pages: Eta templates (auto-escaped) under server/web/templates, one layout with
 *  the header, footer and language toggle, the string table of ./i18n.ts, and the static assets
 *  (Pico CSS, htmx, Swagger UI, our own CSS/JS; MapLibre stays at /map/lib/) at /assets/, all served by the node (no CDN).
 *  The catalogue, the dataset pages, the OGC API HTML and later the workspace share this. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Response, Router } from 'express';
import { Eta } from 'eta';
import { languageOf, t, topicName, type Lang } from './i18n.js';
import type { Site } from '../../data/site.js';

/** server/web next to this file when run from source; from dist/, the source folder. */
const WEB =
  [new URL('./', import.meta.url).pathname, new URL('../../../server/web/', import.meta.url).pathname].find((d) =>
    existsSync(join(d, 'templates', 'layout.eta')),
  ) ?? new URL('./', import.meta.url).pathname;

const eta = new Eta({ views: join(WEB, 'templates'), autoEscape: true, cache: process.env.NODE_ENV !== 'development' });

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Files under /assets/: name → [absolute path, content type]. Nothing else is served there. */
const ASSETS: Record<string, [() => string, string]> = {
  'pico.min.css': [() => join(pkgDir('@picocss/pico'), 'css', 'pico.min.css'), 'text/css'],
  'htmx.min.js': [() => join(pkgDir('htmx.org'), 'dist', 'htmx.min.js'), 'text/javascript'],
  'site.css': [() => join(WEB, 'assets', 'site.css'), 'text/css'],
  'workspace.css': [() => join(WEB, 'assets', 'workspace.css'), 'text/css'],
  'ws-mdedit.css': [() => join(WEB, 'assets', 'ws-mdedit.css'), 'text/css'],
  'dashboard.js': [() => join(WEB, 'assets', 'dashboard.js'), 'text/javascript'],
  'ws-upload.js': [() => join(WEB, 'assets', 'ws-upload.js'), 'text/javascript'],
  'ws-upload.css': [() => join(WEB, 'assets', 'ws-upload.css'), 'text/css'],
  // Chart.js exports no package.json: its UMD build sits beside the main entry (dist/).
  'chart.umd.js': [() => join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'text/javascript'],
  'site.js': [() => join(WEB, 'assets', 'site.js'), 'text/javascript'],
  'preview.js': [() => join(WEB, 'assets', 'preview.js'), 'text/javascript'],
  'ws-review.js': [() => join(WEB, 'assets', 'ws-review.js'), 'text/javascript'],
  'ws-review.css': [() => join(WEB, 'assets', 'ws-review.css'), 'text/css'],
  'ws-style.css': [() => join(WEB, 'assets', 'ws-style.css'), 'text/css'],
  'ws-style.js': [() => join(WEB, 'assets', 'ws-style.js'), 'text/javascript'],
  // Swagger UI for /ogcapi/api?f=html, from the swagger-ui-dist package (no CDN).
  'swagger-ui.css': [() => join(pkgDir('swagger-ui-dist'), 'swagger-ui.css'), 'text/css'],
  'swagger-ui-bundle.js': [() => join(pkgDir('swagger-ui-dist'), 'swagger-ui-bundle.js'), 'text/javascript'],
  'swagger-init.js': [() => join(WEB, 'assets', 'swagger-init.js'), 'text/javascript'],
};

export function mountAssets(router: Router): void {
  router.get('/assets/:file', (req, res) => {
    const a = ASSETS[req.params.file];
    if (!a) {
      res.status(404).json({ code: 'NotFound', description: `No asset ${req.params.file}` });
      return;
    }
    res.type(a[1]).set('Cache-Control', 'public, max-age=3600').sendFile(a[0]());
  });
}

/** What every template gets besides its own data. */
export interface PageContext {
  lang: Lang;
  t: (key: string, vars?: Record<string, string | number>) => string;
  topicName: (code: string) => string;
  /** This page's URL with `lang` set: the language toggle. */
  langUrl: string;
  /** The path and query of this page (for forms and links). */
  path: string;
  title: string;
  base: string;
}

/** The page's language from `?lang=` or the cookie; a chosen language is remembered. */
export function pageLanguage(req: Request, res: Response): Lang {
  const { lang, remember } = languageOf(req.query.lang, req.get('cookie'));
  if (remember) res.cookie('lang', lang, { path: '/', maxAge: 365 * 86400_000, sameSite: 'lax' });
  return lang;
}

function toggleUrl(originalUrl: string, lang: Lang): string {
  const [path, query = ''] = originalUrl.split('?', 2);
  const p = new URLSearchParams(query);
  p.set('lang', lang === 'en' ? 'id' : 'en');
  return `${path}?${p}`;
}

/** A page as a string: `template` inside the layout, with `data` as `it`. */
export function renderPage(
  template: string,
  lang: Lang,
  data: Record<string, unknown> & { title: string; base: string; path: string },
  site?: Pick<Site, 'place' | 'provider'>,
): string {
  // The place and who runs the node come from the settings (config/simpul.yaml).
  const siteVars: Record<string, string> = site ? { place: site.place.name, provider: site.provider.organisation } : {};
  const page: PageContext = {
    lang,
    t: (key, vars) => t(lang, key, { ...siteVars, ...vars }),
    topicName: (code) => topicName(lang, code),
    langUrl: toggleUrl(data.path, lang),
    ...data,
  };
  return eta.render(template, { ...data, ...page });
}

/** Sends a page; `partial` renders the template without the layout (htmx requests). */
export function sendPage(
  req: Request,
  res: Response,
  template: string,
  data: Record<string, unknown> & { title: string },
  status = 200,
): void {
  const lang = pageLanguage(req, res);
  const site = req.app.locals.site as Site | undefined;
  const html = renderPage(
    template,
    lang,
    { base: String(res.locals.baseUrl ?? ''), path: req.originalUrl, ...data },
    site,
  );
  res.status(status).type('html').set({ 'Cache-Control': 'private, no-cache', Vary: 'Cookie, HX-Request' }).send(html);
}

/** The friendly 404 page (a browser, or f=html, asked for something that is not here). */
export function notFoundPage(req: Request, res: Response): void {
  const lang = languageOf(req.query.lang, req.get('cookie')).lang;
  sendPage(
    req,
    res,
    'error',
    { title: t(lang, 'notFoundTitle'), status: 404, heading: t(lang, 'notFoundTitle'), detail: req.path },
    404,
  );
}

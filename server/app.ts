/** The HTTP app: middleware (CORS, compression, body limits, auth, public URL), the service
 *  endpoints, and one error handler that never shows a stack trace. */
import express, { type NextFunction, type Request, type Response } from 'express';
import compression from 'compression';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import { SignInGuard, authMiddleware } from './auth.js';
import { sessionMiddleware } from './session.js';
import { publicBaseUrl } from './public-url.js';
import type { OwsService } from './routes/ows-service.js';
import { wfsRoute } from './routes/wfs.js';
import { wmsRoute } from './routes/wms.js';
import { mountStyles } from './routes/styles.js';
import { wmtsRoutes } from './routes/wmts.js';
import { cswRoute } from './routes/csw.js';
import { mountOgcapi } from './routes/ogcapi.js';
import { mountOgcapiTiles } from './routes/ogcapi-tiles.js';
import { mountOgcapiRecords } from './routes/ogcapi-records.js';
import { mountTiles } from './routes/tiles.js';
import { mountMap } from './routes/map.js';
import { mountAdmin } from './routes/admin.js';
import { mountWorkflow } from './routes/workflow.js';
import { mountVersions } from './routes/versions.js';
import { mountAudit } from './routes/audit.js';
import { mountOrganisations } from './routes/organisations.js';
import { mountUsers } from './routes/users.js';
import { mountAdminMetadata } from './routes/admin-metadata.js';
import { mountOverviews } from './routes/overview.js';
import { mountHome } from './routes/home.js';
import { mountDataset } from './routes/dataset.js';
import { mountWorkspace } from './routes/workspace.js';
import { mountAssets, notFoundPage } from './web/render.js';
import { wantsHtml } from '../ogc/ogcapi/html.js';
import { owsExceptionReply } from '../ogc/exceptions.js';
import { sendReply } from './reply.js';
import { OgcError, asOgcError } from '../data/errors.js';
import { Kvp } from '../ogc/kvp.js';
import { requestBudget } from './request-budget.js';
import { clientError, logUnexpected, sendEdgeError, sendProblem } from './edge-errors.js';
import { withRequestId } from './log.js';
import { detached } from '../data/db/request-scope.js';

const XML_TYPES = ['text/xml', 'application/xml', 'application/*+xml'];

export function createApp(ctx: AppContext): express.Express {
  const wmts = wmtsRoutes(ctx);
  const wmsService = wmsRoute(ctx);
  const owsServices: Record<string, OwsService> = {
    WMS: wmsService,
    WFS: wfsRoute(ctx),
    WMTS: wmts.service,
    CSW: cswRoute(ctx),
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  // Pages name the place and the node's provider from the settings (server/web/render.ts).
  app.locals.site = ctx.config.site;
  // req.ip (sign-in limits) trusts X-Forwarded-For only from the proxies SIMPUL_TRUST_PROXY names.
  if (ctx.config.trustProxy) app.set('trust proxy', ctx.config.trustProxy);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const id = randomUUID();
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    res.on('finish', () => {
      withRequestId(id, () =>
        ctx.log.info('request', {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        }),
      );
    });
    // What the rest of the request logs carries its id (server/log.ts).
    withRequestId(id, next);
  });
  app.use(requestBudget(ctx));
  app.use(cors(ctx));
  // Level 1: large GML/GeoJSON responses are CPU-bound at the default level 6 (measured: GML fell
  // to MapServer's speed); level 1 keeps most of the size gain at a fraction of the cost.
  app.use(compression({ threshold: 1024, level: 1 }));
  // Body limits per kind: XML requests (WFS/WMS/CSW POST, SLD) a few MB, JSON API bodies and KVP
  // forms small; uploads (multipart) are read by their own route with SIMPUL_MAX_UPLOAD_MB.
  app.use(express.text({ type: XML_TYPES, limit: ctx.config.maxXmlBytes }));
  app.use(
    express.json({
      limit: ctx.config.maxJsonBytes,
      type: ['application/json', 'application/geo+json', 'application/*+json'],
    }),
  );
  app.use(
    express.urlencoded({ extended: false, limit: ctx.config.maxFormBytes, parameterLimit: ctx.config.maxParameters }),
  );
  app.use(parameterLimit(ctx.config.maxParameters));
  // One set of failed-sign-in limits for the Authorization header and the workspace's form.
  const signIn = new SignInGuard(ctx.db, ctx.config);
  app.use(authMiddleware(ctx.db, ctx.config, signIn));
  // A workspace session's cookie signs its user in like a header would (CSRF checked there).
  app.use(sessionMiddleware(ctx.db, { idleMs: ctx.config.sessionIdleMs, maxMs: ctx.config.sessionMaxMs }));
  // Before the catalogue check below: liveness must not wait for the database.
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ok = await ctx.db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'database unreachable', database: ctx.db.kind });
  });

  app.use(async (req, res, next) => {
    res.locals.baseUrl = publicBaseUrl(req, ctx.config.publicUrl);
    try {
      await detached(() => ctx.catalogue.refreshIfStale());
    } catch {
      /* the database is away: /ready says so; routes answer from what is loaded */
    }
    next();
  });

  wmts.mountRest(app);
  for (const [name, svc] of Object.entries(owsServices)) {
    app.all(`/${name.toLowerCase()}`, (req, res, next) => svc.handle(req, res, ctx).catch(next));
  }
  app.all('/wms/:org', (req, res, next) => wmsService.handle(req, res, ctx).catch(next));
  app.all('/ows', (req, res, next) => {
    const name = owsServiceName(req);
    const svc = name ? owsServices[name] : undefined;
    if (!svc) {
      const err = name
        ? new OgcError('InvalidParameterValue', `Unknown service ${name}`, 'service')
        : new OgcError('MissingParameterValue', 'Parameter SERVICE is required (WMS, WFS, WMTS or CSW)', 'service');
      void sendReply(req, res, owsExceptionReply(err));
      return;
    }
    svc.handle(req, res, ctx).catch(next);
  });

  const ogcapi = express.Router();
  mountOgcapiTiles(ogcapi, ctx);
  mountOgcapiRecords(ogcapi, ctx);
  mountOgcapi(ogcapi, ctx);
  app.use('/ogcapi', ogcapi);

  const tiles = express.Router();
  mountTiles(tiles, ctx);
  app.use('/tiles', tiles);

  const root = express.Router();
  mountMap(root, ctx);
  mountStyles(root, ctx);
  mountAdminMetadata(root, ctx);
  mountOverviews(root, ctx);
  mountWorkflow(root, ctx);
  mountVersions(root, ctx);
  mountAudit(root, ctx);
  mountOrganisations(root, ctx);
  mountUsers(root, ctx);
  mountAdmin(root, ctx);
  mountHome(root, ctx);
  mountDataset(root, ctx);
  mountWorkspace(root, ctx, signIn);
  mountAssets(root);
  app.use(root);

  app.use((req, res) => {
    if (wantsHtml(typeof req.query.f === 'string' ? req.query.f : undefined, req.get('accept')))
      return notFoundPage(req, res);
    sendProblem(res, new OgcError('NotFound', `No resource at ${req.path}`));
  });
  app.use((err: any, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    // Client errors (body parsers' 4xx, bad percent-encoding, OgcErrors) answer 4xx in the
    // service's format; only real faults are 500, and logged.
    const client = clientError(err);
    if (client) {
      sendEdgeError(req, res, client);
      return;
    }
    logUnexpected(ctx.log, res, err, 'unhandled error');
    sendEdgeError(req, res, asOgcError(err));
  });
  return app;
}

/** A query string of more than `max` parameters is refused (the form parser counts its own). */
function parameterLimit(max: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const q = req.originalUrl.indexOf('?');
    if (q >= 0) {
      let n = 1;
      for (let i = req.originalUrl.indexOf('&', q); i >= 0 && n <= max; i = req.originalUrl.indexOf('&', i + 1)) n++;
      if (n > max) {
        sendEdgeError(
          req,
          res,
          new OgcError('InvalidParameterValue', `The request has more than ${max} parameters`, undefined, 400),
        );
        return;
      }
    }
    next();
  };
}

/** SERVICE from the KVP, or the `service` attribute of a POST XML request's root element. */
function owsServiceName(req: Request): string | undefined {
  const kvp = Kvp.fromRequest(req).get('SERVICE');
  if (kvp) return kvp.toUpperCase();
  if (typeof req.body === 'string') {
    const m = /<(?:[\w-]+:)?\w+[^>]*?\sservice\s*=\s*["'](\w+)["']/.exec(req.body.slice(0, 4000));
    if (m) return m[1].toUpperCase();
  }
  return undefined;
}

function cors(ctx: AppContext) {
  const allowed = ctx.config.corsOrigins;
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (allowed === '*') res.set('Access-Control-Allow-Origin', '*');
    else if (origin && allowed.includes(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.vary('Origin');
    }
    res.set(
      'Access-Control-Expose-Headers',
      'ETag, Link, Content-Crs, OGC-NumberMatched, OGC-NumberReturned, Location, Retry-After, X-Request-Id',
    );
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      res.set(
        'Access-Control-Allow-Headers',
        req.get('access-control-request-headers') ?? 'Authorization, Content-Type, If-None-Match',
      );
      res.set('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    next();
  };
}

/** The admin API for people who keep layers: upload (through the same import as the CLI),
 *  list, read, change (workflow, access class, description) and delete layers; list the
 *  organisations. Every read goes through the catalogue's access rule: a layer the caller
 *  may not see answers 404, never 403. */
import type { Request, Response, Router } from 'express';
import {
  ACCESS_CLASSES,
  canChangeStatus,
  canDelete,
  canWrite,
  type AccessClass,
  type LayerStatus,
  type Principal,
} from '../../data/access.js';
import { layerAudit } from '../../data/audit.js';
import { organisationJson } from '../../data/organisation-profiles.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { importBusy } from '../../data/import/errors.js';
import { OgcError, httpError } from '../../data/errors.js';
import { sendProblem } from '../edge-errors.js';
import { importFile } from '../../data/import/import-file.js';
import { describeLayer } from '../../data/layers/describe.js';
import { assertMayChangeAccess, changeLayer } from '../../data/layers/status.js';
import { dropLayer } from '../../data/layers/write.js';
import { requireUser } from '../auth.js';
import { notifyAfterStep } from '../notify.js';
import { baseUrlOf, principalOf, type AppContext } from '../context.js';
import { closeAfterUpload, receiveUpload, uploadRefusal } from './admin-upload.js';
import { importPool } from '../../data/import/import-pool.js';

const LAYER_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const TRUE = /^(1|true|yes|on|ya)$/i;
const PATCHABLE = new Set(['status', 'accessClass', 'title', 'abstract', 'keywords', 'reason']);
const MAX_REASON = 2000;

type ApiHandler = (req: Request, res: Response) => Promise<void>;

function api(handler: ApiHandler) {
  return async (req: Request, res: Response, next: (err?: unknown) => void) => {
    try {
      await handler(req, res);
    } catch (err) {
      // Known failures answer as problem details; anything else goes to the app's 500 handler.
      if (err instanceof OgcError) sendProblem(res, err);
      else next(err);
    }
  };
}

export function layerJson(l: Layer, baseUrl: string) {
  return {
    id: l.id,
    name: l.name,
    organisation: l.organisation,
    title: l.title,
    abstract: l.abstract,
    keywords: l.keywords,
    geometryType: l.geometryType,
    nativeSrid: l.nativeSrid,
    bbox: l.bbox,
    featureCount: l.featureCount,
    attributes: l.attributes,
    accessClass: l.accessClass,
    status: l.status,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    publishedAt: l.publishedAt?.toISOString() ?? null,
    retiredAt: l.retiredAt?.toISOString() ?? null,
    retirementRequestedAt: l.retirementRequestedAt?.toISOString() ?? null,
    dataVersion: l.dataVersion,
    // The version of its data served, and a new one waiting for review (GET …/versions).
    version: l.version,
    waitingVersion: l.versions?.waiting
      ? {
          version: l.versions.waiting.version,
          status: l.versions.waiting.status,
          since: l.versions.waiting.since.toISOString(),
          by: l.versions.waiting.by,
        }
      : null,
    links: [{ rel: 'self', type: 'application/json', href: `${baseUrl}/api/layers/${encodeURIComponent(l.name)}` }],
  };
}

export function mountAdmin(router: Router, ctx: AppContext): void {
  const visible = (p: Principal, name: string): Layer => {
    const layer = ctx.catalogue.find(p, name);
    if (!layer) throw httpError(404, `no layer named ${name}`);
    return layer;
  };

  router.get(
    '/api/organisations',
    api(async (_req, res) => {
      const p = principalOf(res);
      const counts = new Map<string, number>();
      for (const l of ctx.catalogue.visibleLayers(p)) counts.set(l.organisation, (counts.get(l.organisation) ?? 0) + 1);
      res.json({
        organisations: ctx.catalogue
          .organisations()
          .map((o) => ({ ...organisationJson(o), layers: counts.get(o.code) ?? 0 })),
      });
    }),
  );

  router.get(
    '/api/layers',
    api(async (req, res) => {
      const p = principalOf(res);
      const org = typeof req.query.organisation === 'string' ? req.query.organisation : undefined;
      const layers = ctx.catalogue.visibleLayers(p).filter((l) => !org || l.organisation === org);
      res.json({ layers: layers.map((l) => layerJson(l, baseUrlOf(res))) });
    }),
  );

  router.get(
    '/api/layers/:name',
    api(async (req, res) => {
      res.json(layerJson(visible(principalOf(res), String(req.params.name)), baseUrlOf(res)));
    }),
  );

  router.post(
    '/api/layers',
    closeAfterUpload,
    requireUser,
    api(async (req, res) => upload(ctx, req, res)),
  );

  router.patch(
    '/api/layers/:name',
    requireUser,
    api(async (req, res) => {
      const p = principalOf(res);
      const layer = visible(p, String(req.params.name));
      const body = req.body;
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw httpError(400, 'send a JSON object with status, accessClass, title, abstract or keywords');
      const unknown = Object.keys(body).filter((k) => !PATCHABLE.has(k));
      if (unknown.length)
        throw httpError(400, `unknown field(s) ${unknown.join(', ')}: use ${[...PATCHABLE].join(', ')}`);
      for (const k of ['status', 'accessClass', 'title', 'abstract', 'reason'] as const) {
        if (body[k] !== undefined && typeof body[k] !== 'string') throw httpError(400, `${k} must be a string`);
      }
      if (body.reason !== undefined && body.reason.length > MAX_REASON)
        throw httpError(400, `reason must be at most ${MAX_REASON} characters`);
      const keywords = body.keywords === undefined ? undefined : keywordList(body.keywords);
      const describes = body.title !== undefined || body.abstract !== undefined || keywords !== undefined;
      // Refuse the description before anything changes, so a request is applied whole or not at all.
      if (describes && !canWrite(p, layer.organisation))
        throw httpError(403, `your role may not change the description of ${layer.name}`);
      const taken = await changeLayer(
        ctx.db,
        p,
        layer,
        {
          status: body.status as LayerStatus | undefined,
          accessClass: body.accessClass as AccessClass | undefined,
          reason: body.reason,
        },
        { pembinaVerifies: ctx.config.pembinaVerifies },
      );
      notifyAfterStep(ctx, taken, baseUrlOf(res));
      await describeLayer(ctx.db, p, layer, { title: body.title, abstract: body.abstract, keywords });
      await ctx.catalogue.reload();
      res.json(layerJson(ctx.catalogue.unguardedGet(layer.id)!, baseUrlOf(res)));
    }),
  );

  // The layer's trail of decisions: for the walidata, admins and the layer's own organisation.
  router.get(
    '/api/layers/:name/audit',
    requireUser,
    api(async (req, res) => {
      const p = principalOf(res);
      const layer = visible(p, String(req.params.name));
      const mayRead =
        p.kind === 'user' && (p.role === 'walidata' || p.role === 'admin' || p.organisation === layer.organisation);
      if (!mayRead)
        throw httpError(403, `only the walidata and ${layer.organisation} may read the audit trail of ${layer.name}`);
      const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw httpError(400, 'limit must be a whole number from 1 to 1000');
      res.json({ layer: layer.name, entries: await layerAudit(ctx.db, layer.id, limit) });
    }),
  );

  router.delete(
    '/api/layers/:name',
    requireUser,
    api(async (req, res) => {
      const p = principalOf(res);
      const layer = visible(p, String(req.params.name));
      if (!canWrite(p, layer.organisation))
        throw httpError(403, `your role may not delete the layers of ${layer.organisation}`);
      // A layer once published is retired (kept, restorable), not deleted: see data/access.ts canDelete.
      if (!canDelete(p, layer))
        throw httpError(
          409,
          `${layer.name} is ${layer.status}: only a draft or returned layer may be deleted; ask the walidata to retire a published one (POST /api/layers/${layer.name}/workflow/request-retirement)`,
        );
      await dropLayer(ctx.db, layer, p);
      await ctx.catalogue.reload();
      res.status(204).end();
    }),
  );
}

function keywordList(v: unknown): string[] {
  if (typeof v === 'string')
    return v
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  if (Array.isArray(v) && v.every((k) => typeof k === 'string')) return v.map((k) => k.trim()).filter(Boolean);
  throw httpError(400, 'keywords must be a list of strings (or one comma-separated string)');
}

/** POST /api/layers: multipart file(s) + fields org, name, title, abstract, keywords, srs, layer, encoding, access, publish, replace. */
async function upload(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const p = principalOf(res);
  // Refused before the body is read: a role that writes nowhere, an organisation in the query it may not write to, a full queue.
  const isOrg = (code: string) => !!ctx.catalogue.organisation(code);
  const orgInQuery = typeof req.query.org === 'string' ? req.query.org.trim() : undefined;
  const early = uploadRefusal(p, orgInQuery, isOrg);
  if (early) throw early;
  const pool = importPool(ctx.config.importProcesses, ctx.config.importQueue);
  if (pool.full()) throw importBusy(30);
  const received = await receiveUpload(req, ctx.config.maxUploadBytes, {
    onField: (field, value) =>
      field === 'org' || field === 'organisation' ? uploadRefusal(p, value.trim(), isOrg) : null,
  });
  try {
    const f = received.fields;
    const org = (f.org ?? f.organisation ?? orgInQuery ?? '').trim();
    const name = (f.name ?? '').trim();
    if (!org || !name) throw httpError(400, 'the fields "org" and "name" are required');
    if (orgInQuery && org !== orgInQuery)
      throw httpError(400, `the "org" field (${org}) differs from the org in the query (${orgInQuery})`);
    if (!ctx.catalogue.organisation(org)) throw httpError(400, `unknown organisation "${org}"`);
    if (!canWrite(p, org)) throw httpError(403, `your role may not add layers to ${org}`);
    if (!LAYER_NAME.test(name))
      throw httpError(400, `layer name "${name}" must be lower-case letters, digits and _ (starting with a letter)`);
    const access = f.access ? (f.access.trim().toUpperCase() as AccessClass) : undefined;
    if (access && !ACCESS_CLASSES.includes(access))
      throw httpError(400, `access must be one of ${ACCESS_CLASSES.join(', ')}`);
    const publish = TRUE.test(f.publish ?? '');
    const replace = TRUE.test(f.replace ?? '');
    const existing = replace ? ctx.catalogue.unguardedGet(`${org}:${name}`) : undefined;
    if (existing && !ctx.catalogue.find(p, existing.name))
      throw httpError(403, `your role may not replace ${org}:${name}`);
    // A replace keeps the layer's class and status; naming another class follows the rule of PATCH
    // (only the walidata widens), checked again inside the write's transaction.
    if (existing && access) assertMayChangeAccess(p, existing.name, existing, access);
    if (
      publish &&
      !canChangeStatus(
        p,
        {
          organisation: org,
          accessClass: access ?? existing?.accessClass ?? 'PUBLIC',
          status: existing?.status ?? 'draft',
        },
        'published',
      )
    ) {
      throw httpError(403, 'your role may not publish layers: upload as draft, and the walidata publishes');
    }

    const result = await importFile(ctx.db, {
      file: received.files.length === 1 ? `${received.dir}/${received.files[0]}` : received.dir,
      organisation: org,
      name,
      title: f.title?.trim() || undefined,
      abstract: f.abstract,
      keywords: f.keywords === undefined ? undefined : keywordList(f.keywords),
      srs: f.srs?.trim() || undefined,
      layer: f.layer?.trim() || undefined,
      encoding: f.encoding?.trim() || undefined,
      accessClass: access,
      status: publish ? 'published' : undefined,
      replace,
      keepVersions: ctx.config.keepVersions,
      actor: p,
      maxFeatures: ctx.config.maxImportFeatures,
      pool,
      // A name held by a layer the caller cannot see is refused without telling that it exists.
      mayWrite: (layerName) => !ctx.catalogue.unguardedGet(layerName) || !!ctx.catalogue.find(p, layerName),
    });
    await ctx.catalogue.reload();
    ctx.log.info('layer imported', {
      user: p.kind === 'user' ? p.username : null,
      file: result.file,
      layers: result.layers.map((l) => l.layer.name),
    });
    const base = baseUrlOf(res);
    res
      .status(201)
      .location(`${base}/api/layers/${encodeURIComponent(result.layers[0].layer.name)}`)
      .json({
        file: result.file,
        format: result.format,
        layers: result.layers.map(({ layer, report }) => ({
          layer: layerJson(ctx.catalogue.unguardedGet(layer.id) ?? layer, base),
          report,
        })),
      });
  } finally {
    received.remove();
  }
}

/** A layer's versions over the API, for those who keep or review it: what each version holds
 *  (features, extent, attributes) and how its attributes differ from the served version's. The
 *  steps on versions (verify, return, withdraw, publish, roll back) are workflow steps:
 *  POST /api/layers/{name}/workflow/{action} (server/routes/workflow.ts). */
import type { Request, Response, Router } from 'express';
import { canSeeVersions, type Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError, httpError } from '../../data/errors.js';
import { listVersions, schemaDiff, type LayerVersion } from '../../data/layers/versions.js';
import { requireUser } from '../auth.js';
import { baseUrlOf, principalOf, type AppContext } from '../context.js';
import { sendProblem } from '../edge-errors.js';

function api(handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response, next: (err?: unknown) => void) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof OgcError) sendProblem(res, err);
      else next(err);
    }
  };
}

function versionJson(
  v: LayerVersion,
  served: LayerVersion | undefined,
  layer: Layer,
  base: string,
  withAttributes: boolean,
) {
  return {
    version: v.version,
    status: v.status,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    statusChangedAt: v.statusChangedAt.toISOString(),
    publishedAt: v.publishedAt?.toISOString() ?? null,
    note: v.note,
    featureCount: v.featureCount,
    bbox: v.bbox,
    geometryType: v.geometryType,
    nativeSrid: v.nativeSrid,
    ...(withAttributes ? { attributes: v.attributes } : {}),
    // Against the served version: what a reviewer must know before it replaces it.
    changes: served ? schemaDiff(served, v) : null,
    links: [
      {
        rel: 'self',
        type: 'application/json',
        href: `${base}/api/layers/${encodeURIComponent(layer.name)}/versions/${v.version}`,
      },
    ],
  };
}

export function mountVersions(router: Router, ctx: AppContext): void {
  const reviewable = (p: Principal, name: string): Layer => {
    const layer = ctx.catalogue.find(p, name);
    if (!layer) throw httpError(404, `no layer named ${name}`);
    if (!canSeeVersions(p, layer))
      throw httpError(
        403,
        `only ${layer.organisation}, the walidata and the pembina read the versions of ${layer.name}`,
      );
    return layer;
  };

  router.get(
    '/api/layers/:name/versions',
    requireUser,
    api(async (req, res) => {
      const layer = reviewable(principalOf(res), String(req.params.name));
      const versions = await listVersions(ctx.db, layer);
      const served = versions.find((v) => v.version === layer.version);
      const base = baseUrlOf(res);
      res.json({
        layer: layer.name,
        served: layer.version,
        waiting: layer.versions?.waiting?.version ?? null,
        keep: ctx.config.keepVersions,
        versions: versions.map((v) => versionJson(v, served, layer, base, false)),
      });
    }),
  );

  router.get(
    '/api/layers/:name/versions/:version',
    requireUser,
    api(async (req, res) => {
      const layer = reviewable(principalOf(res), String(req.params.name));
      const n = Number(req.params.version);
      if (!/^\d{1,9}$/.test(String(req.params.version)) || n < 1)
        throw new OgcError('InvalidParameterValue', 'the version must be a whole number of at least 1', 'version', 400);
      const versions = await listVersions(ctx.db, layer);
      const v = versions.find((x) => x.version === n);
      if (!v) throw httpError(404, `${layer.name} has no version ${n}`);
      res.json({
        layer: layer.name,
        served: layer.version,
        ...versionJson(
          v,
          versions.find((x) => x.version === layer.version),
          layer,
          baseUrlOf(res),
          true,
        ),
      });
    }),
  );
}

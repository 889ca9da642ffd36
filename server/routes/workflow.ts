/** The Satu Data review workflow over the API: the steps a caller may take on a layer and taking
 *  them, the pembina's publication standard, and each role's inbox. Who may take which step is
 *  data/access.ts WORKFLOW; the steps themselves are data/layers/workflow.ts. */
import type { Router } from 'express';
import { actionsFor, LAYER_STATUSES, WORKFLOW, type Principal, type WorkflowOptions } from '../../data/access.js';
import { OgcError } from '../../data/errors.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { ELEMENT_RULES } from '../../data/layers/standard.js';
import {
  gateOf,
  inbox,
  INBOX_KINDS,
  inboxKind,
  readStandard,
  takeStep,
  waitingSince,
  writeStandard,
  type InboxKind,
} from '../../data/layers/workflow.js';
import { requireUser } from '../auth.js';
import { notifyAfterStep } from '../notify.js';
import { baseUrlOf, principalOf, type AppContext } from '../context.js';
import { layerJson } from './admin.js';
import { dateParam, jsonApi, pageLinks, paging, textParam } from './api-json.js';

/** Versions are numbered in a database integer: anything larger names no version. */
const MAX_VERSION = 2 ** 31 - 1;

export const workflowOptions = (ctx: AppContext): WorkflowOptions => ({ pembinaVerifies: ctx.config.pembinaVerifies });

export function workflowLayerJson(l: Layer, p: Principal, base: string, options: WorkflowOptions) {
  return {
    ...layerJson(l, base),
    retiredAt: l.retiredAt?.toISOString() ?? null,
    retirementRequestedAt: l.retirementRequestedAt?.toISOString() ?? null,
    statusChangedAt: l.statusChangedAt?.toISOString() ?? null,
    actions: actionsFor(p, l, options),
  };
}

export function mountWorkflow(router: Router, ctx: AppContext): void {
  const options = () => workflowOptions(ctx);
  const visible = (p: Principal, name: string): Layer => {
    const layer = ctx.catalogue.find(p, name);
    if (!layer) throw new OgcError('NotFound', `No layer named ${name}`, 'layer', 404);
    return layer;
  };

  // The workflow itself, as data: statuses and who may take each step here.
  router.get(
    '/api/workflow',
    jsonApi(async (_req, res) => {
      res.json({
        statuses: LAYER_STATUSES,
        pembinaVerifies: ctx.config.pembinaVerifies,
        retiredTombstoneDays: ctx.config.retiredTombstoneDays,
        transitions: WORKFLOW,
      });
    }),
  );

  router.get(
    '/api/workflow/standard',
    requireUser,
    jsonApi(async (_req, res) => {
      const s = await readStandard(ctx.db);
      const elements = Object.entries(ELEMENT_RULES).map(([element, r]) => ({
        element,
        message: r.message,
        ...(r.allowedValues ? { allowedValues: r.allowedValues } : {}),
      }));
      res.json({ ...s, elements });
    }),
  );

  router.put(
    '/api/workflow/standard',
    requireUser,
    jsonApi(async (req, res) => {
      const standard = await writeStandard(ctx.db, principalOf(res), req.body, req.ip);
      res.json({ ...(await readStandard(ctx.db)), standard });
    }),
  );

  router.get(
    '/api/workflow/inbox',
    requireUser,
    jsonApi(async (req, res) => {
      const p = principalOf(res);
      const { limit, offset } = paging(req);
      const status = textParam(req, 'status');
      const kinds = status?.split(',').map((s) => s.trim()) as InboxKind[] | undefined;
      const bad = kinds?.filter((k) => !INBOX_KINDS.includes(k));
      if (bad?.length)
        throw new OgcError('InvalidParameterValue', `status must be among ${INBOX_KINDS.join(', ')}`, 'status', 400, {
          details: { allowedValues: INBOX_KINDS },
        });
      const organisation = textParam(req, 'organisation');
      const r = inbox(
        p,
        ctx.catalogue.visibleLayers(p),
        { kinds, organisation, since: dateParam(req, 'since'), until: dateParam(req, 'until'), limit, offset },
        options(),
      );
      const base = baseUrlOf(res);
      res.json({
        numberMatched: r.numberMatched,
        numberReturned: r.items.length,
        items: r.items.map((i) => ({
          kind: i.kind,
          waitingSince: i.waitingSince.toISOString(),
          layer: workflowLayerJson(i.layer, p, base, options()),
        })),
        links: pageLinks(req, base, limit, offset, r.numberMatched),
      });
    }),
  );

  // Where a layer stands: its status, the steps the caller may take, and what it lacks for the standard.
  router.get(
    '/api/layers/:name/workflow',
    jsonApi(async (req, res) => {
      const p = principalOf(res);
      const layer = visible(p, String(req.params.name));
      const missing = await gateOf(ctx.db, layer);
      const kind = inboxKind(layer);
      res.json({
        layer: layer.name,
        status: layer.status,
        waiting: kind && { kind, since: waitingSince(layer).toISOString() },
        retirementRequestedAt: layer.retirementRequestedAt?.toISOString() ?? null,
        retiredAt: layer.retiredAt?.toISOString() ?? null,
        actions: actionsFor(p, layer, options()),
        standard: { met: missing.length === 0, missing },
      });
    }),
  );

  // Takes one step: POST /api/layers/{name}/workflow/{action} with {"note": "…"}.
  router.post(
    '/api/layers/:name/workflow/:action',
    requireUser,
    jsonApi(async (req, res) => {
      const p = principalOf(res);
      const layer = visible(p, String(req.params.name));
      const body = (req.body ?? {}) as { note?: unknown; version?: unknown };
      if (
        typeof body !== 'object' ||
        Array.isArray(body) ||
        (body.note !== undefined && body.note !== null && typeof body.note !== 'string')
      ) {
        throw new OgcError('InvalidParameterValue', 'Send a JSON object {"note": "…"}', 'note', 400);
      }
      if (
        body.version !== undefined &&
        !(Number.isInteger(body.version) && (body.version as number) >= 1 && (body.version as number) <= MAX_VERSION)
      ) {
        throw new OgcError(
          'InvalidParameterValue',
          `version must be a whole number from 1 to ${MAX_VERSION}`,
          'version',
          400,
        );
      }
      const { taken, ...step } = await takeStep(ctx.db, p, layer.id, String(req.params.action), {
        note: body.note as string | undefined,
        version: body.version as number | undefined,
        keepVersions: ctx.config.keepVersions,
        address: req.ip,
        options: options(),
      });
      notifyAfterStep(ctx, taken, baseUrlOf(res));
      await ctx.catalogue.reload();
      const now = ctx.catalogue.unguardedGet(layer.id)!;
      res.json({ step, layer: workflowLayerJson(now, p, baseUrlOf(res), options()) });
    }),
  );
}

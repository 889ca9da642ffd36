/** The audit trail over the API: GET /api/audit, filtered by layer, organisation, user, action and
 *  time, newest first, paged. The walidata, the pembina and admins read all of it; a produsen its
 *  own organisation's. The trail is append-only: there is no route that changes a row, and the
 *  database refuses UPDATE and DELETE on it (migration 5). */
import type { Router } from 'express';
import { OgcError } from '../../data/errors.js';
import { queryAudit } from '../../data/audit.js';
import { requireUser } from '../auth.js';
import { baseUrlOf, principalOf, type AppContext } from '../context.js';
import { dateParam, jsonApi, pageLinks, paging, textParam } from './api-json.js';

const READS_ALL = new Set(['walidata', 'pembina', 'admin']);

export function mountAudit(router: Router, ctx: AppContext): void {
  router.get(
    '/api/audit',
    requireUser,
    jsonApi(async (req, res) => {
      const p = principalOf(res);
      if (p.kind !== 'user') throw new OgcError('Unauthorized', 'Sign in', undefined, 401);
      const { limit, offset } = paging(req);
      const scope = READS_ALL.has(p.role) ? undefined : (p.organisation ?? '-');
      const layerName = textParam(req, 'layer');
      // A layer that still exists is found by its id (its rows keep it across renames); a gone one by name.
      const layer = layerName ? ctx.catalogue.find(p, layerName) : undefined;
      const r = await queryAudit(ctx.db, {
        layerId: layer?.id,
        layerName: layer ? undefined : layerName,
        organisation: textParam(req, 'organisation'),
        actor: textParam(req, 'user'),
        action: textParam(req, 'action'),
        since: dateParam(req, 'since'),
        until: dateParam(req, 'until'),
        scope,
        limit,
        offset,
      });
      res.json({
        numberMatched: r.numberMatched,
        numberReturned: r.entries.length,
        entries: r.entries,
        links: pageLinks(req, baseUrlOf(res), limit, offset, r.numberMatched),
      });
    }),
  );
}

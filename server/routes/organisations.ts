/** One organisation's profile over the JSON API: anyone reads it; the walidata, admins and the
 *  organisation's own admin edit it (data/organisation-profiles.ts). After an edit the catalogue
 *  is reloaded, so ISO 19139 records, DCAT and capabilities show the new profile at once. */
import type { Router } from 'express';
import { OgcError } from '../../data/errors.js';
import { organisationJson, updateOrganisation } from '../../data/organisation-profiles.js';
import { requireUser } from '../auth.js';
import { principalOf, type AppContext } from '../context.js';
import { clientIp, json, jsonObject } from './users.js';

export function mountOrganisations(router: Router, ctx: AppContext): void {
  router.get(
    '/api/organisations/:code',
    json(async (req) => {
      const o = ctx.catalogue.organisation(String(req.params.code));
      if (!o) throw new OgcError('NotFound', `No organisation ${String(req.params.code)}`);
      return organisationJson(o);
    }),
  );
  router.patch(
    '/api/organisations/:code',
    requireUser,
    json(async (req, res) => {
      const o = await updateOrganisation(
        ctx.db,
        principalOf(res),
        String(req.params.code),
        jsonObject(req),
        clientIp(req),
      );
      await ctx.catalogue.reload();
      return organisationJson(o);
    }),
  );
}

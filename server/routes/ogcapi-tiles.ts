/** OGC API - Tiles under /ogcapi (ogc/ogcapi/tiles/service.ts); errors as JSON. Only its paths
 *  are claimed: the rest go on to Records and Features. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { ogcApiTilesRequest } from '../../ogc/ogcapi/tiles/service.js';
import { answerJson } from './tiles.js';

export function mountOgcapiTiles(router: Router, ctx: AppContext): void {
  router.get(/.*/, (req, res, next) => answerJson(ctx, req, res, next, (r) => ogcApiTilesRequest(ctx, r)));
}

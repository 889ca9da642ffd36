/** GET /overviews/{id}.png: a layer's overview picture (ogc/records/overview.ts), the address
 *  its metadata records link (ISO gmd:graphicOverview, Records `preview`, DCAT foaf:depiction).
 *  By the layer's UUID, which never changes; the same access rule as every read. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { principalOf } from '../context.js';
import { OgcError } from '../../data/errors.js';
import { sendProblem } from '../edge-errors.js';
import { overviewPng } from '../../ogc/records/overview.js';

export function mountOverviews(router: Router, ctx: AppContext): void {
  router.get('/overviews/:file', async (req, res) => {
    const id = /^([0-9a-f-]{36})\.png$/.exec(String(req.params.file))?.[1];
    const layer = id ? ctx.catalogue.find(principalOf(res), id) : undefined;
    if (!layer || layer.id !== id || !layer.bbox) {
      sendProblem(res, new OgcError('NotFound', `No overview picture at ${req.path}`, undefined, 404));
      return;
    }
    const etag = `"${layer.id}-${layer.dataVersion}-${layer.styleVersion}"`;
    res.set({
      ETag: etag,
      'Cache-Control': layer.accessClass === 'PUBLIC' ? 'public, max-age=300' : 'private, max-age=300',
    });
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    try {
      res.type('image/png').send(await overviewPng(ctx, layer));
    } catch (err) {
      sendProblem(res, err);
    }
  });
}

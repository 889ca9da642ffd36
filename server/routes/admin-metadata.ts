/** Metadata written by people, through the admin API: GET/PUT /api/layers/{name}/metadata,
 *  with the record's completeness score. Same access rules as every other write; the fields are
 *  checked by data/layers/metadata-fields.ts, the change and its audit row written by
 *  data/layers/metadata.ts (the workspace's editor calls the same two). */
import express, { type Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { visibleLayer, writableLayer } from './layer-guard.js';
import { sendProblem } from '../edge-errors.js';
import { writeLayerMetadata } from '../../data/layers/metadata.js';
import { parseMetadataChange } from '../../data/layers/metadata-fields.js';
import { completeness, layerRecord } from '../../data/metadata/record.js';
import { recordFeature } from '../../ogc/records/geojson.js';

export function mountAdminMetadata(router: Router, ctx: AppContext): void {
  const describe = (name: string, base: string) => {
    const layer = ctx.catalogue.unguardedGet(name)!;
    const record = layerRecord(layer, ctx.catalogue.organisation(layer.organisation), ctx.config.site, base);
    return {
      layer: layer.name,
      completeness: completeness(record),
      metadata: layer.metadata,
      kugiFcode: layer.kugiFcode,
      record: recordFeature(record, `${base}/ogcapi/collections/metadata/items`),
    };
  };

  router.get('/api/layers/:name/metadata', (req, res) => {
    const layer = visibleLayer(ctx, res, req.params.name);
    if (layer) res.json(describe(layer.name, baseUrlOf(res)));
  });

  router.put('/api/layers/:name/metadata', express.json({ limit: '256kb' }), async (req, res) => {
    const layer = writableLayer(ctx, res, req.params.name, 'edit the metadata of');
    if (!layer) return;
    let change;
    try {
      change = parseMetadataChange(req.body, layer);
    } catch (err) {
      sendProblem(res, err);
      return;
    }
    await writeLayerMetadata(ctx.db, principalOf(res), layer, change);
    await ctx.catalogue.reload();
    res.json(describe(layer.name, baseUrlOf(res)));
  });
}

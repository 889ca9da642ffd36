/** Metadata written by people, through the admin API: GET/PUT /api/layers/{name}/metadata,
 *  with the record's completeness score. Same access rules as every other write. */
import express, { type Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf } from '../context.js';
import { visibleLayer, writableLayer } from './layer-guard.js';
import { bumpRevision } from '../../data/catalogue/catalogue.js';
import { WALIDATA_CODE } from '../../data/organisations.js';
import { completeness, layerRecord } from '../../data/metadata/record.js';
import { MAINTENANCE_CODES, PROGRESS_CODES, isTopicCategory } from '../../data/metadata/codelists.js';
import { recordFeature } from '../../ogc/records/geojson.js';

/** Fields a person may write, each with its check. */
const FIELDS: Record<string, (v: unknown) => boolean> = {
  purpose: (v) => typeof v === 'string' && v.length <= 4000,
  topicCategory: isTopicCategory,
  lineage: (v) => typeof v === 'string' && v.length <= 8000,
  progress: (v) => (PROGRESS_CODES as readonly unknown[]).includes(v),
  maintenance: (v) => (MAINTENANCE_CODES as readonly unknown[]).includes(v),
  licence: (v) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v),
  useConstraints: (v) => typeof v === 'string' && v.length <= 4000,
  placeKeywords: (v) => Array.isArray(v) && v.length <= 50 && v.every((p) => p && typeof p.name === 'string' && typeof p.code === 'string'),
};

export function mountAdminMetadata(router: Router, ctx: AppContext): void {
  const describe = (name: string, base: string) => {
    const layer = ctx.catalogue.unguardedGet(name)!;
    const record = layerRecord(layer, ctx.catalogue.organisation(layer.organisation), ctx.catalogue.organisation(WALIDATA_CODE), base);
    return { layer: layer.name, completeness: completeness(record), metadata: layer.metadata, kugiFcode: layer.kugiFcode, record: recordFeature(record, `${base}/ogcapi/collections/metadata/items`) };
  };

  router.get('/api/layers/:name/metadata', (req, res) => {
    const layer = visibleLayer(ctx, res, req.params.name);
    if (layer) res.json(describe(layer.name, baseUrlOf(res)));
  });

  router.put('/api/layers/:name/metadata', express.json({ limit: '256kb' }), async (req, res) => {
    const layer = writableLayer(ctx, res, req.params.name, 'edit the metadata of');
    if (!layer) return;
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      if (k === 'kugiFcode') continue;
      const check = FIELDS[k];
      if (!check) {
        res.status(400).json({ code: 'InvalidParameterValue', description: `Unknown metadata field ${k} (allowed: ${Object.keys(FIELDS).join(', ')}, kugiFcode)` });
        return;
      }
      if (!check(v)) {
        res.status(400).json({ code: 'InvalidParameterValue', description: `Invalid value for ${k}` });
        return;
      }
      patch[k] = v;
    }
    const kugi = body.kugiFcode;
    if (kugi !== undefined && kugi !== null && (typeof kugi !== 'string' || !/^[A-Za-z0-9.\-]{1,32}$/.test(kugi))) {
      res.status(400).json({ code: 'InvalidParameterValue', description: 'kugiFcode must be a KUGI feature code' });
      return;
    }
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE simpul.layer SET metadata = metadata || $2::jsonb, kugi_fcode = CASE WHEN $3::boolean THEN $4 ELSE kugi_fcode END, updated_at = now() WHERE id = $1`,
        [layer.id, JSON.stringify(patch), kugi !== undefined, kugi ?? null],
      );
      await bumpRevision(tx);
    });
    await ctx.catalogue.reload();
    res.json(describe(layer.name, baseUrlOf(res)));
  });
}

/** Metadata written by people, through the admin API: GET/PUT /api/layers/{name}/metadata,
 *  with the record's completeness score. Same access rules as every other write; the change
 *  and its audit row are written by data/layers/metadata.ts. */
import express, { type Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { visibleLayer, writableLayer } from './layer-guard.js';
import { OgcError } from '../../data/errors.js';
import { sendProblem } from '../edge-errors.js';
import { writeLayerMetadata } from '../../data/layers/metadata.js';
import { completeness, layerRecord } from '../../data/metadata/record.js';
import { MAINTENANCE_CODES, PROGRESS_CODES, isTopicCategory } from '../../data/metadata/codelists.js';
import { recordFeature } from '../../ogc/records/geojson.js';

const text = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const isPlace = (p: unknown) =>
  !!p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).every((k) => k === 'name' || k === 'code') &&
  typeof (p as { name?: unknown }).name === 'string' && typeof (p as { code?: unknown }).code === 'string';

const CONTACT_KEYS: Record<string, (v: unknown) => boolean> = {
  individualName: text(200),
  positionName: text(200),
  email: (v) => typeof v === 'string' && v.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v),
};
const isContact = (c: unknown) =>
  !!c && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length > 0 &&
  Object.entries(c).every(([k, v]) => Object.hasOwn(CONTACT_KEYS, k) && (v === null || CONTACT_KEYS[k](v)));

/** Fields a person may write: the only keys accepted, each with its check and what it takes.
 *  A Map, so that keys like `__proto__` or `constructor` are simply unknown. */
const FIELDS = new Map<string, { check: (v: unknown) => boolean; takes: string }>([
  ['purpose', { check: text(4000), takes: 'text of at most 4000 characters' }],
  ['topicCategory', { check: isTopicCategory, takes: 'an ISO 19115 topic category code' }],
  ['lineage', { check: text(8000), takes: 'text of at most 8000 characters' }],
  ['progress', { check: (v) => (PROGRESS_CODES as readonly unknown[]).includes(v), takes: `one of ${PROGRESS_CODES.join(', ')}` }],
  ['maintenance', { check: (v) => (MAINTENANCE_CODES as readonly unknown[]).includes(v), takes: `one of ${MAINTENANCE_CODES.join(', ')}` }],
  ['licence', { check: (v) => typeof v === 'string' && v.length <= 2000 && /^https?:\/\/\S+$/.test(v), takes: 'an http(s) URL' }],
  ['useConstraints', { check: text(4000), takes: 'text of at most 4000 characters' }],
  ['placeKeywords', { check: (v) => Array.isArray(v) && v.length <= 50 && v.every(isPlace), takes: 'a list of at most 50 {name, code} places' }],
  ['contact', { check: (v) => v === null || isContact(v), takes: 'null or {individualName, positionName, email} (the layer\'s own contact person, which wins over the organisation\'s)' }],
]);
const KUGI = 'kugiFcode';

export function mountAdminMetadata(router: Router, ctx: AppContext): void {
  const describe = (name: string, base: string) => {
    const layer = ctx.catalogue.unguardedGet(name)!;
    const record = layerRecord(layer, ctx.catalogue.organisation(layer.organisation), ctx.config.site, base);
    return { layer: layer.name, completeness: completeness(record), metadata: layer.metadata, kugiFcode: layer.kugiFcode, record: recordFeature(record, `${base}/ogcapi/collections/metadata/items`) };
  };

  router.get('/api/layers/:name/metadata', (req, res) => {
    const layer = visibleLayer(ctx, res, req.params.name);
    if (layer) res.json(describe(layer.name, baseUrlOf(res)));
  });

  router.put('/api/layers/:name/metadata', express.json({ limit: '256kb' }), async (req, res) => {
    const layer = writableLayer(ctx, res, req.params.name, 'edit the metadata of');
    if (!layer) return;
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      sendProblem(res, new OgcError('InvalidParameterValue', `Send a JSON object of metadata fields (${[...FIELDS.keys(), KUGI].join(', ')})`, undefined, 400));
      return;
    }
    // Own keys only, read into a Map: nothing of the body reaches a prototype.
    const body = new Map<string, unknown>(Object.entries(req.body as object));
    const unknown = [...body.keys()].filter((k) => k !== KUGI && !FIELDS.has(k));
    if (unknown.length) {
      sendProblem(res, new OgcError('InvalidParameterValue', `Unknown metadata field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: ${[...FIELDS.keys(), KUGI].join(', ')})`, undefined, 400));
      return;
    }
    const patch: Record<string, unknown> = Object.create(null);
    for (const [k, v] of body) {
      if (k === KUGI) continue;
      const field = FIELDS.get(k)!;
      if (!field.check(v)) {
        sendProblem(res, new OgcError('InvalidParameterValue', `Invalid value for ${k}: it takes ${field.takes}`, k, 400));
        return;
      }
      patch[k] = v;
    }
    const kugi = body.get(KUGI);
    if (kugi !== undefined && kugi !== null && (typeof kugi !== 'string' || !/^[A-Za-z0-9.\-]{1,32}$/.test(kugi))) {
      sendProblem(res, new OgcError('InvalidParameterValue', 'kugiFcode must be a KUGI feature code', KUGI, 400));
      return;
    }
    await writeLayerMetadata(ctx.db, principalOf(res), layer, { fields: patch, kugiFcode: kugi as string | null | undefined });
    await ctx.catalogue.reload();
    res.json(describe(layer.name, baseUrlOf(res)));
  });
}

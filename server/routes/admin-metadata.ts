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
import { DISTANCE_UNITS, MAINTENANCE_CODES, PROGRESS_CODES, TOPIC_CATEGORIES } from '../../data/metadata/codelists.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { recordFeature } from '../../ogc/records/geojson.js';

const text = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const isPlace = (p: unknown) =>
  !!p &&
  typeof p === 'object' &&
  !Array.isArray(p) &&
  Object.keys(p).every((k) => k === 'name' || k === 'code') &&
  typeof (p as { name?: unknown }).name === 'string' &&
  typeof (p as { code?: unknown }).code === 'string';

const CONTACT_KEYS: Record<string, (v: unknown) => boolean> = {
  individualName: text(200),
  positionName: text(200),
  email: (v) => typeof v === 'string' && v.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v),
};
const isContact = (c: unknown) =>
  !!c &&
  typeof c === 'object' &&
  !Array.isArray(c) &&
  Object.keys(c).length > 0 &&
  Object.entries(c).every(([k, v]) => Object.hasOwn(CONTACT_KEYS, k) && (v === null || CONTACT_KEYS[k](v)));

const plain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const only = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));

/** A calendar day written YYYY-MM-DD that exists (2024-02-30 does not). */
const isDay = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const DATE_KEYS = ['creation', 'publication', 'revision'];
const isDates = (v: unknown) => plain(v) && only(v, DATE_KEYS) && Object.values(v).every((d) => d === null || isDay(d));

const positive = (v: unknown, max: number) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max;
const isResolution = (v: unknown) =>
  v === null ||
  (plain(v) && only(v, ['scale']) && Number.isInteger(v.scale) && positive(v.scale, 1e9)) ||
  (plain(v) &&
    only(v, ['distance', 'unit']) &&
    positive(v.distance, 1e7) &&
    (DISTANCE_UNITS as readonly unknown[]).includes(v.unit));

/** {attribute: {description, unit, codeList: [{code, label}]}}, for the layer's own attributes only. */
const ABOUT_KEYS: Record<string, (v: unknown) => boolean> = {
  description: text(2000),
  unit: text(50),
  codeList: (v) =>
    Array.isArray(v) &&
    v.length <= 500 &&
    v.every((c) => plain(c) && only(c, ['code', 'label']) && text(200)(c.code) && text(500)(c.label)),
};
const isAbout = (v: unknown) =>
  plain(v) && Object.entries(v).every(([k, x]) => Object.hasOwn(ABOUT_KEYS, k) && (x === null || ABOUT_KEYS[k](x)));
const isAttributes = (v: unknown, layer: Layer) =>
  plain(v) &&
  Object.entries(v).every(
    ([name, about]) => layer.attributes.some((a) => a.name === name) && (about === null || isAbout(about)),
  );

/** Mappings merged key by key into what is stored (one date or one attribute is written without
 *  repeating the others; null removes a key). */
const MERGED = ['dates', 'attributes'];

interface Field {
  check: (v: unknown, layer: Layer) => boolean;
  takes: (layer: Layer) => string;
  /** The values it takes, when they are a list (sent in the problem's `allowed`). */
  allowed?: (layer: Layer) => readonly string[];
}
const oneOf = (codes: readonly string[], what = ''): Field => ({
  check: (v) => (codes as readonly unknown[]).includes(v),
  takes: () => `one of ${codes.join(', ')}${what}`,
  allowed: () => codes,
});
const says = (takes: string, check: Field['check']): Field => ({ check, takes: () => takes });

/** Fields a person may write: the only keys accepted, each with its check and what it takes.
 *  A Map, so that keys like `__proto__` or `constructor` are simply unknown. */
const FIELDS = new Map<string, Field>([
  ['purpose', says('text of at most 4000 characters', text(4000))],
  ['topicCategory', oneOf(TOPIC_CATEGORIES, ' (ISO 19115 topic categories)')],
  ['lineage', says('text of at most 8000 characters', text(8000))],
  ['progress', oneOf(PROGRESS_CODES)],
  ['maintenance', oneOf(MAINTENANCE_CODES)],
  [
    'dates',
    says(
      "{creation, publication, revision}: the data's own dates as YYYY-MM-DD (not the upload day); null removes one",
      isDates,
    ),
  ],
  [
    'spatialResolution',
    {
      check: isResolution,
      takes: () =>
        `null, {"scale": denominator} (a whole number, 1:5000 is 5000) or {"distance": number, "unit": one of ${DISTANCE_UNITS.join(', ')}}`,
      allowed: () => DISTANCE_UNITS,
    },
  ],
  [
    'positionalAccuracy',
    says('null or the absolute positional accuracy in metres (a number > 0)', (v) => v === null || positive(v, 1e7)),
  ],
  [
    'attributes',
    {
      check: isAttributes,
      takes: (l) =>
        `{attribute: {description, unit, codeList: [{code, label}]} or null} for the layer's attributes (${l.attributes.map((a) => a.name).join(', ')})`,
      allowed: (l) => l.attributes.map((a) => a.name),
    },
  ],
  ['licence', says('an http(s) URL', (v) => typeof v === 'string' && v.length <= 2000 && /^https?:\/\/\S+$/.test(v))],
  ['useConstraints', says('text of at most 4000 characters', text(4000))],
  [
    'placeKeywords',
    says('a list of at most 50 {name, code} places', (v) => Array.isArray(v) && v.length <= 50 && v.every(isPlace)),
  ],
  [
    'contact',
    says(
      "null or {individualName, positionName, email} (the layer's own contact person, which wins over the organisation's)",
      (v) => v === null || isContact(v),
    ),
  ],
]);
const KUGI = 'kugiFcode';

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
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      sendProblem(
        res,
        new OgcError(
          'InvalidParameterValue',
          `Send a JSON object of metadata fields (${[...FIELDS.keys(), KUGI].join(', ')})`,
          undefined,
          400,
        ),
      );
      return;
    }
    // Own keys only, read into a Map: nothing of the body reaches a prototype.
    const body = new Map<string, unknown>(Object.entries(req.body as object));
    const unknown = [...body.keys()].filter((k) => k !== KUGI && !FIELDS.has(k));
    if (unknown.length) {
      sendProblem(
        res,
        new OgcError(
          'InvalidParameterValue',
          `Unknown metadata field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: ${[...FIELDS.keys(), KUGI].join(', ')})`,
          undefined,
          400,
        ),
      );
      return;
    }
    const patch: Record<string, unknown> = Object.create(null);
    for (const [k, v] of body) {
      if (k === KUGI) continue;
      const field = FIELDS.get(k)!;
      if (!field.check(v, layer)) {
        const allowed = field.allowed?.(layer);
        sendProblem(
          res,
          new OgcError('InvalidParameterValue', `Invalid value for ${k}: it takes ${field.takes(layer)}`, k, 400, {
            details: { field: k, ...(allowed ? { allowed } : {}) },
          }),
        );
        return;
      }
      patch[k] = v;
    }
    const kugi = body.get(KUGI);
    if (kugi !== undefined && kugi !== null && (typeof kugi !== 'string' || !/^[A-Za-z0-9.\-]{1,32}$/.test(kugi))) {
      sendProblem(res, new OgcError('InvalidParameterValue', 'kugiFcode must be a KUGI feature code', KUGI, 400));
      return;
    }
    await writeLayerMetadata(ctx.db, principalOf(res), layer, {
      fields: patch,
      merged: MERGED,
      kugiFcode: kugi as string | null | undefined,
    });
    await ctx.catalogue.reload();
    res.json(describe(layer.name, baseUrlOf(res)));
  });
}

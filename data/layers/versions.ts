/** Versions of a layer's data (issue #12): a data update is a new version, not a new layer.
 *
 *  Each version's data is a table of its own. A layer's first table stays where its first import
 *  put it (`org_<org>.<name>`); later versions go to `simpul_version.l<uuid>_v<n>` (named by the
 *  layer's UUID: no layer name, however long or odd, can collide with one). `simpul.layer` points
 *  at the served version (`table_schema`, `table_name`, `version`), and every reader (features,
 *  maps, tiles, records) finds the table through the catalogue's Layer, so switching versions is
 *  one row update: data version (the tile cache's key), extent, count, attributes, revision date
 *  (`updated_at`, the records' dateStamp) move together, with the catalogue revision (capabilities,
 *  record index), in the step's transaction.
 *
 *  Which steps exist and who takes them is data/access.ts WORKFLOW (the rows with `version`); this
 *  module does what a step does to the versions. */
import type { Queryable } from '../db/types.js';
import type { Principal, Transition, VersionStatus } from '../access.js';
import { writeAudit } from '../audit.js';
import { OgcError } from '../errors.js';
import {
  LAYER_COLUMNS,
  layerFromRow,
  layerTableSql,
  type Attribute,
  type AttributeType,
  type BBox,
  type GeometryType,
  type Layer,
} from '../catalogue/layer.js';

export const VERSION_SCHEMA = 'simpul_version';
/** Versions kept with their data (the served one included) when no setting says otherwise. */
export const DEFAULT_KEEP_VERSIONS = 3;

/** Statuses whose version still has its table. */
const WITH_TABLE: readonly VersionStatus[] = ['pending', 'verified', 'current', 'archived'];
/** Statuses after which the version's table is dropped at once (its data will never be served). */
const DROPPED: readonly VersionStatus[] = ['returned', 'withdrawn', 'pruned'];

/** What a version's data is, measured when it was written. */
export interface VersionData {
  geometryType: GeometryType;
  nativeSrid: number;
  bbox: BBox | null;
  featureCount: number;
  attributes: Attribute[];
}

export interface LayerVersion extends VersionData {
  version: number;
  status: VersionStatus;
  schema: string;
  table: string;
  createdAt: Date;
  createdBy: string;
  statusChangedAt: Date;
  publishedAt: Date | null;
  note: string | null;
}

/** How a version's attributes differ from the served version's: what the reviewer reads. */
export interface SchemaDiff {
  added: Attribute[];
  removed: Attribute[];
  retyped: Array<{ name: string; from: AttributeType; to: AttributeType }>;
  geometryType: { from: GeometryType; to: GeometryType } | null;
  unchanged: boolean;
}

/** Where a replace writes its data. `in-place`: a layer never published and without versions
 *  (a draft being prepared) gets its table written anew, as before versions existed. */
export interface ReplaceTarget {
  mode: 'in-place' | 'version';
  version: number;
  schema: string;
  table: string;
}

const VERSION_COLUMNS = `version, status, table_schema, table_name, geometry_type, native_srid, minx, miny, maxx, maxy,
  feature_count, attributes, created_at, created_by, status_changed_at, published_at, note`;

const who = (actor?: Principal) => (actor?.kind === 'user' ? actor.username : 'system');

/** Published (or retired after publication): its data was served, so new data waits for review. */
export const wasPublished = (l: Pick<Layer, 'status'>) => l.status === 'published' || l.status === 'retired';

/** Only an admin (or the node itself: the CLI, the demo) publishes a new version without review. */
export const mayPublishAtOnce = (actor?: Principal) => !actor || (actor.kind === 'user' && actor.role === 'admin');

export function versionTable(layerId: string, version: number): { schema: string; table: string } {
  return { schema: VERSION_SCHEMA, table: `l${layerId.replace(/-/g, '').toLowerCase()}_v${version}` };
}

function versionFromRow(r: Record<string, any>): LayerVersion {
  return {
    version: Number(r.version),
    status: r.status,
    schema: r.table_schema,
    table: r.table_name,
    geometryType: r.geometry_type,
    nativeSrid: r.native_srid,
    bbox: r.minx == null ? null : [r.minx, r.miny, r.maxx, r.maxy],
    featureCount: Number(r.feature_count),
    attributes: r.attributes ?? [],
    createdAt: new Date(r.created_at),
    createdBy: r.created_by,
    statusChangedAt: new Date(r.status_changed_at),
    publishedAt: r.published_at ? new Date(r.published_at) : null,
    note: r.note ?? null,
  };
}

/** The served version as the layer row knows it now (its counts follow edits in place). */
function servedVersion(l: Layer, row?: LayerVersion): LayerVersion {
  return {
    version: l.version,
    status: 'current',
    schema: l.schema,
    table: l.table,
    geometryType: l.geometryType,
    nativeSrid: l.nativeSrid,
    bbox: l.bbox,
    featureCount: l.featureCount,
    attributes: l.attributes,
    createdAt: row?.createdAt ?? l.createdAt,
    createdBy: row?.createdBy ?? 'system',
    statusChangedAt: row?.statusChangedAt ?? l.publishedAt ?? l.createdAt,
    publishedAt: row?.publishedAt ?? l.publishedAt,
    note: row?.note ?? null,
  };
}

/** Decides where a replace of `existing` (its row locked) writes. */
export async function replaceTarget(tx: Queryable, existing: Layer): Promise<ReplaceTarget> {
  const last = (
    await tx.query<{ n: number | null }>('SELECT max(version) AS n FROM simpul.layer_version WHERE layer_id = $1', [
      existing.id,
    ])
  ).rows[0]?.n;
  if (last == null && !wasPublished(existing))
    return { mode: 'in-place', version: existing.version, schema: existing.schema, table: existing.table };
  const version = Math.max(Number(last ?? 0), existing.version) + 1;
  await tx.query(`CREATE SCHEMA IF NOT EXISTS ${VERSION_SCHEMA}`);
  return { mode: 'version', version, ...versionTable(existing.id, version) };
}

/** Records a written version as waiting for review. The served version gets its row the first
 *  time (a layer imported before versions existed, or never replaced); a version still waiting
 *  is withdrawn, superseded by this one. */
export async function recordVersion(
  tx: Queryable,
  existing: Layer,
  target: ReplaceTarget,
  data: VersionData,
  actor?: Principal,
): Promise<void> {
  await tx.query(
    `INSERT INTO simpul.layer_version (layer_id, version, status, table_schema, table_name, geometry_type, native_srid, minx, miny, maxx, maxy,
       feature_count, attributes, created_at, created_by, published_at)
     VALUES ($1, $2, 'current', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, 'system', $14)
     ON CONFLICT (layer_id, version) DO NOTHING`,
    [
      existing.id,
      existing.version,
      existing.schema,
      existing.table,
      existing.geometryType,
      existing.nativeSrid,
      ...(existing.bbox ?? [null, null, null, null]),
      existing.featureCount,
      JSON.stringify(existing.attributes),
      existing.createdAt,
      existing.publishedAt,
    ],
  );
  const waiting = (
    await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM simpul.layer_version WHERE layer_id = $1 AND status IN ('pending', 'verified') FOR UPDATE`,
      [existing.id],
    )
  ).rows.map(versionFromRow);
  for (const w of waiting) {
    const note = `superseded by version ${target.version} / diganti versi ${target.version}`;
    await moveVersion(tx, existing.id, w, 'withdrawn', note);
    await auditVersion(
      tx,
      actor,
      existing,
      'layer.withdraw-version',
      w.version,
      w.status,
      'withdrawn',
      existing.version,
      note,
    );
  }
  await tx.query(
    `INSERT INTO simpul.layer_version (layer_id, version, status, table_schema, table_name, geometry_type, native_srid, minx, miny, maxx, maxy,
       feature_count, attributes, created_by)
     VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13)`,
    [
      existing.id,
      target.version,
      target.schema,
      target.table,
      data.geometryType,
      data.nativeSrid,
      ...(data.bbox ?? [null, null, null, null]),
      data.featureCount,
      JSON.stringify(data.attributes),
      who(actor),
    ],
  );
}

/** A version to another status that keeps no table: drop its table (never the served one). */
async function moveVersion(
  tx: Queryable,
  layerId: string,
  v: LayerVersion,
  to: VersionStatus,
  note?: string | null,
): Promise<void> {
  if (DROPPED.includes(to)) await tx.query(`DROP TABLE IF EXISTS ${layerTableSql(v)}`);
  await tx.query(
    'UPDATE simpul.layer_version SET status = $3, status_changed_at = now(), note = coalesce($4, note) WHERE layer_id = $1 AND version = $2',
    [layerId, v.version, to, note ?? null],
  );
}

async function auditVersion(
  tx: Queryable,
  actor: Principal | undefined,
  layer: Pick<Layer, 'id' | 'name' | 'organisation' | 'status'>,
  action: string,
  version: number,
  from: VersionStatus,
  to: VersionStatus,
  served: number,
  reason?: string | null,
  address?: string | null,
): Promise<void> {
  await writeAudit(tx, actor, {
    action,
    layer: { id: layer.id, name: layer.name },
    organisation: layer.organisation,
    before: { status: layer.status, version, versionStatus: from, servedVersion: served },
    after: { status: layer.status, version, versionStatus: to, servedVersion: to === 'current' ? version : served },
    reason: reason ?? null,
    address,
  });
}

/**
 * Serves another version: the one served becomes archived, this one current, and the layer row
 * takes its table, extent, count and attributes, a new data version and revision date — one
 * update, in the caller's transaction (which also bumps the catalogue revision). Then the
 * versions beyond the newest `keep` are pruned.
 */
export async function switchVersion(
  tx: Queryable,
  layer: Layer,
  version: number,
  keep: number,
  actor?: Principal,
): Promise<Layer> {
  await tx.query(
    `UPDATE simpul.layer_version SET status = 'archived', status_changed_at = now() WHERE layer_id = $1 AND status = 'current'`,
    [layer.id],
  );
  await tx.query(
    `UPDATE simpul.layer_version SET status = 'current', status_changed_at = now(), published_at = now() WHERE layer_id = $1 AND version = $2`,
    [layer.id, version],
  );
  const row = (
    await tx.query(
      `UPDATE simpul.layer SET (table_schema, table_name, geometry_type, native_srid, minx, miny, maxx, maxy, feature_count, attributes, version) =
       (SELECT table_schema, table_name, geometry_type, native_srid, minx, miny, maxx, maxy, feature_count, attributes, version
          FROM simpul.layer_version WHERE layer_id = $1 AND version = $2),
       data_version = data_version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${LAYER_COLUMNS}`,
      [layer.id, version],
    )
  ).rows[0];
  const now = layerFromRow(row);
  await pruneVersions(tx, now, keep, actor);
  return now;
}

/** Keeps the served version and the newest archived ones, `keep` in all; drops the others' tables. */
async function pruneVersions(tx: Queryable, layer: Layer, keep: number, actor?: Principal): Promise<void> {
  const old = (
    await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM simpul.layer_version WHERE layer_id = $1 AND status IN ('current', 'archived')
      ORDER BY (status = 'current') DESC, version DESC OFFSET $2`,
      [layer.id, Math.max(1, keep)],
    )
  ).rows.map(versionFromRow);
  for (const v of old) {
    const note = `more than ${keep} versions kept / lebih dari ${keep} versi disimpan`;
    await moveVersion(tx, layer.id, v, 'pruned', note);
    await auditVersion(tx, actor, layer, 'layer.prune-version', v.version, v.status, 'pruned', layer.version, note);
  }
}

/** A new version served at once (an admin's or the node's `--publish`, or a layer not yet
 *  published that has versions): recorded like the walidata's step. */
export async function publishAtOnce(
  tx: Queryable,
  layer: Layer,
  version: number,
  keep: number,
  actor: Principal | undefined,
  reason: string,
): Promise<Layer> {
  await auditVersion(tx, actor, layer, 'layer.publish-version', version, 'pending', 'current', layer.version, reason);
  return switchVersion(tx, layer, version, keep, actor);
}

export interface VersionStepRequest {
  /** Which version: required to roll back; else the one waiting (and, when given, it must be that one). */
  version?: number;
  note?: string | null;
  keep: number;
  address?: string | null;
}

export interface VersionStepResult {
  version: number;
  before: VersionStatus;
  after: VersionStatus;
}

const conflict = (message: string, details?: Record<string, unknown>) =>
  new OgcError('Conflict', message, 'version', 409, details ? { details } : undefined);

/** Takes a version step (its role and the layer's status were checked by the workflow, the row
 *  of the layer is locked), in the caller's transaction. */
export async function versionStep(
  tx: Queryable,
  p: Principal,
  layer: Layer,
  t: Transition,
  req: VersionStepRequest,
): Promise<VersionStepResult> {
  const rule = t.version!;
  let target: LayerVersion | undefined;
  if (rule.from.includes('archived')) {
    if (req.version === undefined)
      throw new OgcError(
        'InvalidParameterValue',
        `Say which version to roll back to: {"version": n, "note": "…"} / sebutkan versinya`,
        'version',
        400,
      );
    const r = (
      await tx.query(
        `SELECT ${VERSION_COLUMNS} FROM simpul.layer_version WHERE layer_id = $1 AND version = $2 FOR UPDATE`,
        [layer.id, req.version],
      )
    ).rows[0];
    if (!r) throw new OgcError('NotFound', `${layer.name} has no version ${req.version}`, 'version', 404);
    target = versionFromRow(r);
  } else {
    const r = (
      await tx.query(
        `SELECT ${VERSION_COLUMNS} FROM simpul.layer_version WHERE layer_id = $1 AND status IN ('pending', 'verified') FOR UPDATE`,
        [layer.id],
      )
    ).rows[0];
    if (!r) throw conflict(`No new version of ${layer.name} waits for review / tidak ada versi baru yang menunggu`);
    target = versionFromRow(r);
    if (req.version !== undefined && req.version !== target.version)
      throw conflict(
        `Version ${req.version} of ${layer.name} does not wait for review: version ${target.version} does`,
        { waiting: target.version },
      );
  }
  if (!rule.from.includes(target.status)) {
    throw conflict(
      `Version ${target.version} of ${layer.name} is ${target.status}: "${t.action}" is taken from ${rule.from.join(' or ')}`,
      { versionStatus: target.status, from: rule.from },
    );
  }
  // The step's row first, then what follows from it (versions pruned by a switch).
  await auditVersion(
    tx,
    p,
    layer,
    `layer.${t.action}`,
    target.version,
    target.status,
    rule.to,
    layer.version,
    req.note || null,
    req.address,
  );
  if (rule.to === 'current') await switchVersion(tx, layer, target.version, req.keep, p);
  else await moveVersion(tx, layer.id, target, rule.to, req.note || null);
  return { version: target.version, before: target.status, after: rule.to };
}

/** How `to`'s attributes and geometry differ from `from`'s. */
export function schemaDiff(
  from: Pick<VersionData, 'attributes' | 'geometryType'>,
  to: Pick<VersionData, 'attributes' | 'geometryType'>,
): SchemaDiff {
  const before = new Map(from.attributes.map((a) => [a.name, a]));
  const after = new Map(to.attributes.map((a) => [a.name, a]));
  const added = to.attributes.filter((a) => !before.has(a.name));
  const removed = from.attributes.filter((a) => !after.has(a.name));
  const retyped = to.attributes
    .filter((a) => before.has(a.name) && before.get(a.name)!.type !== a.type)
    .map((a) => ({ name: a.name, from: before.get(a.name)!.type, to: a.type }));
  const geometryType = from.geometryType === to.geometryType ? null : { from: from.geometryType, to: to.geometryType };
  return {
    added,
    removed,
    retyped,
    geometryType,
    unchanged: !added.length && !removed.length && !retyped.length && !geometryType,
  };
}

/** The layer's versions, newest first (the served one as the layer row has it now). A layer
 *  never replaced has one: its first. */
export async function listVersions(q: Queryable, layer: Layer): Promise<LayerVersion[]> {
  const rows = (
    await q.query(`SELECT ${VERSION_COLUMNS} FROM simpul.layer_version WHERE layer_id = $1 ORDER BY version DESC`, [
      layer.id,
    ])
  ).rows.map(versionFromRow);
  if (!rows.some((v) => v.version === layer.version))
    return [servedVersion(layer), ...rows].sort((a, b) => b.version - a.version);
  return rows.map((v) => (v.version === layer.version ? servedVersion(layer, v) : v));
}

/** Drops the tables of every version of a layer (the layer is being deleted; its rows go with it). */
export async function dropVersionTables(tx: Queryable, layerId: string): Promise<void> {
  const tables = (
    await tx.query<{ table_schema: string; table_name: string }>(
      'SELECT table_schema, table_name FROM simpul.layer_version WHERE layer_id = $1 AND status = ANY($2::text[])',
      [layerId, WITH_TABLE],
    )
  ).rows;
  for (const t of tables)
    await tx.query(`DROP TABLE IF EXISTS ${layerTableSql({ schema: t.table_schema, table: t.table_name })}`);
}

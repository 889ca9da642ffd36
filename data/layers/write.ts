/** Writes a layer — table, features, index, extent, count and catalogue row — in ONE
 *  transaction, so that a failed or killed write leaves no table and no row behind.
 *  Import (GDAL), the demo and the HTTP upload all come through here. */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/types.js';
import { widens, type AccessClass, type LayerStatus, type Principal } from '../access.js';
import { writeAudit } from '../audit.js';
import { httpError } from '../errors.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import {
  LAYER_COLUMNS,
  layerFromRow,
  layerTableSql,
  quoteIdent,
  type Attribute,
  type Layer,
  type LayerMetadata,
} from '../catalogue/layer.js';
import {
  DEFAULT_KEEP_VERSIONS,
  dropVersionTables,
  mayPublishAtOnce,
  publishAtOnce,
  recordVersion,
  replaceTarget,
  wasPublished,
  type ReplaceTarget,
  type VersionData,
} from './versions.js';
import { loadFeatures, type FeatureIn, type RowBatch, type WriteReport } from './load.js';

/**
 * A layer to write. When it replaces the data of an existing layer, what people decided and wrote
 * about that layer stays as it is unless named here: access class, status, title, abstract,
 * keywords, KUGI code and metadata (merged). A data update never widens access by itself.
 */
export interface NewLayer {
  organisation: string;
  localName: string;
  /** The title; a replace keeps the layer's title when it is not given. */
  title?: string;
  /** The title of a new layer when none is given (its name, say). */
  defaultTitle?: string;
  abstract?: string;
  keywords?: string[];
  kugiFcode?: string | null;
  /** EPSG code of the source data (features arrive already in EPSG:4326). */
  nativeSrid: number;
  accessClass?: AccessClass;
  status?: LayerStatus;
  attributes: Attribute[];
  metadata?: LayerMetadata;
}

export type { FeatureIn, RowBatch, WriteReport };

export interface WriteOptions {
  /** Replace the data of an existing layer of that name, keeping its UUID. */
  replace?: boolean;
  /** Who writes (for the audit trail and the access rule); none: the node itself (CLI, demo). */
  actor?: Principal;
  onProgress?: (read: number) => void;
  /** Versions kept with their data when a new one is served (settings: versions.keep). */
  keepVersions?: number;
}

export const orgSchema = (org: string) => `org_${org}`;

export async function writeLayer(
  db: Db,
  spec: NewLayer,
  batches: AsyncIterable<FeatureIn[] | RowBatch> | Iterable<FeatureIn[] | RowBatch>,
  opts: WriteOptions = {},
): Promise<{ layer: Layer; report: WriteReport }> {
  const name = `${spec.organisation}:${spec.localName}`;
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(spec.localName))
    throw httpError(
      400,
      `layer name "${spec.localName}" must be lower-case letters, digits and _ (starting with a letter)`,
    );
  const schema = orgSchema(spec.organisation);

  return db.transaction(async (tx) => {
    const org = await tx.query('SELECT 1 FROM simpul.organisation WHERE code = $1', [spec.organisation]);
    if (!org.rows.length) throw httpError(400, `unknown organisation "${spec.organisation}"`);
    const existing = (await tx.query(`SELECT ${LAYER_COLUMNS} FROM simpul.layer WHERE name = $1 FOR UPDATE`, [name]))
      .rows[0];
    if (existing && !opts.replace)
      throw httpError(409, `layer ${name} already exists (use --replace to load new data into it)`);

    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    // A new layer's table is its name in its organisation's schema; a replace goes where
    // data/layers/versions.ts says (a new version's own table, or the same table for a draft).
    const current = existing ? layerFromRow(existing) : undefined;
    const target: ReplaceTarget | undefined = current && (await replaceTarget(tx, current));
    if (
      current &&
      target?.mode === 'version' &&
      spec.status === 'published' &&
      wasPublished(current) &&
      !mayPublishAtOnce(opts.actor)
    ) {
      throw httpError(
        403,
        `a new version of ${name} is reviewed before it is served: upload it without publish, then the walidata verifies and publishes it`,
      );
    }
    if (current && target?.mode === 'in-place') await tx.query(`DROP TABLE IF EXISTS ${layerTableSql(current)}`);
    const finished = await loadFeatures(tx, target ?? { schema, table: spec.localName }, spec.attributes, batches, {
      onProgress: opts.onProgress,
    });
    const report: WriteReport = finished.report;
    if (current && target?.mode === 'version') {
      const data = {
        geometryType: finished.geometryType,
        nativeSrid: spec.nativeSrid,
        bbox: finished.bbox,
        featureCount: finished.count,
        attributes: spec.attributes,
      };
      const layer = await writeVersion(tx, current, target, data, spec, name, opts);
      report.version = { number: target.version, status: layer.version === target.version ? 'current' : 'pending' };
      await bumpRevision(tx);
      return { layer, report };
    }

    const id = existing?.id ?? randomUUID();
    const kept = existing ? keptOnReplace(existing, spec, name, opts.actor) : undefined;
    const values = [
      id,
      spec.organisation,
      name,
      schema,
      spec.localName,
      spec.title ?? kept?.title ?? spec.defaultTitle ?? spec.localName,
      spec.abstract ?? kept?.abstract ?? '',
      spec.keywords ?? kept?.keywords ?? [],
      spec.kugiFcode ?? kept?.kugiFcode ?? null,
      finished.geometryType,
      spec.nativeSrid,
      ...(finished.bbox ?? [null, null, null, null]),
      finished.count,
      JSON.stringify(spec.attributes),
      spec.accessClass ?? kept?.accessClass ?? 'PUBLIC',
      spec.status ?? kept?.status ?? 'draft',
      JSON.stringify(spec.metadata ?? {}),
    ];
    const row = existing
      ? await tx.query(
          `UPDATE simpul.layer SET organisation = $2, name = $3, table_schema = $4, table_name = $5, title = $6, abstract = $7,
             keywords = $8, kugi_fcode = $9, geometry_type = $10, native_srid = $11, minx = $12, miny = $13, maxx = $14, maxy = $15,
             feature_count = $16, attributes = $17, access_class = $18, status = $19,
             metadata = metadata || $20::jsonb, updated_at = now(), data_version = data_version + 1,
             published_at = CASE WHEN $19 = 'published' THEN coalesce(published_at, now()) ELSE published_at END
           WHERE id = $1 RETURNING ${LAYER_COLUMNS}`,
          values,
        )
      : await tx.query(
          `INSERT INTO simpul.layer (id, organisation, name, table_schema, table_name, title, abstract, keywords, kugi_fcode,
             geometry_type, native_srid, minx, miny, maxx, maxy, feature_count, attributes, access_class, status, metadata, published_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb,
             CASE WHEN $19 = 'published' THEN now() END)
           RETURNING ${LAYER_COLUMNS}`,
          values,
        );
    const layer = layerFromRow(row.rows[0]);
    if (!existing && opts.actor)
      await writeAudit(tx, opts.actor, {
        action: 'layer.import',
        layer: { id, name, organisation: layer.organisation },
        before: null,
        after: {
          title: layer.title,
          accessClass: layer.accessClass,
          status: layer.status,
          featureCount: layer.featureCount,
          nativeSrid: spec.nativeSrid,
        },
      });
    if (existing) {
      const was = {
        accessClass: existing.access_class,
        status: existing.status,
        featureCount: Number(existing.feature_count),
        dataVersion: existing.data_version,
      };
      const now = {
        accessClass: layer.accessClass,
        status: layer.status,
        featureCount: layer.featureCount,
        dataVersion: layer.dataVersion,
      };
      await writeAudit(tx, opts.actor, {
        action: 'layer.replace',
        layer: { id, name, organisation: layer.organisation },
        before: was,
        after: now,
      });
    }
    await bumpRevision(tx);
    return { layer, report };
  });
}

/** A replace of a layer that has versions: its new data waits for review as a version (or is
 *  served at once: see publishAtOnce), while what people decided and wrote about the layer stays,
 *  unless the request names new values (checked as for a replace in place). */
async function writeVersion(
  tx: Queryable,
  current: Layer,
  target: ReplaceTarget,
  data: VersionData,
  spec: NewLayer,
  name: string,
  opts: WriteOptions,
): Promise<Layer> {
  const kept = keptOnReplace(layerRow(current), spec, name, opts.actor);
  await recordVersion(tx, current, target, data, opts.actor);
  const named =
    spec.title !== undefined ||
    spec.abstract !== undefined ||
    spec.keywords !== undefined ||
    spec.kugiFcode !== undefined ||
    spec.accessClass !== undefined ||
    spec.metadata !== undefined;
  if (named) {
    await tx.query(
      `UPDATE simpul.layer SET title = $2, abstract = $3, keywords = $4, kugi_fcode = $5, access_class = $6, metadata = metadata || $7::jsonb, updated_at = now() WHERE id = $1`,
      [
        current.id,
        spec.title ?? kept.title,
        spec.abstract ?? kept.abstract,
        spec.keywords ?? kept.keywords,
        spec.kugiFcode ?? kept.kugiFcode,
        spec.accessClass ?? kept.accessClass,
        JSON.stringify(spec.metadata ?? {}),
      ],
    );
  }
  const accessClass = spec.accessClass ?? kept.accessClass;
  await writeAudit(tx, opts.actor, {
    action: 'layer.replace',
    layer: { id: current.id, name, organisation: current.organisation },
    before: {
      accessClass: current.accessClass,
      status: current.status,
      featureCount: current.featureCount,
      dataVersion: current.dataVersion,
      version: current.version,
    },
    after: {
      accessClass,
      status: current.status,
      featureCount: data.featureCount,
      version: target.version,
      versionStatus: 'pending',
    },
  });
  const keep = opts.keepVersions ?? DEFAULT_KEEP_VERSIONS;
  // A layer not published yet has nothing served to protect: its new data is its data.
  if (!wasPublished(current))
    return publishAtOnce(
      tx,
      { ...current, accessClass },
      target.version,
      keep,
      opts.actor,
      'not published yet: new data replaces the draft / belum disebarluaskan',
    );
  if (spec.status === 'published')
    return publishAtOnce(
      tx,
      { ...current, accessClass },
      target.version,
      keep,
      opts.actor,
      'published on import / disebarluaskan saat impor',
    );
  return layerFromRow(
    (await tx.query(`SELECT ${LAYER_COLUMNS} FROM simpul.layer WHERE id = $1`, [current.id])).rows[0],
  );
}

/** The columns keptOnReplace reads, from the catalogue's picture. */
const layerRow = (l: Layer) => ({
  title: l.title,
  abstract: l.abstract,
  keywords: l.keywords,
  kugi_fcode: l.kugiFcode,
  access_class: l.accessClass,
  status: l.status,
});

/** What a replace keeps of the existing layer (its catalogue row), after checking that naming
 *  another access class does not widen access without the walidata. */
function keptOnReplace(existing: Record<string, any>, spec: NewLayer, name: string, actor: Principal | undefined) {
  const accessClass = existing.access_class as AccessClass;
  if (
    spec.accessClass &&
    widens(accessClass, spec.accessClass) &&
    actor &&
    !(actor.kind === 'user' && (actor.role === 'walidata' || actor.role === 'admin'))
  ) {
    throw httpError(
      403,
      `only the walidata may widen access to ${name} (${accessClass} → ${spec.accessClass}); a data update keeps the access class when none is given`,
    );
  }
  return {
    title: existing.title as string,
    abstract: existing.abstract as string,
    keywords: existing.keywords as string[],
    kugiFcode: existing.kugi_fcode as string | null,
    accessClass,
    status: existing.status as LayerStatus,
  };
}

/**
 * After features of a layer were changed in place (an edit, an append): recompute its
 * count and extent and move its data version, so caches never serve the old data.
 */
export async function touchLayerData(tx: Queryable, layer: Pick<Layer, 'id' | 'schema' | 'table'>): Promise<void> {
  const table = layerTableSql(layer);
  await tx.query(
    `UPDATE simpul.layer SET feature_count = s.n, minx = ST_XMin(s.e), miny = ST_YMin(s.e), maxx = ST_XMax(s.e), maxy = ST_YMax(s.e),
       data_version = data_version + 1, updated_at = now()
     FROM (SELECT count(*)::int AS n, ST_Extent(geom)::geometry AS e FROM ${table}) s WHERE id = $1`,
    [layer.id],
  );
  await bumpRevision(tx);
}

/** Deletes a layer's table and catalogue row together (and says so in the audit trail when it knows who). */
export async function dropLayer(
  db: Db,
  layer: Pick<Layer, 'id' | 'schema' | 'table'> &
    Partial<Pick<Layer, 'name' | 'organisation' | 'accessClass' | 'status'>>,
  actor?: Principal,
): Promise<void> {
  await db.transaction(async (tx) => {
    await dropVersionTables(tx, layer.id);
    await tx.query(`DROP TABLE IF EXISTS ${layerTableSql(layer)}`);
    await tx.query('DELETE FROM simpul.layer WHERE id = $1', [layer.id]);
    if (actor)
      await writeAudit(tx, actor, {
        action: 'layer.delete',
        layer: { id: layer.id, name: layer.name ?? '', organisation: layer.organisation },
        before: { accessClass: layer.accessClass, status: layer.status },
        after: null,
      });
    await bumpRevision(tx);
  });
}

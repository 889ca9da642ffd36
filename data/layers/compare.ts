/** What a reviewer compares before a layer's data is served: the published version beside the one
 *  waiting (counts, extents, attribute schema), and the metadata changed since the publication.
 *  Metadata is not versioned (an edit changes the published record at once), so its changes are
 *  read from the audit trail since the served version was published. */
import type { Queryable } from '../db/types.js';
import { queryAudit } from '../audit.js';
import type { Layer } from '../catalogue/layer.js';
import { listVersions, schemaDiff, wasPublished, type LayerVersion, type SchemaDiff } from './versions.js';

/** Audit actions whose before/after are maps of metadata fields. */
const METADATA_ACTIONS: readonly string[] = ['layer.metadata', 'layer.access'];
/** Enough rows for months of edits to one layer; older ones are not what a review is about. */
const MAX_ROWS = 500;

/** One field changed since the publication: its value then, now, and its last change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  at: string;
  actor: string;
}

export interface ReviewComparison {
  /** The served version; null before a first publication. */
  published: LayerVersion | null;
  /** The version waiting for review, or (first publication) the layer's data as submitted. */
  pending: LayerVersion | null;
  firstPublication: boolean;
  featureDelta: number | null;
  schema: SchemaDiff | null;
  /** Since when metadata changes are read (the served version's publication). */
  metadataSince: Date | null;
  metadata: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const fieldMap = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Audit rows (newest first) folded into one change per field: the oldest before, the newest
 *  after; a field changed and changed back is left out. */
export function foldChanges(
  rows: ReadonlyArray<{ action: string; before: unknown; after: unknown; at: string; actor: string }>,
): FieldChange[] {
  const out = new Map<string, FieldChange>();
  for (const r of [...rows].reverse()) {
    if (!METADATA_ACTIONS.includes(r.action)) continue;
    const before = fieldMap(r.before);
    for (const [field, after] of Object.entries(fieldMap(r.after))) {
      const seen = out.get(field);
      out.set(field, { field, before: seen ? seen.before : (before[field] ?? null), after, at: r.at, actor: r.actor });
    }
  }
  return [...out.values()].filter((c) => !same(c.before, c.after)).sort((a, b) => a.field.localeCompare(b.field));
}

export async function reviewComparison(db: Queryable, layer: Layer): Promise<ReviewComparison> {
  const versions = await listVersions(db, layer);
  const served = versions.find((v) => v.version === layer.version) ?? null;
  const firstPublication = !wasPublished(layer);
  const published = firstPublication ? null : served;
  const pending = firstPublication
    ? served
    : (versions.find((v) => v.status === 'pending' || v.status === 'verified') ?? null);
  const metadataSince = published ? (published.publishedAt ?? layer.publishedAt) : null;
  const rows = metadataSince
    ? (await queryAudit(db, { layerId: layer.id, action: 'layer.', since: metadataSince, limit: MAX_ROWS, offset: 0 }))
        .entries
    : [];
  return {
    published,
    pending,
    firstPublication,
    featureDelta: published && pending ? pending.featureCount - published.featureCount : null,
    schema: published && pending ? schemaDiff(published, pending) : null,
    metadataSince,
    metadata: foldChanges(rows),
  };
}

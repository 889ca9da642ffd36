/** Metadata people write about a layer (purpose, lineage, licence, KUGI code…, see
 *  server/routes/admin-metadata.ts for the fields), merged into what the layer has, with an
 *  audit row of the fields that changed (before and after) in the same transaction. */
import type { Db } from '../db/types.js';
import { canWrite, type Principal } from '../access.js';
import { writeAudit } from '../audit.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import type { Layer } from '../catalogue/layer.js';
import { httpError } from '../errors.js';

export interface MetadataChange {
  /** Fields merged into the layer's metadata (already checked by the caller). */
  fields: Record<string, unknown>;
  /** Fields that are mappings merged key by key into the stored one (null removes a key). */
  merged?: readonly string[];
  /** The KUGI feature code: a code, null to clear it, undefined to leave it. */
  kugiFcode?: string | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** `change` laid over `stored` key by key. A Map and fromEntries: keys are data (an attribute may
 *  be called __proto__), never a prototype. */
function mergeKeys(stored: unknown, change: unknown): Record<string, unknown> {
  const out = new Map(stored && typeof stored === 'object' && !Array.isArray(stored) ? Object.entries(stored) : []);
  for (const [k, v] of Object.entries(change as Record<string, unknown>)) {
    if (v === null) out.delete(k);
    else out.set(k, v);
  }
  return Object.fromEntries(out);
}

export async function writeLayerMetadata(db: Db, p: Principal, layer: Layer, change: MetadataChange): Promise<void> {
  if (!canWrite(p, layer.organisation)) throw httpError(403, `your role may not edit the metadata of ${layer.name}`);
  await db.transaction(async (tx) => {
    const row = (
      await tx.query<{ metadata: Record<string, unknown> | null; kugi_fcode: string | null }>(
        'SELECT metadata, kugi_fcode FROM simpul.layer WHERE id = $1 FOR UPDATE',
        [layer.id],
      )
    ).rows[0];
    if (!row) throw httpError(404, `no layer named ${layer.name}`);
    const now = row.metadata ?? {};
    const fields = Object.fromEntries(
      Object.entries(change.fields).map(([k, v]) => [k, change.merged?.includes(k) ? mergeKeys(now[k], v) : v]),
    );
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (same(now[k], v)) continue;
      before[k] = now[k] ?? null;
      after[k] = v;
    }
    if (change.kugiFcode !== undefined && !same(row.kugi_fcode, change.kugiFcode)) {
      before.kugiFcode = row.kugi_fcode;
      after.kugiFcode = change.kugiFcode;
    }
    if (!Object.keys(after).length) return;
    await tx.query(
      `UPDATE simpul.layer SET metadata = coalesce(metadata, '{}'::jsonb) || $2::jsonb, kugi_fcode = CASE WHEN $3::boolean THEN $4 ELSE kugi_fcode END, updated_at = now() WHERE id = $1`,
      [layer.id, JSON.stringify(fields), change.kugiFcode !== undefined, change.kugiFcode ?? null],
    );
    await writeAudit(tx, p, {
      action: 'layer.metadata',
      layer: { id: layer.id, name: layer.name },
      organisation: layer.organisation,
      before,
      after,
    });
    await bumpRevision(tx);
  });
}

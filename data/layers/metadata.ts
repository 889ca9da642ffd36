/** Metadata people write about a layer (purpose, lineage, licence, KUGI code…, see
 *  ./metadata-fields.ts for the fields and their checks), and its title, abstract and keywords,
 *  merged into what the layer has, with an audit row of the fields that changed (before and
 *  after) in the same transaction. */
import type { Db } from '../db/types.js';
import { canWrite, type Principal } from '../access.js';
import { writeAudit } from '../audit.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import type { Layer } from '../catalogue/layer.js';
import { httpError } from '../errors.js';
import { mergedFields, type MetadataChange } from './metadata-fields.js';

export type { MetadataChange } from './metadata-fields.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** Columns of simpul.layer a change may name besides the metadata, by the change's key. */
const COLUMNS = { kugiFcode: 'kugi_fcode', title: 'title', abstract: 'abstract', keywords: 'keywords' } as const;

export async function writeLayerMetadata(db: Db, p: Principal, layer: Layer, change: MetadataChange): Promise<void> {
  if (!canWrite(p, layer.organisation)) throw httpError(403, `your role may not edit the metadata of ${layer.name}`);
  if (change.title !== undefined && !change.title.trim()) throw httpError(400, 'title may not be empty');
  await db.transaction(async (tx) => {
    const row = (
      await tx.query<Record<string, unknown> & { metadata: Record<string, unknown> | null }>(
        'SELECT metadata, kugi_fcode, title, abstract, keywords FROM simpul.layer WHERE id = $1 FOR UPDATE',
        [layer.id],
      )
    ).rows[0];
    if (!row) throw httpError(404, `no layer named ${layer.name}`);
    const now = row.metadata ?? {};
    const fields = mergedFields(now, change);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (same(now[k], v)) continue;
      before[k] = now[k] ?? null;
      after[k] = v;
    }
    const columns: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(COLUMNS)) {
      const v = change[key as keyof typeof COLUMNS];
      if (v === undefined || same(row[column], v)) continue;
      before[key] = row[column];
      after[key] = v;
      columns[column] = v;
    }
    if (!Object.keys(after).length) return;
    const has = (c: string) => Object.hasOwn(columns, c);
    await tx.query(
      `UPDATE simpul.layer SET metadata = coalesce(metadata, '{}'::jsonb) || $2::jsonb,
         kugi_fcode = CASE WHEN $3::boolean THEN $4 ELSE kugi_fcode END,
         title = CASE WHEN $5::boolean THEN $6 ELSE title END,
         abstract = CASE WHEN $7::boolean THEN $8 ELSE abstract END,
         keywords = CASE WHEN $9::boolean THEN $10::text[] ELSE keywords END,
         updated_at = now() WHERE id = $1`,
      [
        layer.id,
        JSON.stringify(fields),
        has('kugi_fcode'),
        columns.kugi_fcode ?? null,
        has('title'),
        typeof columns.title === 'string' ? columns.title.trim() : null,
        has('abstract'),
        columns.abstract ?? null,
        has('keywords'),
        columns.keywords ?? null,
      ],
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

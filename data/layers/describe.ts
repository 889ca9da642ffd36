/** Changes to how a layer is described (title, abstract, keywords) by the people who may
 *  write to its organisation. The workflow and access class go through status.ts. */
import type { Db } from '../db/types.js';
import { canWrite, type Principal } from '../access.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import type { Layer } from '../catalogue/layer.js';
import { httpError } from '../errors.js';

export interface Description {
  title?: string;
  abstract?: string;
  keywords?: string[];
}

export async function describeLayer(db: Db, p: Principal, layer: Layer, d: Description): Promise<void> {
  if (d.title === undefined && d.abstract === undefined && d.keywords === undefined) return;
  if (!canWrite(p, layer.organisation))
    throw httpError(403, `your role may not change the description of ${layer.name}`);
  if (d.title !== undefined && !d.title.trim()) throw httpError(400, 'title may not be empty');
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE simpul.layer SET title = coalesce($2, title), abstract = coalesce($3, abstract), keywords = coalesce($4, keywords), updated_at = now()
       WHERE id = $1`,
      [layer.id, d.title?.trim() ?? null, d.abstract ?? null, d.keywords ?? null],
    );
    await bumpRevision(tx);
  });
}

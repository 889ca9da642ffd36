/** The workflow draft → verified → published, and changes of access class. */
import type { Db } from '../db/types.js';
import { canChangeStatus, canWrite, type AccessClass, type LayerStatus, type Principal, ACCESS_CLASSES, LAYER_STATUSES } from '../access.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import type { Layer } from '../catalogue/layer.js';

export class WorkflowError extends Error {
  constructor(message: string, readonly status = 403) {
    super(message);
  }
}

export async function changeLayer(db: Db, p: Principal, layer: Layer, change: { status?: LayerStatus; accessClass?: AccessClass }): Promise<void> {
  if (change.status && !LAYER_STATUSES.includes(change.status)) throw new WorkflowError(`status must be one of ${LAYER_STATUSES.join(', ')}`, 400);
  if (change.accessClass && !ACCESS_CLASSES.includes(change.accessClass)) throw new WorkflowError(`access class must be one of ${ACCESS_CLASSES.join(', ')}`, 400);
  if (change.status && change.status !== layer.status && !canChangeStatus(p, layer, change.status)) {
    throw new WorkflowError(`your role may not move ${layer.name} to ${change.status}`);
  }
  if (change.accessClass && change.accessClass !== layer.accessClass && !canWrite(p, layer.organisation)) {
    throw new WorkflowError(`your role may not change the access class of ${layer.name}`);
  }
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE simpul.layer SET status = coalesce($2, status), access_class = coalesce($3, access_class), updated_at = now(),
         published_at = CASE WHEN coalesce($2, status) = 'published' THEN coalesce(published_at, now()) ELSE NULL END
       WHERE id = $1`,
      [layer.id, change.status ?? null, change.accessClass ?? null],
    );
    await bumpRevision(tx);
  });
}

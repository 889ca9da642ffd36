/** Status changes through PATCH (each the workflow's step between two statuses, see
 *  data/layers/workflow.ts), and changes of access class. Each decision is
 *  checked against the layer as it is in the database (locked), and audited in the same
 *  transaction. */
import type { Db } from '../db/types.js';
import {
  actionBetween,
  canChangeAccess,
  canChangeStatus,
  canWrite,
  widens,
  type AccessClass,
  type LayerStatus,
  type Principal,
  type WorkflowOptions,
  ACCESS_CLASSES,
  DEFAULT_WORKFLOW_OPTIONS,
  LAYER_STATUSES,
} from '../access.js';
import { writeAudit } from '../audit.js';
import { httpError } from '../errors.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import type { Layer } from '../catalogue/layer.js';
import { setStatusDirectly, stepInTransaction } from './workflow.js';
import type { StepTaken } from '../notifications/workflow-mail.js';

export interface LayerChange {
  status?: LayerStatus;
  accessClass?: AccessClass;
  /** Why, for the audit trail. */
  reason?: string;
}

/** Returns the workflow step it took, if any (for its notification, sent after commit). */
export async function changeLayer(
  db: Db,
  p: Principal,
  layer: Layer,
  change: LayerChange,
  options: WorkflowOptions = DEFAULT_WORKFLOW_OPTIONS,
): Promise<StepTaken | null> {
  if (change.status && !LAYER_STATUSES.includes(change.status))
    throw httpError(400, `status must be one of ${LAYER_STATUSES.join(', ')}`);
  if (change.accessClass && !ACCESS_CLASSES.includes(change.accessClass))
    throw httpError(400, `access class must be one of ${ACCESS_CLASSES.join(', ')}`);
  if (!change.status && !change.accessClass) return null;
  return db.transaction(async (tx) => {
    const row = (
      await tx.query<{ access_class: AccessClass; status: LayerStatus }>(
        'SELECT access_class, status FROM simpul.layer WHERE id = $1 FOR UPDATE',
        [layer.id],
      )
    ).rows[0];
    if (!row) throw httpError(404, `no layer named ${layer.name}`);
    const now = { organisation: layer.organisation, accessClass: row.access_class, status: row.status };
    const status = change.status && change.status !== now.status ? change.status : undefined;
    const access = change.accessClass && change.accessClass !== now.accessClass ? change.accessClass : undefined;
    // A status is reached by the workflow's step between the two (data/access.ts WORKFLOW);
    // only an admin sets one directly.
    const step = status ? actionBetween(now.status, status) : undefined;
    const direct = !!status && p.kind === 'user' && p.role === 'admin';
    if (status && !direct && (!step || !canChangeStatus(p, now, status, options)))
      throw httpError(403, `your role may not move ${layer.name} to ${status}`);
    if (access) assertMayChangeAccess(p, layer.name, now, access);
    if (!status && !access) return null;

    const target = { id: layer.id, name: layer.name };
    if (access) {
      await tx.query('UPDATE simpul.layer SET access_class = $2, updated_at = now() WHERE id = $1', [layer.id, access]);
      await writeAudit(tx, p, {
        action: 'layer.access',
        layer: target,
        organisation: layer.organisation,
        before: { accessClass: now.accessClass },
        after: { accessClass: access },
        reason: change.reason,
      });
    }
    let taken: StepTaken | null = null;
    if (status && direct) await setStatusDirectly(tx, p, layer, now.status, status, change.reason);
    else if (status && step)
      taken = (await stepInTransaction(tx, p, layer.id, step.action, { note: change.reason, options })).taken;
    await bumpRevision(tx);
    return taken;
  });
}

/** Throws the sentence a caller should read when it may not move a layer to another access class. */
export function assertMayChangeAccess(
  p: Principal,
  name: string,
  layer: { organisation: string; accessClass: AccessClass; status: LayerStatus },
  to: AccessClass,
): void {
  if (canChangeAccess(p, layer, to)) return;
  if (widens(layer.accessClass, to) && canWrite(p, layer.organisation)) {
    throw httpError(
      403,
      `only the walidata may widen access to ${name} (${layer.accessClass} → ${to}); your role may only narrow it: ask the walidata`,
    );
  }
  throw httpError(403, `your role may not change the access class of ${name}`);
}

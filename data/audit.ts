/** The audit trail: one row per decision on a layer, written in the transaction of the change
 *  itself, so a change is never without its row nor a row without its change. */
import type { Queryable } from './db/types.js';
import type { Principal } from './access.js';

/** Action names, `subject.verb`; later workflow steps add theirs. */
export type AuditAction = 'layer.access' | 'layer.status' | 'layer.replace' | 'layer.delete' | (string & {});

export interface AuditEntry {
  action: AuditAction;
  /** The layer acted on, if the subject is a layer; its owner is the row's organisation. */
  layer?: { id: string; name: string; organisation?: string };
  /** The organisation concerned when the subject is not a layer (a user's, the one edited). */
  organisation?: string | null;
  /** What else was acted on: a username, a token id, an organisation code. */
  subject?: string | null;
  /** The client's address, where the change came over HTTP. */
  address?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  layerId: string | null;
  layerName: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  organisation: string | null;
  subject: string | null;
  address: string | null;
}

/** Who acted: a signed-in user, or the node itself (the CLI and the demo run with the database's keys). */
function actorOf(p: Principal | undefined): { actor: string; role: string | null } {
  if (p?.kind === 'user') return { actor: p.username, role: p.role };
  return { actor: p ? 'anonymous' : 'system', role: null };
}

export async function writeAudit(tx: Queryable, actor: Principal | undefined, e: AuditEntry): Promise<void> {
  const who = actorOf(actor);
  await tx.query(
    `INSERT INTO simpul.audit (actor, actor_role, action, layer_id, layer_name, before, after, reason, organisation, subject, address)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11)`,
    [
      who.actor,
      who.role,
      e.action,
      e.layer?.id ?? null,
      e.layer?.name ?? null,
      JSON.stringify(e.before ?? null),
      JSON.stringify(e.after ?? null),
      e.reason ?? null,
      e.organisation ?? e.layer?.organisation ?? null,
      e.subject ?? null,
      e.address ?? null,
    ],
  );
}

/** A layer's trail, newest first. */
export async function layerAudit(db: Queryable, layerId: string, limit = 100): Promise<AuditRow[]> {
  const r = await db.query<Record<string, any>>(
    `SELECT id::float8 AS id, at, actor, actor_role, action, layer_id::text AS layer_id, layer_name, before, after, reason, organisation, subject, address
       FROM simpul.audit WHERE layer_id = $1 ORDER BY id DESC LIMIT $2`,
    [layerId, limit],
  );
  return r.rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    actorRole: row.actor_role,
    action: row.action,
    layerId: row.layer_id,
    layerName: row.layer_name,
    before: row.before,
    after: row.after,
    reason: row.reason,
    organisation: row.organisation,
    subject: row.subject,
    address: row.address,
  }));
}

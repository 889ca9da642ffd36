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
  return r.rows.map(auditRow);
}

function auditRow(row: Record<string, any>): AuditRow {
  return {
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
  };
}

export interface AuditFilter {
  layerId?: string;
  layerName?: string;
  organisation?: string;
  actor?: string;
  /** An action, or a prefix ending in a dot (`layer.`). */
  action?: string;
  since?: Date;
  until?: Date;
  /** Only rows concerning this organisation (a produsen reads its own organisation's trail). */
  scope?: string;
  limit: number;
  offset: number;
}

/** The trail filtered by layer, organisation, user, action and time, newest first, one page. A row
 *  concerns an organisation if it names it, or names one of its layers (rows written before the
 *  organisation column existed). */
export async function queryAudit(
  db: Queryable,
  f: AuditFilter,
): Promise<{ entries: AuditRow[]; numberMatched: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  const ofOrg = (n: string) =>
    `(organisation = ${n} OR (organisation IS NULL AND left(layer_name, length(${n}) + 1) = ${n} || ':'))`;
  if (f.layerId) add((n) => `layer_id = ${n}::uuid`, f.layerId);
  else if (f.layerName) add((n) => `layer_name = ${n}`, f.layerName);
  if (f.organisation) add(ofOrg, f.organisation);
  if (f.scope) add(ofOrg, f.scope);
  if (f.actor) add((n) => `actor = ${n}`, f.actor);
  if (f.action?.endsWith('.')) add((n) => `left(action, length(${n})) = ${n}`, f.action);
  else if (f.action) add((n) => `action = ${n}`, f.action);
  if (f.since) add((n) => `at >= ${n}::timestamptz`, f.since.toISOString());
  if (f.until) add((n) => `at <= ${n}::timestamptz`, f.until.toISOString());
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = await db.query<{ n: number }>(`SELECT count(*)::float8 AS n FROM simpul.audit ${w}`, params);
  const r = await db.query<Record<string, any>>(
    `SELECT id::float8 AS id, at, actor, actor_role, action, layer_id::text AS layer_id, layer_name, before, after, reason, organisation, subject, address
       FROM simpul.audit ${w} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { entries: r.rows.map(auditRow), numberMatched: Number(count.rows[0]?.n ?? 0) };
}

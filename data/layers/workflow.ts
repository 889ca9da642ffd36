/** The Satu Data review workflow's steps (data/access.ts WORKFLOW says who may take which), the
 *  publication gate (data/layers/standard.ts) and the inboxes. Each step is decided on the layer
 *  as it is in the database (locked), and audited in the same transaction. */
import type { Db, Queryable } from '../db/types.js';
import {
  actionsFor,
  canRead,
  mayTakeAction,
  transitionOf,
  WORKFLOW_ACTIONS,
  DEFAULT_WORKFLOW_OPTIONS,
  type LayerStatus,
  type Principal,
  type WorkflowAction,
  type WorkflowOptions,
} from '../access.js';
import { writeAudit } from '../audit.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import { LAYER_COLUMNS, layerFromRow, type Layer } from '../catalogue/layer.js';
import { ORGANISATION_COLUMNS, organisationFromRow, type Organisation } from '../organisations.js';
import { OgcError } from '../errors.js';
import { checkStandard, parseStandard, standardFrom, type Missing, type PublicationStandard } from './standard.js';
import type { StepTaken } from '../notifications/workflow-mail.js';
import { DEFAULT_KEEP_VERSIONS, versionStep, type VersionStepResult } from './versions.js';

export const MAX_NOTE = 2000;

export interface StepRequest {
  note?: string | null;
  /** The version a version step acts on (required to roll back; else the one waiting). */
  version?: number;
  /** Versions kept with their data when another is served (settings: versions.keep). */
  keepVersions?: number;
  /** The client's address, for the audit trail. */
  address?: string | null;
  options?: WorkflowOptions;
}

export interface StepResult {
  action: WorkflowAction;
  before: LayerStatus;
  after: LayerStatus;
  /** A version step: which version, its status before and after. */
  version?: VersionStepResult;
}

/** A step and what its notification tells (data/notifications/workflow-mail.ts, sent after commit). */
export interface StepDone extends StepResult {
  taken: StepTaken;
}

const SET_BY_ACTION: Record<WorkflowAction, string> = {
  submit: 'status_changed_at = now()',
  withdraw: 'status_changed_at = now()',
  verify: 'status_changed_at = now()',
  return: 'status_changed_at = now()',
  publish: 'status_changed_at = now(), published_at = coalesce(published_at, now())',
  'request-retirement': 'retirement_requested_at = now()',
  'decline-retirement': 'retirement_requested_at = NULL',
  retire: 'status_changed_at = now(), retired_at = now(), retirement_requested_at = NULL',
  restore: 'status_changed_at = now(), retired_at = NULL',
  // Version steps leave the layer's status; data/layers/versions.ts moves the version.
  'verify-version': '',
  'return-version': '',
  'withdraw-version': '',
  'publish-version': '',
  rollback: '',
};

/** The layer's organisation as the metadata record names it (its contact), read from the database. */
async function ownerOf(tx: Queryable, code: string): Promise<Organisation | undefined> {
  const r = (
    await tx.query<Record<string, any>>(`SELECT ${ORGANISATION_COLUMNS} FROM simpul.organisation WHERE code = $1`, [
      code,
    ])
  ).rows[0];
  return r && organisationFromRow(r);
}

export async function readStandard(
  q: Queryable,
): Promise<{ standard: PublicationStandard; updatedAt: string; updatedBy: string }> {
  const r = (
    await q.query<Record<string, any>>(
      'SELECT standard, updated_at, updated_by FROM simpul.publication_standard WHERE id = 1',
    )
  ).rows[0];
  return {
    standard: standardFrom(r?.standard),
    updatedAt: r ? new Date(r.updated_at).toISOString() : new Date(0).toISOString(),
    updatedBy: r?.updated_by ?? 'system',
  };
}

/** The pembina (or an admin) sets the standard; fields not named keep their value. Audited. */
export async function writeStandard(
  db: Db,
  p: Principal,
  body: unknown,
  address?: string | null,
): Promise<PublicationStandard> {
  if (p.kind !== 'user' || (p.role !== 'pembina' && p.role !== 'admin'))
    throw new OgcError(
      'Forbidden',
      'Only the pembina (or an admin) sets the publication standard / Hanya pembina data yang menetapkan standar',
    );
  return db.transaction(async (tx) => {
    const before = (
      await tx.query<{ standard: unknown }>('SELECT standard FROM simpul.publication_standard WHERE id = 1 FOR UPDATE')
    ).rows[0];
    const current = standardFrom(before?.standard);
    const next = parseStandard(body, current);
    await tx.query(
      `INSERT INTO simpul.publication_standard (id, standard, updated_at, updated_by) VALUES (1, $1::jsonb, now(), $2)
       ON CONFLICT (id) DO UPDATE SET standard = EXCLUDED.standard, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [JSON.stringify(next), p.username],
    );
    await writeAudit(tx, p, {
      action: 'standard.update',
      subject: 'publication-standard',
      organisation: p.organisation,
      before: current,
      after: next,
      address,
    });
    return next;
  });
}

/** What the layer lacks for the current standard (empty: it may be submitted). */
export async function gateOf(db: Queryable, layer: Layer): Promise<Missing[]> {
  const { standard } = await readStandard(db);
  return checkStandard(layer, await ownerOf(db, layer.organisation), standard);
}

const refusedByGate = (name: string, missing: Missing[]) =>
  new OgcError(
    'Conflict',
    `${name} does not meet the publication standard / belum memenuhi standar publikasi: ${missing.map((m) => m.element).join(', ')}`,
    undefined,
    409,
    { details: { missing } },
  );

/** Takes one step on a layer, inside the caller's transaction; the row is locked here. */
export async function stepInTransaction(
  tx: Queryable,
  p: Principal,
  layerId: string,
  action: string,
  req: StepRequest = {},
): Promise<StepDone> {
  const t = transitionOf(action);
  if (!t)
    throw new OgcError(
      'InvalidParameterValue',
      `Unknown workflow step "${action}": use ${WORKFLOW_ACTIONS.join(', ')}`,
      'action',
      400,
    );
  const row = (await tx.query(`SELECT ${LAYER_COLUMNS} FROM simpul.layer WHERE id = $1 FOR UPDATE`, [layerId])).rows[0];
  if (!row) throw new OgcError('NotFound', 'No such layer', 'layer', 404);
  const layer = layerFromRow(row);
  const options = req.options ?? DEFAULT_WORKFLOW_OPTIONS;
  if (!canRead(p, layer)) throw new OgcError('NotFound', `No layer named ${layer.name}`, 'layer', 404);
  if (!mayTakeAction(p, layer, t.action, options)) {
    // Allowed for this role from another status: the layer is in the wrong state (409); else the role may not (403).
    const fromAnywhere = t.from.some((status) => mayTakeAction(p, { ...layer, status }, t.action, options));
    if (fromAnywhere) {
      throw new OgcError(
        'Conflict',
        `${layer.name} is ${layer.status}: "${t.action}" is taken from ${t.from.join(' or ')} / langkah ini hanya dari status ${t.from.join(' atau ')}`,
        'action',
        409,
        {
          details: { status: layer.status, from: t.from },
        },
      );
    }
    throw new OgcError(
      'Forbidden',
      `Your role may not ${t.label.en} ${layer.name} / peran Anda tidak boleh ${t.label.id}`,
      'action',
      403,
    );
  }
  if (t.action === 'request-retirement' && layer.retirementRequestedAt)
    throw new OgcError('Conflict', `Retirement of ${layer.name} is already requested`, 'action', 409);
  if (t.action === 'decline-retirement' && !layer.retirementRequestedAt)
    throw new OgcError('Conflict', `Nobody asked to retire ${layer.name}`, 'action', 409);
  const note = typeof req.note === 'string' ? req.note.trim() : '';
  if (note.length > MAX_NOTE)
    throw new OgcError('InvalidParameterValue', `The note may have at most ${MAX_NOTE} characters`, 'note', 400);
  if (t.noteRequired && !note)
    throw new OgcError(
      'InvalidParameterValue',
      `"${t.action}" needs a note saying why / langkah ini wajib disertai catatan`,
      'note',
      400,
    );
  if (t.gate) {
    const { standard } = await readStandard(tx);
    const missing = checkStandard(layer, await ownerOf(tx, layer.organisation), standard);
    if (missing.length) throw refusedByGate(layer.name, missing);
  }
  const taken: StepTaken = {
    action: t.action,
    layer: { id: layer.id, name: layer.name, title: layer.title, organisation: layer.organisation },
    actor: p.kind === 'user' ? p.username : 'anonymous',
    note: note || null,
  };
  if (t.version) {
    const version = await versionStep(tx, p, layer, t, {
      version: req.version,
      note: note || null,
      keep: req.keepVersions ?? DEFAULT_KEEP_VERSIONS,
      address: req.address,
    });
    await bumpRevision(tx);
    return { action: t.action, before: layer.status, after: t.to, version, taken };
  }
  await tx.query(`UPDATE simpul.layer SET status = $2, ${SET_BY_ACTION[t.action]} WHERE id = $1`, [layer.id, t.to]);
  await writeAudit(tx, p, {
    action: `layer.${t.action}`,
    layer: { id: layer.id, name: layer.name },
    organisation: layer.organisation,
    before: { status: layer.status },
    after: { status: t.to },
    reason: note || null,
    address: req.address,
  });
  await bumpRevision(tx);
  return { action: t.action, before: layer.status, after: t.to, taken };
}

export const takeStep = (db: Db, p: Principal, layerId: string, action: string, req: StepRequest = {}) =>
  db.transaction((tx) => stepInTransaction(tx, p, layerId, action, req));

/** Sets a status directly, outside the steps: the node's own tools (the demo loader, `simpul
 *  publish` as admin) only. Audited as `layer.status`. */
export async function setStatusDirectly(
  tx: Queryable,
  p: Principal,
  layer: Pick<Layer, 'id' | 'name' | 'organisation'>,
  before: LayerStatus,
  to: LayerStatus,
  reason?: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE simpul.layer SET status = $2, updated_at = now(), status_changed_at = now(),
       published_at = CASE WHEN $2 IN ('published', 'retired') THEN coalesce(published_at, now()) ELSE published_at END,
       retired_at = CASE WHEN $2 = 'retired' THEN coalesce(retired_at, now()) ELSE NULL END,
       retirement_requested_at = CASE WHEN $2 = 'published' THEN retirement_requested_at ELSE NULL END
     WHERE id = $1`,
    [layer.id, to],
  );
  await writeAudit(tx, p, {
    action: 'layer.status',
    layer: { id: layer.id, name: layer.name },
    organisation: layer.organisation,
    before: { status: before },
    after: { status: to },
    reason,
  });
}

/** What waits in an inbox: a status, a published layer whose produsen asked to retire it, or a
 *  new version of a published layer's data waiting for review. */
export type InboxKind =
  'draft' | 'submitted' | 'returned' | 'verified' | 'retirement-requested' | 'version-pending' | 'version-verified';
export const INBOX_KINDS: readonly InboxKind[] = [
  'draft',
  'submitted',
  'returned',
  'verified',
  'retirement-requested',
  'version-pending',
  'version-verified',
];

/** Which kinds wait for each role; an item is listed only if the caller may take a step on it
 *  (so the pembina sees submissions only when it verifies, a produsen only its own organisation's). */
const INBOX: Readonly<Record<'produsen' | 'walidata' | 'pembina' | 'admin', readonly InboxKind[]>> = {
  produsen: ['returned', 'draft'],
  walidata: ['submitted', 'verified', 'retirement-requested', 'version-pending', 'version-verified'],
  pembina: ['submitted', 'version-pending'],
  admin: ['submitted', 'verified', 'retirement-requested', 'version-pending', 'version-verified'],
};

/** A published layer waits for a decision on its new version first, then on its retirement. */
export const inboxKind = (l: Layer): InboxKind | null => {
  if (l.status === 'published' && l.versions?.waiting) return `version-${l.versions.waiting.status}`;
  return l.status === 'published'
    ? l.retirementRequestedAt
      ? 'retirement-requested'
      : null
    : l.status === 'retired'
      ? null
      : l.status;
};

export const waitingSince = (l: Layer): Date => {
  const kind = inboxKind(l);
  if (kind === 'version-pending' || kind === 'version-verified') return l.versions!.waiting!.since;
  return kind === 'retirement-requested' ? l.retirementRequestedAt! : (l.statusChangedAt ?? l.updatedAt);
};

export interface InboxFilter {
  kinds?: InboxKind[];
  organisation?: string;
  since?: Date;
  until?: Date;
  limit: number;
  offset: number;
}

export interface InboxItem {
  layer: Layer;
  kind: InboxKind;
  waitingSince: Date;
  actions: WorkflowAction[];
}

/** The caller's inbox from the catalogue's layers, oldest waiting first, one page of it. */
export function inbox(
  p: Principal,
  layers: Iterable<Layer>,
  f: InboxFilter,
  options: WorkflowOptions = DEFAULT_WORKFLOW_OPTIONS,
): { items: InboxItem[]; numberMatched: number } {
  if (p.kind !== 'user') return { items: [], numberMatched: 0 };
  const mine = INBOX[p.role];
  const all: InboxItem[] = [];
  for (const layer of layers) {
    const kind = inboxKind(layer);
    if (!kind || !mine.includes(kind) || (f.kinds && !f.kinds.includes(kind))) continue;
    if (f.organisation && layer.organisation !== f.organisation) continue;
    const since = waitingSince(layer);
    if ((f.since && since < f.since) || (f.until && since > f.until)) continue;
    const actions = actionsFor(p, layer, options);
    if (!actions.length) continue;
    all.push({ layer, kind, waitingSince: since, actions });
  }
  all.sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || a.layer.name.localeCompare(b.layer.name));
  return { items: all.slice(f.offset, f.offset + f.limit), numberMatched: all.length };
}

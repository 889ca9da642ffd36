/** The one security model. Every read path (layer lists, capabilities, features, maps,
 *  tiles, records) asks `canRead`; every write asks `canWrite`/`canChangeStatus`. */

export type Role = 'produsen' | 'walidata' | 'pembina' | 'admin';
export type AccessClass = 'PUBLIC' | 'GOVERNMENT' | 'PRIVATE' | 'IGSTRATEGIS';
/** Satu Data (Perpres 39/2019): the produsen drafts and submits, the walidata (and, by default,
 *  the pembina) checks conformity and verifies or returns, the walidata disseminates (publishes)
 *  and may retire a published layer and restore it. */
export type LayerStatus = 'draft' | 'submitted' | 'returned' | 'verified' | 'published' | 'retired';

/** A version of a layer's data (data/layers/versions.ts): waiting for review (`pending`,
 *  `verified`), served (`current`), kept for a rollback (`archived`), or gone with its table
 *  (`returned`, `withdrawn`, `pruned`). */
export type VersionStatus = 'pending' | 'verified' | 'current' | 'archived' | 'returned' | 'withdrawn' | 'pruned';

export const ACCESS_CLASSES: readonly AccessClass[] = ['PUBLIC', 'GOVERNMENT', 'PRIVATE', 'IGSTRATEGIS'];
export const LAYER_STATUSES: readonly LayerStatus[] = [
  'draft',
  'submitted',
  'returned',
  'verified',
  'published',
  'retired',
];
export const ROLES: readonly Role[] = ['produsen', 'walidata', 'pembina', 'admin'];

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; username: string; role: Role; organisation: string | null; orgAdmin?: boolean };

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

/** What the rules need to know of a layer. */
export interface Guarded {
  organisation: string;
  accessClass: AccessClass;
  status: LayerStatus;
  /** Its versions, when known (the catalogue's picture): the one waiting for review, and those
   *  kept for a rollback. Unknown: the version steps are checked on the version itself. */
  versions?: { waiting: { status: 'pending' | 'verified' } | null; archived: readonly number[] };
  /** When its produsen asked to retire it (null: nobody asked); undefined: unknown (the step checks). */
  retirementRequestedAt?: Date | null;
}

/**
 * May this caller know that the layer exists? Those who may not see a layer never learn of it:
 * it is absent from lists and answers "not found", never "forbidden".
 * - anonymous: PUBLIC and published only;
 * - any government user (an authenticated account): also GOVERNMENT, once published;
 * - the owning organisation's users: all of their own layers, in every status and class but IGSTRATEGIS;
 * - walidata (custodian) and pembina (supervisor): every layer in every status but IGSTRATEGIS,
 *   and PRIVATE only for walidata (and the owner);
 * - admin: everything.
 * A retired layer (taken out of service, kept archived) is seen only by its organisation, the
 * walidata and admins.
 */
export function canRead(p: Principal, layer: Guarded): boolean {
  if (p.kind === 'anonymous') return layer.accessClass === 'PUBLIC' && layer.status === 'published';
  if (p.role === 'admin') return true;
  if (layer.accessClass === 'IGSTRATEGIS') return false;
  const own = p.organisation === layer.organisation;
  if (own || p.role === 'walidata') return true;
  if (layer.status === 'retired') return false;
  if (layer.accessClass === 'PRIVATE') return false;
  if (p.role === 'pembina') return true;
  return layer.status === 'published';
}

/** May this caller add to, change or delete the layers of an organisation? */
export function canWrite(p: Principal, organisation: string): boolean {
  if (p.kind === 'anonymous') return false;
  if (p.role === 'admin' || p.role === 'walidata') return true;
  return p.role === 'produsen' && p.organisation === organisation;
}

/** A step of the workflow, taken by a person and written to the audit trail. */
export type WorkflowAction =
  | 'submit'
  | 'withdraw'
  | 'verify'
  | 'return'
  | 'publish'
  | 'request-retirement'
  | 'decline-retirement'
  | 'retire'
  | 'restore'
  | 'verify-version'
  | 'return-version'
  | 'withdraw-version'
  | 'publish-version'
  | 'rollback';

/** Who of a role may take a step: `any` every user of the role, `own` only the layer's own
 *  organisation's, `if-pembina-verifies` the pembina when the city lets it verify
 *  (SIMPUL_PEMBINA_VERIFIES, default on). Admin may take every step. */
export type Grant = 'any' | 'own' | 'if-pembina-verifies';

export interface Transition {
  action: WorkflowAction;
  from: readonly LayerStatus[];
  /** The status after the step (the same for the retirement request, which only flags the layer). */
  to: LayerStatus;
  roles: Readonly<Partial<Record<Role, Grant>>>;
  /** A note is required: what to fix (return), why (retirement). */
  noteRequired: boolean;
  /** The pembina's publication standard must be met (data/layers/workflow.ts checks it). */
  gate: boolean;
  label: { id: string; en: string };
  /** A step on one version of the layer's data rather than on the layer: the version's status
   *  before and after (the layer's own status stays). */
  version?: { from: readonly VersionStatus[]; to: VersionStatus };
}

export interface WorkflowOptions {
  /** The pembina may verify and return as well as set the standard (SIMPUL_PEMBINA_VERIFIES). */
  pembinaVerifies: boolean;
}

export const DEFAULT_WORKFLOW_OPTIONS: WorkflowOptions = Object.freeze({ pembinaVerifies: true });

const REVIEWERS = { walidata: 'any', pembina: 'if-pembina-verifies' } as const;

/** The workflow as a table of transitions × roles: the one place that says who may take which
 *  step. The README's table is generated from it (test/unit/workflow-table.test.ts checks). The
 *  walidata cannot publish a draft: a layer is submitted, verified, then published. */
export const WORKFLOW: readonly Transition[] = [
  {
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: { produsen: 'own' },
    noteRequired: false,
    gate: true,
    label: { id: 'ajukan', en: 'submit' },
  },
  {
    action: 'withdraw',
    from: ['submitted'],
    to: 'draft',
    roles: { produsen: 'own' },
    noteRequired: false,
    gate: false,
    label: { id: 'tarik pengajuan', en: 'withdraw the submission' },
  },
  {
    action: 'verify',
    from: ['submitted'],
    to: 'verified',
    roles: REVIEWERS,
    noteRequired: false,
    gate: true,
    label: { id: 'verifikasi', en: 'verify' },
  },
  {
    action: 'return',
    from: ['submitted', 'verified'],
    to: 'returned',
    roles: REVIEWERS,
    noteRequired: true,
    gate: false,
    label: { id: 'kembalikan', en: 'return to the produsen' },
  },
  {
    action: 'publish',
    from: ['verified'],
    to: 'published',
    roles: { walidata: 'any' },
    noteRequired: false,
    gate: false,
    label: { id: 'sebarluaskan', en: 'publish' },
  },
  {
    action: 'request-retirement',
    from: ['published'],
    to: 'published',
    roles: { produsen: 'own' },
    noteRequired: true,
    gate: false,
    label: { id: 'minta penarikan', en: 'request retirement' },
  },
  {
    action: 'decline-retirement',
    from: ['published'],
    to: 'published',
    roles: { walidata: 'any' },
    noteRequired: true,
    gate: false,
    label: { id: 'tolak penarikan', en: 'decline the retirement request' },
  },
  {
    action: 'retire',
    from: ['published'],
    to: 'retired',
    roles: { walidata: 'any' },
    noteRequired: true,
    gate: false,
    label: { id: 'tarik', en: 'retire' },
  },
  {
    action: 'restore',
    from: ['retired'],
    to: 'published',
    roles: { walidata: 'any' },
    noteRequired: false,
    gate: false,
    label: { id: 'pulihkan', en: 'restore' },
  },
  // A data update of a published layer is a new version, reviewed like a first publication: the
  // upload is its submission, a reviewer verifies or returns it, the walidata publishes it (the
  // switch), and may roll back to a kept version. The published version is served meanwhile.
  {
    action: 'verify-version',
    from: ['published'],
    to: 'published',
    version: { from: ['pending'], to: 'verified' },
    roles: REVIEWERS,
    noteRequired: false,
    gate: true,
    label: { id: 'verifikasi versi', en: 'verify the new version' },
  },
  {
    action: 'return-version',
    from: ['published'],
    to: 'published',
    version: { from: ['pending', 'verified'], to: 'returned' },
    roles: REVIEWERS,
    noteRequired: true,
    gate: false,
    label: { id: 'kembalikan versi', en: 'return the new version' },
  },
  {
    action: 'withdraw-version',
    from: ['published'],
    to: 'published',
    version: { from: ['pending', 'verified'], to: 'withdrawn' },
    roles: { produsen: 'own' },
    noteRequired: false,
    gate: false,
    label: { id: 'tarik versi', en: 'withdraw the new version' },
  },
  {
    action: 'publish-version',
    from: ['published'],
    to: 'published',
    version: { from: ['verified'], to: 'current' },
    roles: { walidata: 'any' },
    noteRequired: false,
    gate: false,
    label: { id: 'sebarluaskan versi', en: 'publish the new version' },
  },
  {
    action: 'rollback',
    from: ['published'],
    to: 'published',
    version: { from: ['archived'], to: 'current' },
    roles: { walidata: 'any' },
    noteRequired: true,
    gate: false,
    label: { id: 'kembalikan ke versi lama', en: 'roll back to a kept version' },
  },
];

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = WORKFLOW.map((t) => t.action);

export const transitionOf = (action: string): Transition | undefined => WORKFLOW.find((t) => t.action === action);

/** Does the grant let this user take the step on a layer of that organisation? */
function granted(
  p: Extract<Principal, { kind: 'user' }>,
  g: Grant | undefined,
  organisation: string,
  opts: WorkflowOptions,
): boolean {
  if (g === 'any') return true;
  if (g === 'own') return p.organisation === organisation;
  if (g === 'if-pembina-verifies') return opts.pembinaVerifies;
  return false;
}

/** Has the layer a version the step applies to? Unknown versions: yes (the step checks). */
function versionReady(t: Transition, layer: Guarded): boolean {
  if (!t.version || !layer.versions) return true;
  const v = layer.versions;
  return t.version.from.some((s) => (s === 'archived' ? v.archived.length > 0 : v.waiting?.status === s));
}

/** A retirement is asked for once, and declined only when asked for. Unknown: yes (the step checks). */
function retirementReady(action: WorkflowAction, layer: Guarded): boolean {
  if (layer.retirementRequestedAt === undefined) return true;
  if (action === 'request-retirement') return layer.retirementRequestedAt === null;
  if (action === 'decline-retirement') return layer.retirementRequestedAt !== null;
  return true;
}

/** May this caller take this step on the layer as it is now? Only from the statuses the table
 *  lists, only roles it grants (admin: every step), and only on a layer the caller can see. */
export function mayTakeAction(
  p: Principal,
  layer: Guarded,
  action: WorkflowAction,
  opts: WorkflowOptions = DEFAULT_WORKFLOW_OPTIONS,
): boolean {
  const t = transitionOf(action);
  if (!t || p.kind === 'anonymous' || !canRead(p, layer) || !t.from.includes(layer.status) || !versionReady(t, layer))
    return false;
  if (!retirementReady(action, layer)) return false;
  return p.role === 'admin' || granted(p, t.roles[p.role], layer.organisation, opts);
}

/** The steps this caller may take on the layer now. */
export const actionsFor = (
  p: Principal,
  layer: Guarded,
  opts: WorkflowOptions = DEFAULT_WORKFLOW_OPTIONS,
): WorkflowAction[] => WORKFLOW_ACTIONS.filter((a) => mayTakeAction(p, layer, a, opts));

/** The step that moves a layer from one status to another, if the workflow has one. */
export const actionBetween = (from: LayerStatus, to: LayerStatus): Transition | undefined =>
  WORKFLOW.find((t) => t.from.includes(from) && t.to === to && t.to !== from);

/** May this caller move a layer to a status (the step between them, see WORKFLOW)? Admin may set
 *  any status directly (the node's own tools: the demo, `simpul publish`). */
export function canChangeStatus(
  p: Principal,
  layer: Guarded,
  to: LayerStatus,
  opts: WorkflowOptions = DEFAULT_WORKFLOW_OPTIONS,
): boolean {
  if (p.kind === 'anonymous' || !canRead(p, layer)) return false;
  if (p.role === 'admin') return true;
  if (to === layer.status) return canWrite(p, layer.organisation);
  const t = actionBetween(layer.status, to);
  return !!t && mayTakeAction(p, layer, t.action, opts);
}

/** Who may delete a layer, by status: a produsen only what was never published (draft,
 *  returned; a published layer is retired instead, and kept), the walidata the same, admin all. */
const DELETABLE: Readonly<Record<Role, readonly LayerStatus[]>> = {
  produsen: ['draft', 'returned'],
  walidata: ['draft', 'returned'],
  pembina: [],
  admin: LAYER_STATUSES,
};

export function canDelete(p: Principal, layer: Guarded): boolean {
  if (p.kind === 'anonymous' || !canRead(p, layer) || !canWrite(p, layer.organisation)) return false;
  return DELETABLE[p.role].includes(layer.status);
}

const GRANT_TEXT: Record<Grant, string> = {
  any: 'ya / yes',
  own: 'organisasinya / own organisation',
  'if-pembina-verifies': 'ya jika / yes if `SIMPUL_PEMBINA_VERIFIES`',
};

/** The README's table of the workflow, made from WORKFLOW. */
export function workflowMarkdown(): string {
  const head =
    '| Langkah / step | dari / from | ke / to | produsen | walidata | pembina | admin | catatan / note | standar / gate |\n|---|---|---|---|---|---|---|---|---|';
  const rows = WORKFLOW.map((t) => {
    const role = (r: Role) => (r === 'admin' ? 'ya / yes' : t.roles[r] ? GRANT_TEXT[t.roles[r]!] : '—');
    const v = (layer: string, version?: string) => (version ? `${layer}; versi / version ${version}` : layer);
    return `| \`${t.action}\` (${t.label.id} / ${t.label.en}) | ${v(t.from.join(', '), t.version?.from.join(', '))} | ${v(t.to, t.version?.to)} | ${role('produsen')} | ${role('walidata')} | ${role('pembina')} | ${role('admin')} | ${t.noteRequired ? 'wajib / required' : '—'} | ${t.gate ? 'ya / yes' : '—'} |`;
  });
  return [head, ...rows].join('\n');
}

/** How widely each class is read, widest first: PUBLIC (everyone), GOVERNMENT (any government
 *  user), PRIVATE (the owner, the walidata), IGSTRATEGIS (admin only, see canRead). */
export const ACCESS_BREADTH: Readonly<Record<AccessClass, number>> = {
  PUBLIC: 3,
  GOVERNMENT: 2,
  PRIVATE: 1,
  IGSTRATEGIS: 0,
};

export const widens = (from: AccessClass, to: AccessClass) => ACCESS_BREADTH[to] > ACCESS_BREADTH[from];

/**
 * May this caller move a layer from one access class to another? Widening access is a workflow
 * decision of the walidata (or an admin), like publishing; narrowing protects data, so whoever
 * may write the organisation's layers (its produsen, the walidata, admin) may do it. The pembina
 * supervises and verifies but does not write layers, so it changes no class.
 */
export function canChangeAccess(p: Principal, layer: Guarded, to: AccessClass): boolean {
  if (p.kind === 'anonymous' || !canRead(p, layer)) return false;
  if (to === layer.accessClass) return true;
  if (widens(layer.accessClass, to)) return p.role === 'walidata' || p.role === 'admin';
  return canWrite(p, layer.organisation);
}

/** May this caller read a layer's versions (their counts, extents, schema changes)? Those who
 *  keep or review it: its organisation, the walidata, the pembina and admins. */
export function canSeeVersions(p: Principal, layer: Guarded): boolean {
  if (p.kind === 'anonymous' || !canRead(p, layer)) return false;
  return p.role !== 'produsen' || p.organisation === layer.organisation;
}

export const isAdmin = (p: Principal) => p.kind === 'user' && p.role === 'admin';

/**
 * A key naming everything a caller may see: two callers with the same key see the same layers.
 * Caches of capabilities, tiles and records are keyed by it so nothing leaks between scopes.
 */
export function visibilityScope(p: Principal): string {
  if (p.kind === 'anonymous') return 'anon';
  if (p.role === 'admin' || p.role === 'walidata') return p.role;
  return `${p.role}:${p.organisation ?? '-'}`;
}

/** An organisation's own administrator (app_user.is_org_admin): edits its organisation's profile
 *  and manages its users, whatever its role. */
export const isOrgAdminOf = (p: Principal, organisation: string | null) =>
  p.kind === 'user' && !!p.orgAdmin && !!organisation && p.organisation === organisation;

/** The walidata and admins keep every organisation and every account. */
const keepsEveryone = (p: Principal) => p.kind === 'user' && (p.role === 'admin' || p.role === 'walidata');

/** May this caller edit an organisation's profile (contacts, address…)? */
export function canEditOrganisation(p: Principal, code: string): boolean {
  return keepsEveryone(p) || isOrgAdminOf(p, code);
}

/**
 * May this caller create, disable, re-enable or reset the password of this account (as it is,
 * and as it would be after the change)? Admins: anyone. The walidata: anyone but admin accounts.
 * An organisation's admin: its own organisation's produsen and pembina, never walidata or admin
 * accounts, and it grants no organisation-admin right (that stays with the walidata and admins).
 */
export function canManageUser(
  p: Principal,
  target: { role: Role; organisation: string | null; orgAdmin?: boolean },
): boolean {
  if (p.kind !== 'user') return false;
  if (p.role === 'admin') return true;
  if (p.role === 'walidata') return target.role !== 'admin';
  if (target.role === 'admin' || target.role === 'walidata' || target.orgAdmin) return false;
  return isOrgAdminOf(p, target.organisation);
}

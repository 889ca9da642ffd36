/** The one security model. Every read path (layer lists, capabilities, features, maps,
 *  tiles, records) asks `canRead`; every write asks `canWrite`/`canChangeStatus`. */

export type Role = 'produsen' | 'walidata' | 'pembina' | 'admin';
export type AccessClass = 'PUBLIC' | 'GOVERNMENT' | 'PRIVATE' | 'IGSTRATEGIS';
export type LayerStatus = 'draft' | 'verified' | 'published';

export const ACCESS_CLASSES: readonly AccessClass[] = ['PUBLIC', 'GOVERNMENT', 'PRIVATE', 'IGSTRATEGIS'];
export const LAYER_STATUSES: readonly LayerStatus[] = ['draft', 'verified', 'published'];
export const ROLES: readonly Role[] = ['produsen', 'walidata', 'pembina', 'admin'];

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; username: string; role: Role; organisation: string | null };

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

/** What the rules need to know of a layer. */
export interface Guarded {
  organisation: string;
  accessClass: AccessClass;
  status: LayerStatus;
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
 */
export function canRead(p: Principal, layer: Guarded): boolean {
  if (p.kind === 'anonymous') return layer.accessClass === 'PUBLIC' && layer.status === 'published';
  if (p.role === 'admin') return true;
  if (layer.accessClass === 'IGSTRATEGIS') return false;
  const own = p.organisation === layer.organisation;
  if (own || p.role === 'walidata') return true;
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

/** The workflow draft → verified → published: the producer drafts, the pembina verifies,
 *  the walidata publishes; each may send a layer back; admin may do anything. */
export function canChangeStatus(p: Principal, layer: Guarded, to: LayerStatus): boolean {
  if (p.kind === 'anonymous' || !canRead(p, layer)) return false;
  if (p.role === 'admin') return true;
  if (to === 'draft') return canWrite(p, layer.organisation) || p.role === 'pembina';
  if (to === 'verified') return p.role === 'pembina' || p.role === 'walidata';
  return p.role === 'walidata';
}

/** How widely each class is read, widest first: PUBLIC (everyone), GOVERNMENT (any government
 *  user), PRIVATE (the owner, the walidata), IGSTRATEGIS (admin only, see canRead). */
export const ACCESS_BREADTH: Readonly<Record<AccessClass, number>> = { PUBLIC: 3, GOVERNMENT: 2, PRIVATE: 1, IGSTRATEGIS: 0 };

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

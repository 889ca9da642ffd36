/** The catalogue in memory: every layer, loaded once and reloaded when the catalogue
 *  revision moves, so that request paths never count or measure anything. Every read
 *  takes the caller's Principal and goes through `canRead`. */
import type { Db, Queryable } from '../db/types.js';
import { canRead, type Principal } from '../access.js';
import { ORGANISATIONS, ORGANISATION_COLUMNS, organisationFromRow, type Organisation } from '../organisations.js';
import { LAYER_COLUMNS, layerFromRow, type Layer, type LayerVersions } from './layer.js';

export class Catalogue {
  private byName = new Map<string, Layer>();
  private byId = new Map<string, Layer>();
  private sorted: Layer[] = [];
  private orgs = new Map<string, Organisation>(ORGANISATIONS.map((o) => [o.code, o]));
  /** Moves whenever a layer, its data, style or metadata changes. */
  revision = 0;
  private lastCheck = 0;
  private listeners: Array<() => void> = [];

  constructor(readonly db: Db) {}

  static async open(db: Db): Promise<Catalogue> {
    const c = new Catalogue(db);
    await c.reload();
    return c;
  }

  async reload(): Promise<void> {
    const [layers, rev, orgs, versions] = await Promise.all([
      this.db.query(`SELECT ${LAYER_COLUMNS} FROM simpul.layer ORDER BY name`),
      this.db.query<{ revision: number }>('SELECT revision FROM simpul.catalogue_revision'),
      this.db.query(`SELECT ${ORGANISATION_COLUMNS} FROM simpul.organisation ORDER BY code`),
      this.db.query(`SELECT layer_id, version, status, status_changed_at, created_by FROM simpul.layer_version
        WHERE status IN ('pending', 'verified', 'archived') ORDER BY layer_id, version`),
    ]);
    const byLayer = versionsByLayer(versions.rows);
    this.sorted = layers.rows.map((r) => ({
      ...layerFromRow(r),
      versions: byLayer.get(r.id) ?? { waiting: null, archived: [] },
    }));
    this.byName = new Map(this.sorted.map((l) => [l.name, l]));
    this.byId = new Map(this.sorted.map((l) => [l.id, l]));
    this.orgs = new Map(orgs.rows.map((o: any) => [o.code, organisationFromRow(o)]));
    this.revision = Number(rev.rows[0]?.revision ?? 0);
    this.lastCheck = Date.now();
    for (const fn of this.listeners) fn();
  }

  /** Another node (or the CLI) may have changed the catalogue: look at most once a second. */
  async refreshIfStale(maxAgeMs = 1000): Promise<void> {
    if (Date.now() - this.lastCheck < maxAgeMs) return;
    this.lastCheck = Date.now();
    const r = await this.db.query<{ revision: number }>('SELECT revision FROM simpul.catalogue_revision');
    if (Number(r.rows[0]?.revision) !== this.revision) await this.reload();
  }

  /** Called after every reload (caches of capabilities and records drop what they hold). */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  /** Layers this caller may see, ordered by name. */
  visibleLayers(p: Principal): Layer[] {
    return this.sorted.filter((l) => canRead(p, l));
  }

  /** A layer by `org:layer` name (or UUID), or undefined when it does not exist *or* is hidden. */
  find(p: Principal, nameOrId: string): Layer | undefined {
    const l = this.byName.get(nameOrId) ?? this.byId.get(nameOrId);
    return l && canRead(p, l) ? l : undefined;
  }

  /** Every layer, without access checks: for the writers and the admin paths only. */
  unguardedAll(): Layer[] {
    return this.sorted;
  }

  unguardedGet(nameOrId: string): Layer | undefined {
    return this.byName.get(nameOrId) ?? this.byId.get(nameOrId);
  }

  organisations(): Organisation[] {
    return [...this.orgs.values()];
  }

  organisation(code: string): Organisation | undefined {
    return this.orgs.get(code);
  }
}

/** The versions waiting and kept, per layer (inboxes and the steps a caller may take read them). */
function versionsByLayer(rows: Array<Record<string, any>>): Map<string, LayerVersions> {
  const out = new Map<string, LayerVersions>();
  for (const r of rows) {
    let v = out.get(r.layer_id);
    if (!v) out.set(r.layer_id, (v = { waiting: null, archived: [] }));
    if (r.status === 'archived') v.archived.push(r.version);
    else v.waiting = { version: r.version, status: r.status, since: new Date(r.status_changed_at), by: r.created_by };
  }
  return out;
}

/** Marks the catalogue changed; call inside the transaction that changed it. */
export async function bumpRevision(tx: Queryable): Promise<void> {
  await tx.query('UPDATE simpul.catalogue_revision SET revision = revision + 1');
}

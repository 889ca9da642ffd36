/** Style storage: SLD text per (layer, style name). Reads are cached per layer and
 *  styleVersion; a write bumps simpul.layer.style_version and the catalogue revision in the
 *  same transaction, so capabilities and tile caches drop what they hold. */
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/types.js';
import type { Layer } from '../catalogue/layer.js';
import { bumpRevision } from '../catalogue/catalogue.js';
import type { Principal } from '../access.js';
import { writeAudit } from '../audit.js';
import type { Queryable } from '../db/types.js';

export interface StoredStyle {
  name: string;
  title: string;
  sld: string;
  isDefault: boolean;
  updatedAt: Date;
  /** The style editor's form values it was made from; null for an SLD written elsewhere. */
  form: Record<string, string> | null;
}

/** A node's stored styles by layer, each valid for one style version; made by the node
 *  (server/context.ts) with room for `max` layers, least recently used first out. */
export class StoredStyleCache {
  readonly byLayer: LRUCache<string, { version: number; styles: StoredStyle[] }>;
  constructor(max: number) {
    this.byLayer = new LRUCache({ max });
  }
}

/** The layer's stored styles, the default first; kept in `cache` (the node's) when given. */
export async function layerStyles(db: Db, layer: Layer, cache?: StoredStyleCache): Promise<StoredStyle[]> {
  const hit = cache?.byLayer.get(layer.id);
  if (hit && hit.version === layer.styleVersion) return hit.styles;
  const r = await db.query<Record<string, any>>(
    'SELECT name, title, sld, is_default, updated_at, form FROM simpul.layer_style WHERE layer_id = $1 ORDER BY is_default DESC, name',
    [layer.id],
  );
  const styles = r.rows.map((x) => ({
    name: x.name,
    title: x.title,
    sld: x.sld,
    isDefault: !!x.is_default,
    updatedAt: new Date(x.updated_at),
    form: typeof x.form === 'string' ? JSON.parse(x.form) : (x.form ?? null),
  }));
  cache?.byLayer.set(layer.id, { version: layer.styleVersion, styles });
  return styles;
}

/** All stored style names and titles, for capabilities (one query, not one per layer). */
export async function allStyleNames(
  db: Db,
): Promise<Map<string, Array<{ name: string; title: string; isDefault: boolean }>>> {
  const r = await db.query<Record<string, any>>(
    'SELECT layer_id, name, title, is_default FROM simpul.layer_style ORDER BY layer_id, is_default DESC, name',
  );
  const out = new Map<string, Array<{ name: string; title: string; isDefault: boolean }>>();
  for (const x of r.rows) {
    const list = out.get(x.layer_id) ?? [];
    list.push({ name: x.name, title: x.title, isDefault: !!x.is_default });
    out.set(x.layer_id, list);
  }
  return out;
}

/** Who changed a style, for the audit row written in the change's own transaction. */
export interface StyleChanger {
  actor: Principal;
  /** The client's address, where the change came over HTTP. */
  address?: string | null;
}

/** The layer's default style name before a change ('default' = the built-in one). */
async function defaultName(tx: Queryable, layer: Layer): Promise<string> {
  const r = await tx.query<{ name: string }>(
    'SELECT name FROM simpul.layer_style WHERE layer_id = $1 AND is_default LIMIT 1',
    [layer.id],
  );
  return r.rows[0]?.name ?? 'default';
}

/** Writes (or replaces) a style; `by` (every change made by a person) writes a `style.edit`
 *  audit row with the default style before and after, in the same transaction. */
export async function putStyle(
  db: Db,
  layer: Layer,
  s: { name: string; title: string; sld: string; isDefault: boolean; form?: Record<string, string> | null },
  by?: StyleChanger,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = by ? await defaultName(tx, layer) : '';
    if (s.isDefault) await tx.query('UPDATE simpul.layer_style SET is_default = false WHERE layer_id = $1', [layer.id]);
    await tx.query(
      `INSERT INTO simpul.layer_style (layer_id, name, title, sld, is_default, form, updated_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, now())
       ON CONFLICT (layer_id, name) DO UPDATE SET title = EXCLUDED.title, sld = EXCLUDED.sld, is_default = EXCLUDED.is_default, form = EXCLUDED.form, updated_at = now()`,
      [layer.id, s.name, s.title, s.sld, s.isDefault, s.form ? JSON.stringify(s.form) : null],
    );
    await tx.query('UPDATE simpul.layer SET style_version = style_version + 1 WHERE id = $1', [layer.id]);
    if (by)
      await writeAudit(tx, by.actor, {
        action: 'style.edit',
        layer: { id: layer.id, name: layer.name, organisation: layer.organisation },
        subject: s.name,
        address: by.address,
        before: { defaultStyle: before },
        after: { defaultStyle: await defaultName(tx, layer), style: s.name, title: s.title },
      });
    await bumpRevision(tx);
  });
}

export async function deleteStyle(db: Db, layer: Layer, name: string, by?: StyleChanger): Promise<boolean> {
  return db.transaction(async (tx) => {
    const before = by ? await defaultName(tx, layer) : '';
    const r = await tx.query('DELETE FROM simpul.layer_style WHERE layer_id = $1 AND name = $2 RETURNING name', [
      layer.id,
      name,
    ]);
    if (!r.rows.length) return false;
    await tx.query('UPDATE simpul.layer SET style_version = style_version + 1 WHERE id = $1', [layer.id]);
    if (by)
      await writeAudit(tx, by.actor, {
        action: 'style.delete',
        layer: { id: layer.id, name: layer.name, organisation: layer.organisation },
        subject: name,
        address: by.address,
        before: { defaultStyle: before, style: name },
        after: { defaultStyle: await defaultName(tx, layer) },
      });
    await bumpRevision(tx);
    return true;
  });
}

/** Overview pictures of layers, kept with the versions of data and style they were drawn from
 *  (ogc/records/overview.ts draws them). Sent as base64 text: the same on both database engines
 *  and through the embedded engine's worker. */
import type { Queryable } from '../db/types.js';

export interface StoredOverview {
  png: Buffer;
  dataVersion: number;
  styleVersion: number;
  drawnAt: Date;
}

export async function readOverview(db: Queryable, layerId: string): Promise<StoredOverview | null> {
  const r = (
    await db.query<{ png: string; data_version: number; style_version: number; drawn_at: string }>(
      `SELECT encode(png, 'base64') AS png, data_version, style_version, drawn_at FROM simpul.layer_overview WHERE layer_id = $1`,
      [layerId],
    )
  ).rows[0];
  return r
    ? {
        png: Buffer.from(r.png, 'base64'),
        dataVersion: r.data_version,
        styleVersion: r.style_version,
        drawnAt: new Date(r.drawn_at),
      }
    : null;
}

/** Keeps the picture unless one of newer versions is already there (two nodes drawing at once). */
export async function storeOverview(
  db: Queryable,
  layerId: string,
  versions: { dataVersion: number; styleVersion: number },
  png: Buffer,
): Promise<void> {
  await db.query(
    `INSERT INTO simpul.layer_overview (layer_id, data_version, style_version, png) VALUES ($1, $2, $3, decode($4, 'base64'))
     ON CONFLICT (layer_id) DO UPDATE SET data_version = EXCLUDED.data_version, style_version = EXCLUDED.style_version, png = EXCLUDED.png, drawn_at = now()
     WHERE simpul.layer_overview.data_version <= EXCLUDED.data_version AND simpul.layer_overview.style_version <= EXCLUDED.style_version`,
    [layerId, versions.dataVersion, versions.styleVersion, png.toString('base64')],
  );
}

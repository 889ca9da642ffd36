/** The features under a map pixel (GetFeatureInfo): within a pixel tolerance that depends on
 *  the geometry type (points ~5 px, lines ~3 px, polygons must contain the point), nearest
 *  first, with all published attributes and the geometry as GeoJSON in the map CRS. */
import type { Db } from '../db/types.js';
import { geometryKind, layerTableSql, quoteIdent, type Layer } from '../catalogue/layer.js';
import { geometryIn } from '../layers/web-mercator.js';

export const TOLERANCE_PX: Record<ReturnType<typeof geometryKind>, number> = { point: 5, line: 3, polygon: 0 };

export interface InfoFeature {
  fid: number;
  props: Record<string, unknown>;
  geometry: string | null;
}

/** x, y in the map CRS (east/north); unitsPerPixel of the map. */
export async function featuresAt(
  db: Db,
  layer: Layer,
  x: number,
  y: number,
  srid: number,
  unitsPerPixel: number,
  limit: number,
): Promise<InfoFeature[]> {
  const cols = layer.attributes.map((a) => `t.${quoteIdent(a.name)}`);
  const tol = TOLERANCE_PX[geometryKind(layer)] * unitsPerPixel;
  // A small box around the point selects through the GiST index; the exact test follows. The
  // LATERAL ... OFFSET 0 transforms each geometry once (an inlined subquery did it per reference).
  const pt = 'ST_SetSRID(ST_MakePoint($1::float8, $2::float8), $3::int)';
  const near = tol > 0 ? `ST_DWithin(x.g, ${pt}, $4::float8)` : `ST_Intersects(x.g, ${pt}) AND $4::float8 >= 0`;
  const pad = Math.max(tol, unitsPerPixel);
  const g = geometryIn('t', srid, '$3::int');
  const sql = `SELECT t.fid${cols.length ? ', ' + cols.join(', ') : ''}, ST_AsGeoJSON(x.g, 9) AS geometry
      FROM ${layerTableSql(layer)} t, LATERAL (SELECT ${g.geom} AS g OFFSET 0) x
     WHERE ${g.meets('ST_MakeEnvelope($1::float8 - $5::float8, $2::float8 - $5::float8, $1::float8 + $5::float8, $2::float8 + $5::float8, $3::int)')}
       AND ${near}
     ORDER BY ST_Distance(x.g, ${pt}), t.fid LIMIT ${Math.max(1, Math.min(1000, Math.floor(limit)))}`;
  const r = await db.query<Record<string, any>>(sql, [x, y, srid, tol, pad]);
  return r.rows.map((row) => {
    const props: Record<string, unknown> = {};
    for (const a of layer.attributes) {
      const v = row[a.name];
      props[a.name] = typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v;
    }
    return { fid: Number(row.fid), props, geometry: row.geometry ?? null };
  });
}

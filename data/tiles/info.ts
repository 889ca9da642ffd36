/** The features near a pixel of a tile (WMTS GetFeatureInfo): those meeting a small box around
 *  it, nearest first, with their published attributes and the geometry as GeoJSON (lon/lat). */
import type { Db } from '../db/types.js';
import { layerTableSql, quoteIdent, type Layer } from '../catalogue/layer.js';

export interface TileInfoFeature {
  id: number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

/** `box`: minx, miny, maxx, maxy in `srid`. */
export async function featuresInBox(
  db: Db,
  layer: Layer,
  box: [number, number, number, number],
  srid: number,
  limit: number,
): Promise<TileInfoFeature[]> {
  const cols = layer.attributes.map((a) => quoteIdent(a.name)).join(', ');
  const r = await db.query<Record<string, any>>(
    `SELECT fid${cols ? ', ' + cols : ''}, ST_AsGeoJSON(geom, 7) AS geojson
     FROM ${layerTableSql(layer)}, (SELECT ST_Transform(ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, $5::int), 4326) AS b) e
     WHERE geom && e.b AND ST_Intersects(geom, e.b)
     ORDER BY ST_Distance(geom, ST_Centroid(e.b)), fid LIMIT ${Math.max(1, Math.floor(limit))}`,
    [...box, srid],
  );
  return r.rows.map((row) => ({
    id: Number(row.fid),
    properties: Object.fromEntries(
      layer.attributes.map((a) => [
        a.name,
        row[a.name] instanceof Date ? row[a.name].toISOString().slice(0, a.type === 'date' ? 10 : 19) : row[a.name],
      ]),
    ),
    geometry: JSON.parse(row.geojson),
  }));
}

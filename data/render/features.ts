/** The SQL behind a map image: only what the picture needs. Rows inside the box (plus a
 *  margin for symbols), transformed to the request CRS, simplified to the pixel size, big
 *  lines and polygons clipped with ST_ClipByBox2D, mapped to pixel coordinates (y down) in
 *  SQL and sent as WKB; only the attributes the style reads. Same SQL on both adapters. */
import type { Db } from '../db/types.js';
import { layerTableSql, quoteIdent, type Layer } from '../catalogue/layer.js';

export interface MapBox {
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
  srid: number;
  width: number;
  height: number;
}

export interface MapFeature {
  fid: number;
  props: Record<string, unknown>;
  wkb: Uint8Array;
}

/** Margin around the image, in pixels, so symbols and labels across the edge are drawn. */
export const MARGIN_PX = 32;

const env = (m: string) =>
  `ST_MakeEnvelope($1::float8 - ${m} * $6::float8, $2::float8 - ${m} * $7::float8, $3::float8 + ${m} * $6::float8, $4::float8 + ${m} * $7::float8, $5::int)`;

export function mapFeaturesSql(layer: Layer, properties: string[], limit: number): string {
  const known = new Set(layer.attributes.map((a) => a.name));
  const cols = properties.filter((p) => known.has(p)).map(quoteIdent);
  const point = /Point/.test(layer.geometryType);
  const box = env(String(MARGIN_PX));
  // $6/$7: CRS units per pixel in x and y.
  const clipped = point ? 'g' : `CASE WHEN ST_Dimension(g) = 0 THEN g ELSE ST_ClipByBox2D(g, ${box}) END`;
  const simplified = point ? 'ST_Transform(geom, $5::int)' : 'ST_Simplify(ST_Transform(geom, $5::int), $6::float8 * 0.5, true)';
  const sx = '(1.0 / $6::float8)';
  const sy = '(1.0 / $7::float8)';
  return `SELECT fid${cols.length ? ', ' + cols.join(', ') : ''},
      ST_AsBinary(ST_Affine(${clipped}, ${sx}, 0, 0, -${sy}, -$1::float8 * ${sx}, $4::float8 * ${sy})) AS wkb
    FROM (SELECT *, ${simplified} AS g FROM ${layerTableSql(layer)}
          WHERE geom && ST_Transform(${box}, 4326)) s
    WHERE g IS NOT NULL AND NOT ST_IsEmpty(g) AND g && ${box}
    ORDER BY fid LIMIT ${Math.max(1, Math.floor(limit))}`;
}

export async function mapFeatures(db: Db, layer: Layer, box: MapBox, properties: string[], limit = 200_000): Promise<MapFeature[]> {
  const px = (box.maxx - box.minx) / box.width;
  const py = (box.maxy - box.miny) / box.height;
  const r = await db.query<Record<string, any>>(mapFeaturesSql(layer, properties, limit), [box.minx, box.miny, box.maxx, box.maxy, box.srid, px, py]);
  const out: MapFeature[] = [];
  for (const row of r.rows) {
    if (!row.wkb) continue;
    const props: Record<string, unknown> = {};
    for (const p of properties) if (p in row) props[p] = typeof row[p] === 'bigint' ? Number(row[p]) : row[p];
    props.fid = Number(row.fid);
    out.push({ fid: Number(row.fid), props, wkb: row.wkb as Uint8Array });
  }
  return out;
}

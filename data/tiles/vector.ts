/** The SQL behind a vector tile. Real PostGIS: ST_AsMVT/ST_AsMVTGeom, every layer in ONE query
 *  (the layers' tiles joined with ||). Embedded (PostGIS without protobuf-c): the same geometry
 *  work in SQL — transform to the tile CRS, clip to the buffered tile with ST_ClipByBox2D, map
 *  to the tile grid, snap and drop repeated points — returning rows as WKB for the JS encoder
 *  (tiles/mvt/encode.ts). Only the layer's published attributes travel. */
import type { Db } from '../db/types.js';
import { quoteIdent, layerTableSql, type Layer } from '../catalogue/layer.js';
import { geometryIn } from '../layers/web-mercator.js';

export const MVT_EXTENT = 4096;
export const MVT_BUFFER = 64;

export interface TileBox {
  /** Tile extent in the tile CRS, easting first. */
  bounds: [number, number, number, number];
  srid: number;
}

/** One feature of the embedded path: geometry in tile coordinates (0..extent, y down) as WKB. */
export interface TileRow {
  id: number;
  properties: Record<string, string | number | boolean | null>;
  wkb: Uint8Array;
}

/** Attribute columns as MVT-friendly values: dates as ISO text, the rest as stored. */
function attributeSql(layer: Layer): string[] {
  return layer.attributes.map((a) => {
    const c = quoteIdent(a.name);
    if (a.type === 'date') return `to_char(${c}, 'YYYY-MM-DD') AS ${c}`;
    if (a.type === 'datetime') return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS ${c}`;
    if (a.type === 'number') return `${c}::double precision AS ${c}`;
    if (a.type === 'integer') return `${c}::bigint AS ${c}`;
    return `${c}`;
  });
}

/** Parameters $1..$5: minx, miny, maxx, maxy of the tile, srid; the buffered envelope in 4326
 *  selects rows through the GiST index. */
const ENV = `ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, $5::int)`;
function bufferedEnv(f = MVT_BUFFER / MVT_EXTENT): string {
  return `ST_MakeEnvelope($1::float8 - ($3::float8 - $1::float8) * ${f}, $2::float8 - ($4::float8 - $2::float8) * ${f}, $3::float8 + ($3::float8 - $1::float8) * ${f}, $4::float8 + ($4::float8 - $2::float8) * ${f}, $5::int)`;
}
/** The layer's geometry in the tile CRS (the stored 3857 column for WebMercatorQuad tiles) and
 *  the row filter on the buffered tile. */
const tileGeometry = (srid: number) => geometryIn('t', srid, '$5::int');
const filterSql = (srid: number, f?: number) => tileGeometry(srid).meets(bufferedEnv(f));

const params = (box: TileBox): unknown[] => [...box.bounds, box.srid];

/** The single ST_AsMVT query of the PostGIS path (exported for the bench's comparison):
 *  parameters $1..$5 as above, then each layer's name. */
export function postgisTileSql(layers: Layer[], srid: number): string {
  const parts = layers.map((layer, i) => {
    const cols = ['fid', ...attributeSql(layer)].join(', ');
    return `COALESCE((SELECT ST_AsMVT(q, $${6 + i}, ${MVT_EXTENT}, 'geom', 'fid') FROM (
      SELECT ${cols}, ST_AsMVTGeom(${tileGeometry(srid).geom}, ${ENV}::box2d, ${MVT_EXTENT}, ${MVT_BUFFER}, true) AS geom
      FROM ${layerTableSql(layer)} t WHERE ${filterSql(srid)}) q WHERE q.geom IS NOT NULL), ''::bytea)`;
  });
  return `SELECT ${parts.join(' || ')} AS mvt`;
}

/** A vector tile of several layers made by PostGIS, uncompressed; 0 bytes when empty. */
export async function postgisMvt(db: Db, layers: Layer[], box: TileBox): Promise<Buffer> {
  const r = await db.query<{ mvt: Buffer }>(postgisTileSql(layers, box.srid), [
    ...params(box),
    ...layers.map((l) => l.name),
  ]);
  return Buffer.from(r.rows[0]?.mvt ?? []);
}

function tileGeometrySql(layer: Layer, srid: number): string {
  const extent = MVT_EXTENT;
  const cols = ['fid', ...attributeSql(layer)].join(', ');
  const f = MVT_BUFFER / extent;
  const sx = `(${extent}::float8 / ($3::float8 - $1::float8))`;
  const sy = `(${extent}::float8 / ($4::float8 - $2::float8))`;
  // As ST_AsMVTGeom: drop detail under one tile unit (repeated points, Douglas-Peucker), clip
  // lines and polygons to the buffered tile (points kept only inside it), then
  // x' = (x - minx) * sx, y' = (maxy - y) * sy and snap to the grid.
  return `SELECT * FROM (
      SELECT ${cols}, ST_AsBinary(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(
        CASE WHEN ST_Dimension(g) = 0 THEN ST_Intersection(g, ${bufferedEnv(f)}) ELSE ST_ClipByBox2D(g, ${bufferedEnv(f)}) END,
        ${sx}, 0, 0, -${sy}, -$1::float8 * ${sx}, $4::float8 * ${sy}), 1))) AS wkb
      FROM (SELECT t.*, ST_Simplify(ST_RemoveRepeatedPoints(${tileGeometry(srid).geom}, ($3::float8 - $1::float8) / ${extent}), ($3::float8 - $1::float8) / ${extent}, true) AS g FROM ${layerTableSql(layer)} t WHERE ${filterSql(srid, f)}) s
    ) t WHERE wkb IS NOT NULL ORDER BY fid`;
}

/** One layer's features in a tile, in tile coordinates, in fid order (the embedded path). */
export async function tileRows(db: Db, layer: Layer, box: TileBox): Promise<TileRow[]> {
  const r = await db.query<Record<string, any>>(tileGeometrySql(layer, box.srid), params(box));
  return r.rows
    .filter((row) => row.wkb && row.wkb.length > 9)
    .map((row) => {
      const properties: TileRow['properties'] = {};
      for (const a of layer.attributes) {
        const v = row[a.name];
        properties[a.name] =
          typeof v === 'bigint' ? Number(v) : typeof v === 'string' && a.type === 'integer' ? Number(v) : v;
      }
      return { id: Number(row.fid), properties, wkb: row.wkb as Uint8Array };
    });
}

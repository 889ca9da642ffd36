/** Every layer table keeps a second geometry column, its geometry in Web Mercator
 *  (EPSG:3857). Most pictures are asked in 3857 (web maps, XYZ and WMTS tiles, QGIS over an OSM
 *  basemap), and transforming every geometry on every request was half of a map query's time (a
 *  20,000-parcel view: 6.4 → 3.2 ms); it is done once when the layer is written. The loader
 *  computes it (webMercatorWkb) and sends it with the rows: as a generated column, PostgreSQL's
 *  ST_Transform was the largest single cost of a load. Once the rows are in, two triggers make it
 *  follow any later write of `geom` by other SQL (an edit in QGIS connected to the database, a
 *  script): a row inserted without it, and a `geom` changed without it.
 *  The column has no index of its own: Web Mercator maps each axis on its own and monotonically,
 *  so a box in 3857 is a box in 4326 and `geom`'s index selects the same rows (geometryIn). A
 *  second GiST index was a third of a load's time in PostgreSQL and no query was faster for it. */
import type { Queryable } from '../db/types.js';
import { quoteIdent } from '../catalogue/layer.js';
import { mapXY, mapXYInPlace } from './wkb.js';

export const WEB_MERCATOR = 3857;
export const WEB_MERCATOR_COLUMN = 'geom_3857';

/** The column's type, and its definition in a new layer table (the loader fills it). */
export const WEB_MERCATOR_TYPE = `geometry(Geometry, ${WEB_MERCATOR})`;
export const WEB_MERCATOR_COLUMN_SQL = `${WEB_MERCATOR_COLUMN} ${WEB_MERCATOR_TYPE}`;

/** The spheroid's radius, and degrees to radians as PROJ has it. */
const A = 6378137;
const RAD = Math.PI / 180;

/** x, y as PROJ's webmerc computes them for ST_Transform(…, 3857): a·λ and a·asinh(tan φ), the
 *  same to the last bit or two (test/layers/copy-formats.test.ts compares with PostGIS on both
 *  backends). False past the antimeridian (PROJ first wraps the longitude) or the poles. */
function project(x: number, y: number, out: Float64Array): boolean {
  const lam = x * RAD;
  if (!(Math.abs(lam) < Math.PI + 1e-12 && Math.abs(y) <= 90)) return false;
  out[0] = A * lam + 0; // PROJ gives 0, not -0
  out[1] = A * Math.asinh(Math.tan(y * RAD));
  return true;
}

/** A geometry's WKB in EPSG:4326 as WKB in EPSG:3857; null where PostGIS must do it (a longitude
 *  beyond ±180° or a latitude beyond ±90°, which the import does not let in). */
export const webMercatorWkb = (wkb: Uint8Array): Uint8Array | null => mapXY(wkb, project);

/** The same, in place (a copy the loader has just written into its rows); false as webMercatorWkb gives null. */
export const toWebMercatorInPlace = (wkb: Uint8Array): boolean => mapXYInPlace(wkb, project);

/** Makes the column follow `geom` from now on (migration 102's function). Added after the load:
 *  a BEFORE INSERT trigger would make COPY store its rows one at a time. */
export async function followGeom(tx: Queryable, table: string): Promise<void> {
  const follow = 'FOR EACH ROW WHEN';
  const run = 'EXECUTE FUNCTION simpul.geom_3857_follows()';
  await tx.query(
    `CREATE TRIGGER geom_3857_on_insert BEFORE INSERT ON ${table} ${follow} (NEW.${WEB_MERCATOR_COLUMN} IS NULL AND NEW.geom IS NOT NULL) ${run}`,
  );
  await tx.query(
    `CREATE TRIGGER geom_3857_on_update BEFORE UPDATE OF geom ON ${table} ${follow} (NEW.geom IS DISTINCT FROM OLD.geom AND NEW.${WEB_MERCATOR_COLUMN} IS NOT DISTINCT FROM OLD.${WEB_MERCATOR_COLUMN}) ${run}`,
  );
}

/** The column PostGIS fills, for rows the loader left without one (webMercatorWkb gave null). */
export async function fillWebMercatorColumn(tx: Queryable, table: string): Promise<void> {
  await tx.query(
    `UPDATE ${table} SET ${WEB_MERCATOR_COLUMN} = ST_Transform(geom, ${WEB_MERCATOR}) WHERE ${WEB_MERCATOR_COLUMN} IS NULL`,
  );
}

/** Adds the column to a layer table written before it existed (migration 101): a column
 *  PostgreSQL generates from `geom`. */
export async function addWebMercatorColumn(tx: Queryable, table: string): Promise<void> {
  await tx.query(
    `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${WEB_MERCATOR_COLUMN_SQL} GENERATED ALWAYS AS (ST_Transform(geom, ${WEB_MERCATOR})) STORED`,
  );
}

/** Drops the index that layer tables written before migration 103 kept on the column. */
export async function dropWebMercatorIndex(tx: Queryable, schema: string, localName: string): Promise<void> {
  await tx.query(`DROP INDEX IF EXISTS ${quoteIdent(schema)}.${quoteIdent(`${localName.slice(0, 45)}_geom_3857_idx`)}`);
}

/** Half the world's width in EPSG:3857 (π·a). */
const HALF_WORLD = Math.PI * A;

/** SQL for a box given in EPSG:3857 as the same box in EPSG:4326: the inverse of `project`, per
 *  axis (λ = x / a, φ = atan(sinh(y / a))), in plain arithmetic — ST_Transform would first load a
 *  PROJ transformation in every new connection (~20 ms), and wrap longitudes past the
 *  antimeridian round to the other side (x = 2.1e7 → -170.7°); x is cut to the world instead. */
function boxIn4326(box: string): string {
  const lon = (x: string) => `degrees(least(greatest(${x}(${box}), ${-HALF_WORLD}), ${HALF_WORLD}) / ${A})`;
  const lat = (y: string) => `degrees(atan(sinh(${y}(${box}) / ${A})))`;
  return `ST_MakeEnvelope(${lon('ST_XMin')}, ${lat('ST_YMin')}, ${lon('ST_XMax')}, ${lat('ST_YMax')}, 4326)`;
}

/** SQL for a layer row's geometry in `srid` and for "its geometry meets this box", where the
 *  box is SQL in `srid`: the stored 3857 column when it can serve, else a transform. Rows are
 *  selected by `geom`'s index with the box taken to 4326 (once per query, before the scan).
 *  `sridSql` is how the query names the SRID (a parameter); `srid` is its value, known when the
 *  SQL is built. */
export function geometryIn(
  alias: string,
  srid: number,
  sridSql: string,
): { geom: string; meets: (box: string) => string } {
  if (srid === WEB_MERCATOR)
    return {
      geom: `${alias}.${WEB_MERCATOR_COLUMN}`,
      meets: (box) => `${alias}.geom && ${boxIn4326(box)}`,
    };
  return {
    geom: `ST_Transform(${alias}.geom, ${sridSql})`,
    meets: (box) => `${alias}.geom && ST_Transform(${box}, 4326)`,
  };
}

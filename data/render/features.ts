/** The SQL behind a map image: only what the picture needs. Rows inside the box (plus a
 *  margin for symbols), transformed to the request CRS and mapped to pixel coordinates (y down)
 *  in SQL, simplified to half a pixel, clipped only when a geometry is much larger than the
 *  view, and sent as TWKB at 0.1 px; only the attributes the style reads. Each geometry is
 *  computed once (a LATERAL subquery: an inlined one was evaluated once per reference, which
 *  made this query three times slower). In EPSG:3857 the layer's stored 3857 column is read
 *  (layers/web-mercator.ts) and nothing is transformed. Same SQL on both adapters. */
import type { Db } from '../db/types.js';
import { geometryKind, layerTableSql, quoteIdent, type Layer } from '../catalogue/layer.js';
import { geometryIn } from '../layers/web-mercator.js';
import { packTwkb } from './packed-twkb.js';

export interface MapBox {
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
  srid: number;
  width: number;
  height: number;
}

/** A layer's features for one picture, in fid order. */
export interface MapFeatures {
  /** Each feature's TWKB (in pixel coordinates), packed (packed-twkb.ts). */
  packed: Uint8Array;
  /** Per feature, the attributes the style reads (and fid); absent when it reads none. */
  props?: Array<Record<string, unknown>>;
}

/** Margin around the image, in pixels, so symbols and labels across the edge are drawn. */
export const MARGIN_PX = 32;

/** Pixels → the query box in the request CRS ($1..$4 the box, $5 its SRID, $6/$7 units per pixel). */
const box = `ST_MakeEnvelope($1::float8 - ${MARGIN_PX} * $6::float8, $2::float8 - ${MARGIN_PX} * $7::float8, $3::float8 + ${MARGIN_PX} * $6::float8, $4::float8 + ${MARGIN_PX} * $7::float8, $5::int)`;
/** Features per row of the packed (geometry-only) answer. */
const PACKED_ROW = 256;
/** Geometries wider or taller than four views are clipped to the view plus margin. */
const CLIP_VIEWS = 4;

export function mapFeaturesSql(layer: Layer, properties: string[], limit: number, srid = 4326): string {
  const known = new Set(layer.attributes.map((a) => a.name));
  const cols = properties.filter((p) => known.has(p)).map(quoteIdent);
  const point = geometryKind(layer) === 'point';
  const g = geometryIn('t', srid, '$5::int');
  const pixels = `ST_Affine(${g.geom}, 1.0 / $6::float8, 0, 0, -1.0 / $7::float8, -$1::float8 / $6::float8, $4::float8 / $7::float8)`;
  // The clip test compares the geometry's size in the request CRS with four views ($6 · width).
  const large = `GREATEST(ST_XMax(x.g) - ST_XMin(x.g), ST_YMax(x.g) - ST_YMin(x.g)) > ${CLIP_VIEWS} * GREATEST($8::int, $9::int)`;
  const geometry = point
    ? 'x.g'
    : `CASE WHEN ${large}
      THEN ST_ClipByBox2D(x.g, ST_MakeEnvelope(-${MARGIN_PX}, -${MARGIN_PX}, $8::int + ${MARGIN_PX}, $9::int + ${MARGIN_PX})) ELSE x.g END`;
  const rows = `SELECT t.fid${cols.length ? ', ' + cols.map((c) => `t.${c}`).join(', ') : ''}, ST_AsTWKB(${geometry}, 1) AS twkb
    FROM ${layerTableSql(layer)} t,
    LATERAL (SELECT ${point ? pixels : `ST_Simplify(${pixels}, 0.5, true)`} AS g OFFSET 0) x
    WHERE ${g.meets(box)}
    ORDER BY t.fid LIMIT ${Math.max(1, Math.floor(limit))}`;
  // A style that reads no attribute needs geometry only: each TWKB after its length, a few
  // hundred features to a row, instead of a row per feature (parsing hundreds of rows cost
  // more than drawing points). Not one row for all: pg hands bytea over as hex text, and one
  // string of 100 KB or more per map went to V8's old space and forced a full collection on
  // the main thread every quarter second under load.
  return properties.length
    ? rows
    : `SELECT string_agg(int4send(length(twkb)) || twkb, ''::bytea ORDER BY fid) AS packed
    FROM (SELECT fid, twkb, (row_number() OVER (ORDER BY fid) - 1) / ${PACKED_ROW} AS part FROM (${rows}) r WHERE twkb IS NOT NULL) p
    GROUP BY part ORDER BY part`;
}

export async function mapFeatures(
  db: Db,
  layer: Layer,
  box: MapBox,
  properties: string[],
  limit = 200_000,
): Promise<MapFeatures> {
  const px = (box.maxx - box.minx) / box.width;
  const py = (box.maxy - box.miny) / box.height;
  const r = await db.query<Record<string, any>>(mapFeaturesSql(layer, properties, limit, box.srid), [
    box.minx,
    box.miny,
    box.maxx,
    box.maxy,
    box.srid,
    px,
    py,
    ...(geometryKind(layer) === 'point' ? [] : [box.width, box.height]),
  ]);
  // Geometry only: PostgreSQL packed it already (a Buffer from pg, a Uint8Array from PGlite).
  if (!properties.length) {
    const parts = r.rows.map((row) => row.packed as Uint8Array);
    return { packed: parts.length === 1 ? parts[0] : Buffer.concat(parts) };
  }
  const rows = r.rows.filter((row) => row.twkb);
  const props = rows.map((row) => {
    const p: Record<string, unknown> = {};
    for (const name of properties)
      if (name in row) p[name] = typeof row[name] === 'bigint' ? Number(row[name]) : row[name];
    p.fid = Number(row.fid);
    return p;
  });
  const packed = packTwkb(rows.map((row) => row.twkb as Uint8Array));
  return { packed, props };
}

/** Every layer's bounding box in each of some projected CRSs, in one query (both adapters): the
 *  WGS 84 box densified before it is transformed, so curved edges are covered. Layers reaching
 *  the poles are left out (Web Mercator has no box for them). */
import type { Db } from '../db/types.js';

/** [minx, miny, maxx, maxy], east/north. */
export type Box = [number, number, number, number];

/** Layer id → EPSG code → its box in that CRS. */
export async function layerBoxesIn(db: Db, epsgCodes: number[]): Promise<Map<string, Map<number, Box>>> {
  const r = await db.query<Record<string, any>>(
    `SELECT l.id, c.epsg, ST_XMin(b) AS x0, ST_YMin(b) AS y0, ST_XMax(b) AS x1, ST_YMax(b) AS y1
       FROM simpul.layer l CROSS JOIN unnest($1::int[]) AS c(epsg),
       LATERAL (SELECT ST_Transform(ST_Segmentize(ST_MakeEnvelope(l.minx, l.miny, l.maxx, l.maxy, 4326), 0.05), c.epsg)::box2d AS b) t
      WHERE l.minx IS NOT NULL AND l.miny > -85 AND l.maxy < 85`,
    [epsgCodes],
  );
  const boxes = new Map<string, Map<number, Box>>();
  for (const x of r.rows) {
    let m = boxes.get(x.id);
    if (!m) boxes.set(x.id, (m = new Map()));
    m.set(Number(x.epsg), [Number(x.x0), Number(x.y0), Number(x.x1), Number(x.y1)]);
  }
  return boxes;
}

/** Feature info at a pixel of a tile (WMTS GetFeatureInfo): the layer's features within a few
 *  pixels of the point, with their published attributes. */
import type { Db } from '../data/db/types.js';
import { layerTableSql, quoteIdent, type Layer } from '../data/catalogue/layer.js';
import type { TileMatrix, TileMatrixSet } from './matrix-sets.js';
import { tileBounds } from './matrix-sets.js';
import { esc } from '../data/xml.js';

export interface InfoFeature {
  id: number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

const TOLERANCE_PX = 3;
const MAX_FEATURES = 20;

export async function featureInfo(db: Db, layer: Layer, tms: TileMatrixSet, m: TileMatrix, col: number, row: number, i: number, j: number): Promise<InfoFeature[]> {
  const [minx, , , maxy] = tileBounds(m, col, row);
  const x = minx + (i + 0.5) * m.cellSize;
  const y = maxy - (j + 0.5) * m.cellSize;
  const d = TOLERANCE_PX * m.cellSize;
  const cols = layer.attributes.map((a) => quoteIdent(a.name)).join(', ');
  const r = await db.query<Record<string, any>>(
    `SELECT fid${cols ? ', ' + cols : ''}, ST_AsGeoJSON(geom, 7) AS geojson
     FROM ${layerTableSql(layer)}, (SELECT ST_Transform(ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, $5::int), 4326) AS b) e
     WHERE geom && e.b AND ST_Intersects(geom, e.b)
     ORDER BY ST_Distance(geom, ST_Centroid(e.b)), fid LIMIT ${MAX_FEATURES}`,
    [x - d, y - d, x + d, y + d, tms.srid],
  );
  return r.rows.map((row) => ({
    id: Number(row.fid),
    properties: Object.fromEntries(layer.attributes.map((a) => [a.name, row[a.name] instanceof Date ? row[a.name].toISOString().slice(0, a.type === 'date' ? 10 : 19) : row[a.name]])),
    geometry: JSON.parse(row.geojson),
  }));
}

export function featureInfoBody(layer: Layer, features: InfoFeature[], format: string): string {
  if (format === 'application/json') {
    return JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((f) => ({ type: 'Feature', id: `${layer.localName}.${f.id}`, geometry: f.geometry, properties: { layer: layer.name, ...f.properties } })),
    });
  }
  if (format === 'text/html') {
    const rows = features
      .map((f) => `<tr><td>${f.id}</td>${layer.attributes.map((a) => `<td>${esc(f.properties[a.name])}</td>`).join('')}</tr>`)
      .join('');
    return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(layer.title)}</title></head><body><table><caption>${esc(layer.title)}</caption><tr><th>fid</th>${layer.attributes.map((a) => `<th>${esc(a.name)}</th>`).join('')}</tr>${rows}</table></body></html>`;
  }
  return features.map((f) => `${layer.name}.${f.id}\n` + layer.attributes.map((a) => `  ${a.name} = ${f.properties[a.name] ?? ''}`).join('\n')).join('\n') + '\n';
}

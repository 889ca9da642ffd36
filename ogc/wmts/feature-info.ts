/** Feature info at a pixel of a tile (WMTS GetFeatureInfo): the layer's features within a few
 *  pixels of the point, with their published attributes. */
import type { Db } from '../../data/db/types.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { featuresInBox, type TileInfoFeature } from '../../data/tiles/info.js';
import { esc } from '../../data/xml.js';
import { tileBounds, type TileMatrix, type TileMatrixSet } from '../../tiles/matrix-sets.js';

export type InfoFeature = TileInfoFeature;

const TOLERANCE_PX = 3;
const MAX_FEATURES = 20;

export function featureInfo(
  db: Db,
  layer: Layer,
  tms: TileMatrixSet,
  m: TileMatrix,
  col: number,
  row: number,
  i: number,
  j: number,
): Promise<InfoFeature[]> {
  const [minx, , , maxy] = tileBounds(m, col, row);
  const x = minx + (i + 0.5) * m.cellSize;
  const y = maxy - (j + 0.5) * m.cellSize;
  const d = TOLERANCE_PX * m.cellSize;
  return featuresInBox(db, layer, [x - d, y - d, x + d, y + d], tms.srid, MAX_FEATURES);
}

/** The answer in one of WMTS_INFO_FORMATS (capabilities.ts). */
export function featureInfoBody(layer: Layer, features: InfoFeature[], format: string): string {
  if (format === 'application/json') {
    return JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((f) => ({
        type: 'Feature',
        id: `${layer.localName}.${f.id}`,
        geometry: f.geometry,
        properties: { layer: layer.name, ...f.properties },
      })),
    });
  }
  if (format === 'text/html') {
    const rows = features
      .map(
        (f) =>
          `<tr><td>${f.id}</td>${layer.attributes.map((a) => `<td>${esc(f.properties[a.name])}</td>`).join('')}</tr>`,
      )
      .join('');
    return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(layer.title)}</title></head><body><table><caption>${esc(layer.title)}</caption><tr><th>fid</th>${layer.attributes.map((a) => `<th>${esc(a.name)}</th>`).join('')}</tr>${rows}</table></body></html>`;
  }
  return (
    features
      .map(
        (f) =>
          `${layer.name}.${f.id}\n` +
          layer.attributes.map((a) => `  ${a.name} = ${f.properties[a.name] ?? ''}`).join('\n'),
      )
      .join('\n') + '\n'
  );
}

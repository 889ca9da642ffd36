/** OGC API - Tiles documents: tile matrix sets (OGC 2D Tile Matrix Set 2.0 JSON), tileset
 *  lists and tileset metadata of a collection, vector and map. */
import type { Layer } from '../../../data/catalogue/layer.js';
import { TILE_MATRIX_SETS, type TileMatrixSet } from '../../../tiles/matrix-sets.js';

const num = (n: number) => Number(n.toPrecision(15));
const axes = (t: TileMatrixSet) => (t.northFirst ? ['Lat', 'Lon'] : t.srid === 4326 ? ['Lon', 'Lat'] : ['E', 'N']);
const point = (t: TileMatrixSet, x: number, y: number) => (t.northFirst ? [num(y), num(x)] : [num(x), num(y)]);

export const tmsUri = (t: TileMatrixSet, base: string) => t.uri ?? `${base}/ogcapi/tileMatrixSets/${t.id}`;

export function tileMatrixSetList(base: string) {
  return {
    tileMatrixSets: TILE_MATRIX_SETS.map((t) => ({
      id: t.id,
      title: t.title,
      uri: tmsUri(t, base),
      crs: t.crsUri,
      links: [{ rel: 'self', type: 'application/json', href: `${base}/ogcapi/tileMatrixSets/${t.id}`, title: t.title }],
    })),
    links: [{ rel: 'self', type: 'application/json', href: `${base}/ogcapi/tileMatrixSets` }],
  };
}

export function tileMatrixSetDocument(t: TileMatrixSet, base: string) {
  return {
    id: t.id,
    title: t.title,
    uri: tmsUri(t, base),
    crs: t.crsUri,
    orderedAxes: axes(t),
    ...(t.wellKnownScaleSet ? { wellKnownScaleSet: t.wellKnownScaleSet } : {}),
    boundingBox: {
      lowerLeft: point(t, t.bbox[0], t.bbox[1]),
      upperRight: point(t, t.bbox[2], t.bbox[3]),
      crs: t.crsUri,
    },
    tileMatrices: t.matrices.map((m) => ({
      id: m.id,
      scaleDenominator: num(m.scaleDenominator),
      cellSize: num(m.cellSize),
      cornerOfOrigin: 'topLeft',
      pointOfOrigin: point(t, m.origin[0], m.origin[1]),
      tileWidth: m.tileWidth,
      tileHeight: m.tileHeight,
      matrixWidth: m.matrixWidth,
      matrixHeight: m.matrixHeight,
    })),
  };
}

const FIELD_TYPE: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
};

function tileset(layer: Layer, t: TileMatrixSet, base: string, kind: 'vector' | 'map') {
  const col = `${base}/ogcapi/collections/${encodeURIComponent(layer.name)}`;
  const path = kind === 'vector' ? `${col}/tiles/${t.id}` : `${col}/map/tiles/${t.id}`;
  const itemType = kind === 'vector' ? 'application/vnd.mapbox-vector-tile' : 'image/png';
  return {
    title: `${layer.title} (${t.id})`,
    dataType: kind,
    crs: t.crsUri,
    tileMatrixSetURI: tmsUri(t, base),
    links: [
      { rel: 'self', type: 'application/json', href: path },
      {
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme',
        type: 'application/json',
        href: `${base}/ogcapi/tileMatrixSets/${t.id}`,
      },
      { rel: 'item', type: itemType, href: `${path}/{tileMatrix}/{tileRow}/{tileCol}`, templated: true },
    ],
  };
}

export function tilesetList(layer: Layer, base: string, kind: 'vector' | 'map') {
  const col = `${base}/ogcapi/collections/${encodeURIComponent(layer.name)}`;
  return {
    tilesets: TILE_MATRIX_SETS.map((t) => tileset(layer, t, base, kind)),
    links: [
      { rel: 'self', type: 'application/json', href: kind === 'vector' ? `${col}/tiles` : `${col}/map/tiles` },
      { rel: 'collection', type: 'application/json', href: col },
    ],
  };
}

export function tilesetMetadata(layer: Layer, t: TileMatrixSet, base: string, kind: 'vector' | 'map') {
  const b = layer.bbox;
  return {
    ...tileset(layer, t, base, kind),
    ...(b
      ? {
          boundingBox: {
            lowerLeft: [b[0], b[1]],
            upperRight: [b[2], b[3]],
            crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
          },
        }
      : {}),
    ...(kind === 'vector'
      ? {
          layers: [
            {
              id: layer.name,
              title: layer.title,
              dataType: 'vector',
              geometryDimension: layer.geometryType.includes('Polygon')
                ? 2
                : layer.geometryType.includes('Line')
                  ? 1
                  : layer.geometryType === 'Geometry'
                    ? undefined
                    : 0,
              propertiesSchema: {
                type: 'object',
                properties: Object.fromEntries(
                  layer.attributes.map((a) => [
                    a.name,
                    {
                      type: FIELD_TYPE[a.type] ?? 'string',
                      ...(a.type === 'date'
                        ? { format: 'date' }
                        : a.type === 'datetime'
                          ? { format: 'date-time' }
                          : {}),
                    },
                  ]),
                ),
              },
            },
          ],
        }
      : {}),
  };
}

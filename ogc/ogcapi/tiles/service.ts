/** OGC API - Tiles under /ogcapi: /tileMatrixSets[/{id}], vector tiles at
 *  /collections/{id}/tiles[/{tms}[/{z}/{row}/{col}]] and map tiles at
 *  /collections/{id}/map/tiles[/{tms}[/{z}/{row}/{col}]]. Only these paths are claimed (any
 *  other is null); errors are OgcErrors, answered as JSON; a hidden collection is 404. */
import type { Catalogue } from '../../../data/catalogue/catalogue.js';
import { OgcError } from '../../../data/errors.js';
import { reply, type Reply, type ServiceRequest } from '../../../data/reply.js';
import { tileFormat } from '../../../tiles/format.js';
import { tileMatrixSet } from '../../../tiles/matrix-sets.js';
import { pathSegment, resolveLayers, styleParam, wholeNumber } from '../../../tiles/params.js';
import type { TileService } from '../../../tiles/service.js';
import { registerCollectionLinks } from '../collections.js';
import { registerOgcApiPart } from '../registry.js';
import { tileMatrixSetDocument, tileMatrixSetList, tilesetList, tilesetMetadata } from './documents.js';

export interface OgcApiTilesNode {
  catalogue: Pick<Catalogue, 'find'>;
  tiles: Pick<TileService, 'reply'>;
}

registerOgcApiPart({
  conformance: [
    'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core',
    'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset',
    'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list',
    'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets',
    'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt',
    'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png',
    'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/jpeg',
    'http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset',
  ],
  links: [
    {
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes',
      type: 'application/json',
      title: 'Tile matrix sets',
      path: '/tileMatrixSets',
    },
  ],
});

registerCollectionLinks((_l, self) => [
  {
    rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector',
    type: 'application/json',
    title: 'Vector tilesets',
    href: `${self}/tiles`,
  },
  {
    rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-map',
    type: 'application/json',
    title: 'Map tilesets',
    href: `${self}/map/tiles`,
  },
]);

// Paths match as Express routes did: any case, an optional trailing slash.
const TMS_PATH = /^\/tileMatrixSets(?:\/([^/]+))?\/?$/i;
const TILES_PATH = /^\/collections\/([^/]+)(\/map)?\/tiles(?:\/([^/]+)(?:\/([^/]+)\/([^/]+)\/([^/]+))?)?\/?$/i;

const json = (doc: unknown): Reply => reply(200, 'application/json; charset=utf-8', JSON.stringify(doc));

function tms(id: string) {
  const t = tileMatrixSet(id);
  if (!t) throw new OgcError('NotFound', `No tile matrix set ${id}`);
  return t;
}

/** The reply to a GET below /ogcapi, or null when the path is not a Tiles one. */
export async function ogcApiTilesRequest(node: OgcApiTilesNode, req: ServiceRequest): Promise<Reply | null> {
  const base = req.baseUrl;
  const t = TMS_PATH.exec(req.path);
  if (t)
    return json(
      t[1] === undefined
        ? tileMatrixSetList(base)
        : tileMatrixSetDocument(tms(pathSegment(t[1], 'tile matrix set')), base),
    );
  const m = TILES_PATH.exec(req.path);
  if (!m) return null;
  const kind = m[2] ? 'map' : 'vector';
  const layer = resolveLayers(node.catalogue, req.principal, pathSegment(m[1]))[0];
  if (m[3] === undefined) return json(tilesetList(layer, base, kind));
  const set = tms(pathSegment(m[3], 'tile matrix set'));
  if (m[4] === undefined) return json(tilesetMetadata(layer, set, base, kind));
  const f = req.query.f === undefined ? (kind === 'vector' ? 'mvt' : 'png') : String(req.query.f);
  const format = tileFormat(f);
  if (!format || (kind === 'vector') !== (format === 'pbf'))
    throw new OgcError(
      'InvalidParameterValue',
      kind === 'vector' ? 'f must be mvt' : 'f must be png, jpg or webp',
      'f',
    );
  const z = wholeNumber(m[4], 'tileMatrix');
  const row = wholeNumber(m[5], 'tileRow');
  const col = wholeNumber(m[6], 'tileCol');
  if (!set.matrices[z]) throw new OgcError('NotFound', `No tile matrix ${z} in ${set.id}`);
  return node.tiles.reply(req, {
    layers: [layer],
    tms: set,
    z,
    row,
    col,
    format,
    style: styleParam(req.query, format),
  });
}

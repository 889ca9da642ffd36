/** OGC API - Tiles under /ogcapi: /tileMatrixSets[/{id}], vector tiles at
 *  /collections/{id}/tiles[/{tms}[/{z}/{row}/{col}]] and map tiles at
 *  /collections/{id}/map/tiles[/{tms}[/{z}/{row}/{col}]]. Only these paths are claimed; errors
 *  are JSON; a hidden collection is 404. */
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { registerOgcApiPart } from '../../ogc/ogcapi/registry.js';
import { registerCollectionLinks } from '../../ogc/ogcapi/collections.js';
import { tileMatrixSet } from '../../tiles/matrix-sets.js';
import { serveTile, tileFormat, type TileFormat } from '../../tiles/service.js';
import { tileMatrixSetDocument, tileMatrixSetList, tilesetList, tilesetMetadata } from '../../ogc/ogcapi/tiles/documents.js';
import { HttpError, resolveLayers, sendJsonError, sendTile, styleParam } from './tiles.js';

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
  links: [{ rel: 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes', type: 'application/json', title: 'Tile matrix sets', path: '/tileMatrixSets' }],
});

registerCollectionLinks((_l, self) => [
  { rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector', type: 'application/json', title: 'Vector tilesets', href: `${self}/tiles` },
  { rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-map', type: 'application/json', title: 'Map tilesets', href: `${self}/map/tiles` },
]);

function tms(id: string) {
  const t = tileMatrixSet(id);
  if (!t) throw new HttpError(404, 'NotFound', `No tile matrix set ${id}`);
  return t;
}

const whole = (s: string, name: string) => {
  if (!/^\d{1,9}$/.test(s)) throw new HttpError(400, 'InvalidParameterValue', `${name} must be a whole number`);
  return Number(s);
};

export function mountOgcapiTiles(router: Router, ctx: AppContext): void {
  const wrap = (fn: (req: Request, res: Response) => Promise<void> | void) => async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      sendJsonError(res, err, ctx);
    }
  };
  const layerOf = (req: Request, res: Response) => resolveLayers(ctx, principalOf(res), String(req.params.id))[0];

  router.get('/tileMatrixSets', wrap((_req, res) => void res.json(tileMatrixSetList(baseUrlOf(res)))));
  router.get('/tileMatrixSets/:id', wrap((req, res) => void res.json(tileMatrixSetDocument(tms(String(req.params.id)), baseUrlOf(res)))));

  for (const kind of ['vector', 'map'] as const) {
    const prefix = kind === 'vector' ? '/collections/:id/tiles' : '/collections/:id/map/tiles';
    router.get(prefix, wrap((req, res) => void res.json(tilesetList(layerOf(req, res), baseUrlOf(res), kind))));
    router.get(`${prefix}/:tms`, wrap((req, res) => void res.json(tilesetMetadata(layerOf(req, res), tms(String(req.params.tms)), baseUrlOf(res), kind))));
    router.get(
      `${prefix}/:tms/:z/:row/:col`,
      wrap(async (req, res) => {
        const layer = layerOf(req, res);
        const t = tms(String(req.params.tms));
        const f = req.query.f === undefined ? (kind === 'vector' ? 'mvt' : 'png') : String(req.query.f);
        const format: TileFormat | undefined = tileFormat(f);
        if (!format || (kind === 'vector') !== (format === 'pbf')) throw new HttpError(400, 'InvalidParameterValue', kind === 'vector' ? 'f must be mvt' : 'f must be png, jpg or webp');
        const z = whole(String(req.params.z), 'tileMatrix');
        const row = whole(String(req.params.row), 'tileRow');
        const col = whole(String(req.params.col), 'tileCol');
        if (!t.matrices[z]) throw new HttpError(404, 'NotFound', `No tile matrix ${z} in ${t.id}`);
        const out = await serveTile(ctx, principalOf(res), { layers: [layer], tms: t, z, row, col, format, style: styleParam(req, format) }, { ifNoneMatch: req.get('if-none-match'), acceptEncoding: req.get('accept-encoding') });
        sendTile(res, out);
      }),
    );
  }
}

/** WMTS 1.0.0 at /wmts (and /ows?SERVICE=WMTS): GetCapabilities, GetTile and GetFeatureInfo
 *  in KVP, and RESTful under /wmts/1.0.0/. Visible layers only; a hidden layer is reported as
 *  an unknown one. Errors are OWS 1.1 exception reports. */
import type { Express, Request, Response } from 'express';
import type { OwsService } from './ows-service.js';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { visibilityScope } from '../../data/access.js';
import { OgcError, missing } from '../../data/errors.js';
import { sendOwsException } from '../../ogc/exceptions.js';
import { cachedDocument, documentsOf, sendCachedDocument, type CachedDocument } from '../../ogc/cached-document.js';
import { Kvp } from '../../ogc/kvp.js';
import { EXT, WMTS_INFO_FORMATS, wmtsCapabilities, wmtsStyles, type WmtsStyle } from '../../ogc/wmts/capabilities.js';
import { allStyleNames } from '../../data/styles/store.js';
import { tileMatrixSet } from '../../tiles/matrix-sets.js';
import { checkTileAddress, serveTile, tileFormat } from '../../tiles/service.js';
import { featureInfo, featureInfoBody } from '../../tiles/feature-info.js';
import { sendTile } from './tiles.js';

interface WmtsTileParams {
  layer: string;
  style: string;
  format: string;
  tileMatrixSet: string;
  tileMatrix: string;
  tileRow: string;
  tileCol: string;
}

const stylesCache = new WeakMap<AppContext, { revision: number; styles: Promise<Map<string, WmtsStyle[]>> }>();

/** Stored style names of every layer, read once per catalogue revision (a style change moves
 *  it), so a tile request does not query them. */
function styleNames(ctx: AppContext): Promise<Map<string, WmtsStyle[]>> {
  let c = stylesCache.get(ctx);
  if (!c || c.revision !== ctx.catalogue.revision) {
    c = { revision: ctx.catalogue.revision, styles: allStyleNames(ctx.db).catch((err) => {
        stylesCache.delete(ctx); // a failed read is not remembered
        throw err;
      }),
    };
    stylesCache.set(ctx, c);
  }
  return c.styles;
}

const capsCache = new WeakMap<AppContext, Map<string, Promise<CachedDocument>>>();

/** Capabilities per (visibility scope, catalogue revision, base URL); a style change moves the
 *  revision too. ETag and 304 for clients that poll. */
async function capabilities(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const base = baseUrlOf(res);
  const p = principalOf(res);
  const docs = documentsOf(capsCache, ctx);
  const key = `${visibilityScope(p)}|${ctx.catalogue.revision}|${base}`;
  let doc = docs.get(key);
  if (!doc) {
    doc = styleNames(ctx).then((styles) => cachedDocument(wmtsCapabilities(ctx.catalogue.visibleLayers(p), styles, base)));
    doc.catch(() => docs.delete(key));
    if (docs.size > 200) docs.clear();
    docs.set(key, doc);
  }
  res.set({ 'Cache-Control': p.kind === 'anonymous' ? 'public, max-age=0, must-revalidate' : 'private, max-age=0, must-revalidate', Vary: 'Authorization' });
  sendCachedDocument(req, res, await doc, 'application/xml; charset=utf-8');
}

const wholeNumber = (v: string, name: string) => {
  if (!/^\d{1,9}$/.test(v)) throw new OgcError('InvalidParameterValue', `${name} must be a whole number`, name);
  return Number(v);
};

/** The tile's layer, style and address; a hidden layer is an unknown one. The style matters
 *  for images only (a vector tile carries data, not a style). */
async function resolveTile(ctx: AppContext, res: Response, q: WmtsTileParams, styled: boolean) {
  const layer = ctx.catalogue.find(principalOf(res), q.layer);
  if (!layer) throw new OgcError('InvalidParameterValue', `Unknown layer ${q.layer}`, 'Layer');
  const styles = wmtsStyles((await styleNames(ctx)).get(layer.id));
  const style = q.style ? styles.find((s) => s.name === q.style) : styles[0];
  if (!style) throw new OgcError('InvalidParameterValue', `Unknown style ${q.style} (${styles.map((s) => s.name).join(', ')})`, 'Style');
  const tms = tileMatrixSet(q.tileMatrixSet);
  if (!tms) throw new OgcError('InvalidParameterValue', `Unknown TileMatrixSet ${q.tileMatrixSet}`, 'TileMatrixSet');
  if (!/^\d{1,2}$/.test(q.tileMatrix) || !tms.matrices[Number(q.tileMatrix)]) throw new OgcError('InvalidParameterValue', `Unknown TileMatrix ${q.tileMatrix} in ${tms.id}`, 'TileMatrix');
  const z = Number(q.tileMatrix);
  const row = wholeNumber(q.tileRow, 'TileRow');
  const col = wholeNumber(q.tileCol, 'TileCol');
  const m = checkTileAddress(tms, z, col, row);
  return { layer, tms, z, row, col, m, style: styled && style !== styles[0] ? style.name : undefined };
}

async function getTile(ctx: AppContext, req: Request, res: Response, q: WmtsTileParams): Promise<void> {
  const format = tileFormat(q.format);
  if (!format) throw new OgcError('InvalidParameterValue', `Unsupported format ${q.format} (image/png, image/jpeg, image/webp, application/vnd.mapbox-vector-tile)`, 'Format');
  const { layer, tms, z, row, col, style } = await resolveTile(ctx, res, q, format !== 'pbf');
  const t = await serveTile(ctx, principalOf(res), { layers: [layer], tms, z, col, row, format, style }, { ifNoneMatch: req.get('if-none-match'), acceptEncoding: req.get('accept-encoding') });
  sendTile(res, t);
}

async function getFeatureInfo(ctx: AppContext, res: Response, q: WmtsTileParams & { infoFormat: string; i: string; j: string }): Promise<void> {
  const infoFormat = WMTS_INFO_FORMATS.find((f) => f === q.infoFormat.toLowerCase().split(';')[0].trim());
  if (!infoFormat) throw new OgcError('InvalidParameterValue', `Unsupported InfoFormat ${q.infoFormat} (${WMTS_INFO_FORMATS.join(', ')})`, 'InfoFormat');
  const { layer, tms, row, col, m } = await resolveTile(ctx, res, q, false);
  const i = wholeNumber(q.i, 'I');
  const j = wholeNumber(q.j, 'J');
  if (i >= m.tileWidth) throw new OgcError('PointIJOutOfRange', `I must be below ${m.tileWidth}`, 'I');
  if (j >= m.tileHeight) throw new OgcError('PointIJOutOfRange', `J must be below ${m.tileHeight}`, 'J');
  const features = await featureInfo(ctx.db, layer, tms, m, col, row, i, j);
  res.status(200).type(`${infoFormat}; charset=utf-8`).set('Cache-Control', 'private, no-cache').send(featureInfoBody(layer, features, infoFormat));
}

/** The requests a client makes of the bare address `/wmts` as people paste it, answered with
 *  the capabilities: GDAL's WMTS driver (`WMTS:…/wmts`) fetches the address as it is, without
 *  parameters; QGIS's WMS/WMTS connection appends SERVICE=WMS&REQUEST=GetCapabilities and tells
 *  WMTS from the answer. Every other request is a WMTS request and keeps WMTS's exceptions. */
function capabilitiesAsPasted(req: Request, kvp: Kvp): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (kvp.entries().next().done) return true;
  return kvp.get('SERVICE')?.toUpperCase() === 'WMS' && kvp.get('REQUEST')?.toLowerCase() === 'getcapabilities';
}

export const wmtsService: OwsService = {
  name: 'WMTS',
  async handle(req, res, ctx) {
    try {
      const kvp = Kvp.fromRequest(req);
      if (capabilitiesAsPasted(req, kvp)) {
        await capabilities(ctx, req, res);
        return;
      }
      const service = kvp.get('SERVICE');
      if (service !== undefined && service.toUpperCase() !== 'WMTS') throw new OgcError('InvalidParameterValue', `SERVICE must be WMTS`, 'service');
      const request = kvp.get('REQUEST');
      if (!request) throw missing('request');
      const version = kvp.get('VERSION');
      if (request.toLowerCase() !== 'getcapabilities' && version && version !== '1.0.0') throw new OgcError('InvalidParameterValue', 'VERSION must be 1.0.0', 'version');
      const need = (name: string) => {
        const v = kvp.get(name);
        if (v === undefined || v === '') throw missing(name);
        return v;
      };
      const tileParams = (): WmtsTileParams => ({
        layer: need('LAYER'),
        style: kvp.get('STYLE') ?? '',
        format: need('FORMAT'),
        tileMatrixSet: need('TILEMATRIXSET'),
        tileMatrix: need('TILEMATRIX'),
        tileRow: need('TILEROW'),
        tileCol: need('TILECOL'),
      });
      switch (request.toLowerCase()) {
        case 'getcapabilities': {
          const av = kvp.get('ACCEPTVERSIONS');
          if (av && !av.split(',').map((s) => s.trim()).includes('1.0.0')) throw new OgcError('VersionNegotiationFailed', 'Only WMTS 1.0.0 is offered', 'AcceptVersions');
          await capabilities(ctx, req, res);
          return;
        }
        case 'gettile':
          await getTile(ctx, req, res, tileParams());
          return;
        case 'getfeatureinfo': {
          const tp = { ...tileParams(), format: kvp.get('FORMAT') ?? '' };
          await getFeatureInfo(ctx, res, { ...tp, infoFormat: need('INFOFORMAT'), i: need('I'), j: need('J') });
          return;
        }
        default:
          throw new OgcError('OperationNotSupported', `No operation ${request} (GetCapabilities, GetTile, GetFeatureInfo)`, 'request');
      }
    } catch (err) {
      if (!(err instanceof OgcError)) ctx.log.error('wmts error', { error: String((err as Error)?.stack ?? err) });
      sendOwsException(res, err, '1.1.0');
    }
  },
};

const REST_TILE = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/.]+)\.([A-Za-z0-9]+)$/;
const REST_INFO = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/.]+)\.([A-Za-z0-9]+)$/;
const BY_EXT = Object.fromEntries(Object.entries(EXT).map(([f, e]) => [e, f]));

/** RESTful WMTS: /wmts/1.0.0/WMTSCapabilities.xml, tiles and feature info by template. */
export function mountWmtsRest(app: Express, ctx: AppContext): void {
  app.get(/^\/wmts\/1\.0\.0\/.*/, async (req, res) => {
    try {
      const rest = req.path.slice('/wmts/1.0.0'.length);
      if (rest === '/WMTSCapabilities.xml') {
        await capabilities(ctx, req, res);
        return;
      }
      const dec = (s: string) => {
        try {
          return decodeURIComponent(s);
        } catch {
          throw new OgcError('InvalidParameterValue', 'Malformed path segment');
        }
      };
      let m = REST_TILE.exec(rest);
      if (m) {
        const format = BY_EXT[m[7].toLowerCase()] ?? (m[7].toLowerCase() === 'mvt' ? 'application/vnd.mapbox-vector-tile' : m[7].toLowerCase() === 'jpeg' ? 'image/jpeg' : undefined);
        if (!format || !tileFormat(format)) throw new OgcError('InvalidParameterValue', `Unsupported tile format .${m[7]}`, 'Format', 404);
        await getTile(ctx, req, res, { layer: dec(m[1]), style: dec(m[2]), tileMatrixSet: dec(m[3]), tileMatrix: dec(m[4]), tileRow: m[5], tileCol: m[6], format });
        return;
      }
      m = REST_INFO.exec(rest);
      if (m) {
        const infoFormat = BY_EXT[m[9].toLowerCase()];
        if (!infoFormat) throw new OgcError('InvalidParameterValue', `Unsupported info format .${m[9]}`, 'InfoFormat', 404);
        await getFeatureInfo(ctx, res, { layer: dec(m[1]), style: dec(m[2]), tileMatrixSet: dec(m[3]), tileMatrix: dec(m[4]), tileRow: m[5], tileCol: m[6], j: m[7], i: m[8], infoFormat, format: '' });
        return;
      }
      throw new OgcError('InvalidParameterValue', `No WMTS resource at ${req.path}`, undefined, 404);
    } catch (err) {
      if (!(err instanceof OgcError)) ctx.log.error('wmts error', { error: String((err as Error)?.stack ?? err) });
      sendOwsException(res, err, '1.1.0');
    }
  });
}

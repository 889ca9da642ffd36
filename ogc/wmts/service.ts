/** WMTS 1.0.0: GetCapabilities, GetTile and GetFeatureInfo in KVP (at /wmts and /ows) and
 *  RESTful (below /wmts/1.0.0/). Visible layers only; a hidden layer is reported as an unknown
 *  one. Operations throw OgcError; exception.ts renders it. The node creates one service at
 *  start, which keeps the capabilities and the layers' style names. */
import { LRUCache } from 'lru-cache';
import { visibilityScope } from '../../data/access.js';
import type { Catalogue } from '../../data/catalogue/catalogue.js';
import type { Site } from '../../data/site.js';
import type { Db } from '../../data/db/types.js';
import { OgcError, missing } from '../../data/errors.js';
import { reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import { allStyleNames } from '../../data/styles/store.js';
import { tileFormat } from '../../tiles/format.js';
import { tileMatrixSet } from '../../tiles/matrix-sets.js';
import { wholeNumber } from '../../tiles/params.js';
import { checkTileAddress, type TileService } from '../../tiles/service.js';
import { cachedDocument, documentReply, type CachedDocument } from '../cached-document.js';
import { Kvp } from '../kvp.js';
import { EXT, WMTS_INFO_FORMATS, wmtsCapabilities, wmtsStyles, type WmtsStyle } from './capabilities.js';
import { featureInfo, featureInfoBody } from './feature-info.js';

/** What WMTS needs of the node. */
export interface WmtsNode {
  db: Db;
  catalogue: Pick<Catalogue, 'find' | 'visibleLayers' | 'revision' | 'onChange'>;
  tiles: Pick<TileService, 'reply'>;
  /** site: the capabilities' service identification and provider. */
  config: { site: Site };
}

export interface WmtsOptions {
  /** Capabilities documents kept (one per visibility scope and base URL). */
  documents?: number;
}

interface TileParams {
  layer: string;
  style: string;
  format: string;
  tileMatrixSet: string;
  tileMatrix: string;
  tileRow: string;
  tileCol: string;
}

interface InfoParams extends TileParams {
  infoFormat: string;
  i: string;
  j: string;
}

const REST_TILE = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/.]+)\.([A-Za-z0-9]+)$/;
const REST_INFO = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/.]+)\.([A-Za-z0-9]+)$/;
/** MIME type by RESTful file extension; tiles also take the other names of two of them. */
const BY_EXT = new Map(Object.entries(EXT).map(([f, e]) => [e, f]));
const TILE_BY_EXT = new Map([...BY_EXT, ['mvt', 'application/vnd.mapbox-vector-tile'], ['jpeg', 'image/jpeg']]);

function segment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new OgcError('InvalidParameterValue', 'Malformed path segment');
  }
}

/** The requests a client makes of the bare address `/wmts` as people paste it, answered with
 *  the capabilities: GDAL's WMTS driver (`WMTS:…/wmts`) fetches the address as it is, without
 *  parameters; QGIS's WMS/WMTS connection appends SERVICE=WMS&REQUEST=GetCapabilities and tells
 *  WMTS from the answer. Every other request is a WMTS request and keeps WMTS's exceptions. */
function capabilitiesAsPasted(req: ServiceRequest, kvp: Kvp): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (kvp.entries().next().done) return true;
  return kvp.get('SERVICE')?.toUpperCase() === 'WMS' && kvp.get('REQUEST')?.toLowerCase() === 'getcapabilities';
}

export function createWmtsService(node: WmtsNode, opts: WmtsOptions = {}) {
  /** Capabilities per (visibility scope, catalogue revision, base URL); a style change moves
   *  the revision too. */
  const documents = new LRUCache<string, Promise<CachedDocument>>({ max: opts.documents ?? 200 });
  node.catalogue.onChange(() => documents.clear());
  let styles: { revision: number; names: Promise<Map<string, WmtsStyle[]>> } | null = null;

  /** Stored style names of every layer, read once per catalogue revision (a style change
   *  moves it), so a tile request does not query them. */
  function styleNames(): Promise<Map<string, WmtsStyle[]>> {
    const revision = node.catalogue.revision;
    if (!styles || styles.revision !== revision) {
      const names = allStyleNames(node.db);
      const entry = { revision, names };
      styles = entry;
      // A failed read is not remembered.
      names.catch(() => {
        if (styles === entry) styles = null;
      });
    }
    return styles.names;
  }

  async function capabilities(req: ServiceRequest): Promise<Reply> {
    const p = req.principal;
    const key = `${visibilityScope(p)}|${node.catalogue.revision}|${req.baseUrl}`;
    let doc = documents.get(key);
    if (!doc) {
      const made = styleNames().then((s) =>
        cachedDocument(wmtsCapabilities(node.catalogue.visibleLayers(p), s, req.baseUrl, node.config.site)),
      );
      made.catch(() => documents.delete(key));
      documents.set(key, made);
      doc = made;
    }
    return documentReply(req, await doc, 'application/xml; charset=utf-8', {
      'cache-control': `${p.kind === 'anonymous' ? 'public' : 'private'}, max-age=0, must-revalidate`,
      vary: 'Authorization',
    });
  }

  /** The tile's layer, style and address; a hidden layer is an unknown one. The style matters
   *  for images only (a vector tile carries data, not a style). */
  async function resolveTile(req: ServiceRequest, q: TileParams, styled: boolean) {
    const layer = node.catalogue.find(req.principal, q.layer);
    if (!layer) throw new OgcError('InvalidParameterValue', `Unknown layer ${q.layer}`, 'Layer');
    const choices = wmtsStyles((await styleNames()).get(layer.id));
    const style = q.style ? choices.find((s) => s.name === q.style) : choices[0];
    if (!style)
      throw new OgcError(
        'InvalidParameterValue',
        `Unknown style ${q.style} (${choices.map((s) => s.name).join(', ')})`,
        'Style',
      );
    const tms = tileMatrixSet(q.tileMatrixSet);
    if (!tms) throw new OgcError('InvalidParameterValue', `Unknown TileMatrixSet ${q.tileMatrixSet}`, 'TileMatrixSet');
    if (!/^\d{1,2}$/.test(q.tileMatrix) || !tms.matrices[Number(q.tileMatrix)])
      throw new OgcError('InvalidParameterValue', `Unknown TileMatrix ${q.tileMatrix} in ${tms.id}`, 'TileMatrix');
    const z = Number(q.tileMatrix);
    const row = wholeNumber(q.tileRow, 'TileRow');
    const col = wholeNumber(q.tileCol, 'TileCol');
    const m = checkTileAddress(tms, z, col, row);
    return { layer, tms, z, row, col, m, style: styled && style !== choices[0] ? style.name : undefined };
  }

  async function getTile(req: ServiceRequest, q: TileParams): Promise<Reply> {
    const format = tileFormat(q.format);
    if (!format)
      throw new OgcError(
        'InvalidParameterValue',
        `Unsupported format ${q.format} (image/png, image/jpeg, image/webp, application/vnd.mapbox-vector-tile)`,
        'Format',
      );
    const { layer, tms, z, row, col, style } = await resolveTile(req, q, format !== 'pbf');
    return node.tiles.reply(req, { layers: [layer], tms, z, col, row, format, style });
  }

  async function getFeatureInfo(req: ServiceRequest, q: InfoParams): Promise<Reply> {
    const infoFormat = WMTS_INFO_FORMATS.find((f) => f === q.infoFormat.toLowerCase().split(';')[0].trim());
    if (!infoFormat)
      throw new OgcError(
        'InvalidParameterValue',
        `Unsupported InfoFormat ${q.infoFormat} (${WMTS_INFO_FORMATS.join(', ')})`,
        'InfoFormat',
      );
    const { layer, tms, row, col, m } = await resolveTile(req, q, false);
    const i = wholeNumber(q.i, 'I');
    const j = wholeNumber(q.j, 'J');
    if (i >= m.tileWidth) throw new OgcError('PointIJOutOfRange', `I must be below ${m.tileWidth}`, 'I');
    if (j >= m.tileHeight) throw new OgcError('PointIJOutOfRange', `J must be below ${m.tileHeight}`, 'J');
    const features = await featureInfo(node.db, layer, tms, m, col, row, i, j);
    return reply(200, `${infoFormat}; charset=utf-8`, featureInfoBody(layer, features, infoFormat), {
      'cache-control': 'private, no-cache',
    });
  }

  /** KVP requests (a form POST's fields are in `query` too). */
  async function kvp(req: ServiceRequest): Promise<Reply> {
    const kvp = new Kvp(Object.entries(req.query));
    if (capabilitiesAsPasted(req, kvp)) return capabilities(req);
    const service = kvp.get('SERVICE');
    if (service !== undefined && service.toUpperCase() !== 'WMTS')
      throw new OgcError('InvalidParameterValue', `SERVICE must be WMTS`, 'service');
    const request = kvp.get('REQUEST');
    if (!request) throw missing('request');
    const version = kvp.get('VERSION');
    if (request.toLowerCase() !== 'getcapabilities' && version && version !== '1.0.0')
      throw new OgcError('InvalidParameterValue', 'VERSION must be 1.0.0', 'version');
    const need = (name: string) => {
      const v = kvp.get(name);
      if (v === undefined || v === '') throw missing(name);
      return v;
    };
    const tileParams = (): TileParams => ({
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
        if (
          av &&
          !av
            .split(',')
            .map((s) => s.trim())
            .includes('1.0.0')
        )
          throw new OgcError('VersionNegotiationFailed', 'Only WMTS 1.0.0 is offered', 'AcceptVersions');
        return capabilities(req);
      }
      case 'gettile':
        return getTile(req, tileParams());
      case 'getfeatureinfo': {
        const tp = { ...tileParams(), format: kvp.get('FORMAT') ?? '' };
        return getFeatureInfo(req, { ...tp, infoFormat: need('INFOFORMAT'), i: need('I'), j: need('J') });
      }
      default:
        throw new OgcError(
          'OperationNotSupported',
          `No operation ${request} (GetCapabilities, GetTile, GetFeatureInfo)`,
          'request',
        );
    }
  }

  /** RESTful requests; `req.path` is below /wmts/1.0.0: the capabilities, tiles and feature
   *  info by template. */
  async function rest(req: ServiceRequest): Promise<Reply> {
    if (req.path === '/WMTSCapabilities.xml') return capabilities(req);
    let m = REST_TILE.exec(req.path);
    if (m) {
      const format = TILE_BY_EXT.get(m[7].toLowerCase());
      if (!format || !tileFormat(format))
        throw new OgcError('InvalidParameterValue', `Unsupported tile format .${m[7]}`, 'Format', 404);
      return getTile(req, {
        layer: segment(m[1]),
        style: segment(m[2]),
        tileMatrixSet: segment(m[3]),
        tileMatrix: segment(m[4]),
        tileRow: m[5],
        tileCol: m[6],
        format,
      });
    }
    m = REST_INFO.exec(req.path);
    if (m) {
      const infoFormat = BY_EXT.get(m[9].toLowerCase());
      if (!infoFormat)
        throw new OgcError('InvalidParameterValue', `Unsupported info format .${m[9]}`, 'InfoFormat', 404);
      return getFeatureInfo(req, {
        layer: segment(m[1]),
        style: segment(m[2]),
        tileMatrixSet: segment(m[3]),
        tileMatrix: segment(m[4]),
        tileRow: m[5],
        tileCol: m[6],
        j: m[7],
        i: m[8],
        infoFormat,
        format: '',
      });
    }
    throw new OgcError('InvalidParameterValue', `No WMTS resource at /wmts/1.0.0${req.path}`, undefined, 404);
  }

  return { kvp, rest };
}

export type WmtsService = ReturnType<typeof createWmtsService>;

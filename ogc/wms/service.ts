/** The WMS endpoint (1.3.0 and 1.1.1): GetCapabilities (made once per catalogue revision,
 *  see capabilities-cache.ts; ETag/304, precompressed gzip), GetMap, GetFeatureInfo,
 *  GetLegendGraphic; every error in the version's exception form (or INIMAGE/BLANK).
 *  /wms/{org} and NAMESPACE=org narrow capabilities to one organisation. */
import type { Request, Response } from 'express';
import type { AppContext } from '../../server/context.js';
import type { Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { baseUrlOf, principalOf } from '../../server/context.js';
import { OgcError } from '../../data/errors.js';
import { Kvp } from '../kvp.js';
import { resolveStyle } from '../../styles/resolve.js';
import { legendImage } from '../../styles/legend.js';
import { sendWmsException, type WmsVersion } from './exceptions.js';
import { capabilitiesDoc } from './capabilities-cache.js';
import { sendCachedDocument } from '../cached-document.js';
import { getMap, stylesFromSld } from './getmap.js';
import { getFeatureInfo } from './featureinfo.js';
import { MAX_SIDE, parseFormat, required, wmsVersion } from './request.js';

async function sendCapabilities(ctx: AppContext, req: Request, res: Response, kvp: Kvp, version: WmsVersion, org?: string): Promise<void> {
  const p = principalOf(res);
  const ns = org ?? kvp.get('NAMESPACE')?.split(',')[0]?.replace(/^xmlns\((\w+)=.*$/, '$1').trim() ?? undefined;
  const onlyLayer = kvp.get('LAYER');
  const base = baseUrlOf(res);
  const url = `${base}/wms${org ? `/${org}` : ''}`;
  if (org && !ctx.catalogue.organisation(org)) throw new OgcError('InvalidParameterValue', `No organisation ${org}`, 'namespace', 404);
  const hit = await capabilitiesDoc(ctx, { version, principal: p, url, organisation: ns, layer: onlyLayer });
  res.setHeader('Cache-Control', 'no-cache');
  sendCachedDocument(req, res, hit, `${version === '1.1.1' ? 'application/vnd.ogc.wms_xml' : 'text/xml'}; charset=utf-8`);
}

/** Answers drawn from layers may be kept by shared caches only when an anonymous caller asked
 *  and every layer is PUBLIC; a layer seen only with credentials is `private`, and since the
 *  answer depends on who asks, every one says `Vary: Authorization`. */
function cacheFor(res: Response, p: Principal, layers: Layer[], freshness: string): void {
  const shared = p.kind === 'anonymous' && layers.every((l) => l.accessClass === 'PUBLIC');
  res.setHeader('Cache-Control', `${shared ? 'public' : 'private'}, ${freshness}`);
  res.vary('Authorization');
}

async function sendLegend(ctx: AppContext, res: Response, kvp: Kvp): Promise<void> {
  const p = principalOf(res);
  const name = required(kvp, 'LAYER');
  const layer = ctx.catalogue.find(p, name);
  if (!layer) throw new OgcError('LayerNotDefined', `No layer ${name}`, 'LAYER');
  const sld = kvp.get('SLD_BODY') ? stylesFromSld(ctx, kvp, baseUrlOf(res)).body?.find((s) => s.name === layer.name)?.styles[0] : undefined;
  const style = sld ?? (await resolveStyle(ctx, layer, kvp.get('STYLE')));
  const format = parseFormat(kvp, 'FORMAT', 'image/png');
  const dim = (k: string) => {
    const t = kvp.get(k);
    const n = t === undefined ? 20 : Number(t);
    if (!Number.isInteger(n) || n < 1 || n > 512) throw new OgcError('InvalidParameterValue', `${k} must be 1 to 512`, k);
    return n;
  };
  const rule = kvp.get('RULE');
  if (rule && !style.rules.some((r) => r.name === rule)) throw new OgcError('InvalidParameterValue', `Style ${style.name} has no rule ${rule}`, 'RULE');
  const body = await legendImage(style, { width: dim('WIDTH'), height: dim('HEIGHT'), format, rule, transparent: !/^false$/i.test(kvp.get('TRANSPARENT') ?? 'true') });
  cacheFor(res, p, [layer], 'max-age=60');
  res.status(200).type(format).send(body);
}

export async function handleWms(req: Request, res: Response, ctx: AppContext): Promise<void> {
  const kvp = Kvp.fromRequest(req);
  const version = wmsVersion(kvp);
  const request = (kvp.get('REQUEST') ?? '').toLowerCase();
  const exceptions = (kvp.get('EXCEPTIONS') ?? '').toUpperCase();
  const image = request === 'getmap' && /INIMAGE|BLANK/.test(exceptions)
    ? { mode: (/BLANK/.test(exceptions) ? 'BLANK' : 'INIMAGE') as 'INIMAGE' | 'BLANK', width: Math.min(MAX_SIDE, Number(kvp.get('WIDTH')) || 0), height: Math.min(MAX_SIDE, Number(kvp.get('HEIGHT')) || 0), format: kvp.get('FORMAT') ?? 'image/png', transparent: /^true$/i.test(kvp.get('TRANSPARENT') ?? ''), bgcolor: kvp.get('BGCOLOR') }
    : undefined;
  try {
    const service = kvp.get('SERVICE');
    if (service && service.toUpperCase() !== 'WMS' && request !== 'getcapabilities') throw new OgcError('InvalidParameterValue', `SERVICE must be WMS`, 'SERVICE');
    const org = typeof req.params?.org === 'string' ? req.params.org : undefined;
    switch (request) {
      case 'getcapabilities':
      case 'capabilities':
        return await sendCapabilities(ctx, req, res, kvp, version, org);
      case 'getmap':
      case 'map': {
        const out = await getMap(ctx, principalOf(res), kvp, version, baseUrlOf(res));
        cacheFor(res, principalOf(res), out.layers, 'no-cache');
        res.status(200).type(out.contentType).send(out.body);
        return;
      }
      case 'getfeatureinfo': {
        const out = await getFeatureInfo(ctx, principalOf(res), kvp, version, baseUrlOf(res));
        cacheFor(res, principalOf(res), out.layers, 'no-cache');
        res.status(200).type(out.contentType).send(out.body);
        return;
      }
      case 'getlegendgraphic':
        return await sendLegend(ctx, res, kvp);
      case '':
        throw new OgcError('MissingParameterValue', 'Parameter REQUEST is required', 'REQUEST');
      default:
        throw new OgcError('OperationNotSupported', `Request ${kvp.get('REQUEST')} is not supported`, 'REQUEST');
    }
  } catch (err) {
    if (!(err instanceof OgcError)) ctx.log.warn('wms request failed', { error: String((err as Error)?.message ?? err) });
    await sendWmsException(res, version, err, image);
  }
}

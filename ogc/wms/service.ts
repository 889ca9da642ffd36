/** The WMS service (1.3.0 and 1.1.1): GetCapabilities (made once per catalogue revision,
 *  see capabilities-cache.ts; ETag/304, precompressed gzip), GetMap, GetFeatureInfo,
 *  GetLegendGraphic; every error in the version's exception form (or INIMAGE/BLANK).
 *  /wms/{org} and NAMESPACE=org narrow capabilities to one organisation. */
import { OgcError } from '../../data/errors.js';
import type { Reply, ServiceRequest } from '../../data/reply.js';
import { Kvp } from '../kvp.js';
import { documentReply } from '../cached-document.js';
import { wmsExceptionReply } from './exceptions.js';
import { CapabilitiesCache } from './capabilities-cache.js';
import { getMap } from './getmap.js';
import { getFeatureInfo } from './featureinfo.js';
import { getLegendGraphic } from './legend.js';
import type { WmsNode } from './node.js';
import { imageExceptionOf, wmsVersion, type WmsRequest } from './request.js';

export interface WmsService {
  /** Answers a request at /wms, or at /wms/{org} when `org` is given; never throws: an error is
   *  the version's exception reply. */
  handle(req: ServiceRequest, org?: string): Promise<Reply>;
  /** Stops background work (the node is closing). */
  close(): void;
}

export interface WmsOptions {
  /** Most capabilities documents kept (one per version, caller scope, URL and filter). */
  capabilitiesDocs?: number;
}

type Operation = (node: WmsNode, r: WmsRequest, org: string | undefined) => Promise<Reply>;

export function createWmsService(node: WmsNode, options: WmsOptions = {}): WmsService {
  const caps = new CapabilitiesCache(node, options.capabilitiesDocs);

  const getCapabilities: Operation = async (_node, r, org) => {
    const { kvp, version } = r;
    const ns =
      org ??
      kvp
        .get('NAMESPACE')
        ?.split(',')[0]
        ?.replace(/^xmlns\((\w+)=.*$/, '$1')
        .trim() ??
      undefined;
    const url = `${r.baseUrl}/wms${org ? `/${org}` : ''}`;
    if (org && !node.catalogue.organisation(org))
      throw new OgcError('InvalidParameterValue', `No organisation ${org}`, 'namespace', 404);
    const doc = await caps.doc({ version, principal: r.principal, url, organisation: ns, layer: kvp.get('LAYER') });
    return documentReply(r, doc, `${version === '1.1.1' ? 'application/vnd.ogc.wms_xml' : 'text/xml'}; charset=utf-8`, {
      'cache-control': 'no-cache',
    });
  };

  /** REQUEST (lower case) → its operation; 1.0 spellings too. */
  const operations: Record<string, Operation> = {
    getcapabilities: getCapabilities,
    capabilities: getCapabilities,
    getmap: getMap,
    map: getMap,
    getfeatureinfo: getFeatureInfo,
    getlegendgraphic: getLegendGraphic,
  };

  async function handle(req: ServiceRequest, org?: string): Promise<Reply> {
    const kvp = new Kvp(Object.entries(req.query));
    const version = wmsVersion(kvp);
    const request = (kvp.get('REQUEST') ?? '').toLowerCase();
    try {
      const service = kvp.get('SERVICE');
      if (service && service.toUpperCase() !== 'WMS' && request !== 'getcapabilities')
        throw new OgcError('InvalidParameterValue', `SERVICE must be WMS`, 'SERVICE');
      if (!request) throw new OgcError('MissingParameterValue', 'Parameter REQUEST is required', 'REQUEST');
      const operation = Object.hasOwn(operations, request) ? operations[request] : undefined;
      if (!operation)
        throw new OgcError('OperationNotSupported', `Request ${kvp.get('REQUEST')} is not supported`, 'REQUEST');
      return await operation(node, { ...req, kvp, version }, org);
    } catch (err) {
      if (!(err instanceof OgcError))
        node.log.warn('wms request failed', { error: String((err as Error)?.message ?? err) });
      return wmsExceptionReply(version, err, imageExceptionOf(kvp, request));
    }
  }

  return { handle, close: () => caps.close() };
}

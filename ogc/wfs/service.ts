/** The WFS: one request → one operation → one reply. Capabilities are kept per (version,
 *  visibility scope, catalogue revision, base URL) with their ETag and gzip. Errors are thrown
 *  (OgcError); `wfsExceptionReply` (exceptions.ts) renders them. */
import { LRUCache } from 'lru-cache';
import type { Principal } from '../../data/access.js';
import { visibilityScope } from '../../data/access.js';
import { OgcError, invalid } from '../../data/errors.js';
import { reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import { cachedDocument, documentReply, type CachedDocument } from '../cached-document.js';
import { Kvp } from '../kvp.js';
import { capabilities, describeStoredQueries, listStoredQueries } from './capabilities.js';
import { describeEncoding, describeFeatureType } from './describe.js';
import { getFeature, getPropertyValue, layerOf } from './getfeature.js';
import type { WfsNode } from './node.js';
import { GET_FEATURE_BY_ID, parseWfsRequest, type WfsRequest } from './request.js';

export interface WfsOptions {
  /** Capabilities documents kept (one per version, visibility scope and base URL). */
  documents: number;
}

export interface WfsService {
  handle(req: ServiceRequest): Promise<Reply>;
}

const XML = 'application/xml; charset=utf-8';

export function createWfsService(node: WfsNode, opts: WfsOptions): WfsService {
  const documents = new LRUCache<string, Promise<CachedDocument>>({ max: opts.documents });
  node.catalogue.onChange(() => documents.clear());

  async function getCapabilities(req: ServiceRequest, wreq: WfsRequest): Promise<Reply> {
    if (
      wreq.acceptVersions &&
      !wreq.acceptVersions.split(',').some((v) => /^(2\.0(\.\d)?|1\.1\.0|1\.0\.0)$/.test(v.trim()))
    ) {
      throw new OgcError(
        'VersionNegotiationFailed',
        `None of ${wreq.acceptVersions} is supported (2.0.0, 1.1.0, 1.0.0)`,
        'AcceptVersions',
      );
    }
    const key = `${wreq.version}|${visibilityScope(req.principal)}|${node.catalogue.revision}|${req.baseUrl}`;
    let doc = documents.get(key);
    if (!doc) {
      doc = cachedDocument(
        capabilities(wreq.version, node.catalogue.visibleLayers(req.principal), req.baseUrl, node.config.site),
      );
      documents.set(key, doc);
    }
    return documentReply(req, await doc, XML, { 'cache-control': 'no-cache' });
  }

  return {
    async handle(req) {
      const service = req.method === 'GET' ? Kvp.fromQuery(req.query).get('service') : undefined;
      if (service !== undefined && service.toUpperCase() !== 'WFS')
        throw invalid('service', `Unknown service ${service}`);
      const wreq = parseWfsRequest(req);
      const p = req.principal;
      switch (wreq.operation) {
        case 'GetCapabilities':
          return getCapabilities(req, wreq);
        case 'DescribeFeatureType':
          return describe(node, p, wreq);
        case 'GetFeature':
          return getFeature(node, p, req.baseUrl, wreq);
        case 'GetPropertyValue':
          return getPropertyValue(node, p, wreq);
        case 'ListStoredQueries':
          return reply(200, XML, listStoredQueries(node.catalogue.visibleLayers(p)));
        case 'DescribeStoredQueries':
          if (wreq.storedQueryIds?.some((id) => id !== GET_FEATURE_BY_ID))
            throw invalid('storedQuery_Id', 'Unknown stored query');
          return reply(200, XML, describeStoredQueries(node.catalogue.visibleLayers(p)));
      }
    },
  };
}

function describe(node: WfsNode, p: Principal, wreq: WfsRequest): Reply {
  const layers = wreq.typeNames
    ? wreq.typeNames.map((t) => layerOf(node, p, wreq, t))
    : node.catalogue.visibleLayers(p);
  if (!layers.length) throw invalid('typeNames', 'No feature types to describe');
  const enc = describeEncoding(wreq.outputFormat, wreq.version);
  // Without TYPENAMES: the types of the first organisation (one schema has one target namespace).
  const orgLayers = wreq.typeNames ? layers : layers.filter((l) => l.organisation === layers[0].organisation);
  return reply(
    200,
    `${enc === 'gml32' ? 'application/gml+xml; version=3.2' : 'text/xml; subtype=gml/3.1.1'}; charset=utf-8`,
    describeFeatureType(orgLayers, enc),
  );
}

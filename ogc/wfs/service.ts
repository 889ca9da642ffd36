/** The WFS endpoint: one request → one operation; capabilities cached per (version,
 *  visibility scope, catalogue revision, base URL) with its ETag and gzip; every error an OWS report. */
import type { Request, Response } from 'express';
import type { AppContext } from '../../server/context.js';
import { baseUrlOf, principalOf } from '../../server/context.js';
import { visibilityScope } from '../../data/access.js';
import { OgcError, invalid } from '../../data/errors.js';
import { sendOwsException } from '../exceptions.js';
import { cachedDocument, documentsOf, sendCachedDocument, type CachedDocument } from '../cached-document.js';
import { Kvp } from '../kvp.js';
import { capabilities, describeStoredQueries, listStoredQueries } from './capabilities.js';
import { describeEncoding, describeFeatureType } from './describe.js';
import { getFeature, getPropertyValue, layerOf } from './getfeature.js';
import { parseWfsRequest, type WfsRequest } from './request.js';
import { VERSIONS, negotiateVersion } from './versions.js';

const caches = new WeakMap<AppContext, Map<string, Promise<CachedDocument>>>();

async function sendCapabilities(ctx: AppContext, req: Request, res: Response, wreq: WfsRequest): Promise<void> {
  const p = principalOf(res);
  const base = baseUrlOf(res);
  if (wreq.acceptVersions && !wreq.acceptVersions.split(',').some((v) => /^(2\.0(\.\d)?|1\.1\.0|1\.0\.0)$/.test(v.trim()))) {
    throw new OgcError('VersionNegotiationFailed', `None of ${wreq.acceptVersions} is supported (2.0.0, 1.1.0, 1.0.0)`, 'AcceptVersions');
  }
  const key = `${wreq.version}|${visibilityScope(p)}|${ctx.catalogue.revision}|${base}`;
  const docs = documentsOf(caches, ctx);
  let doc = docs.get(key);
  if (!doc) {
    doc = cachedDocument(capabilities(wreq.version, ctx.catalogue.visibleLayers(p), base));
    if (docs.size > 200) docs.clear();
    docs.set(key, doc);
  }
  res.setHeader('Cache-Control', 'no-cache');
  sendCachedDocument(req, res, await doc, 'application/xml; charset=utf-8');
}

export async function handleWfs(req: Request, res: Response, ctx: AppContext): Promise<void> {
  let version = negotiateVersion(req.method === 'GET' ? Kvp.fromRequest(req).get('version') : undefined);
  try {
    const kvp = req.method === 'GET' ? Kvp.fromRequest(req) : undefined;
    const service = kvp?.get('service');
    if (service !== undefined && service.toUpperCase() !== 'WFS') throw invalid('service', `Unknown service ${service}`);
    const wreq = parseWfsRequest(req);
    version = wreq.version;
    const p = principalOf(res);
    switch (wreq.operation) {
      case 'GetCapabilities':
        return await sendCapabilities(ctx, req, res, wreq);
      case 'DescribeFeatureType': {
        const layers = wreq.typeNames ? wreq.typeNames.map((t) => layerOf(ctx, p, wreq, t)) : ctx.catalogue.visibleLayers(p);
        if (!layers.length) throw invalid('typeNames', 'No feature types to describe');
        const enc = describeEncoding(wreq.outputFormat, wreq.version);
        const orgLayers = wreq.typeNames ? layers : layers.filter((l) => l.organisation === layers[0].organisation);
        res.status(200).type(enc === 'gml32' ? 'application/gml+xml; version=3.2' : 'text/xml; subtype=gml/3.1.1').send(describeFeatureType(orgLayers, enc));
        return;
      }
      case 'GetFeature':
        return await getFeature(ctx, res, p, baseUrlOf(res), wreq);
      case 'GetPropertyValue':
        return await getPropertyValue(ctx, res, p, wreq);
      case 'ListStoredQueries':
        res.status(200).type('application/xml').send(listStoredQueries(ctx.catalogue.visibleLayers(p)));
        return;
      case 'DescribeStoredQueries':
        if (wreq.storedQueryIds?.some((id) => id !== 'urn:ogc:def:query:OGC-WFS::GetFeatureById')) throw invalid('storedQuery_Id', 'Unknown stored query');
        res.status(200).type('application/xml').send(describeStoredQueries(ctx.catalogue.visibleLayers(p)));
        return;
    }
  } catch (err) {
    if (!(err instanceof OgcError)) ctx.log.error('wfs request failed', { error: String((err as Error)?.message ?? err) });
    sendOwsException(res, err, VERSIONS[version].ows);
  }
}

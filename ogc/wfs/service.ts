/** The WFS endpoint: one request → one operation; capabilities cached per (version,
 *  visibility scope, catalogue revision, base URL) with an ETag; every error an OWS report. */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppContext } from '../../server/context.js';
import { baseUrlOf, principalOf } from '../../server/context.js';
import { visibilityScope } from '../../data/access.js';
import { OgcError, invalid } from '../errors.js';
import { sendOwsException } from '../exceptions.js';
import { Kvp } from '../kvp.js';
import { capabilities, describeStoredQueries, listStoredQueries } from './capabilities.js';
import { describeEncoding, describeFeatureType } from './describe.js';
import { getFeature, getPropertyValue, layerOf } from './getfeature.js';
import { parseWfsRequest, type WfsRequest } from './request.js';
import { VERSIONS, negotiateVersion } from './versions.js';

interface Cached { body: string; etag: string }

const caches = new WeakMap<AppContext, Map<string, Cached>>();

function cacheOf(ctx: AppContext): Map<string, Cached> {
  let c = caches.get(ctx);
  if (!c) {
    const map = new Map<string, Cached>();
    ctx.catalogue.onChange(() => map.clear());
    caches.set(ctx, map);
    c = map;
  }
  return c;
}

function sendCapabilities(ctx: AppContext, req: Request, res: Response, wreq: WfsRequest): void {
  const p = principalOf(res);
  const base = baseUrlOf(res);
  if (wreq.acceptVersions && !wreq.acceptVersions.split(',').some((v) => /^(2\.0(\.\d)?|1\.1\.0|1\.0\.0)$/.test(v.trim()))) {
    throw new OgcError('VersionNegotiationFailed', `None of ${wreq.acceptVersions} is supported (2.0.0, 1.1.0, 1.0.0)`, 'AcceptVersions');
  }
  const key = `${wreq.version}|${visibilityScope(p)}|${ctx.catalogue.revision}|${base}`;
  const cache = cacheOf(ctx);
  let hit = cache.get(key);
  if (!hit) {
    const body = capabilities(wreq.version, ctx.catalogue.visibleLayers(p), base);
    hit = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (cache.size > 200) cache.clear();
    cache.set(key, hit);
  }
  res.setHeader('ETag', hit.etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (req.headers['if-none-match'] === hit.etag) {
    res.status(304).end();
    return;
  }
  res.status(200).type('application/xml; charset=utf-8').send(hit.body);
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
        return sendCapabilities(ctx, req, res, wreq);
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

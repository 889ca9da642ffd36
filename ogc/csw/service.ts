/** CSW 2.0.2: a request (KVP or POST XML) in, a Reply out; errors are thrown as OgcError and
 *  rendered by `cswExceptionReply`. */
import { LRUCache } from 'lru-cache';
import { OgcError } from '../../data/errors.js';
import { reply, type Reply, type ServiceRequest } from '../../data/reply.js';
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import { parseKvp, parsePost, type CswRequest } from './request.js';
import { queryable } from './queryables.js';
import { pageOf, searchRecords } from './search.js';
import { XML_TYPE } from './exceptions.js';
import type { CswNode } from './node.js';
import * as out from './responses.js';

export interface CswService {
  handle(req: ServiceRequest): Reply;
}

type Handlers = {
  [K in CswRequest['request']]: (q: Extract<CswRequest, { request: K }>, req: ServiceRequest) => string;
};

/** The service with its capabilities documents kept per public base URL (`capabilitiesCacheSize` of them). */
export function createCswService(node: CswNode, opts: { capabilitiesCacheSize?: number } = {}): CswService {
  const capabilities = new LRUCache<string, string>({ max: opts.capabilitiesCacheSize ?? 20 });
  const visible = (req: ServiceRequest) => node.records.visible(req.principal, req.baseUrl);

  const handlers: Handlers = {
    GetCapabilities(_q, req) {
      let xml = capabilities.get(req.baseUrl);
      if (!xml) capabilities.set(req.baseUrl, (xml = out.capabilities(req.baseUrl, node.config.site)));
      return xml;
    },
    DescribeRecord: (q) => out.describeRecordResponse(q.typeNames),
    GetDomain(q, req) {
      if (q.parameterName) {
        const key = Object.keys(out.PARAMETER_DOMAINS).find((k) => k.toLowerCase() === q.parameterName!.toLowerCase());
        if (!key)
          throw new OgcError('InvalidParameterValue', `No domain for parameter ${q.parameterName}`, 'ParameterName');
        return out.getDomainResponse(key, 'ParameterName', out.PARAMETER_DOMAINS[key]);
      }
      const get = queryable(q.propertyName!);
      if (!get || /anytext|boundingbox/i.test(q.propertyName!))
        throw new OgcError('InvalidParameterValue', `No domain for property ${q.propertyName}`, 'PropertyName');
      const values = new Set<string>();
      for (const e of visible(req)) {
        const v = get(e);
        for (const x of Array.isArray(v) ? v : [v]) if (x !== null && x !== undefined) values.add(String(x));
      }
      return out.getDomainResponse(q.propertyName!, 'PropertyName', [...values].sort());
    },
    GetRecordById(q, req) {
      const byId = new Map(visible(req).map((e) => [e.record.id, e]));
      const recs = q.ids
        .map((id) => byId.get(id))
        .filter((e): e is IndexedRecord => !!e)
        .map((e) => out.encodeRecord(e, q.outputSchema, q.elementSet));
      return out.getRecordByIdResponse(recs);
    },
    GetRecords(q, req) {
      const hits = searchRecords(visible(req), q);
      if (q.resultType === 'validate') return out.acknowledgement(req.body ?? '');
      const { page, next } = pageOf(hits, q);
      const records: string[] = [];
      for (const e of page) {
        try {
          records.push(
            q.elementNames.length && q.outputSchema === 'csw'
              ? out.encodeElements(e, q.elementNames)
              : out.encodeRecord(e, q.outputSchema, q.elementSet),
          );
        } catch (err) {
          // One broken record must not break the page a harvester is reading.
          node.log.error('record encoding failed', { id: e.record.id, error: String(err) });
        }
      }
      return out.getRecordsResponse({
        matched: hits.length,
        records,
        next,
        elementSet: q.elementNames.length ? null : q.elementSet,
        schema: q.outputSchema,
      });
    },
  };

  return {
    handle(req) {
      const q = req.method === 'POST' && req.body?.trim() ? parsePost(req.body) : parseKvp(req.query);
      const xml = (handlers[q.request] as (q: CswRequest, req: ServiceRequest) => string)(q, req);
      return reply(200, XML_TYPE, xml);
    },
  };
}

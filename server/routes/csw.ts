/** CSW 2.0.2 at /csw (and /ows?SERVICE=CSW): the catalogue harvesters collect. */
import type { Request, Response } from 'express';
import type { OwsService } from './ows-service.js';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { RecordIndex, type IndexedRecord } from '../../data/metadata/record-index.js';
import { OgcError } from '../../data/errors.js';
import { sendOwsException } from '../../ogc/exceptions.js';
import { parseKvp, parsePost, MAX_RECORDS_CAP, type GetRecords } from '../../ogc/csw/request.js';
import { compileRecordFilter } from '../../ogc/csw/evaluate.js';
import { queryable } from '../../ogc/csw/queryables.js';
import * as out from '../../ogc/csw/responses.js';

const indexes = new WeakMap<AppContext, RecordIndex>();
export function recordIndex(ctx: AppContext): RecordIndex {
  let i = indexes.get(ctx);
  if (!i) indexes.set(ctx, (i = new RecordIndex(ctx.catalogue)));
  return i;
}

const capsCache = new Map<string, string>();

function sendXml(res: Response, xml: string) {
  res.type('application/xml; charset=utf-8').send(xml);
}

/** Matching records in a stable order: the requested sort keys, then the identifier. */
export function searchRecords(all: IndexedRecord[], q: Pick<GetRecords, 'filter' | 'sortBy'>): IndexedRecord[] {
  const pred = q.filter ? compileRecordFilter(q.filter) : null;
  const hits = pred ? all.filter((e) => pred(e)) : [...all];
  const keys = q.sortBy.map((s) => {
    const get = queryable(s.property);
    if (!get) throw new OgcError('InvalidParameterValue', `Cannot sort by ${s.property}`, 'sortBy');
    return { get, dir: s.descending ? -1 : 1 };
  });
  return hits.sort((a, b) => {
    for (const k of keys) {
      const x = String(k.get(a) ?? '');
      const y = String(k.get(b) ?? '');
      if (x !== y) return x < y ? -k.dir : k.dir;
    }
    return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
  });
}

function getRecords(req: Request, res: Response, ctx: AppContext, q: GetRecords) {
  const base = baseUrlOf(res);
  const hits = searchRecords(recordIndex(ctx).visible(principalOf(res), base), q);
  if (q.resultType === 'validate') {
    sendXml(res, out.acknowledgement(typeof req.body === 'string' ? req.body : ''));
    return;
  }
  const max = Math.min(q.maxRecords, MAX_RECORDS_CAP);
  const start = q.startPosition;
  const page = q.resultType === 'hits' ? [] : hits.slice(start - 1, start - 1 + max);
  const last = start - 1 + (q.resultType === 'hits' ? 0 : page.length);
  const next = q.resultType === 'hits' ? (hits.length >= start ? start : 0) : last < hits.length && page.length ? last + 1 : 0;
  const records: string[] = [];
  for (const e of page) {
    try {
      records.push(q.elementNames.length && q.outputSchema === 'csw' ? out.encodeElements(e, q.elementNames) : out.encodeRecord(e, q.outputSchema, q.elementSet));
    } catch (err) {
      // One broken record must not break the page a harvester is reading.
      ctx.log.error('record encoding failed', { id: e.record.id, error: String(err) });
    }
  }
  sendXml(res, out.getRecordsResponse({ matched: hits.length, records, next, elementSet: q.elementNames.length ? null : q.elementSet, schema: q.outputSchema }));
}

export const cswService: OwsService = {
  name: 'CSW',
  async handle(req, res, ctx) {
    try {
      const q = req.method === 'POST' && typeof req.body === 'string' && req.body.trim() ? parsePost(req.body) : parseKvp(req);
      const base = baseUrlOf(res);
      switch (q.request) {
        case 'GetCapabilities': {
          let xml = capsCache.get(base);
          if (!xml) {
            if (capsCache.size > 20) capsCache.clear();
            capsCache.set(base, (xml = out.capabilities(base)));
          }
          sendXml(res, xml);
          return;
        }
        case 'DescribeRecord':
          sendXml(res, out.describeRecordResponse(q.typeNames));
          return;
        case 'GetDomain': {
          if (q.parameterName) {
            const key = Object.keys(out.PARAMETER_DOMAINS).find((k) => k.toLowerCase() === q.parameterName!.toLowerCase());
            if (!key) throw new OgcError('InvalidParameterValue', `No domain for parameter ${q.parameterName}`, 'ParameterName');
            sendXml(res, out.getDomainResponse(key, 'ParameterName', out.PARAMETER_DOMAINS[key]));
            return;
          }
          const get = queryable(q.propertyName!);
          if (!get || /anytext|boundingbox/i.test(q.propertyName!)) throw new OgcError('InvalidParameterValue', `No domain for property ${q.propertyName}`, 'PropertyName');
          const values = new Set<string>();
          for (const e of recordIndex(ctx).visible(principalOf(res), base)) {
            const v = get(e);
            for (const x of Array.isArray(v) ? v : [v]) if (x !== null && x !== undefined) values.add(String(x));
          }
          sendXml(res, out.getDomainResponse(q.propertyName!, 'PropertyName', [...values].sort()));
          return;
        }
        case 'GetRecordById': {
          const visible = recordIndex(ctx).visible(principalOf(res), base);
          const byId = new Map(visible.map((e) => [e.record.id, e]));
          const recs = q.ids.map((id) => byId.get(id)).filter((e): e is IndexedRecord => !!e).map((e) => out.encodeRecord(e, q.outputSchema, q.elementSet));
          sendXml(res, out.getRecordByIdResponse(recs));
          return;
        }
        case 'GetRecords':
          getRecords(req, res, ctx, q);
          return;
      }
    } catch (err) {
      if (!(err instanceof OgcError)) ctx.log.error('csw error', { error: String((err as Error)?.stack ?? err) });
      sendOwsException(res, err, '1.0.0');
    }
  },
};

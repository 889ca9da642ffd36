/** What every OGC API resource reads of its request: the query parameters, and whether the
 *  answer is HTML (f=html, or a browser's Accept) rather than JSON. */
import { OgcError } from '../../data/errors.js';
import type { ServiceRequest } from '../../data/reply.js';
import { wantsHtml } from './html.js';

export type Query = Record<string, string | undefined>;

/** Query parameters; a repeated one is an error (its meaning would be a guess). */
export function queryOf(req: Pick<ServiceRequest, 'query'>): Query {
  const out: Query = {};
  for (const [k, v] of Object.entries(req.query)) {
    if (Array.isArray(v)) throw new OgcError('InvalidParameterValue', `Parameter ${k} is given more than once`, k);
    out[k] = v === undefined ? undefined : String(v);
  }
  return out;
}

/** f=geojson is JSON; any f but json, html and geojson is an error. */
export function asHtml(req: Pick<ServiceRequest, 'query' | 'headers'>): boolean {
  const f = queryOf(req).f;
  if (f !== undefined && !['json', 'html', 'geojson'].includes(f.toLowerCase()))
    throw new OgcError('InvalidParameterValue', 'f must be json or html', 'f');
  return wantsHtml(f === 'geojson' ? 'json' : f, req.headers.accept);
}

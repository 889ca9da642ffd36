/** Key-value-pair requests: parameter names are case-insensitive; a repeated key keeps its
 *  first value (deterministic), and values are never parsed by anything but the service. */
import type { ServiceRequest } from '../data/reply.js';

/** What KVP reads of an HTTP request: the raw URL and a parsed form body, if any. */
interface RawRequest {
  originalUrl: string;
  body?: unknown;
}

export class Kvp {
  private readonly map = new Map<string, string>();

  constructor(entries: Iterable<[string, unknown]>) {
    for (const [k, v] of entries) {
      const key = k.toUpperCase();
      if (this.map.has(key)) continue;
      const value = Array.isArray(v) ? v[0] : v;
      if (typeof value === 'string') this.map.set(key, value);
    }
  }

  /** The parameters of a ServiceRequest (query string and form fields, as the HTTP side parsed them). */
  static fromQuery(query: ServiceRequest['query']): Kvp {
    return new Kvp(Object.entries(query));
  }

  static fromRequest(req: RawRequest): Kvp {
    const raw = req.originalUrl.indexOf('?') >= 0 ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const entries: Array<[string, string]> = [];
    for (const pair of raw.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const k = eq < 0 ? pair : pair.slice(0, eq);
      const v = eq < 0 ? '' : pair.slice(eq + 1);
      entries.push([safeDecode(k), safeDecode(v)]);
    }
    // A form-encoded POST carries KVP too.
    if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
      for (const [k, v] of Object.entries(req.body)) entries.push([k, v as string]);
    }
    return new Kvp(entries);
  }

  get(name: string): string | undefined {
    return this.map.get(name.toUpperCase());
  }

  has(name: string): boolean {
    return this.map.has(name.toUpperCase());
  }

  /** Comma-separated list (empty items kept, as WMS STYLES needs them). */
  list(name: string): string[] | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : v.split(',').map((s) => s.trim());
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

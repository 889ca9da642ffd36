/** Reading a tile request: the layers it names (`a,b,…`, each visible to the caller; a hidden
 *  layer is 404 like a missing one), its style, path segments and numbers. */
import type { Principal } from '../data/access.js';
import type { Catalogue } from '../data/catalogue/catalogue.js';
import type { Layer } from '../data/catalogue/layer.js';
import { OgcError } from '../data/errors.js';

const MAX_LAYERS = 50;

export function resolveLayers(catalogue: Pick<Catalogue, 'find'>, p: Principal, names: string): Layer[] {
  const list = names
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!list.length) throw new OgcError('InvalidParameterValue', 'No layer named');
  if (list.length > MAX_LAYERS) throw new OgcError('InvalidParameterValue', `At most ${MAX_LAYERS} layers per tile`);
  const out: Layer[] = [];
  for (const n of list) {
    const l = catalogue.find(p, n);
    if (!l) throw new OgcError('NotFound', `No layer ${n}`);
    if (!out.includes(l)) out.push(l);
  }
  return out;
}

/** `?style=` names a stored style of every layer of a picture tile (as WMTS Style does);
 *  vector tiles carry data, not style. */
export function styleParam(query: Record<string, string | string[] | undefined>, format: string): string | undefined {
  const v = query.style;
  if (v === undefined || format === 'pbf') return undefined;
  if (typeof v !== 'string' || v.length > 200)
    throw new OgcError('InvalidParameterValue', 'style must be one style name', 'style');
  return v.trim() || undefined;
}

/** A path segment, percent-decoded. */
export function pathSegment(s: string, what = 'layer name'): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new OgcError('InvalidParameterValue', `Malformed ${what}: not valid percent-encoding`);
  }
}

/** A tile matrix, row or column from the path: a whole number. */
export function wholeNumber(s: string, name: string): number {
  if (!/^\d{1,9}$/.test(s)) throw new OgcError('InvalidParameterValue', `${name} must be a whole number`, name);
  return Number(s);
}

/** FES 2.0 (fes:Filter) and OGC Filter 1.1/1.0 (ogc:Filter) XML → the one Filter tree.
 *  Input: the filter as XML text (a FILTER KVP value), or an element already parsed by
 *  data/xml.ts `parseXml(body, { removeNSPrefix: true })` (the children of <Filter>).
 *  The operators and GML geometries are read by ogc-filter.ts. */
import type { Filter } from './types.js';
import { parseXml } from '../xml.js';
import { OgcError } from '../errors.js';
import { filterFromXml } from './ogc-filter.js';

/** Parses a Filter given as text or as a parsed (prefixes removed) Filter element. */
export function parseFesFilter(input: string | Record<string, unknown>, locator = 'filter'): Filter {
  let node: any = input;
  if (typeof input === 'string') {
    const doc = parseXml(input.trim(), { removeNSPrefix: true });
    node = doc?.Filter;
    if (node === undefined)
      throw new OgcError('InvalidParameterValue', 'The filter must be a fes:Filter or ogc:Filter element', locator);
  }
  if (node === '' || node === null || typeof node !== 'object')
    throw new OgcError('InvalidParameterValue', 'The filter is empty', locator);
  try {
    return filterFromXml(node);
  } catch (err) {
    if (err instanceof OgcError) throw new OgcError(err.code, err.message, locator, err.status);
    throw new OgcError('InvalidParameterValue', 'The filter could not be read', locator);
  }
}

/** FILTER KVP: one filter per type name, each in parentheses when several: `(<Filter>…)(<Filter>…)`. */
export function parseFesFilterList(text: string, locator = 'filter'): Filter[] {
  const t = text.trim();
  if (!t.startsWith('(')) return [parseFesFilter(t, locator)];
  const out: Filter[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(' && depth++ === 0) start = i + 1;
    else if (t[i] === ')' && --depth === 0) out.push(parseFesFilter(t.slice(start, i), locator));
  }
  return out;
}

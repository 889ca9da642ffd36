/** WFS requests, KVP or POST XML, into one typed request. Filters, BBOX and RESOURCEID become
 *  the one Filter tree; layer names are resolved later against what the caller may see. */
import type { Filter, SortKey } from '../../data/query/types.js';
import type { ServiceRequest } from '../../data/reply.js';
import { parseCrs, type CrsRef } from '../../data/crs.js';
import { Kvp } from '../kvp.js';
import { parseXml } from '../../data/xml.js';
import { OgcError, invalid, missing } from '../../data/errors.js';
import { parseFesFilter, parseFesFilterList } from '../../data/query/fes.js';
import { parseCql2Text } from '../../data/query/cql2.js';
import { negotiateVersion, VERSIONS, type WfsVersion } from './versions.js';

export const OPERATIONS = [
  'GetCapabilities',
  'DescribeFeatureType',
  'GetFeature',
  'GetPropertyValue',
  'ListStoredQueries',
  'DescribeStoredQueries',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const GET_FEATURE_BY_ID = 'urn:ogc:def:query:OGC-WFS::GetFeatureById';

export interface QuerySpec {
  typeNames: string[];
  filter?: Filter;
  properties?: string[];
  sortBy?: SortKey[];
  srsName?: string;
}

export interface WfsRequest {
  version: WfsVersion;
  operation: Operation;
  /** prefix → namespace URI from NAMESPACES or the XML's xmlns declarations. */
  namespaces: Record<string, string>;
  /** DescribeFeatureType; undefined = all. */
  typeNames?: string[];
  queries: QuerySpec[];
  count?: number;
  startIndex: number;
  resultType: 'results' | 'hits';
  outputFormat?: string;
  valueReference?: string;
  storedQueryIds?: string[];
  /** GetFeatureById: answer the bare feature, 404 when absent. */
  byId?: boolean;
  /** KVP of a GET request (to build next/previous links), else undefined. */
  kvp?: Kvp;
  /** GetCapabilities AcceptVersions as sent. */
  acceptVersions?: string;
}

/** The largest page: bigger COUNTs are clamped, non-numbers refused. */
export const MAX_COUNT = 1_000_000;

function nonNegativeInt(v: string | undefined, param: string): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  if (!/^\s*\d{1,15}\s*$/.test(v)) throw invalid(param, `${param} must be a non-negative integer`);
  return Math.min(Number(v), Number.MAX_SAFE_INTEGER);
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: any): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? String(v['#text'] ?? '') : String(v);

function operationOf(name: string | undefined): Operation {
  if (!name) throw missing('request');
  const op =
    OPERATIONS.find((o) => o.toLowerCase() === name.toLowerCase()) ??
    (name.toLowerCase() === 'getfeaturebyid' ? 'GetFeature' : undefined);
  if (!op) throw new OgcError('OperationNotSupported', `Operation ${name} is not supported`, name);
  return op;
}

/** `attr ASC,attr2 D` → sort keys. */
export function parseSortBy(v: string, param = 'sortBy'): SortKey[] {
  return v
    .split(',')
    .filter((s) => s.trim())
    .map((item) => {
      const [property, dir, ...rest] = item.trim().split(/\s+/);
      if (rest.length) throw invalid(param, `Cannot read sort key "${item}"`);
      const d = (dir ?? 'ASC').toUpperCase();
      if (!['ASC', 'DESC', 'A', 'D'].includes(d)) throw invalid(param, `Sort order must be ASC or DESC, not ${dir}`);
      return { property, descending: d.startsWith('D') };
    });
}

/** NAMESPACES=xmlns(p,uri),xmlns(q,uri) (2.0) or xmlns(p=uri) (1.1). */
function parseNamespaces(v: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v) return out;
  for (const m of v.matchAll(/xmlns\(\s*([\w.-]*)\s*[,=]\s*([^)]+)\)/g)) out[m[1]] = m[2].trim();
  return out;
}

/** BBOX=minx,miny,maxx,maxy[,crs] → a bbox filter, axis order per the CRS and version. */
export function parseBboxParam(v: string, version: WfsVersion, param = 'bbox'): Filter {
  const parts = v.split(',').map((s) => s.trim());
  if (parts.length !== 4 && parts.length !== 5) throw invalid(param, 'BBOX needs four numbers and an optional CRS');
  const nums = parts.slice(0, 4).map(Number);
  if (nums.some((n) => !Number.isFinite(n))) throw invalid(param, 'BBOX values must be numbers');
  const crs: CrsRef | undefined = parts[4]
    ? parseCrs(parts[4], VERSIONS[version].legacyLonLat)
    : parseCrs(version === '1.0.0' ? 'EPSG:4326' : 'urn:ogc:def:crs:EPSG::4326');
  if (!crs) throw invalid(param, `Unsupported CRS ${parts[4]}`);
  const [a, b, c, d] = nums;
  const env = crs.northFirst ? { minx: b, miny: a, maxx: d, maxy: c } : { minx: a, miny: b, maxx: c, maxy: d };
  return { op: 'bbox', envelope: { ...env, srid: crs.def.epsg } };
}

/** `(a,b)(c)` or `a,b` → one list per query. */
function groups(v: string): string[][] {
  const t = v.trim();
  if (!t.startsWith('('))
    return [
      t
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ];
  return [...t.matchAll(/\(([^)]*)\)/g)].map((m) =>
    m[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

const and = (a: Filter | undefined, b: Filter): Filter => (a ? { op: 'and', args: [a, b] } : b);

export function parseKvpRequest(kvp: Kvp): WfsRequest {
  const operation = operationOf(kvp.get('request'));
  const version = negotiateVersion(
    operation === 'GetCapabilities' ? (kvp.get('acceptversions') ?? kvp.get('version')) : kvp.get('version'),
  );
  const req: WfsRequest = {
    version,
    operation,
    namespaces: parseNamespaces(kvp.get('namespaces') ?? kvp.get('namespace')),
    queries: [],
    startIndex: nonNegativeInt(kvp.get('startindex'), 'startIndex') ?? 0,
    resultType: 'results',
    outputFormat: kvp.get('outputformat'),
    valueReference: kvp.get('valuereference'),
    kvp,
    acceptVersions: kvp.get('acceptversions'),
  };
  const rt = kvp.get('resulttype');
  if (rt) {
    if (!/^(results|hits)$/i.test(rt)) throw invalid('resultType', 'resultType must be results or hits');
    req.resultType = rt.toLowerCase() as 'results' | 'hits';
  }
  const count = nonNegativeInt(kvp.get('count') ?? kvp.get('maxfeatures'), kvp.has('count') ? 'count' : 'maxFeatures');
  if (count !== undefined) req.count = Math.min(count, MAX_COUNT);

  const typeParam = kvp.get('typenames') ?? kvp.get('typename');
  if (operation === 'DescribeFeatureType') {
    req.typeNames = typeParam
      ? typeParam
          .split(',')
          .map((s) => s.trim().replace(/^\(|\)$/g, ''))
          .filter(Boolean)
      : undefined;
    return req;
  }
  if (operation === 'DescribeStoredQueries') {
    req.storedQueryIds = kvp.list('storedquery_id');
    return req;
  }
  if (operation !== 'GetFeature' && operation !== 'GetPropertyValue') return req;

  const storedQuery = kvp.get('storedquery_id');
  let ids = kvp.list('resourceid') ?? kvp.list('featureid');
  if (storedQuery) {
    if (storedQuery !== GET_FEATURE_BY_ID) throw invalid('storedQuery_Id', `Unknown stored query ${storedQuery}`);
    const id = kvp.get('id');
    if (!id) throw missing('ID');
    ids = [id];
    req.byId = true;
  }
  if (operation === 'GetPropertyValue' && !req.valueReference) throw missing('valueReference');

  let typeGroups = typeParam ? groups(typeParam) : [];
  if (typeGroups.length === 0) {
    if (!ids?.length) throw missing('typeNames');
    // RESOURCEID alone: the type is the id's prefix (`sekolah.12` → sekolah).
    const types = [...new Set(ids.map((id) => id.replace(/\.\d+$/, '')))];
    typeGroups = types.map((t) => [t]);
  }
  const filters = kvp.get('filter') ? parseFesFilterList(kvp.get('filter')!, 'filter') : [];
  const cql = kvp.get('cql_filter');
  const bbox = kvp.get('bbox');
  if ([filters.length > 0, !!bbox, !!ids?.length && !storedQuery].filter(Boolean).length > 1) {
    throw invalid('filter', 'FILTER, BBOX and RESOURCEID are mutually exclusive');
  }
  const props = kvp.get('propertyname') ? groups(kvp.get('propertyname')!) : [];
  const sortBy = kvp.get('sortby') ? parseSortBy(kvp.get('sortby')!, 'sortBy') : undefined;
  const srsName = kvp.get('srsname');
  typeGroups.forEach((typeNames, i) => {
    let filter: Filter | undefined = filters[i] ?? (filters.length === 1 ? filters[0] : undefined);
    if (bbox) filter = and(filter, parseBboxParam(bbox, version));
    if (ids?.length) filter = and(filter, { op: 'ids', ids });
    if (cql) filter = and(filter, parseCql2Text(cql, { locator: 'cql_filter' }));
    const p = props[i] ?? (props.length === 1 ? props[0] : undefined);
    req.queries.push({
      typeNames,
      filter,
      properties: p && !(p.length === 1 && p[0] === '*') ? p : undefined,
      sortBy,
      srsName,
    });
  });
  return req;
}

/** xmlns:p="uri" declarations anywhere in the document. */
function xmlNamespaces(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) out[m[1]] ??= m[2];
  return out;
}

export function parseXmlRequest(body: string): WfsRequest {
  const doc = parseXml(body, { removeNSPrefix: true });
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?'));
  if (!rootName) throw new OgcError('OperationParsingFailed', 'Empty XML request');
  const root = doc[rootName] ?? {};
  const operation = operationOf(rootName);
  const r = typeof root === 'object' ? root : {};
  const version = negotiateVersion(
    operation === 'GetCapabilities'
      ? asArray(r.AcceptVersions?.Version).map(textOf).join(',') || r['@version']
      : r['@version'],
  );
  const req: WfsRequest = {
    version,
    operation,
    namespaces: xmlNamespaces(body),
    queries: [],
    startIndex: nonNegativeInt(r['@startIndex'], 'startIndex') ?? 0,
    resultType: 'results',
    outputFormat: r['@outputFormat'],
    valueReference: r['@valueReference'],
  };
  if (r['@resultType']) {
    if (!/^(results|hits)$/.test(r['@resultType'])) throw invalid('resultType', 'resultType must be results or hits');
    req.resultType = r['@resultType'];
  }
  const count = nonNegativeInt(r['@count'] ?? r['@maxFeatures'], r['@count'] !== undefined ? 'count' : 'maxFeatures');
  if (count !== undefined) req.count = Math.min(count, MAX_COUNT);
  if (operation === 'DescribeFeatureType') {
    const names = asArray(r.TypeName).map(textOf).filter(Boolean);
    req.typeNames = names.length ? names : undefined;
    return req;
  }
  if (operation === 'DescribeStoredQueries') {
    const ids = asArray(r.StoredQueryId).map(textOf).filter(Boolean);
    req.storedQueryIds = ids.length ? ids : undefined;
    return req;
  }
  if (operation !== 'GetFeature' && operation !== 'GetPropertyValue') return req;
  if (operation === 'GetPropertyValue' && !req.valueReference) throw missing('valueReference');

  for (const sq of asArray(r.StoredQuery)) {
    if (sq?.['@id'] !== GET_FEATURE_BY_ID) throw invalid('StoredQuery', `Unknown stored query ${sq?.['@id']}`);
    const id = asArray(sq.Parameter).find((p: any) => /^id$/i.test(p?.['@name'] ?? ''));
    if (!id) throw missing('ID');
    const value = textOf(id);
    req.byId = true;
    req.queries.push({ typeNames: [value.replace(/\.\d+$/, '')], filter: { op: 'ids', ids: [value] } });
  }
  for (const q of asArray(r.Query)) {
    if (!q || typeof q !== 'object') throw missing('typeNames');
    const names = String(q['@typeNames'] ?? q['@typeName'] ?? '')
      .split(/[\s,]+/)
      .filter(Boolean);
    if (!names.length) throw missing('typeNames');
    const props = [...asArray(q.PropertyName), ...asArray(q.ValueReference)].map(textOf).filter(Boolean);
    const keys = asArray(q.SortBy?.SortProperty).map((s: any) => ({
      property: textOf(s.ValueReference ?? s.PropertyName),
      descending: /^DESC$/i.test(textOf(s.SortOrder)),
    }));
    let filter: Filter | undefined;
    if (q.Filter !== undefined) filter = parseFesFilter(q.Filter, 'Filter');
    const ids = asArray(q.FeatureId ?? q.ResourceId)
      .map((x: any) => String(x?.['@fid'] ?? x?.['@rid'] ?? ''))
      .filter(Boolean);
    if (ids.length) filter = and(filter, { op: 'ids', ids });
    req.queries.push({
      typeNames: names,
      filter,
      properties: props.length ? props : undefined,
      sortBy: keys.length ? keys : undefined,
      srsName: q['@srsName'],
    });
  }
  if (!req.queries.length) throw missing('Query');
  return req;
}

export function parseWfsRequest(req: ServiceRequest): WfsRequest {
  if (req.method === 'POST' && req.body?.trim()) return parseXmlRequest(req.body);
  return parseKvpRequest(Kvp.fromQuery(req.query));
}

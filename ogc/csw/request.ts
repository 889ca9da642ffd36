/** CSW 2.0.2 requests, from KVP or POST XML, into typed requests. */
import type { Filter } from '../../data/query/types.js';
import { Kvp } from '../kvp.js';
import type { ServiceRequest } from '../../data/reply.js';
import { parseXml } from '../../data/xml.js';
import { OgcError, missing } from '../../data/errors.js';
import type { ElementSet } from '../records/iso19139.js';
import { filterFromXml } from '../../data/query/ogc-filter.js';
import { parseCql2Text } from '../../data/query/cql2.js';

export const CSW_NS = 'http://www.opengis.net/cat/csw/2.0.2';
export const GMD_NS = 'http://www.isotc211.org/2005/gmd';
export type OutputSchema = 'csw' | 'gmd';

const SCHEMAS: Record<string, OutputSchema> = {
  [CSW_NS]: 'csw',
  [GMD_NS]: 'gmd',
  'csw:record': 'csw',
  'gmd:md_metadata': 'gmd',
};

export interface GetRecords {
  request: 'GetRecords';
  typeNames: string[];
  outputSchema: OutputSchema;
  elementSet: ElementSet;
  elementNames: string[];
  resultType: 'hits' | 'results' | 'validate';
  /** 1-based; 0 is taken as 1. */
  startPosition: number;
  maxRecords: number;
  filter?: Filter;
  sortBy: Array<{ property: string; descending: boolean }>;
}

export interface GetRecordById {
  request: 'GetRecordById';
  ids: string[];
  outputSchema: OutputSchema;
  elementSet: ElementSet;
}

export type CswRequest =
  | { request: 'GetCapabilities' }
  | { request: 'DescribeRecord'; typeNames: string[] }
  | { request: 'GetDomain'; parameterName?: string; propertyName?: string }
  | GetRecords
  | GetRecordById;

export const MAX_RECORDS_CAP = 500;
const OUTPUT_FORMATS = ['application/xml', 'text/xml'];

function outputSchema(v: string | undefined): OutputSchema {
  if (!v) return 'csw';
  const s = SCHEMAS[v.trim()] ?? SCHEMAS[v.trim().toLowerCase()];
  if (!s)
    throw new OgcError(
      'InvalidParameterValue',
      `outputSchema ${v} is not supported (use ${CSW_NS} or ${GMD_NS})`,
      'outputSchema',
    );
  return s;
}

function elementSet(v: string | undefined): ElementSet {
  const s = (v ?? 'summary').trim().toLowerCase();
  if (s !== 'brief' && s !== 'summary' && s !== 'full')
    throw new OgcError('InvalidParameterValue', `ElementSetName must be brief, summary or full`, 'ElementSetName');
  return s;
}

function int(v: string | undefined, name: string, d: number): number {
  if (v === undefined || v.trim() === '') return d;
  if (!/^\s*\d{1,9}\s*$/.test(v))
    throw new OgcError('InvalidParameterValue', `${name} must be a non-negative whole number`, name);
  return Number(v);
}

function resultType(v: string | undefined): GetRecords['resultType'] {
  const r = (v ?? 'hits').trim().toLowerCase();
  if (r !== 'hits' && r !== 'results' && r !== 'validate')
    throw new OgcError('InvalidParameterValue', 'resultType must be hits, results or validate', 'resultType');
  return r;
}

function checkFormat(v: string | undefined) {
  if (v && !OUTPUT_FORMATS.includes(v.trim().toLowerCase()))
    throw new OgcError('InvalidParameterValue', `outputFormat ${v} is not supported (application/xml)`, 'outputFormat');
}

function typeNames(v: string | undefined): string[] {
  const names = (v ?? 'csw:Record').split(/[\s,]+/).filter(Boolean);
  for (const n of names) {
    if (!/^(csw:Record|gmd:MD_Metadata|Record|MD_Metadata)$/i.test(n))
      throw new OgcError(
        'InvalidParameterValue',
        `typeNames ${n} is not served (csw:Record, gmd:MD_Metadata)`,
        'typeNames',
      );
  }
  return names;
}

function sortBy(v: string | undefined): GetRecords['sortBy'] {
  if (!v) return [];
  return v
    .split(',')
    .filter(Boolean)
    .map((s) => {
      const [property, order] = s.split(':');
      return { property: property.trim(), descending: /^d/i.test(order ?? '') };
    });
}

const versionOk = (v: string | undefined) => {
  if (v && v !== '2.0.2')
    throw new OgcError(
      'VersionNegotiationFailed',
      `Version ${v} is not supported; this catalogue speaks CSW 2.0.2`,
      'version',
    );
};

export function parseKvp(query: ServiceRequest['query']): CswRequest {
  const kvp = new Kvp(Object.entries(query));
  const request = kvp.get('REQUEST');
  if (!request) throw missing('request');
  const service = kvp.get('SERVICE');
  if (request.toLowerCase() !== 'getcapabilities') {
    if (!service) throw missing('service');
    versionOk(kvp.get('VERSION'));
  }
  if (service && service.toUpperCase() !== 'CSW')
    throw new OgcError('InvalidParameterValue', `service must be CSW`, 'service');
  switch (request.toLowerCase()) {
    case 'getcapabilities':
      return { request: 'GetCapabilities' };
    case 'describerecord':
      return { request: 'DescribeRecord', typeNames: typeNames(kvp.get('TYPENAME') ?? kvp.get('TYPENAMES')) };
    case 'getdomain':
      if (!kvp.get('PARAMETERNAME') && !kvp.get('PROPERTYNAME')) throw missing('ParameterName');
      return { request: 'GetDomain', parameterName: kvp.get('PARAMETERNAME'), propertyName: kvp.get('PROPERTYNAME') };
    case 'getrecordbyid': {
      checkFormat(kvp.get('OUTPUTFORMAT'));
      const id = kvp.get('ID');
      if (!id) throw missing('Id');
      return {
        request: 'GetRecordById',
        ids: id
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        outputSchema: outputSchema(kvp.get('OUTPUTSCHEMA')),
        elementSet: elementSet(kvp.get('ELEMENTSETNAME') ?? 'full'),
      };
    }
    case 'getrecords': {
      checkFormat(kvp.get('OUTPUTFORMAT'));
      const constraint = kvp.get('CONSTRAINT');
      const lang = (
        kvp.get('CONSTRAINTLANGUAGE') ?? (constraint?.trim().startsWith('<') ? 'FILTER' : 'CQL_TEXT')
      ).toUpperCase();
      let filter: Filter | undefined;
      if (constraint && constraint.trim()) {
        if (lang === 'CQL_TEXT') filter = parseCql2Text(constraint, { locator: 'Constraint' });
        else if (lang === 'FILTER')
          filter = filterFromXml(rootOf(parseXml(constraint, { removeNSPrefix: true }), 'Filter'), 'Constraint');
        else
          throw new OgcError(
            'InvalidParameterValue',
            'CONSTRAINTLANGUAGE must be FILTER or CQL_TEXT',
            'CONSTRAINTLANGUAGE',
          );
      }
      const elementNames = (kvp.get('ELEMENTNAME') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return {
        request: 'GetRecords',
        typeNames: typeNames(kvp.get('TYPENAMES') ?? kvp.get('TYPENAME')),
        outputSchema: outputSchema(kvp.get('OUTPUTSCHEMA')),
        elementSet: elementSet(kvp.get('ELEMENTSETNAME')),
        elementNames,
        resultType: resultType(kvp.get('RESULTTYPE')),
        startPosition: Math.max(1, int(kvp.get('STARTPOSITION'), 'startPosition', 1)),
        maxRecords: int(kvp.get('MAXRECORDS'), 'maxRecords', 10),
        filter,
        sortBy: sortBy(kvp.get('SORTBY')),
      };
    }
  }
  throw new OgcError('OperationNotSupported', `Request ${request} is not supported`, 'request');
}

function rootOf(doc: any, name: string): any {
  const node = doc?.[name];
  if (node === undefined) throw new OgcError('InvalidParameterValue', `Expected a ${name} element`, 'Constraint');
  return node;
}

const textOf = (v: any): string | undefined =>
  v === undefined || v === null
    ? undefined
    : typeof v === 'object'
      ? v['#text'] !== undefined
        ? String(v['#text'])
        : undefined
      : String(v);

export function parsePost(body: string): CswRequest {
  const doc = parseXml(body, { removeNSPrefix: true });
  const [name] = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('@'));
  const root = doc[name] ?? {};
  if (name !== 'GetCapabilities') versionOk(root['@version']);
  switch (name) {
    case 'GetCapabilities':
      return { request: 'GetCapabilities' };
    case 'DescribeRecord':
      return { request: 'DescribeRecord', typeNames: typeNames(textOf(root.TypeName)) };
    case 'GetDomain':
      return {
        request: 'GetDomain',
        parameterName: textOf(root.ParameterName),
        propertyName: textOf(root.PropertyName),
      };
    case 'GetRecordById': {
      checkFormat(root['@outputFormat']);
      const ids = [root.Id]
        .flat()
        .map(textOf)
        .filter((x): x is string => !!x);
      if (!ids.length) throw missing('Id');
      return {
        request: 'GetRecordById',
        ids,
        outputSchema: outputSchema(root['@outputSchema']),
        elementSet: elementSet(textOf(root.ElementSetName) ?? 'full'),
      };
    }
    case 'GetRecords': {
      checkFormat(root['@outputFormat']);
      const q = root.Query;
      if (!q || typeof q !== 'object')
        throw new OgcError('MissingParameterValue', 'GetRecords needs a csw:Query', 'Query');
      let filter: Filter | undefined;
      const c = q.Constraint;
      if (c && typeof c === 'object') {
        if (c.Filter !== undefined) filter = filterFromXml(c.Filter, 'Constraint');
        else if (c.CqlText !== undefined) filter = parseCql2Text(textOf(c.CqlText) ?? '', { locator: 'Constraint' });
      }
      const sort = [q.SortBy?.SortProperty]
        .flat()
        .filter(Boolean)
        .map((s: any) => ({
          property: textOf(s.PropertyName) ?? '',
          descending: /^desc/i.test(textOf(s.SortOrder) ?? ''),
        }));
      const esn = q.ElementSetName;
      return {
        request: 'GetRecords',
        typeNames: typeNames(q['@typeNames']),
        outputSchema: outputSchema(root['@outputSchema']),
        elementSet: elementSet(textOf(esn) ?? (q.ElementName ? 'full' : 'summary')),
        elementNames: [q.ElementName]
          .flat()
          .map(textOf)
          .filter((x): x is string => !!x),
        resultType: resultType(root['@resultType']),
        startPosition: Math.max(1, int(root['@startPosition'], 'startPosition', 1)),
        maxRecords: int(root['@maxRecords'], 'maxRecords', 10),
        filter,
        sortBy: sort,
      };
    }
  }
  throw new OgcError('OperationNotSupported', `Request ${name} is not supported`, 'request');
}

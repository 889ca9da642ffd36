/** GetFeature, GetPropertyValue and GetFeatureById: the request's queries → FeatureQuery →
 *  SQL (data/query/compile.ts) → a streamed encoding. numberMatched is known before the first
 *  byte (precomputed counts, or one SQL count per filtered query), so it is always exact. */
import type { Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import type { FeatureQuery, Filter } from '../../data/query/types.js';
import { selectedAttributes, stripPrefix, type GeometryEncoding } from '../../data/query/compile.js';
import { countMatched, featureBatches } from '../../data/query/features.js';
import { crsUrn, parseCrs, type CrsRef } from '../../data/crs.js';
import { OgcError, invalid } from '../../data/errors.js';
import { reply, type Reply } from '../../data/reply.js';
import { XML_DECL, el, esc } from '../../data/xml.js';
import { gmlCollection, gmlGeometry, gmlGeometryEncoding, type EncodePart, type GmlEncoding } from '../encoders/gml.js';
import { featureJson, geoJsonCollection } from '../encoders/geojson.js';
import { csvRows } from '../encoders/csv.js';
import { ogrFile, type OgrKind } from '../encoders/ogr.js';
import { DEFAULT_FORMAT, findFormat, OUTPUT_FORMATS, type OutputFormat } from './formats.js';
import { orgNamespace, resolveTypeName } from './namespaces.js';
import type { QuerySpec, WfsRequest } from './request.js';
import { VERSIONS } from './versions.js';
import type { WfsNode } from './node.js';

interface PlannedQuery {
  query: FeatureQuery;
  matched: number;
}

/** A type name the caller may see → its layer; hidden and unknown alike are InvalidParameterValue. */
export function layerOf(node: WfsNode, p: Principal, req: WfsRequest, typeName: string): Layer {
  const visible = node.catalogue.visibleLayers(p);
  const name = resolveTypeName(typeName, req.namespaces, visible);
  const layer = name ? node.catalogue.find(p, name) : undefined;
  if (!layer) throw new OgcError('InvalidParameterValue', `Unknown feature type ${typeName}`, 'typeNames');
  return layer;
}

/** Feature ids keep only those of this layer (`local.N`, `org:local.N` or a bare N). */
function idsForLayer(f: Filter | undefined, layer: Layer): Filter | undefined {
  if (!f) return f;
  if (f.op === 'ids') {
    const ids = f.ids.filter((id) => {
      const prefix = id.replace(/\.?\d+$/, '');
      return (
        prefix === '' || prefix === layer.localName || prefix === layer.name || stripPrefix(prefix) === layer.localName
      );
    });
    return { op: 'ids', ids };
  }
  if (f.op === 'and' || f.op === 'or') return { op: f.op, args: f.args.map((a) => idsForLayer(a, layer)!) };
  if (f.op === 'not') return { op: 'not', arg: idsForLayer(f.arg, layer)! };
  return f;
}

export function outputCrs(srsName: string | undefined, version: WfsRequest['version']): { crs: CrsRef; label: string } {
  const legacy = VERSIONS[version].legacyLonLat;
  if (!srsName) {
    const crs = parseCrs(version === '1.0.0' ? 'EPSG:4326' : 'urn:ogc:def:crs:EPSG::4326')!;
    return { crs, label: version === '1.0.0' ? 'EPSG:4326' : crsUrn(4326) };
  }
  const crs = parseCrs(srsName, legacy);
  if (!crs) throw invalid('srsName', `Unsupported srsName ${srsName}`);
  // Label what we write so GDAL and others read the axis order back right.
  const label =
    version === '1.0.0' || crs.form === 'crs84' ? srsName : crs.form === 'epsg' ? crsUrn(crs.def.epsg) : srsName;
  return { crs, label };
}

function planQueries(node: WfsNode, p: Principal, req: WfsRequest, spec: QuerySpec[], srid: number): FeatureQuery[] {
  const out: FeatureQuery[] = [];
  for (const q of spec) {
    for (const t of q.typeNames) {
      const layer = layerOf(node, p, req, t);
      const fq: FeatureQuery = {
        layer,
        filter: idsForLayer(q.filter, layer),
        properties: q.properties,
        sortBy: q.sortBy,
        offset: 0,
        limit: 0,
        outputSrid: srid,
        resultType: req.resultType,
      };
      selectedAttributes(fq); // unknown property names fail here, before any output
      // PROPERTYNAME without the geometry leaves it out (it is optional in our schema).
      if (q.properties) fq.geometry = q.properties.some((n) => /^(geom|geometry|the_geom)$/i.test(stripPrefix(n)));
      out.push(fq);
    }
  }
  return out;
}

/** Spreads STARTINDEX/COUNT over the queries in order. */
async function page(
  node: WfsNode,
  queries: FeatureQuery[],
  startIndex: number,
  count: number | undefined,
): Promise<{ planned: PlannedQuery[]; matched: number; returned: number }> {
  let skip = startIndex;
  let left = count ?? Number.MAX_SAFE_INTEGER;
  let matched = 0;
  let returned = 0;
  const planned: PlannedQuery[] = [];
  for (const q of queries) {
    const m = await countMatched(node.db, q);
    const offset = Math.min(skip, m);
    const take = Math.max(0, Math.min(left, m - offset));
    skip -= offset;
    left -= take;
    matched += m;
    returned += take;
    planned.push({ query: { ...q, offset, limit: take }, matched: m });
  }
  return { planned, matched, returned };
}

function pagingLink(req: WfsRequest, baseUrl: string, startIndex: number, count: number): string | undefined {
  if (!req.kvp) return undefined;
  const params = new URLSearchParams();
  for (const [k, v] of req.kvp.entries())
    if (k !== 'STARTINDEX' && k !== 'COUNT' && k !== 'MAXFEATURES') params.set(k, v);
  params.set('STARTINDEX', String(startIndex));
  params.set('COUNT', String(count));
  return `${baseUrl}/wfs?${params.toString()}`;
}

function formatOf(req: WfsRequest): OutputFormat {
  if (!req.outputFormat) return OUTPUT_FORMATS.find((f) => f.encoding === DEFAULT_FORMAT[req.version])!;
  const f = findFormat(req.outputFormat);
  if (!f) throw invalid('outputFormat', `Unsupported outputFormat ${req.outputFormat}`);
  return f;
}

function geometryEncoding(f: OutputFormat, layer: Layer, northFirst: boolean): GeometryEncoding {
  switch (f.encoding) {
    case 'gml32':
    case 'gml311':
    case 'gml2':
      return gmlGeometryEncoding(f.encoding, northFirst, layer);
    case 'csv':
      return { as: 'wkt' };
    default:
      return { as: 'geojson' };
  }
}

function partsOf(node: WfsNode, planned: PlannedQuery[], f: OutputFormat, northFirst: boolean): EncodePart[] {
  return planned
    .filter((p) => p.query.limit > 0)
    .map((p) => ({
      layer: p.query.layer,
      attributes: selectedAttributes(p.query),
      rows: () => featureBatches(node.db, p.query, geometryEncoding(f, p.query.layer, northFirst)),
    }));
}

export async function getFeature(node: WfsNode, p: Principal, baseUrl: string, req: WfsRequest): Promise<Reply> {
  let format = formatOf(req);
  // Files (CSV, Shapefile, GeoPackage, KML) have nowhere to put a count: hits answer in the version's GML.
  if (req.resultType === 'hits' && !['gml32', 'gml311', 'gml2', 'geojson'].includes(format.encoding)) {
    format = OUTPUT_FORMATS.find((f) => f.encoding === DEFAULT_FORMAT[req.version])!;
  }
  const srsName = req.queries.find((q) => q.srsName)?.srsName;
  const { crs, label } = outputCrs(srsName, req.version);
  let queries: FeatureQuery[];
  try {
    queries = planQueries(node, p, req, req.queries, crs.def.epsg);
  } catch (err) {
    // GetFeatureById of an id whose type is unknown (or hidden) is simply not found.
    if (req.byId && err instanceof OgcError && err.locator === 'typeNames')
      throw new OgcError('NotFound', 'No feature has this identifier', 'ID');
    throw err;
  }
  // Without COUNT a response still ends at the node's maxFeatures (SIMPUL_MAX_FEATURES).
  const max = node.config.maxFeatures;
  const { planned, matched, returned } = await page(
    node,
    queries,
    req.startIndex,
    req.byId ? 1 : Math.min(req.count ?? max, max),
  );
  const hits = req.resultType === 'hits';

  if (req.byId) return getFeatureById(node, planned, format, crs, label);

  const timeStamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const count = req.count ?? (matched > max ? max : undefined);
  const next =
    !hits && count !== undefined && req.startIndex + returned < matched && returned > 0
      ? pagingLink(req, baseUrl, req.startIndex + count, count)
      : undefined;
  const previous =
    !hits && count !== undefined && req.startIndex > 0
      ? pagingLink(req, baseUrl, Math.max(0, req.startIndex - count), count)
      : undefined;
  const parts = partsOf(node, planned, format, crs.northFirst);
  const layers = [...new Map(queries.map((q) => [q.layer.name, q.layer])).values()];

  switch (format.encoding) {
    case 'gml32':
    case 'gml311':
    case 'gml2': {
      const version = format.encoding === 'gml32' ? '2.0.0' : format.encoding === 'gml311' ? '1.1.0' : '1.0.0';
      const orgs = [...new Set(layers.map((l) => l.organisation))];
      return reply(
        200,
        format.contentType,
        gmlCollection(format.encoding as GmlEncoding, parts, {
          numberMatched: matched,
          numberReturned: returned,
          timeStamp,
          next,
          previous,
          srsName: label,
          northFirst: crs.northFirst,
          hits,
          namespaces: Object.fromEntries(orgs.map((o) => [`xmlns:${o}`, orgNamespace(o)])),
          featureSchemas: orgs.map((o) => [
            orgNamespace(o),
            `${baseUrl}/wfs?service=WFS&version=${version}&request=DescribeFeatureType&typeNames=${layers
              .filter((l) => l.organisation === o)
              .map((l) => l.name)
              .join(',')}`,
          ]),
        }),
      );
    }
    case 'geojson':
      return reply(
        200,
        format.contentType,
        geoJsonCollection(parts, {
          numberMatched: matched,
          numberReturned: returned,
          timeStamp,
          srid: crs.def.epsg,
          ids: 'gmlid',
          hits,
          links: [
            next && { rel: 'next', href: next, type: 'application/geo+json' },
            previous && { rel: 'previous', href: previous, type: 'application/geo+json' },
          ].filter(Boolean) as Array<Record<string, string>>,
        }),
      );
    case 'csv':
      return reply(200, format.contentType, csvRows(parts), attachment(`${layers[0].localName}.csv`));
    default: {
      const file = await ogrFile(format.encoding as OgrKind, parts, crs.def.epsg, layers[0].localName);
      return reply(200, format.contentType, file.body, attachment(file.filename));
    }
  }
}

const attachment = (filename: string) => ({ 'content-disposition': `attachment; filename="${filename}"` });

async function getFeatureById(
  node: WfsNode,
  planned: PlannedQuery[],
  format: OutputFormat,
  crs: CrsRef,
  label: string,
): Promise<Reply> {
  const hit = planned.find((p) => p.query.limit > 0);
  if (!hit) throw new OgcError('NotFound', 'No feature has this identifier', 'ID');
  const [part] = partsOf(node, [hit], format, crs.northFirst);
  let row: Record<string, unknown> | undefined;
  for await (const batch of part.rows()) row ??= batch[0];
  if (!row) throw new OgcError('NotFound', 'No feature has this identifier', 'ID');
  if (format.encoding === 'geojson')
    return reply(200, `${format.contentType}; charset=utf-8`, featureJson(part, row, 'gmlid'));
  // The bare feature, as WFS 2.0 (7.9.3.6) wants from GetFeatureById.
  const l = part.layer;
  const o = l.organisation;
  const attrs = part.attributes
    .map((a) =>
      row![a.name] == null
        ? ''
        : `<${o}:${a.name}>${esc(row![a.name] instanceof Date ? (row![a.name] as Date).toISOString() : row![a.name])}</${o}:${a.name}>`,
    )
    .join('');
  const g = row.geometry
    ? `<${o}:geom>${gmlGeometry(String(row.geometry), `srsName="${esc(label)}"`)}</${o}:geom>`
    : '';
  return reply(
    200,
    'application/gml+xml; version=3.2; charset=utf-8',
    `${XML_DECL}<${o}:${l.localName} xmlns:${o}="${orgNamespace(o)}" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="${l.localName}.${row.fid}">${attrs}${g}</${o}:${l.localName}>`,
  );
}

/** GetPropertyValue: wfs:ValueCollection of one attribute's values (or the geometries). */
export async function getPropertyValue(node: WfsNode, p: Principal, req: WfsRequest): Promise<Reply> {
  const ref = stripPrefix(req.valueReference!.replace(/^.*\//, ''));
  const { crs, label } = outputCrs(req.queries.find((q) => q.srsName)?.srsName, req.version);
  const queries = planQueries(node, p, req, req.queries, crs.def.epsg);
  const isGeom = ref.toLowerCase() === 'geom';
  for (const q of queries) {
    if (isGeom) q.properties = [];
    else {
      if (!q.layer.attributes.some((a) => a.name.toLowerCase() === ref.toLowerCase()) && ref.toLowerCase() !== 'fid')
        throw invalid('valueReference', `Unknown property ${req.valueReference}`);
      q.properties = [ref];
      q.geometry = false;
    }
  }
  const max = node.config.maxFeatures;
  const { planned, matched, returned } = await page(node, queries, req.startIndex, Math.min(req.count ?? max, max));
  const hits = req.resultType === 'hits';
  const f = OUTPUT_FORMATS.find((x) => x.encoding === 'gml32')!;
  const parts = partsOf(node, planned, f, crs.northFirst);
  const orgs = [...new Set(queries.map((q) => q.layer.organisation))];
  return reply(
    200,
    'application/gml+xml; version=3.2',
    valueCollection(parts, orgs, { matched, returned, hits, isGeom, srsName: label }),
  );
}

/** wfs:ValueCollection, streamed: the members are the values (or the geometries as GML). */
async function* valueCollection(
  parts: EncodePart[],
  orgs: string[],
  info: { matched: number; returned: number; hits: boolean; isGeom: boolean; srsName: string },
): AsyncGenerator<string> {
  const v = VERSIONS['2.0.0'];
  const open = el(
    'wfs:ValueCollection',
    {
      'xmlns:wfs': v.wfsNs,
      'xmlns:gml': v.gmlNs,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      ...Object.fromEntries(orgs.map((o) => [`xmlns:${o}`, orgNamespace(o)])),
      'xsi:schemaLocation': `${v.wfsNs} ${v.wfsXsd}`,
      timeStamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      numberMatched: info.matched,
      numberReturned: info.hits ? 0 : info.returned,
    },
    'X',
  );
  yield XML_DECL + open.slice(0, open.lastIndexOf('X</'));
  if (!info.hits) {
    const srs = `srsName="${esc(info.srsName)}"`;
    for (const part of parts) {
      const attr = part.attributes[0];
      for await (const batch of part.rows()) {
        let out = '';
        for (const row of batch) {
          if (info.isGeom) out += `<wfs:member>${gmlGeometry(String(row.geometry ?? ''), srs)}</wfs:member>`;
          else {
            const val = attr ? row[attr.name] : row.fid;
            out += `<wfs:member>${val == null ? '' : esc(val)}</wfs:member>`;
          }
        }
        yield out;
      }
    }
  }
  yield '</wfs:ValueCollection>';
}

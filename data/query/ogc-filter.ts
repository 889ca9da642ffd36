/** OGC Filter 1.1 and FES 2.0 XML (already parsed by data/xml.ts with namespace prefixes
 *  removed) into the shared Filter tree (data/query/types.ts). Used by WFS and CSW. */
import type { ComparisonOp, Envelope, Expr, Filter, GeometryLiteral, SpatialRel } from './types.js';
import { parseCrs } from '../crs.js';
import { OgcError } from '../errors.js';
import { FilterBudget } from './limits.js';
import { checkGeometry } from './literals.js';

export const bad = (why: string, locator = 'filter') => new OgcError('InvalidParameterValue', why, locator);

const COMPARISONS: Record<string, ComparisonOp> = {
  PropertyIsEqualTo: '=',
  PropertyIsNotEqualTo: '<>',
  PropertyIsLessThan: '<',
  PropertyIsGreaterThan: '>',
  PropertyIsLessThanOrEqualTo: '<=',
  PropertyIsGreaterThanOrEqualTo: '>=',
};
const SPATIAL = ['Intersects', 'Within', 'Contains', 'Overlaps', 'Disjoint', 'Equals', 'Touches', 'Crosses'];
const ID_OPS = ['ResourceId', 'FeatureId', 'GmlObjectId', 'ObjectId'];
const GEOMETRIES = [
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'MultiCurve',
  'MultiSurface',
  'Curve',
  'Surface',
];

const optionalProperty = (v: any): string | undefined => {
  const p = textOf(v.PropertyName ?? v.ValueReference);
  return p ? p : undefined;
};
const idOf = (v: any): string => String(v['@rid'] ?? v['@fid'] ?? v['@id'] ?? '');

/** matchCase as the schemas read it: xsd:boolean ("true", "1", "false", "0"), default true in
 *  both Filter 1.1 and FES 2.0 (PropertyIsLike and the binary comparisons alike). Filter 1.0 has
 *  no such attribute, so its comparisons and LIKE match case too. */
const MATCH_CASE: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };
const matchCaseOf = (v: any): boolean => MATCH_CASE[String(v['@matchCase'] ?? '').trim()] ?? true;

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: any): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? String(v['#text'] ?? '') : String(v);

/** Where the filter came from (error locator) and its size so far. */
interface Reading {
  locator: string;
  budget: FilterBudget;
}

/** A parsed (namespace prefixes removed) ogc:Filter element → Filter. `locator` names the
 *  request parameter in errors (`filter`, `Constraint`, an SLD rule). */
export function filterFromXml(node: any, locator = 'filter'): Filter {
  return filterElement(node, { locator, budget: new FilterBudget(locator, 'Filter') });
}

function filterElement(node: any, r: Reading): Filter {
  const parts: Filter[] = [];
  for (const [name, value] of Object.entries(node ?? {})) {
    if (name.startsWith('@')) continue;
    for (const v of asArray(value)) parts.push(operatorFromXml(name, v, r));
  }
  // Several ResourceId/FeatureId elements side by side select those features.
  if (parts.length > 1 && parts.every((f) => f.op === 'ids'))
    return { op: 'ids', ids: parts.flatMap((f) => (f.op === 'ids' ? f.ids : [])) };
  if (parts.length !== 1) throw bad('ogc:Filter must hold exactly one operator', r.locator);
  return parts[0];
}

function operatorFromXml(name: string, v: any, r: Reading): Filter {
  r.budget.node();
  const bad = (why: string) => new OgcError('InvalidParameterValue', why, r.locator);
  if (name === 'And' || name === 'Or') {
    const args: Filter[] = [];
    r.budget.nested(() => {
      for (const [k, child] of Object.entries(v ?? {}))
        if (!k.startsWith('@')) for (const c of asArray(child)) args.push(operatorFromXml(k, c, r));
    });
    if (args.length < 1) throw bad(`${name} needs operands`);
    return { op: name === 'And' ? 'and' : 'or', args };
  }
  if (name === 'Not') return { op: 'not', arg: r.budget.nested(() => filterElement(v, r)) };
  const property = (): Expr => ({ property: textOf(v.PropertyName ?? v.ValueReference) });
  if (!v || typeof v !== 'object') throw bad(`${name} is incomplete`);
  if (COMPARISONS[name]) {
    return {
      op: 'compare',
      cmp: COMPARISONS[name],
      left: property(),
      right: { literal: textOf(v.Literal) },
      matchCase: matchCaseOf(v),
    };
  }
  if (name === 'PropertyIsLike') {
    return {
      op: 'like',
      expr: property(),
      pattern: textOf(v.Literal),
      wildCard: v['@wildCard'] ?? '*',
      singleChar: v['@singleChar'] ?? '?',
      escapeChar: v['@escapeChar'] ?? v['@escape'] ?? '\\',
      matchCase: matchCaseOf(v),
    };
  }
  if (name === 'PropertyIsNull') return { op: 'isNull', expr: property() };
  if (name === 'PropertyIsBetween') {
    return {
      op: 'between',
      expr: property(),
      lower: { literal: textOf(v.LowerBoundary?.Literal) },
      upper: { literal: textOf(v.UpperBoundary?.Literal) },
    };
  }
  if (name === 'BBOX') return { op: 'bbox', property: optionalProperty(v), envelope: envelopeFromGml(v, r.locator) };
  if (SPATIAL.includes(name)) {
    const g = geometryFromGml(v, r.locator);
    if (!g) return { op: 'bbox', property: optionalProperty(v), envelope: envelopeFromGml(v, r.locator) };
    if (name === 'Intersects' && g.geometry.type === 'Polygon' && v.Envelope)
      return { op: 'bbox', property: optionalProperty(v), envelope: envelopeFromGml(v, r.locator) };
    return { op: 'spatial', rel: name.toLowerCase() as SpatialRel, property: optionalProperty(v), geometry: g };
  }
  if (name === 'DWithin' || name === 'Beyond') {
    const g = geometryFromGml(v, r.locator);
    if (!g) throw bad(`${name} needs a geometry`);
    const d = v.Distance;
    return {
      op: name === 'DWithin' ? 'dwithin' : 'beyond',
      property: optionalProperty(v),
      geometry: g,
      distance: Number(textOf(d)),
      units: String((typeof d === 'object' && (d['@uom'] ?? d['@units'])) || 'm'),
    };
  }
  if (ID_OPS.includes(name)) return { op: 'ids', ids: [idOf(v)] };
  throw bad(`Filter operator ${name} is not supported`);
}

/** gml:Envelope (lower/upperCorner), gml:Box (coordinates) or gml:Polygon's extent, as lon/lat. */
function envelopeFromGml(v: any, locator: string): Envelope {
  const bad = (why: string) => new OgcError('InvalidParameterValue', why, locator);
  const env = v.Envelope ?? v.Box ?? v.Polygon;
  if (!env) throw bad('a spatial filter needs a gml:Envelope');
  const srs: string | undefined = env['@srsName'];
  let nums: number[];
  if (env.lowerCorner !== undefined)
    nums = `${textOf(env.lowerCorner)} ${textOf(env.upperCorner)}`.trim().split(/\s+/).map(Number);
  else if (env.coordinates !== undefined)
    nums = textOf(env.coordinates)
      .trim()
      .split(/[\s,]+/)
      .map(Number);
  else if (env.exterior ?? env.outerBoundaryIs) {
    const ring = env.exterior?.LinearRing ?? env.outerBoundaryIs?.LinearRing;
    const pts = textOf(ring?.posList ?? ring?.coordinates)
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    // A loop, not Math.min(...xs): spreading a long ring would overflow the stack.
    nums = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i + 1 < pts.length; i += 2) {
      nums = [
        Math.min(nums[0], pts[i]),
        Math.min(nums[1], pts[i + 1]),
        Math.max(nums[2], pts[i]),
        Math.max(nums[3], pts[i + 1]),
      ];
    }
  } else throw bad('a spatial filter needs a gml:Envelope');
  if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) throw bad('the envelope needs four numbers');
  // CSW 2.0.2's default CRS is urn:ogc:def:crs:EPSG::4326, latitude first; CRS:84 and the
  // legacy short form EPSG:4326 are longitude first.
  const crs = srs ? parseCrs(srs, true) : parseCrs('urn:ogc:def:crs:EPSG::4326');
  if (!crs) throw bad(`Unsupported srsName ${srs}`);
  const [a, b, c, d] = nums;
  const srid = crs.def.epsg;
  return crs.northFirst ? { minx: b, miny: a, maxx: d, maxy: c, srid } : { minx: a, miny: b, maxx: c, maxy: d, srid };
}

/** Coordinates of gml:pos/posList/coordinates/coord as [x, y] pairs in the order written. */
function coords(node: any): number[][] {
  if (node === undefined || node === null) return [];
  const dim = Number(node?.posList?.['@srsDimension'] ?? node?.['@srsDimension'] ?? 2) || 2;
  if (node.posList !== undefined || node.pos !== undefined) {
    const raw = node.posList !== undefined ? textOf(node.posList) : [node.pos].flat().map(textOf).join(' ');
    const n = raw.trim().split(/\s+/).map(Number);
    const out: number[][] = [];
    for (let i = 0; i + 1 < n.length; i += dim) out.push([n[i], n[i + 1]]);
    return out;
  }
  if (node.coordinates !== undefined)
    return textOf(node.coordinates)
      .trim()
      .split(/\s+/)
      .map((t) => t.split(',').map(Number).slice(0, 2));
  if (node.coord !== undefined) return [node.coord].flat().map((c: any) => [Number(textOf(c.X)), Number(textOf(c.Y))]);
  return [];
}

function ring(node: any): number[][] {
  const r = node?.LinearRing ?? node;
  return coords(r);
}

function polygon(p: any): number[][][] {
  const outer = ring(p.exterior ?? p.outerBoundaryIs);
  const inner = [p.interior ?? p.innerBoundaryIs].flat().filter(Boolean).map(ring);
  return [outer, ...inner];
}

/** The first GML geometry under a spatial operator, as GeoJSON (east/north) with its srid. */
function geometryFromGml(v: any, locator: string): GeometryLiteral | null {
  const bad = (why: string) => new OgcError('InvalidParameterValue', why, locator);
  const kind = GEOMETRIES.find((k) => v[k] !== undefined);
  if (!kind) return null;
  const node = [v[kind]].flat()[0];
  if (!node || typeof node !== 'object') throw bad(`${kind} has no coordinates`);
  const srs: string | undefined = node['@srsName'];
  const crs = srs ? parseCrs(srs, true) : parseCrs('urn:ogc:def:crs:EPSG::4326');
  if (!crs) throw bad(`Unsupported srsName ${srs}`);
  let geometry: any;
  const members = (m: any, inner: string) =>
    [m]
      .flat()
      .filter(Boolean)
      .map((x: any) => x[inner] ?? x);
  switch (kind) {
    case 'Point':
      geometry = { type: 'Point', coordinates: coords(node)[0] };
      break;
    case 'LineString':
    case 'Curve':
      geometry = { type: 'LineString', coordinates: coords(node.segments?.LineStringSegment ?? node) };
      break;
    case 'Polygon':
    case 'Surface':
      geometry = { type: 'Polygon', coordinates: polygon(node.patches?.PolygonPatch ?? node) };
      break;
    case 'MultiPoint':
      geometry = {
        type: 'MultiPoint',
        coordinates: members(node.pointMember ?? node.pointMembers?.Point, 'Point').map((x: any) => coords(x)[0]),
      };
      break;
    case 'MultiLineString':
    case 'MultiCurve':
      geometry = {
        type: 'MultiLineString',
        coordinates: members(node.lineStringMember ?? node.curveMember, 'LineString').map(coords),
      };
      break;
    default:
      geometry = {
        type: 'MultiPolygon',
        coordinates: members(node.polygonMember ?? node.surfaceMember, 'Polygon').map(polygon),
      };
  }
  const swap = (c: any): any => (typeof c[0] === 'number' ? [c[1], c[0]] : c.map(swap));
  if (crs.northFirst) geometry.coordinates = swap(geometry.coordinates);
  const flat = JSON.stringify(geometry.coordinates);
  if (!flat || flat.includes('null') || /NaN/.test(flat) || flat === '[]')
    throw bad(`${kind} has no readable coordinates`);
  return { geometry: checkGeometry(geometry, (why) => bad(`${kind}: ${why}`)), srid: crs.def.epsg };
}

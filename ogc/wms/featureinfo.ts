/** GetFeatureInfo: the map of GetMap plus QUERY_LAYERS (⊆ LAYERS), I/J (1.3.0) or X/Y
 *  (1.1.1), INFO_FORMAT and FEATURE_COUNT → the features under that pixel. */
import type { WmsNode } from './node.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { crsUrn } from '../../data/crs.js';
import { featuresAt, type InfoFeature } from '../../data/render/info.js';
import { OgcError, invalid, missing } from '../../data/errors.js';
import type { Kvp } from '../kvp.js';
import { el, esc, XML_DECL } from '../../data/xml.js';
import type { WmsVersion } from './exceptions.js';
import { INFO_FORMATS } from './capabilities.js';
import { planLayers } from './getmap.js';
import { layerNames, parseView, type WmsRequest } from './request.js';
import { layerReply } from './layer-reply.js';
import type { Reply } from '../../data/reply.js';

type Found = Array<{ layer: Layer; features: InfoFeature[] }>;

const INFO_ALIASES: Record<string, string> = {
  'application/vnd.ogc.gml': 'application/vnd.ogc.gml',
  'text/xml': 'application/vnd.ogc.gml',
  gml: 'application/vnd.ogc.gml',
  'application/geojson': 'application/geo+json',
  json: 'application/json',
};

function pixel(kvp: Kvp, version: WmsVersion, name: 'I' | 'J', max: number): number {
  const key = version === '1.3.0' ? name : name === 'I' ? 'X' : 'Y';
  const t = kvp.get(key) ?? kvp.get(name === 'I' ? (version === '1.3.0' ? 'X' : 'I') : version === '1.3.0' ? 'Y' : 'J');
  if (t === undefined || t === '') throw missing(key);
  const n = Number(t);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(t) || n < 0 || n >= max)
    throw new OgcError('InvalidPoint', `${key} must be a pixel inside the map (0 to ${max - 1})`, key);
  return n;
}

export async function getFeatureInfo(node: WmsNode, r: WmsRequest): Promise<Reply> {
  const { kvp, version, principal: p } = r;
  const plan = planLayers(node, p, kvp, r.baseUrl);
  const view = parseView(node, kvp, version);
  const fmtText = (kvp.get('INFO_FORMAT') ?? 'text/plain').trim();
  const format = INFO_FORMATS.includes(fmtText) ? fmtText : INFO_ALIASES[fmtText.toLowerCase()];
  if (!format)
    throw new OgcError(
      'InvalidFormat',
      `INFO_FORMAT ${fmtText} is not offered (${INFO_FORMATS.join(', ')})`,
      'INFO_FORMAT',
    );
  const queryNames = layerNames(kvp, 'QUERY_LAYERS');
  const inMap = new Map(plan.layers.map((l) => [l.layer.name, l.layer]));
  // Each layer is queried once, however often it is named (itself or through its group).
  const query = [
    ...new Set(
      queryNames.flatMap((n) => {
        if (!n.includes(':')) {
          const group = [...inMap.values()].filter((l) => l.organisation === n);
          if (group.length) return group;
        }
        const l = inMap.get(n);
        if (!l) {
          if (!node.catalogue.find(p, n)) throw new OgcError('LayerNotDefined', `No layer ${n}`, 'QUERY_LAYERS');
          throw new OgcError('LayerNotQueryable', `Layer ${n} is not among LAYERS`, 'QUERY_LAYERS');
        }
        return [l];
      }),
    ),
  ];
  const countText = kvp.get('FEATURE_COUNT') ?? '1';
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1) throw invalid('FEATURE_COUNT', 'FEATURE_COUNT must be a positive integer');
  const i = pixel(kvp, version, 'I', view.width);
  const j = pixel(kvp, version, 'J', view.height);
  const ux = (view.bbox.maxx - view.bbox.minx) / view.width;
  const uy = (view.bbox.maxy - view.bbox.miny) / view.height;
  // The centre of the pixel.
  const x = view.bbox.minx + (i + 0.5) * ux;
  const y = view.bbox.maxy - (j + 0.5) * uy;
  const srid = view.crs.def.epsg;
  const found: Found = [];
  let left = Math.min(count, 1000);
  for (const layer of query) {
    if (left <= 0) break;
    const features = await featuresAt(node.db, layer, x, y, srid, Math.max(ux, uy), left);
    left -= features.length;
    found.push({ layer, features });
  }
  // Every info format is text.
  return layerReply(
    p,
    plan.layers.map((l) => l.layer),
    'no-cache',
    `${format}; charset=utf-8`,
    ENCODERS[format](found, srid),
  );
}

const scalar = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const ENCODERS: Record<string, (f: Found, srid: number) => string> = {
  'text/plain': (found) =>
    found
      .map(
        ({ layer, features }) =>
          `Layer '${layer.name}'\n` +
          features
            .map(
              (f) =>
                `  Feature ${f.fid}:\n` +
                Object.entries(f.props)
                  .map(([k, v]) => `    ${k} = '${scalar(v)}'\n`)
                  .join(''),
            )
            .join(''),
      )
      .join('') || 'no features found\n',
  'text/html': (found) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>GetFeatureInfo</title></head><body>` +
    found
      .filter((x) => x.features.length)
      .map(({ layer, features }) => {
        const cols = layer.attributes.map((a) => a.name);
        return (
          `<table border="1"><caption>${esc(layer.title)}</caption><tr><th>fid</th>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>` +
          features
            .map((f) => `<tr><td>${f.fid}</td>${cols.map((c) => `<td>${esc(scalar(f.props[c]))}</td>`).join('')}</tr>`)
            .join('') +
          '</table>'
        );
      })
      .join('') +
    '</body></html>',
  'application/json': geojson,
  'application/geo+json': geojson,
  'application/vnd.ogc.gml': (found, srid) =>
    XML_DECL +
    el(
      'msGMLOutput',
      { 'xmlns:gml': 'http://www.opengis.net/gml', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
      ...found.map(({ layer, features }) => {
        const tag = layer.localName;
        return el(
          `${tag}_layer`,
          null,
          el('gml:name', null, esc(layer.name)),
          ...features.map((f) =>
            el(
              `${tag}_feature`,
              { fid: `${tag}.${f.fid}` },
              ...Object.entries(f.props).map(([k, v]) => el(k, null, esc(scalar(v)))),
              f.geometry ? el('geometry_geojson', { srsName: crsUrn(srid) }, esc(f.geometry)) : '',
            ),
          ),
        );
      }),
    ),
};

function geojson(found: Found, srid: number): string {
  const features = found.flatMap(({ layer, features }) =>
    features.map(
      (f) =>
        `{"type":"Feature","id":${JSON.stringify(`${layer.localName}.${f.fid}`)},"layer":${JSON.stringify(layer.name)},"geometry":${f.geometry ?? 'null'},"properties":${JSON.stringify(f.props)}}`,
    ),
  );
  const crs = srid !== 4326 ? `,"crs":{"type":"name","properties":{"name":${JSON.stringify(crsUrn(srid))}}}` : '';
  return `{"type":"FeatureCollection"${crs},"features":[${features.join(',')}]}`;
}

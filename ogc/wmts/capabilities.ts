/** WMTS 1.0.0 capabilities: the caller's visible layers, each in every tile matrix set, with
 *  KVP and RESTful resource URLs; tile matrix sets from tiles/matrix-sets.ts, TopLeftCorner and
 *  bounding boxes in each CRS's axis order (urn:ogc:def:crs:EPSG::4326 is latitude first). */
import type { Layer } from '../../data/catalogue/layer.js';
import type { Site } from '../../data/site.js';
import { el, text, XML_DECL } from '../../data/xml.js';
import { owsServiceIdentification, owsServiceProvider } from '../ows-site.js';
import { DEFAULT_STYLE_NAME } from '../../styles/defaults.js';
import { TILE_MATRIX_SETS, type TileMatrixSet } from '../../tiles/matrix-sets.js';

export const WMTS_RASTER_FORMATS = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const WMTS_VECTOR_FORMAT = 'application/vnd.mapbox-vector-tile';
export const WMTS_INFO_FORMATS = ['application/json', 'text/html', 'text/plain'] as const;

export const EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/vnd.mapbox-vector-tile': 'pbf',
  'application/json': 'json',
  'text/html': 'html',
  'text/plain': 'txt',
};

const num = (n: number) => String(Number(n.toPrecision(15)));
/** A point in the set's CRS axis order. */
const corner = (t: TileMatrixSet, x: number, y: number) =>
  t.northFirst ? `${num(y)} ${num(x)}` : `${num(x)} ${num(y)}`;

function operation(name: string, url: string, encodings: string[]): string {
  return el(
    'ows:Operation',
    { name },
    el(
      'ows:DCP',
      null,
      el(
        'ows:HTTP',
        null,
        ...encodings.map((enc) =>
          el(
            'ows:Get',
            { 'xlink:href': enc === 'KVP' ? `${url}/wmts?` : `${url}/wmts/1.0.0/` },
            el('ows:Constraint', { name: 'GetEncoding' }, el('ows:AllowedValues', null, text('ows:Value', enc))),
          ),
        ),
      ),
    ),
  );
}

function tileMatrixSetXml(t: TileMatrixSet): string {
  const [minx, miny, maxx, maxy] = t.bbox;
  return el(
    'TileMatrixSet',
    null,
    text('ows:Title', t.title),
    text('ows:Identifier', t.id),
    el(
      'ows:BoundingBox',
      { crs: t.crsUrn },
      text('ows:LowerCorner', corner(t, minx, miny)),
      text('ows:UpperCorner', corner(t, maxx, maxy)),
    ),
    text('ows:SupportedCRS', t.crsUrn),
    t.wellKnownScaleSet ? text('WellKnownScaleSet', t.wellKnownScaleSet) : '',
    ...t.matrices.map((m) =>
      el(
        'TileMatrix',
        null,
        text('ows:Identifier', m.id),
        text('ScaleDenominator', num(m.scaleDenominator)),
        text('TopLeftCorner', corner(t, m.origin[0], m.origin[1])),
        text('TileWidth', m.tileWidth),
        text('TileHeight', m.tileHeight),
        text('MatrixWidth', m.matrixWidth),
        text('MatrixHeight', m.matrixHeight),
      ),
    ),
  );
}

export interface WmtsStyle {
  name: string;
  title: string;
  isDefault: boolean;
}

/** A layer's WMTS styles: its stored styles, with the built-in 'default' first when none of
 *  them is the default (as styles/resolve.ts resolves them). */
export function wmtsStyles(stored: WmtsStyle[] = []): WmtsStyle[] {
  const def = stored.find((s) => s.isDefault) ?? stored.find((s) => s.name === DEFAULT_STYLE_NAME);
  const others = stored.filter((s) => s !== def).map((s) => ({ ...s, isDefault: false }));
  return [
    def ? { ...def, isDefault: true } : { name: DEFAULT_STYLE_NAME, title: 'Default', isDefault: true },
    ...others,
  ];
}

function layerXml(layer: Layer, styles: WmtsStyle[], base: string): string {
  const b = layer.bbox ?? [-180, -90, 180, 90];
  const rest = `${base}/wmts/1.0.0/${encodeURIComponent(layer.name)}/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}`;
  const formats = [...WMTS_RASTER_FORMATS, WMTS_VECTOR_FORMAT];
  return el(
    'Layer',
    null,
    text('ows:Title', layer.title),
    text('ows:Abstract', layer.abstract || undefined),
    layer.keywords.length ? el('ows:Keywords', null, ...layer.keywords.map((k) => text('ows:Keyword', k))) : '',
    el(
      'ows:WGS84BoundingBox',
      null,
      text('ows:LowerCorner', `${num(b[0])} ${num(b[1])}`),
      text('ows:UpperCorner', `${num(b[2])} ${num(b[3])}`),
    ),
    text('ows:Identifier', layer.name),
    ...styles.map((st) =>
      el(
        'Style',
        st.isDefault ? { isDefault: 'true' } : null,
        text('ows:Title', st.title || st.name),
        text('ows:Identifier', st.name),
      ),
    ),
    ...formats.map((f) => text('Format', f)),
    ...WMTS_INFO_FORMATS.map((f) => text('InfoFormat', f)),
    // No TileMatrixSetLimits: the schema types MaxTileRow/MaxTileCol as positiveInteger, so a
    // limit of row or column 0 (every low zoom level) cannot be written validly.
    ...TILE_MATRIX_SETS.map((t) => el('TileMatrixSetLink', null, text('TileMatrixSet', t.id))),
    ...formats.map((f) => el('ResourceURL', { format: f, resourceType: 'tile', template: `${rest}.${EXT[f]}` })),
    ...WMTS_INFO_FORMATS.map((f) =>
      el('ResourceURL', { format: f, resourceType: 'FeatureInfo', template: `${rest}/{J}/{I}.${EXT[f]}` }),
    ),
  );
}

/** `styles`: stored styles by layer id (data/styles/store.ts allStyleNames). */
export function wmtsCapabilities(layers: Layer[], styles: Map<string, WmtsStyle[]>, base: string, site: Site): string {
  return (
    XML_DECL +
    el(
      'Capabilities',
      {
        xmlns: 'http://www.opengis.net/wmts/1.0',
        'xmlns:ows': 'http://www.opengis.net/ows/1.1',
        'xmlns:xlink': 'http://www.w3.org/1999/xlink',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xmlns:gml': 'http://www.opengis.net/gml',
        'xsi:schemaLocation':
          'http://www.opengis.net/wmts/1.0 http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd',
        version: '1.0.0',
      },
      owsServiceIdentification(site, { name: 'WMTS', type: 'OGC WMTS', versions: ['1.0.0'] }),
      owsServiceProvider(site, base),
      el(
        'ows:OperationsMetadata',
        null,
        operation('GetCapabilities', base, ['KVP', 'RESTful']),
        operation('GetTile', base, ['KVP', 'RESTful']),
        operation('GetFeatureInfo', base, ['KVP', 'RESTful']),
      ),
      el(
        'Contents',
        null,
        ...layers.map((l) => layerXml(l, wmtsStyles(styles.get(l.id)), base)),
        ...TILE_MATRIX_SETS.map(tileMatrixSetXml),
      ),
      el('ServiceMetadataURL', { 'xlink:href': `${base}/wmts/1.0.0/WMTSCapabilities.xml` }),
    )
  );
}

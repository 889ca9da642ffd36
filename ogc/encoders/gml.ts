/** GML feature collections for WFS, streamed: GML 3.2 in a WFS 2.0 wfs:FeatureCollection
 *  (wfs:member, Simple Features level 0 as ArcGIS reads it), GML 3.1.1 in a WFS 1.1 collection,
 *  GML 2 in a WFS 1.0 collection. Geometries come from ST_AsGML in SQL. */
import type { Attribute, Layer } from '../../data/catalogue/layer.js';
import type { GeometryEncoding } from '../../data/query/compile.js';
import { el, esc } from '../../data/xml.js';
import { textValue } from './values.js';

export type GmlEncoding = 'gml32' | 'gml311' | 'gml2';

export interface EncodePart {
  layer: Layer;
  attributes: Attribute[];
  rows: () => AsyncIterable<Record<string, unknown>[]>;
}

export interface CollectionInfo {
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  /** Absolute URLs (WFS 2.0 next/previous; OGC API links). */
  next?: string;
  previous?: string;
  /** srsName written on geometries (URN, EPSG:n or a CRS URI). */
  srsName: string;
  /** Coordinates are written north first (latitude/longitude). */
  northFirst: boolean;
  /** xsi:schemaLocation pairs (namespace, location) of the feature types. */
  featureSchemas: Array<[string, string]>;
  /** xmlns declarations of the feature types' organisations. */
  namespaces: Record<string, string>;
  hits: boolean;
}

const NS: Record<GmlEncoding, { wfs: string; wfsXsd: string; gml: string }> = {
  gml32: {
    wfs: 'http://www.opengis.net/wfs/2.0',
    wfsXsd: 'http://schemas.opengis.net/wfs/2.0/wfs.xsd',
    gml: 'http://www.opengis.net/gml/3.2',
  },
  gml311: {
    wfs: 'http://www.opengis.net/wfs',
    wfsXsd: 'http://schemas.opengis.net/wfs/1.1.0/wfs.xsd',
    gml: 'http://www.opengis.net/gml',
  },
  gml2: {
    wfs: 'http://www.opengis.net/wfs',
    wfsXsd: 'http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd',
    gml: 'http://www.opengis.net/gml',
  },
};

/** ST_AsGML options: 4 = gml:LineString rather than gml:Curve; 16 = latitude first. */
export function gmlGeometryEncoding(enc: GmlEncoding, northFirst: boolean, layer: Layer): GeometryEncoding {
  const flip = northFirst ? 16 : 0;
  if (enc === 'gml2') return { as: 'gml', version: 2, options: flip };
  return {
    as: 'gml',
    version: 3,
    options: 4 | flip,
    idPrefix: enc === 'gml32' ? `${layer.localName}.geom.` : undefined,
  };
}

/** A geometry from ST_AsGML as written in a feature: the requested srsName, and unique gml:ids.
 *  ST_AsGML gives a multi geometry's members (gml:MultiSurface of gml:Polygon, gml:MultiCurve
 *  of gml:LineString) the collection's own gml:id, and an xs:ID must be unique in the document:
 *  the members get `.1`, `.2`, … after it. */
export function gmlGeometry(g: string, srsAttr: string): string {
  const out = g.replace(/srsName="[^"]*"/, srsAttr);
  if (!out.startsWith('<gml:Multi') || !out.includes(' gml:id="')) return out;
  let n = 0;
  return out.replace(/ gml:id="([^"]*)"/g, (whole, id: string) => (n++ === 0 ? whole : ` gml:id="${id}.${n - 1}"`));
}

export async function* gmlCollection(
  enc: GmlEncoding,
  parts: EncodePart[],
  info: CollectionInfo,
): AsyncGenerator<string> {
  const ns = NS[enc];
  const schemaLocation = [`${ns.wfs} ${ns.wfsXsd}`, ...info.featureSchemas.map(([n, l]) => `${n} ${l}`)].join(' ');
  const common = {
    'xmlns:wfs': ns.wfs,
    'xmlns:gml': ns.gml,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    ...info.namespaces,
    'xsi:schemaLocation': schemaLocation,
  };
  let open: string;
  if (enc === 'gml32') {
    open = el(
      'wfs:FeatureCollection',
      {
        ...common,
        timeStamp: info.timeStamp,
        numberMatched: info.numberMatched,
        numberReturned: info.hits ? 0 : info.numberReturned,
        next: info.next,
        previous: info.previous,
      },
      'X',
    );
  } else if (enc === 'gml311') {
    open = el(
      'wfs:FeatureCollection',
      { ...common, timeStamp: info.timeStamp, numberOfFeatures: info.hits ? info.numberMatched : info.numberReturned },
      'X',
    );
  } else {
    open = el('wfs:FeatureCollection', common, el('gml:boundedBy', null, el('gml:null', null, 'unknown')), 'X');
  }
  const close = open.slice(open.lastIndexOf('</'));
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${open.slice(0, open.lastIndexOf('X</'))}`;
  if (!info.hits) {
    const member = enc === 'gml32' ? 'wfs:member' : 'gml:featureMember';
    const srs = `srsName="${esc(info.srsName)}"`;
    for (const part of parts) {
      const tag = `${part.layer.organisation}:${part.layer.localName}`;
      const idAttr = enc === 'gml2' ? 'fid' : 'gml:id';
      const cols = part.attributes.map(
        (a) => [a, `<${part.layer.organisation}:${a.name}>`, `</${part.layer.organisation}:${a.name}>`] as const,
      );
      const geomOpen = `<${part.layer.organisation}:geom>`;
      const geomClose = `</${part.layer.organisation}:geom>`;
      for await (const batch of part.rows()) {
        let out = '';
        for (const row of batch) {
          out += `<${member}><${tag} ${idAttr}="${part.layer.localName}.${row.fid}">`;
          for (const [a, o, c] of cols) {
            const v = textValue(row[a.name], a);
            if (v !== null) out += o + esc(v) + c;
          }
          const g = row.geometry as string | null | undefined;
          if (g) out += geomOpen + gmlGeometry(g, srs) + geomClose;
          out += `</${tag}></${member}>`;
        }
        yield out;
      }
    }
  }
  yield close;
}

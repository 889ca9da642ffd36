/** The size of each download a dataset page offers, measured by writing the very file the link
 *  gives (the WFS GetFeature of that address, through the one feature query) and counting its
 *  bytes. Once per layer version, base URL and visibility scope: a file is the same for every
 *  caller who may read the layer, and the page asks for the sizes after it has loaded (htmx). */
import { LRUCache } from 'lru-cache';
import type { Layer } from '../../data/catalogue/layer.js';
import type { ReplyBody, ServiceRequest } from '../../data/reply.js';
import { visibilityScope } from '../../data/access.js';
import type { WfsService } from '../../ogc/wfs/service.js';

/** One download: its label, the WFS output format, the file's extension. */
export const DOWNLOADS: Array<[label: string, outputFormat: string, ext: string]> = [
  ['GeoJSON', 'application/json', 'geojson'],
  ['GeoPackage', 'application/geopackage+sqlite3', 'gpkg'],
  ['Shapefile (zip)', 'SHAPE-ZIP', 'zip'],
  ['CSV', 'csv', 'csv'],
  ['KML', 'application/vnd.google-earth.kml+xml', 'kml'],
  ['GML 3.2', 'application/gml+xml; version=3.2', 'gml'],
];

/** The query of a download's address: the link and the measurement ask the same thing. */
export const downloadQuery = (layer: string, outputFormat: string) => ({
  service: 'WFS',
  version: '2.0.0',
  request: 'GetFeature',
  typeNames: layer,
  outputFormat,
});

async function byteLength(body: ReplyBody): Promise<number> {
  if (body === null) return 0;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  let n = 0;
  for await (const c of body) n += typeof c === 'string' ? Buffer.byteLength(c) : c.byteLength;
  return n;
}

const cache = new LRUCache<string, Promise<Record<string, number | null>>>({ max: 500 });

/** Bytes per output format (null: that file could not be written). */
export function downloadSizes(wfs: WfsService, sreq: ServiceRequest, l: Layer): Promise<Record<string, number | null>> {
  const key = `${l.id}|${l.updatedAt.getTime()}|${l.featureCount}|${sreq.baseUrl}|${visibilityScope(sreq.principal)}`;
  let sizes = cache.get(key);
  if (!sizes) {
    sizes = (async () => {
      const out: Record<string, number | null> = {};
      // One after the other: GDAL's formats each run ogr2ogr.
      for (const [, f] of DOWNLOADS) {
        try {
          const r = await wfs.handle({
            ...sreq,
            method: 'GET',
            path: '',
            body: undefined,
            headers: {},
            query: downloadQuery(l.name, f),
          });
          out[f] = r.status === 200 ? await byteLength(r.body) : null;
        } catch {
          out[f] = null;
        }
      }
      return out;
    })();
    cache.set(key, sizes);
    sizes.catch(() => cache.delete(key));
  }
  return sizes;
}

/** 1234567 → "1,2 MB" (id) / "1.2 MB" (en). */
export function humanSize(bytes: number, lang: 'id' | 'en'): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toLocaleString(lang === 'en' ? 'en' : 'id', { maximumFractionDigits: i ? 1 : 0 })} ${units[i]}`;
}

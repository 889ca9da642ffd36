/** Helpers of the tile tests: tile addresses over the city and MVT decoding. */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** XYZ tile of a lon/lat at zoom z. */
export function tileOf(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** Centre of Kota Tangerang. */
export const CITY = { lon: 106.64, lat: -6.18 };

export interface Decoded {
  [layer: string]: Array<{
    id: number | undefined;
    type: number;
    properties: Record<string, unknown>;
    bbox: [number, number, number, number];
    extent: number;
  }>;
}

export function decodeMvt(buf: Uint8Array): Decoded {
  const vt = new VectorTile(new PbfReader(buf));
  const out: Decoded = {};
  for (const [name, layer] of Object.entries(vt.layers)) {
    out[name] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      const pts = f.loadGeometry().flat();
      const xs = pts.map((p) => p.x),
        ys = pts.map((p) => p.y);
      out[name].push({
        id: f.id,
        type: f.type,
        properties: f.properties,
        bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        extent: layer.extent,
      });
    }
  }
  return out;
}

export async function fetchBytes(url: string, init?: RequestInit) {
  const r = await fetch(url, init);
  return { status: r.status, headers: r.headers, body: new Uint8Array(await r.arrayBuffer()) };
}

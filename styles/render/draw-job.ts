/** One map picture as plain data (styles, features as TWKB in pixel coordinates, size, scale),
 *  and the function that turns it into an encoded image. It imports no database or app code,
 *  so it runs the same inside a render worker thread and on the calling thread. */
import { createCanvas } from '@napi-rs/canvas';
import type { Style } from '../model.js';
import { drawFeatures, drawLabels, type Feature, type Label } from './draw.js';
import { encodeCanvas, type ImageFormat } from './encode.js';
import { ThinStroker } from './thin-stroke.js';

export interface DrawLayer {
  style: Style;
  /** Every feature's TWKB after its length (4 bytes, big-endian), as the map query sends it:
   *  one block, so a job crosses to a worker without a copy (data/render/features.ts). */
  packed: Uint8Array;
  /** Per feature, the attributes the style reads; absent when it reads none. */
  props?: Array<Record<string, unknown>>;
}

export interface DrawJob {
  width: number;
  height: number;
  format: ImageFormat;
  transparent: boolean;
  /** '#rrggbb' */
  background: string;
  /** Scale denominator (rules are chosen by it) and the dpi factor symbols scale with. */
  scale: number;
  k: number;
  layers: DrawLayer[];
  /** Set by the pool when every worker is drawing or jobs wait: encode for speed rather than size. */
  busy?: boolean;
}

/** Packs separate features the way the map query does (for callers that have them one by one). */
export function packLayer(style: Style, features: Array<{ props?: Record<string, unknown>; twkb: Uint8Array }>): DrawLayer {
  const packed = new Uint8Array(features.reduce((n, f) => n + 4 + f.twkb.length, 0));
  const view = new DataView(packed.buffer);
  let o = 0;
  for (const f of features) {
    view.setUint32(o, f.twkb.length);
    packed.set(f.twkb, o + 4);
    o += 4 + f.twkb.length;
  }
  return { style, packed, props: features.some((f) => f.props) ? features.map((f) => f.props ?? {}) : undefined };
}

const NO_PROPS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** The packed block → features (views into it); a truncated block ends the list. */
function unpack(l: DrawLayer): Feature[] {
  const { packed } = l;
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const out: Feature[] = [];
  for (let o = 0; o + 4 <= packed.length; ) {
    const n = view.getUint32(o);
    if (o + 4 + n > packed.length) break;
    out.push({ props: l.props?.[out.length] ?? NO_PROPS, twkb: packed.subarray(o + 4, o + 4 + n) });
    o += 4 + n;
  }
  return out;
}

export async function runDrawJob(job: DrawJob): Promise<Buffer> {
  const { width, height, k, scale } = job;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  if (!job.transparent) {
    g.fillStyle = job.background;
    g.fillRect(0, 0, width, height);
  }
  const labels: Label[] = [];
  const thin = ThinStroker.of(width, height);
  for (const l of job.layers) drawFeatures(g, l.style, unpack(l), scale, k, labels, thin);
  if (labels.length) drawLabels(g, labels, k, width, height);
  return encodeCanvas(canvas, job.format, job.background, job.busy);
}

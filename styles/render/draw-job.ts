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
  props: Array<Record<string, unknown>>;
  /** Every feature's TWKB, one after another; feature i is twkb[offsets[i] .. offsets[i+1]). */
  twkb: Uint8Array;
  offsets: Uint32Array;
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

/** Packs features into one buffer, so a job crosses to a worker as one transferable block. */
export function packLayer(style: Style, features: Array<{ props: Record<string, unknown>; twkb: Uint8Array }>): DrawLayer {
  const offsets = new Uint32Array(features.length + 1);
  let n = 0;
  features.forEach((f, i) => { offsets[i] = n; n += f.twkb.length; });
  offsets[features.length] = n;
  const twkb = new Uint8Array(n);
  features.forEach((f, i) => twkb.set(f.twkb, offsets[i]));
  return { style, props: features.map((f) => f.props), twkb, offsets };
}

function unpack(l: DrawLayer): Feature[] {
  return l.props.map((props, i) => ({ props, twkb: l.twkb.subarray(l.offsets[i], l.offsets[i + 1]) }));
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

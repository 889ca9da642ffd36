/** One map picture as plain data (styles, features as TWKB in pixel coordinates, size, scale),
 *  and the function that turns it into an encoded image. It imports no database or app code,
 *  so it runs the same inside a render worker thread and on the calling thread. */
import { createCanvas } from '@napi-rs/canvas';
import type { Style } from '../model.js';
import { drawFeatures, drawLabels, type Feature, type Label } from './draw.js';
import { encodeCanvas, type ImageFormat } from './encode.js';
import { ThinStroker } from './thin-stroke.js';
import { packTwkb, unpackTwkb } from '../../data/render/packed-twkb.js';

export interface DrawLayer {
  style: Style;
  /** Every feature's TWKB in one block, as the map query sends it (data/render/packed-twkb.ts),
   *  so a job crosses to a worker without a copy. */
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
  /** Longest the drawing may take (ms; absent or 0: no limit). */
  timeoutMs?: number;
}

/** A drawing that went over its job's time limit. */
export class RenderTimeout extends Error {
  constructor(readonly ms: number) {
    super(`Drawing the map took longer than its limit of ${ms} ms`);
  }
}

/** Packs separate features the way the map query does (for callers that have them one by one). */
export function packLayer(
  style: Style,
  features: Array<{ props?: Record<string, unknown>; twkb: Uint8Array }>,
): DrawLayer {
  return {
    style,
    packed: packTwkb(features.map((f) => f.twkb)),
    props: features.some((f) => f.props) ? features.map((f) => f.props ?? {}) : undefined,
  };
}

const NO_PROPS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function unpack(l: DrawLayer): Feature[] {
  return unpackTwkb(l.packed).map((twkb, i) => ({ props: l.props?.[i] ?? NO_PROPS, twkb }));
}

/** `checkClock`: drawing on the calling thread cannot be terminated from outside, so it looks
 *  at the clock between runs of features and labels and stops itself (RenderTimeout). */
export async function runDrawJob(job: DrawJob, checkClock = false): Promise<Buffer> {
  const { width, height, k, scale } = job;
  const ms = job.timeoutMs ?? 0;
  const deadline = checkClock && ms > 0 ? performance.now() + ms : Infinity;
  const onTime =
    deadline === Infinity
      ? undefined
      : () => {
          if (performance.now() > deadline) throw new RenderTimeout(ms);
        };
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  if (!job.transparent) {
    g.fillStyle = job.background;
    g.fillRect(0, 0, width, height);
  }
  const labels: Label[] = [];
  const thin = ThinStroker.of(width, height);
  for (const l of job.layers) {
    onTime?.();
    drawFeatures(g, l.style, unpack(l), scale, k, labels, thin, onTime);
  }
  if (labels.length) drawLabels(g, labels, k, width, height, onTime);
  onTime?.();
  return encodeCanvas(canvas, job.format, job.background, job.busy);
}

/** Solid, round-capped and round-joined strokes a few pixels wide, rasterised here instead of
 *  by Skia. Skia draws strokes of at most 1 px on a fast hairline path, but a 1.5 px stroke
 *  (the default line style) goes through its general stroker and path filler, which cost about
 *  four times as much as the rest of a line map. A round stroke is the set of points within
 *  width/2 of the line, so its coverage is a distance test per pixel: each segment is a
 *  capsule, and a pixel's coverage is the share of its square inside the band of that width
 *  around the segment (exact for a band at any angle, see `band`); where capsules overlap the
 *  larger coverage wins, which is how a single path's stroke behaves (no darker joints). The coverage is turned into one RGBA image and
 *  drawn onto the canvas, so it composites exactly as a stroke would. */
import { createCanvas, ImageData, type Canvas } from '@napi-rs/canvas';
import type { Stroke } from '../model.js';
import type { Parts, Pt } from './parts.js';
import type { Ctx } from './symbols.js';

/** Widths (in pixels) drawn here: below it Skia's hairline path is as fast; above it the
 *  distance test touches enough pixels that Skia is no slower. */
const MIN_WIDTH = 1;
const MAX_WIDTH = 6;

/** The stroke's colour as [r, g, b, a 0..1], when it can be drawn here. */
export function thinStrokeColour(s: Stroke, k: number): [number, number, number, number] | undefined {
  const w = s.width * k;
  if (w <= MIN_WIDTH || w > MAX_WIDTH || s.dasharray?.length || s.linecap !== 'round' || s.linejoin !== 'round')
    return undefined;
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(s.color);
  if (!m) return undefined;
  let h = m[1];
  if (h.length <= 4) h = [...h].map((c) => c + c).join('');
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
}

/** The share of a unit pixel square on one side of a line at signed distance x from its
 *  centre, the line's normal at an angle whose |cos| and |sin| are a ≥ b: the square's
 *  projection on the normal is a trapezoid of width a + b, so this is its distribution
 *  function (a ramp with quadratic ends; a plain linear ramp when the line is axis-aligned). */
function band(x: number, a: number, b: number): number {
  const u = x + (a + b) / 2;
  if (u <= 0) return 0;
  if (u >= a + b) return 1;
  if (u < b) return (u * u) / (2 * a * b);
  if (u <= a) return (u - b / 2) / a;
  const v = a + b - u;
  return 1 - (v * v) / (2 * a * b);
}

let last: ThinStroker | undefined;

/** A reusable coverage buffer and RGBA image the size of one map. */
export class ThinStroker {
  /** One per thread for the usual map sizes, reused: drawing is synchronous, so two maps never
   *  share it at once. */
  static of(width: number, height: number): ThinStroker {
    if (last?.width === width && last.height === height) return last;
    const t = new ThinStroker(width, height);
    if (width * height <= 1024 * 1024) last = t;
    return t;
  }

  readonly width: number;
  readonly height: number;
  private readonly cover: Uint8Array;
  private readonly rgba: Uint8ClampedArray;
  private scratch?: Canvas;
  // Dirty box of the current stroke, in whole pixels (x1, y1 exclusive).
  private x0 = 0;
  private y0 = 0;
  private x1 = 0;
  private y1 = 0;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.cover = new Uint8Array(width * height);
    this.rgba = new Uint8ClampedArray(width * height * 4);
  }

  /** Strokes these polylines (closed ones repeat their first point) onto the canvas. */
  stroke(g: Ctx, lines: Pt[][], s: Stroke, k: number, colour: [number, number, number, number]): void {
    const r = (s.width * k) / 2;
    this.x0 = this.width;
    this.y0 = this.height;
    this.x1 = 0;
    this.y1 = 0;
    for (const l of lines) {
      if (l.length === 1) this.segment(l[0][0], l[0][1], l[0][0], l[0][1], r);
      for (let i = 1; i < l.length; i++) this.segment(l[i - 1][0], l[i - 1][1], l[i][0], l[i][1], r);
    }
    if (this.x1 <= this.x0 || this.y1 <= this.y0) return;
    this.paint(g, s, colour);
  }

  /** Takes the max of each pixel's coverage by the capsule of half-width r around (ax, ay)–(bx, by). */
  private segment(ax: number, ay: number, bx: number, by: number, r: number): void {
    const W = this.width,
      H = this.height,
      cover = this.cover;
    // A pixel square seen across the segment spans at most (|cos| + |sin|) / 2 ≤ 0.71 either side of its centre.
    const R = r + 0.7072;
    const top = Math.max(0, Math.floor(Math.min(ay, by) - R + 0.5));
    const bottom = Math.min(H - 1, Math.ceil(Math.max(ay, by) + R - 0.5));
    if (top > bottom) return;
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const inv = len2 > 0 ? 1 / len2 : 0;
    const minX = Math.min(ax, bx) - R,
      maxX = Math.max(ax, bx) + R;
    const len = Math.sqrt(len2);
    let ca = len > 0 ? Math.abs(dx) / len : 1,
      cb = len > 0 ? Math.abs(dy) / len : 0;
    if (cb > ca) {
      const t = ca;
      ca = cb;
      cb = t;
    }
    for (let y = top; y <= bottom; y++) {
      const py = y + 0.5;
      // The capsule is convex: on this row it covers one interval of x; find its ends.
      let lo = Infinity,
        hi = -Infinity;
      const ea = R * R - (py - ay) * (py - ay);
      if (ea > 0) {
        const h = Math.sqrt(ea);
        lo = ax - h;
        hi = ax + h;
      }
      const eb = R * R - (py - by) * (py - by);
      if (eb > 0) {
        const h = Math.sqrt(eb);
        if (bx - h < lo) lo = bx - h;
        if (bx + h > hi) hi = bx + h;
      }
      if (dy !== 0 && len > 0) {
        // The band: perpendicular distance < R and projection within the segment.
        // Along the row, both are linear in x; intersect their two intervals.
        const ux = dx / len,
          uy = dy / len;
        const oy = py - ay;
        // Projection t = (x − ax)·ux + oy·uy ∈ [0, len]
        let tLo: number, tHi: number;
        if (ux !== 0) {
          const a = ax - (oy * uy) / ux,
            b = ax + (len - oy * uy) / ux;
          tLo = Math.min(a, b);
          tHi = Math.max(a, b);
        } else if (oy * uy >= 0 && oy * uy <= len) {
          tLo = -Infinity;
          tHi = Infinity;
        } else {
          tLo = Infinity;
          tHi = -Infinity;
        }
        // Perpendicular s = −(x − ax)·uy + oy·ux ∈ (−R, R); uy ≠ 0 since dy ≠ 0.
        const c = ax + (oy * ux) / uy,
          d = R / Math.abs(uy);
        const l2 = Math.max(tLo, c - d),
          h2 = Math.min(tHi, c + d);
        if (l2 < h2) {
          if (l2 < lo) lo = l2;
          if (h2 > hi) hi = h2;
        }
      } else if (dy === 0 && Math.abs(py - ay) < R) {
        if (minX < lo) lo = minX;
        if (maxX > hi) hi = maxX;
      }
      if (!(lo < hi)) continue;
      const from = Math.max(0, Math.ceil(lo - 0.5)),
        to = Math.min(W - 1, Math.floor(hi - 0.5));
      if (from > to) continue;
      if (from < this.x0) this.x0 = from;
      if (to + 1 > this.x1) this.x1 = to + 1;
      if (y < this.y0) this.y0 = y;
      if (y + 1 > this.y1) this.y1 = y + 1;
      const row = y * W;
      const oy = py - ay;
      for (let x = from; x <= to; x++) {
        const ox = x + 0.5 - ax;
        let t = (ox * dx + oy * dy) * inv;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = ox - t * dx,
          ey = oy - t * dy;
        const d = Math.sqrt(ex * ex + ey * ey);
        if (d >= R) continue;
        const cov = band(r - d, ca, cb) - band(-r - d, ca, cb);
        if (cov <= 0) continue;
        const v = cov >= 1 ? 255 : (cov * 255 + 0.5) | 0;
        if (v > cover[row + x]) cover[row + x] = v;
      }
    }
  }

  /** Coverage → RGBA in the dirty box → the canvas; clears the coverage it used. */
  private paint(g: Ctx, s: Stroke, [r, gr, b, a]: [number, number, number, number]): void {
    const { x0, y0, x1, y1, width: W, cover, rgba } = this;
    const w = x1 - x0,
      h = y1 - y0;
    const alpha = a * s.opacity;
    // The dirty box's pixels, packed as a w×h image at the start of the buffer.
    let o = 0;
    for (let y = y0; y < y1; y++) {
      const row = y * W;
      for (let x = x0; x < x1; x++) {
        const c = cover[row + x];
        if (c) {
          rgba[o] = r;
          rgba[o + 1] = gr;
          rgba[o + 2] = b;
          rgba[o + 3] = c * alpha;
          cover[row + x] = 0;
        } else rgba[o + 3] = 0;
        o += 4;
      }
    }
    if (!this.scratch) this.scratch = createCanvas(this.width, this.height);
    const sc = this.scratch.getContext('2d');
    sc.putImageData(new ImageData(rgba.subarray(0, w * h * 4), w, h), 0, 0);
    const was = g.globalAlpha;
    g.globalAlpha = 1;
    g.drawImage(this.scratch, 0, 0, w, h, x0, y0, w, h);
    g.globalAlpha = was;
  }
}

/** Whether a ring ends where it starts (as rings from PostGIS do). */
function closed(r: Pt[]): boolean {
  const [a, b] = [r[0], r[r.length - 1]];
  return a[0] === b[0] && a[1] === b[1];
}

/** The polylines a stroke of these features follows: their lines, or else their polygon
 *  rings closed (as linesSvg writes them). */
export function strokeLines(run: Parts[]): Pt[][] {
  const out: Pt[][] = [];
  for (const f of run) {
    if (f.lines.length) out.push(...f.lines);
    else for (const poly of f.polygons) for (const r of poly) if (r.length > 1) out.push(closed(r) ? r : [...r, r[0]]);
  }
  return out;
}

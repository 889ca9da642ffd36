/** Geometry as SVG path text for Path2D: a whole run of features becomes one path, built in
 *  JavaScript and handed to Skia in one call. Building a path point by point (moveTo/lineTo)
 *  costs a native call per vertex, which was most of the drawing time. The text is written in
 *  tenths of a pixel as integers (the precision the map query sends; integers print several
 *  times faster than fractions) and scaled back once by `toPath`. Polygon rings are written
 *  exterior clockwise and holes counter-clockwise (on screen), so a nonzero fill of many
 *  polygons at once still leaves every hole empty. */
import { Path2D } from '@napi-rs/canvas';
import type { Parts, Pt } from './parts.js';

const t = (v: number) => Math.round(v * 10);
const TENTH = { a: 0.1, b: 0, c: 0, d: 0.1, e: 0, f: 0 };

/** The path of SVG text written by the functions below, in pixels. */
export function toPath(svg: string): Path2D {
  const out = new Path2D();
  if (svg) out.addPath(new Path2D(svg), TENTH);
  return out;
}

function area2(r: Pt[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  return a;
}

function ring(r: Pt[], reverse: boolean, close: boolean): string {
  const n = r.length;
  if (n < 2) return '';
  let s = '';
  for (let i = 0; i < n; i++) {
    const p = r[reverse ? n - 1 - i : i];
    s += (i ? 'L' : 'M') + t(p[0]) + ' ' + t(p[1]);
  }
  return close ? s + 'Z' : s;
}

/** Every polygon of these features; exteriors one way round, holes the other. */
export function polygonsSvg(features: Parts[]): string {
  let s = '';
  for (const f of features)
    for (const poly of f.polygons)
      for (let i = 0; i < poly.length; i++) {
        // y points down on screen: a positive shoelace sum is clockwise.
        const cw = area2(poly[i]) > 0;
        s += ring(poly[i], i === 0 ? !cw : cw, true);
      }
  return s;
}

/** Every line of these features, or their polygon outlines when they have no lines. */
export function linesSvg(features: Parts[]): string {
  let s = '';
  for (const f of features) {
    if (f.lines.length) for (const l of f.lines) s += ring(l, false, false);
    else for (const poly of f.polygons) for (const r of poly) s += ring(r, false, true);
  }
  return s;
}

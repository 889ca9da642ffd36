/** Draws one layer's features with a style: one pass over the features per FeatureTypeStyle
 *  (so casings stay under every centre line), rules chosen by scale and filter within the pass
 *  (ElseFilter when none of the pass matched), symbolizers in document order; labels are
 *  collected here and placed last (labels.ts). */
import { Image, type Path2D } from '@napi-rs/canvas';
import { LRUCache } from 'lru-cache';
import { graphicProblem } from '../graphic-image.js';
import { DRAW_LIMITS } from '../limits.js';
import { evaluate } from '../../data/query/evaluate.js';
import type { Rule, Stroke, Style, Symbolizer } from '../model.js';
import type { Label } from './labels.js';
import type { Parts, Pt } from './parts.js';
import { linesSvg, polygonsSvg, toPath } from './paths.js';
import { applyFill, applyStroke, drawGraphic, sizeSymbolCaches, type Ctx } from './symbols.js';
import { readTwkb } from './twkb.js';
import { strokeLines, thinStrokeColour, type ThinStroker } from './thin-stroke.js';

export interface Feature {
  props: Record<string, unknown>;
  /** TWKB in pixel coordinates (data/render/features.ts). */
  twkb: Uint8Array;
}

export { drawLabels, type Label } from './labels.js';

/** Rules that apply at this scale denominator (Min inclusive, Max exclusive, as SLD says). */
export function rulesAtScale(style: Style, scale: number): Rule[] {
  return style.rules.filter(
    (r) => (r.minScale === undefined || scale >= r.minScale) && (r.maxScale === undefined || scale < r.maxScale),
  );
}

export function matchingRules(rules: Rule[], props: Record<string, unknown>): Rule[] {
  const hit = rules.filter((r) => !r.elseFilter && (!r.filter || evaluate(r.filter, props)));
  return hit.length ? hit : rules.filter((r) => r.elseFilter);
}

/** Decoded data: images, bounded by their decoded bytes (not by count: four 40000² images
 *  once filled 7.9 GB of a cache of 100). A URI that fails the header check (a style stored
 *  before the limits) is remembered as undrawable rather than decoded. */
const imageCache = (bytes: number) =>
  new LRUCache<string, Image | false>({
    maxSize: bytes,
    sizeCalculation: (img) => (img ? Math.max(1, img.width * img.height * 4) : 1),
  });
let images = imageCache(DRAW_LIMITS.imageCacheBytes);

/** How much a drawing thread keeps: decoded images and drawn symbols, bytes. */
export interface DrawCacheSizes {
  imageBytes: number;
  spriteBytes: number;
}

/** Sizes this thread's drawing caches: each render worker (the node's pool) does it once at
 *  start with the node's settings; the caches live and die with that thread. */
export function sizeDrawCaches(sizes: DrawCacheSizes): void {
  images = imageCache(sizes.imageBytes);
  sizeSymbolCaches(sizes.spriteBytes);
}
function imageOf(uri?: string): Image | undefined {
  if (!uri) return undefined;
  let img = images.get(uri);
  if (img === undefined) {
    const ok: { bytes?: Buffer } = {};
    if (graphicProblem(uri, ok) || !ok.bytes) img = false;
    else {
      img = new Image();
      img.src = ok.bytes;
    }
    images.set(uri, img);
  }
  return img || undefined;
}

/** A label point: the point, the centroid of the largest polygon ring, or a line's middle vertex. */
function anchorOf(parts: Parts): Pt | undefined {
  if (parts.points.length) return parts.points[0];
  if (parts.polygons.length) {
    let best: Pt[] | undefined;
    let bestArea = -1;
    for (const p of parts.polygons) {
      const r = p[0];
      let a = 0;
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += r[j][0] * r[i][1] - r[i][0] * r[j][1];
      if (Math.abs(a) > bestArea) {
        bestArea = Math.abs(a);
        best = r;
      }
    }
    if (!best) return undefined;
    let cx = 0,
      cy = 0,
      a2 = 0;
    for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
      const f = best[j][0] * best[i][1] - best[i][0] * best[j][1];
      cx += (best[j][0] + best[i][0]) * f;
      cy += (best[j][1] + best[i][1]) * f;
      a2 += f;
    }
    return a2 ? [cx / (3 * a2), cy / (3 * a2)] : best[0];
  }
  const l = parts.lines[0];
  return l && l[Math.floor(l.length / 2)];
}

/** Strokes a run's lines or outlines: thin round strokes by `thin` (along the run's parts),
 *  the rest by Skia along `path` (made only then). */
function strokeRun(
  g: Ctx,
  s: Stroke,
  run: Parts[],
  k: number,
  thin: ThinStroker | undefined,
  path: () => Path2D | undefined,
): void {
  const colour = thin && thinStrokeColour(s, k);
  if (colour) return thin.stroke(g, strokeLines(run), s, k, colour);
  const p = path();
  if (!p) return;
  applyStroke(g, s, k);
  g.stroke(p);
}

/** Draws one symbolizer for a run of features that matched the same rules: polygons and
 *  lines of the whole run as one path (fill of all, then stroke of all, so outlines stay on
 *  top where features overlap), marks and labels one by one. */
export function drawSymbolizerRun(
  g: Ctx,
  s: Symbolizer,
  run: Parts[],
  props: Array<Record<string, unknown>>,
  k: number,
  labels: Label[],
  thin?: ThinStroker,
): void {
  switch (s.kind) {
    case 'polygon': {
      if (!run.some((p) => p.polygons.length)) return;
      const path = toPath(polygonsSvg(run));
      if (s.fill) {
        applyFill(g, s.fill, k);
        g.fill(path, 'nonzero');
      }
      if (s.stroke) strokeRun(g, s.stroke, run, k, thin, () => path);
      return;
    }
    case 'line':
      strokeRun(g, s.stroke, run, k, thin, () => {
        const svg = linesSvg(run);
        return svg ? toPath(svg) : undefined;
      });
      return;
    case 'point': {
      const pts: Pt[] = [];
      for (const p of run) {
        if (p.points.length) pts.push(...p.points);
        else {
          const a = anchorOf(p);
          if (a) pts.push(a);
        }
      }
      // Marks one by one: where points crowd, each covers the one before, outline and all.
      const img = imageOf(s.graphic.image);
      for (const [x, y] of pts) drawGraphic(g, s.graphic, x, y, k, img);
      return;
    }
    case 'text':
      run.forEach((parts, i) => {
        const v = s.label.literal ?? (s.label.property ? props[i][s.label.property] : undefined);
        if (v === null || v === undefined || v === '') return;
        // A long attribute value is cut: one label's boxes and glyph runs stay bounded.
        const text = String(v).slice(0, DRAW_LIMITS.labelChars);
        const at = s.placement === 'line' && parts.lines.length ? undefined : anchorOf(parts);
        if (at) labels.push({ text, sym: s, at });
        else if (s.placement === 'line') labels.push({ text, sym: s, lines: parts.lines });
      });
  }
}

/** One feature, one symbolizer (legends). */
export function drawSymbolizer(
  g: Ctx,
  s: Symbolizer,
  parts: Parts,
  k: number,
  props: Record<string, unknown>,
  labels: Label[],
): void {
  drawSymbolizerRun(g, s, [parts], [props], k, labels);
}

/** Rules by FeatureTypeStyle, in drawing order: each list is one pass over every feature. */
export function passesOf(rules: Rule[]): Rule[][] {
  const by = new Map<number, Rule[]>();
  for (const r of rules) {
    const list = by.get(r.pass ?? 0);
    if (list) list.push(r);
    else by.set(r.pass ?? 0, [r]);
  }
  return [...by.keys()].sort((a, b) => a - b).map((p) => by.get(p)!);
}

/** `thin`: where given, thin round strokes are rasterised by it (thin-stroke.ts) rather than Skia. */
/** `onTime`: called between runs (and every few hundred features); throws to stop a drawing over its time. */
export function drawFeatures(
  g: Ctx,
  style: Style,
  features: Feature[],
  scale: number,
  k: number,
  labels: Label[],
  thin?: ThinStroker,
  onTime?: () => void,
): void {
  const passes = passesOf(rulesAtScale(style, scale));
  if (!passes.length) return;
  const parts = features.map((f) => readTwkb(f.twkb));
  for (const rules of passes) {
    const plain = rules.length === 1 && !rules[0].filter && !rules[0].elseFilter;
    // Consecutive features that matched the same rules are drawn together, in feature order.
    let run: number[] = [];
    let runRules: Rule[] = [];
    let runKey = '';
    const flush = () => {
      if (!run.length) return;
      onTime?.();
      const p = run.map((i) => parts[i]);
      const props = run.map((i) => features[i].props);
      for (const r of runRules) for (const s of r.symbolizers) drawSymbolizerRun(g, s, p, props, k, labels, thin);
      run = [];
    };
    features.forEach((f, i) => {
      if (onTime && (i & 255) === 255) onTime();
      const chosen = plain ? rules : matchingRules(rules, f.props);
      if (!chosen.length) return;
      const key = plain ? '*' : chosen.map((r) => rules.indexOf(r)).join(',');
      if (key !== runKey) {
        flush();
        runKey = key;
        runRules = chosen;
      }
      run.push(i);
    });
    flush();
  }
  g.globalAlpha = 1;
  g.setLineDash([]);
}

/** Draws one layer's features with a style: one pass over the features per FeatureTypeStyle
 *  (so casings stay under every centre line), rules chosen by scale and filter within the pass
 *  (ElseFilter when none of the pass matched), symbolizers in document order; labels are
 *  collected here and placed last (labels.ts). */
import { Image } from '@napi-rs/canvas';
import { evaluate } from '../../ogc/filter/evaluate.js';
import type { Rule, Style, Symbolizer } from '../model.js';
import type { Label } from './labels.js';
import { applyFill, applyStroke, drawGraphic, tracePath, type Ctx } from './symbols.js';
import { readWkb, type Parts, type Pt } from './wkb.js';

export interface Feature {
  props: Record<string, unknown>;
  wkb: Uint8Array;
}

export { drawLabels, type Label } from './labels.js';

/** Rules that apply at this scale denominator (Min inclusive, Max exclusive, as SLD says). */
export function rulesAtScale(style: Style, scale: number): Rule[] {
  return style.rules.filter((r) => (r.minScale === undefined || scale >= r.minScale) && (r.maxScale === undefined || scale < r.maxScale));
}

export function matchingRules(rules: Rule[], props: Record<string, unknown>): Rule[] {
  const hit = rules.filter((r) => !r.elseFilter && (!r.filter || evaluate(r.filter, props)));
  return hit.length ? hit : rules.filter((r) => r.elseFilter);
}

const images = new Map<string, Image>();
function imageOf(uri?: string): Image | undefined {
  if (!uri) return undefined;
  let img = images.get(uri);
  if (!img) {
    const m = /^data:[^;,]+(;base64)?,(.*)$/s.exec(uri);
    if (!m) return undefined;
    img = new Image();
    img.src = m[1] ? Buffer.from(m[2], 'base64') : Buffer.from(decodeURIComponent(m[2]));
    if (images.size > 100) images.clear();
    images.set(uri, img);
  }
  return img;
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
      if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = r; }
    }
    if (!best) return undefined;
    let cx = 0, cy = 0, a2 = 0;
    for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
      const f = best[j][0] * best[i][1] - best[i][0] * best[j][1];
      cx += (best[j][0] + best[i][0]) * f; cy += (best[j][1] + best[i][1]) * f; a2 += f;
    }
    return a2 ? [cx / (3 * a2), cy / (3 * a2)] : best[0];
  }
  const l = parts.lines[0];
  return l && l[Math.floor(l.length / 2)];
}

export function drawSymbolizer(g: Ctx, s: Symbolizer, parts: Parts, k: number, props: Record<string, unknown>, labels: Label[]): void {
  switch (s.kind) {
    case 'polygon':
      if (!parts.polygons.length) return;
      g.beginPath();
      for (const p of parts.polygons) tracePath(g, p, true);
      if (s.fill) { applyFill(g, s.fill, k); g.fill('evenodd'); }
      if (s.stroke) { applyStroke(g, s.stroke, k); g.stroke(); }
      return;
    case 'line': {
      const rings = parts.lines.length ? parts.lines : parts.polygons.flat();
      if (!rings.length) return;
      g.beginPath();
      tracePath(g, rings, false);
      applyStroke(g, s.stroke, k);
      g.stroke();
      return;
    }
    case 'point': {
      const pts = parts.points.length ? parts.points : [anchorOf(parts)].filter((p): p is Pt => !!p);
      const img = imageOf(s.graphic.image);
      for (const [x, y] of pts) drawGraphic(g, s.graphic, x, y, k, img);
      return;
    }
    case 'text': {
      const v = s.label.literal ?? (s.label.property ? props[s.label.property] : undefined);
      if (v === null || v === undefined || v === '') return;
      const at = s.placement === 'line' && parts.lines.length ? undefined : anchorOf(parts);
      if (at) labels.push({ text: String(v), sym: s, at });
      else if (s.placement === 'line') labels.push({ text: String(v), sym: s, lines: parts.lines });
    }
  }
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

export function drawFeatures(g: Ctx, style: Style, features: Feature[], scale: number, k: number, labels: Label[]): void {
  const passes = passesOf(rulesAtScale(style, scale));
  // With several passes each feature's geometry is read once and kept for the next pass.
  const kept: Array<Parts | undefined> = passes.length > 1 ? new Array(features.length) : [];
  for (const rules of passes) {
    const plain = rules.length === 1 && !rules[0].filter && !rules[0].elseFilter;
    features.forEach((f, i) => {
      const chosen = plain ? rules : matchingRules(rules, f.props);
      if (!chosen.length) return;
      const parts = kept[i] ?? readWkb(f.wkb);
      if (passes.length > 1) kept[i] = parts;
      for (const r of chosen) for (const s of r.symbolizers) drawSymbolizer(g, s, parts, k, f.props, labels);
    });
  }
  g.globalAlpha = 1;
  g.setLineDash([]);
}

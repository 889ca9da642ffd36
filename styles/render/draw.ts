/** Draws one layer's features with a style: one pass over the features per FeatureTypeStyle
 *  (so casings stay under every centre line), rules chosen by scale and filter within the pass
 *  (ElseFilter when none of the pass matched), symbolizers in document order; labels collected
 *  and placed last, each kept only where its box collides with no label already placed. */
import { Image } from '@napi-rs/canvas';
import { evaluate } from '../../ogc/filter/evaluate.js';
import type { Rule, Style, Symbolizer, TextSymbolizer } from '../model.js';
import { applyFill, applyStroke, drawGraphic, tracePath, type Ctx } from './symbols.js';
import { readWkb, type Parts, type Pt } from './wkb.js';

export interface Feature {
  props: Record<string, unknown>;
  wkb: Uint8Array;
}

export interface Label {
  text: string;
  sym: TextSymbolizer;
  x: number;
  y: number;
  angle: number;
}

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

/** Middle of the longest line, with the angle of the segment there (kept upright). */
function alongLine(parts: Parts): { x: number; y: number; angle: number } | undefined {
  let best: Pt[] | undefined, len = 0;
  for (const l of parts.lines) {
    let s = 0;
    for (let i = 1; i < l.length; i++) s += Math.hypot(l[i][0] - l[i - 1][0], l[i][1] - l[i - 1][1]);
    if (s > len) { len = s; best = l; }
  }
  if (!best) return undefined;
  let walked = 0;
  for (let i = 1; i < best.length; i++) {
    const d = Math.hypot(best[i][0] - best[i - 1][0], best[i][1] - best[i - 1][1]);
    if (walked + d >= len / 2 && d > 0) {
      const t = (len / 2 - walked) / d;
      let angle = Math.atan2(best[i][1] - best[i - 1][1], best[i][0] - best[i - 1][0]);
      if (angle > Math.PI / 2) angle -= Math.PI;
      if (angle < -Math.PI / 2) angle += Math.PI;
      return { x: best[i - 1][0] + t * (best[i][0] - best[i - 1][0]), y: best[i - 1][1] + t * (best[i][1] - best[i - 1][1]), angle };
    }
    walked += d;
  }
  return undefined;
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
      const on = s.placement === 'line' && parts.lines.length ? alongLine(parts) : undefined;
      const p = on ? undefined : anchorOf(parts);
      const c = on ?? (p && { x: p[0], y: p[1], angle: 0 });
      if (c) labels.push({ text: String(v), sym: s, x: c.x, y: c.y, angle: c.angle });
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

/** Places labels in order, skipping any whose box overlaps one already placed. */
export function drawLabels(g: Ctx, labels: Label[], k: number, width: number, height: number): void {
  const placed: Array<[number, number, number, number]> = [];
  for (const l of labels) {
    const f = l.sym.font;
    g.font = `${f.style === 'italic' ? 'italic ' : ''}${f.weight === 'bold' ? 'bold ' : ''}${Math.round(f.size * k)}px ${f.family}`;
    const w = g.measureText(l.text).width;
    const h = f.size * k;
    const x = l.x + l.sym.displacement[0] * k - w * l.sym.anchor[0];
    const y = l.y - l.sym.displacement[1] * k + h * (0.5 - l.sym.anchor[1]) + h * 0.35;
    const half = Math.max(w, h) / 2;
    const box: [number, number, number, number] = l.angle ? [l.x - half, l.y - half, l.x + half, l.y + half] : [x - 2, y - h, x + w + 2, y + h * 0.3];
    if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) continue;
    if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    placed.push(box);
    g.save();
    if (l.angle) { g.translate(l.x, l.y); g.rotate(l.angle); g.translate(-l.x, -l.y); }
    const tx = l.angle ? l.x - w / 2 : x;
    const ty = l.angle ? l.y + h * 0.35 : y;
    if (l.sym.halo) {
      g.globalAlpha = l.sym.halo.fill.opacity;
      g.strokeStyle = l.sym.halo.fill.color;
      g.lineWidth = l.sym.halo.radius * 2 * k;
      g.lineJoin = 'round';
      g.setLineDash([]);
      g.strokeText(l.text, tx, ty);
    }
    g.globalAlpha = l.sym.fill.opacity;
    g.fillStyle = l.sym.fill.color;
    g.fillText(l.text, tx, ty);
    g.restore();
  }
}

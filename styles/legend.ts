/** Legends from a style's rules: one icon per rule (a sample point, line or square drawn with
 *  the rule's symbolizers) and its title; RULE picks one rule and draws only its icon. Rules of
 *  different FeatureTypeStyles that share a name (a road's casing and centre line) make one icon. */
import { createCanvas } from '@napi-rs/canvas';
import type { Rule, Style } from './model.js';
import { drawSymbolizer } from './render/draw.js';
import type { Parts } from './render/parts.js';
import { encodeCanvas, type ImageFormat } from './render/encode.js';

function sample(w: number, h: number, x = 0, y = 0): Parts {
  const m = 2;
  return {
    points: [[x + w / 2, y + h / 2]],
    lines: [
      [
        [x + m, y + h - m],
        [x + w / 3, y + m + 2],
        [x + (2 * w) / 3, y + h - m - 2],
        [x + w - m, y + m],
      ],
    ],
    polygons: [
      [
        [
          [x + m, y + m],
          [x + w - m, y + m],
          [x + w - m, y + h - m],
          [x + m, y + h - m],
          [x + m, y + m],
        ],
      ],
    ],
  };
}

/** Legend entries: rules in order, a later pass's rule joining an earlier one of the same name. */
function entries(rules: Rule[]): Rule[][] {
  const out: Rule[][] = [];
  for (const r of rules) {
    const same = out.find((e) => e[0].name === r.name && !e.some((x) => (x.pass ?? 0) === (r.pass ?? 0)));
    if (same) same.push(r);
    else out.push([r]);
  }
  return out;
}

function drawIcon(g: any, rules: Rule[], x: number, y: number, w: number, h: number): void {
  for (const s of rules.flatMap((r) => r.symbolizers)) {
    if (s.kind === 'text') continue;
    const parts = sample(w, h, x, y);
    // Each symbolizer draws on its own sample shape only.
    const only: Parts =
      s.kind === 'point'
        ? { points: parts.points, lines: [], polygons: [] }
        : s.kind === 'line'
          ? { points: [], lines: parts.lines, polygons: [] }
          : { points: [], lines: [], polygons: parts.polygons };
    drawSymbolizer(
      g,
      s.kind === 'point' ? { ...s, graphic: { ...s.graphic, size: Math.min(s.graphic.size, Math.min(w, h) - 2) } } : s,
      only,
      1,
      {},
      [],
    );
  }
  g.globalAlpha = 1;
  g.setLineDash([]);
}

export interface LegendOptions {
  width: number;
  height: number;
  format: ImageFormat;
  rule?: string;
  transparent?: boolean;
}

export async function legendImage(style: Style, o: LegendOptions): Promise<Buffer> {
  const all = entries(o.rule ? style.rules.filter((r) => r.name === o.rule) : style.rules);
  const icons = o.rule ? all : all.filter((e) => e.some((r) => r.symbolizers.some((s) => s.kind !== 'text')));
  const transparent = o.transparent ?? true;
  if (o.rule || icons.length <= 1) {
    const c = createCanvas(o.width, o.height);
    const g = c.getContext('2d');
    if (!transparent || o.format === 'image/jpeg') {
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, o.width, o.height);
    }
    if (icons[0]) drawIcon(g, icons[0], 0, 0, o.width, o.height);
    return encodeCanvas(c, o.format);
  }
  const row = o.height + 4;
  const probe = createCanvas(1, 1).getContext('2d');
  probe.font = '12px sans-serif';
  const titleOf = (e: Rule[]) => e.find((r) => r.title)?.title ?? e[0].name;
  const labelW = Math.ceil(Math.max(...icons.map((e) => probe.measureText(titleOf(e)).width)));
  const width = Math.min(2048, o.width + 8 + labelW + 4);
  const height = Math.min(4096, icons.length * row);
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  if (!transparent || o.format === 'image/jpeg') {
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, width, height);
  }
  icons.forEach((e, i) => {
    drawIcon(g, e, 0, i * row + 2, o.width, o.height);
    g.globalAlpha = 1;
    g.fillStyle = '#000000';
    g.font = '12px sans-serif';
    g.fillText(titleOf(e), o.width + 8, i * row + 2 + o.height / 2 + 4);
  });
  return encodeCanvas(c, o.format);
}

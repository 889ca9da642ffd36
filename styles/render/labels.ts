/** Labels, placed after every layer is drawn: in the order collected, each kept only where none
 *  of its boxes overlaps a label already placed. A point label is one run of text with one box;
 *  a line label is laid glyph by glyph along its line, read left to right, one box per glyph. */
import type { LinePlacement, TextSymbolizer } from '../model.js';
import type { Ctx } from './symbols.js';
import type { Pt } from './parts.js';

/** `at`: where a point label goes; `lines`: the pixel lines a line label may follow. */
export type Label = { text: string; sym: TextSymbolizer } & ({ at: Pt } | { lines: Pt[][] });

/** Text drawn centred on (x, y) and turned by `angle`; `w` is its advance width. */
interface Glyph {
  text: string;
  x: number;
  y: number;
  angle: number;
  w: number;
}
type Box = [number, number, number, number];

const FOLLOW: LinePlacement = { offset: 0, repeat: 0, maxAngle: 45, follow: true };

/** A polyline with the distance along it at each vertex. */
interface Path {
  pts: Pt[];
  at: number[];
  len: number;
  back?: Path;
}

function pathOf(pts: Pt[]): Path {
  const at = [0];
  for (let i = 1; i < pts.length; i++)
    at.push(at[i - 1] + Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]));
  return { pts, at, len: at[at.length - 1] };
}

const backwards = (p: Path): Path =>
  (p.back ??= { pts: [...p.pts].reverse(), at: p.at.map((d) => p.len - d).reverse(), len: p.len });

function pointAt(p: Path, d: number): Pt {
  let lo = 0,
    hi = p.at.length - 1;
  while (hi - lo > 1) {
    const m = (lo + hi) >> 1;
    if (p.at[m] <= d) lo = m;
    else hi = m;
  }
  const seg = p.at[hi] - p.at[lo];
  const t = seg > 0 ? Math.min(1, Math.max(0, (d - p.at[lo]) / seg)) : 0;
  return [p.pts[lo][0] + t * (p.pts[hi][0] - p.pts[lo][0]), p.pts[lo][1] + t * (p.pts[hi][1] - p.pts[lo][1])];
}

const direction = (a: Pt, b: Pt) => Math.atan2(b[1] - a[1], b[0] - a[0]);
const turn = (a: number, b: number) => Math.abs(((b - a + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);

/** Glyphs centred at distance `mid` along a line (xs: each glyph's start within the text), or
 *  undefined where the text does not fit or the line bends too sharply between two glyphs. */
function alongLine(
  line: Path,
  mid: number,
  chars: string[],
  xs: number[],
  lp: LinePlacement,
  k: number,
): Glyph[] | undefined {
  const w = xs[chars.length];
  if (mid - w / 2 < 0 || mid + w / 2 > line.len) return undefined;
  // Upright text: walk the line backwards when the label's end would lie left of its start.
  const back = pointAt(line, mid + w / 2)[0] < pointAt(line, mid - w / 2)[0];
  const p = back ? backwards(line) : line;
  const start = (back ? line.len - mid : mid) - w / 2;
  // SE: a positive PerpendicularOffset is left of the line as digitised.
  const off = lp.offset * k * (back ? -1 : 1);
  // followLine=false: one straight run through the middle, along the label's chord.
  const chord = lp.follow ? 0 : direction(pointAt(p, start), pointAt(p, start + w));
  const centre = pointAt(p, start + w / 2);
  const out: Glyph[] = [];
  for (let i = 0; i < chars.length; i++) {
    const gw = xs[i + 1] - xs[i];
    const s = start + xs[i] + gw / 2;
    const half = Math.max(gw / 2, 1);
    const angle = lp.follow ? direction(pointAt(p, s - half), pointAt(p, s + half)) : chord;
    if (i && turn(out[i - 1].angle, angle) > (lp.maxAngle * Math.PI) / 180) return undefined;
    const at: Pt = lp.follow
      ? pointAt(p, s)
      : [centre[0] + Math.cos(chord) * (s - start - w / 2), centre[1] + Math.sin(chord) * (s - start - w / 2)];
    out.push({ text: chars[i], x: at[0] + off * Math.sin(angle), y: at[1] - off * Math.cos(angle), angle, w: gw });
  }
  return out;
}

const advances = new Map<string, Map<string, number>>();
/** Each glyph's advance in the current font, cached: glyphs are drawn one by one, so their
 *  own advances (not kerned pairs) are what places them. */
function advancesOf(g: Ctx, chars: string[]): number[] {
  let m = advances.get(g.font);
  if (!m) {
    if (advances.size > 50) advances.clear();
    advances.set(g.font, (m = new Map()));
  }
  return chars.map((c) => m.get(c) ?? m.set(c, g.measureText(c).width).get(c)!);
}

/** Candidate runs for a line label (made as asked for), longest line first: its middle, then
 *  (should the middle be too bent or taken) a quarter of the free length either side; with
 *  `repeat`, every `repeat` pixels either side of the middle instead. */
function* lineRuns(g: Ctx, text: string, lines: Pt[][], lp: LinePlacement, k: number, h: number): Generator<Glyph[]> {
  const chars = Array.from(text);
  const xs = [0];
  for (const a of advancesOf(g, chars)) xs.push(xs[xs.length - 1] + a);
  const paths = lines
    .map(pathOf)
    .filter((p) => p.len >= xs[chars.length])
    .sort((a, b) => b.len - a.len);
  const step = lp.repeat > 0 ? Math.max(lp.repeat * k, xs[chars.length] + h) : 0;
  for (const p of paths) {
    const free = (p.len - xs[chars.length]) / 4;
    const spots = [p.len / 2, ...(step || free < 1 ? [] : [p.len / 2 - free, p.len / 2 + free])];
    for (let d = step; step && d <= p.len / 2; d += step) spots.push(p.len / 2 - d, p.len / 2 + d);
    for (const d of spots) {
      const run = alongLine(p, d, chars, xs, lp, k);
      if (run) yield run;
    }
  }
}

function pointRun(l: Label & { at: Pt }, w: number, h: number, k: number): Glyph {
  const { anchor, displacement } = l.sym;
  return {
    text: l.text,
    x: l.at[0] + displacement[0] * k + w * (0.5 - anchor[0]),
    y: l.at[1] - displacement[1] * k + h * (0.5 - anchor[1]),
    angle: 0,
    w,
  };
}

/** The axis-aligned box around a (turned) glyph, 2 px wider each side. */
function boxOf(gl: Glyph, h: number): Box {
  const a = gl.w / 2 + 2,
    b = h * 0.65;
  const c = Math.abs(Math.cos(gl.angle)),
    s = Math.abs(Math.sin(gl.angle));
  const hx = c * a + s * b,
    hy = s * a + c * b;
  return [gl.x - hx, gl.y - hy, gl.x + hx, gl.y + hy];
}

/** Boxes taken so far, in a 64 px grid so each test looks only at its neighbours. */
function taken() {
  const cells = new Map<number, Box[]>();
  const keys = (b: Box): number[] => {
    const out: number[] = [];
    for (let x = Math.floor(b[0] / 64); x <= Math.floor(b[2] / 64); x++)
      for (let y = Math.floor(b[1] / 64); y <= Math.floor(b[3] / 64); y++) out.push((x + 32768) * 65536 + y + 32768);
    return out;
  };
  return {
    hits: (b: Box) =>
      keys(b).some((key) => cells.get(key)?.some((o) => o[0] < b[2] && b[0] < o[2] && o[1] < b[3] && b[1] < o[3])),
    add: (b: Box) => keys(b).forEach((key) => (cells.get(key) ?? cells.set(key, []).get(key)!).push(b)),
  };
}

/** Halo under every glyph first, then the text, so no halo covers a neighbouring glyph. Each
 *  glyph is placed with one setTransform (on top of the canvas's own) rather than four calls. */
function paint(g: Ctx, sym: TextSymbolizer, run: Glyph[], k: number, h: number): void {
  const m = g.getTransform();
  const each = (draw: (t: string, x: number, y: number) => void) => {
    for (const gl of run) {
      const c = Math.cos(gl.angle),
        s = Math.sin(gl.angle);
      g.setTransform(
        m.a * c + m.c * s,
        m.b * c + m.d * s,
        m.c * c - m.a * s,
        m.d * c - m.b * s,
        m.a * gl.x + m.c * gl.y + m.e,
        m.b * gl.x + m.d * gl.y + m.f,
      );
      draw(gl.text, -gl.w / 2, h * 0.35);
    }
    g.setTransform(m);
  };
  if (sym.halo) {
    g.globalAlpha = sym.halo.fill.opacity;
    g.strokeStyle = sym.halo.fill.color;
    g.lineWidth = sym.halo.radius * 2 * k;
    g.lineJoin = 'round';
    g.setLineDash([]);
    each((t, x, y) => g.strokeText(t, x, y));
  }
  g.globalAlpha = sym.fill.opacity;
  g.fillStyle = sym.fill.color;
  each((t, x, y) => g.fillText(t, x, y));
}

/** Places labels in order, skipping any that overlaps one already placed or lies off the image. */
export function drawLabels(
  g: Ctx,
  labels: Label[],
  k: number,
  width: number,
  height: number,
  onTime?: () => void,
): void {
  const placed = taken();
  const inside = (b: Box) => b[2] >= 0 && b[0] <= width && b[3] >= 0 && b[1] <= height;
  let n = 0;
  for (const l of labels) {
    if (onTime && (++n & 63) === 0) onTime();
    const f = l.sym.font;
    g.font = `${f.style === 'italic' ? 'italic ' : ''}${f.weight === 'bold' ? 'bold ' : ''}${Math.round(f.size * k)}px ${f.family}`;
    const h = f.size * k;
    const lp = l.sym.line ?? FOLLOW;
    const runs =
      'at' in l ? [[pointRun(l, g.measureText(l.text).width, h, k)]] : lineRuns(g, l.text, l.lines, lp, k, h);
    for (const run of runs) {
      const boxes = run.map((gl) => boxOf(gl, h));
      if (!boxes.some(inside) || boxes.some(placed.hits)) continue;
      boxes.forEach(placed.add);
      paint(g, l.sym, run, k, h);
      // Without repeat the runs are alternatives: the first that fits is the label.
      if (!('lines' in l && lp.repeat > 0)) break;
    }
  }
}

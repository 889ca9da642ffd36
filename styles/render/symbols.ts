/** Drawing the style model's pieces on a 2D canvas: strokes, fills (with hatches), marks. */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { LRUCache } from 'lru-cache';
import type { Fill, Graphic, Hatch, Stroke } from '../model.js';
import { DRAW_LIMITS } from '../limits.js';

export type Ctx = SKRSContext2D;

export function applyStroke(g: Ctx, s: Stroke, k: number): void {
  g.strokeStyle = s.color;
  g.globalAlpha = s.opacity;
  g.lineWidth = Math.max(0.1, s.width * k);
  g.lineCap = s.linecap ?? 'butt';
  g.lineJoin = s.linejoin ?? 'miter';
  // A dash pattern shorter than a pixel looks solid and would cost a segment per dash.
  const period = s.dasharray ? s.dasharray.reduce((a, d) => a + d, 0) * k : 0;
  g.setLineDash(s.dasharray && period >= 1 ? s.dasharray.map((d: number) => d * k) : []);
}

/** Stamps and hatch tiles by the bytes of their pixels, so a style of big symbols at a high
 *  dpi cannot pile up canvases. */
const byBytes = <T extends { width: number; height: number }>(bytes = DRAW_LIMITS.spriteCacheBytes) =>
  new LRUCache<string, T>({ maxSize: bytes, sizeCalculation: (c) => Math.max(1, c.width * c.height * 4) });
let hatchCache = byBytes<Canvas>();
/** A symbol's side in pixels as drawn, bounded whatever the style or dpi says. */
const side = (size: number, k: number) => Math.min(DRAW_LIMITS.symbolSide, size * k);

/** A repeating tile for shape:// hatches. */
function hatchPattern(g: Ctx, h: NonNullable<Fill['hatch']>, k: number): any {
  const size = Math.max(2, Math.round(side(h.size, k)));
  const key = `${h.kind}|${size}|${h.stroke.color}|${h.stroke.width}|${k}`;
  let tile = hatchCache.get(key);
  if (!tile) {
    tile = createCanvas(size, size);
    const t = tile.getContext('2d');
    applyStroke(t, { ...h.stroke, opacity: 1 }, k);
    const lines: Record<Hatch, Array<[number, number, number, number]>> = {
      horline: [[0, size / 2, size, size / 2]],
      vertline: [[size / 2, 0, size / 2, size]],
      slash: [
        [0, size, size, 0],
        [-size, size, size, -size],
        [0, 2 * size, 2 * size, 0],
      ],
      backslash: [
        [0, 0, size, size],
        [-size, 0, size, 2 * size],
        [0, -size, 2 * size, size],
      ],
      plus: [
        [0, size / 2, size, size / 2],
        [size / 2, 0, size / 2, size],
      ],
      times: [
        [0, 0, size, size],
        [0, size, size, 0],
      ],
      dot: [],
    };
    t.beginPath();
    for (const [a, b, c, d] of lines[h.kind]) {
      t.moveTo(a, b);
      t.lineTo(c, d);
    }
    t.stroke();
    if (h.kind === 'dot') {
      t.fillStyle = h.stroke.color;
      t.beginPath();
      t.arc(size / 2, size / 2, Math.max(0.5, h.stroke.width * k), 0, Math.PI * 2);
      t.fill();
    }
    hatchCache.set(key, tile);
  }
  return g.createPattern(tile, 'repeat');
}

export function applyFill(g: Ctx, f: Fill, k: number): void {
  g.globalAlpha = f.opacity;
  g.fillStyle = f.hatch ? hatchPattern(g, f.hatch, k) : f.color;
}

const MARKS: Record<Graphic['shape'], (g: Ctx, r: number) => void> = {
  circle: (g, r) => g.arc(0, 0, r, 0, Math.PI * 2),
  square: (g, r) => g.rect(-r, -r, 2 * r, 2 * r),
  triangle: (g, r) => {
    g.moveTo(0, -r);
    g.lineTo(r * 0.866, r * 0.5);
    g.lineTo(-r * 0.866, r * 0.5);
    g.closePath();
  },
  star: (g, r) => {
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 ? r * 0.4 : r;
      i ? g.lineTo(Math.cos(a) * rr, Math.sin(a) * rr) : g.moveTo(Math.cos(a) * rr, Math.sin(a) * rr);
    }
    g.closePath();
  },
  cross: (g, r) => {
    g.moveTo(-r, 0);
    g.lineTo(r, 0);
    g.moveTo(0, -r);
    g.lineTo(0, r);
  },
  x: (g, r) => {
    g.moveTo(-r, -r);
    g.lineTo(r, r);
    g.moveTo(-r, r);
    g.lineTo(r, -r);
  },
};

interface Sprite {
  canvas: Canvas;
  c: number;
  k: number;
  width: number;
  height: number;
}
let sprites = byBytes<Sprite>();

/** Sizes this thread's symbol caches (bytes each): a render worker does it once at start, with
 *  the node's settings (limits.caches.spritesMB). */
export function sizeSymbolCaches(bytes: number): void {
  hatchCache = byBytes<Canvas>(bytes);
  sprites = byBytes<Sprite>(bytes);
}
/** By the style object itself: a job draws many points with one Graphic. */
const byGraphic = new WeakMap<Graphic, Sprite>();

/** A mark drawn once into a small canvas: stamping it costs one native call a point, where
 *  drawing the mark took a dozen (style, path, fill, stroke). */
function markSprite(gr: Graphic, k: number): Sprite {
  const known = byGraphic.get(gr);
  if (known && known.k === k) return known;
  const key = `${k}|${JSON.stringify(gr)}`;
  const stored = sprites.get(key);
  if (stored) {
    byGraphic.set(gr, stored);
    return stored;
  }
  const r = side(gr.size, k) / 2;
  // Bounded too: a wide outline at a high dpi is clipped at the stamp's edge.
  const c = Math.ceil(Math.min(DRAW_LIMITS.symbolSide, r + (gr.stroke?.width ?? 1.5) * k)) + 1;
  const canvas = createCanvas(2 * c, 2 * c);
  const t = canvas.getContext('2d');
  t.translate(c, c);
  if (gr.rotation) t.rotate((gr.rotation * Math.PI) / 180);
  t.beginPath();
  MARKS[gr.shape](t, r);
  const open = gr.shape === 'cross' || gr.shape === 'x';
  if (gr.fill && !open) {
    applyFill(t, gr.fill, k);
    t.globalAlpha *= gr.opacity;
    t.fill();
  }
  if (gr.stroke) {
    applyStroke(t, gr.stroke, k);
    t.globalAlpha *= gr.opacity;
    t.stroke();
  } else if (open && gr.fill) {
    applyStroke(t, { color: gr.fill.color, width: 1.5, opacity: gr.fill.opacity }, k);
    t.stroke();
  }
  const sprite = { canvas, c, k, width: canvas.width, height: canvas.height };
  sprites.set(key, sprite);
  byGraphic.set(gr, sprite);
  return sprite;
}

/** Draws a mark (or a decoded data: image) centred on a point. Marks land on whole pixels, so
 *  the stamp is copied, not resampled. */
export function drawGraphic(g: Ctx, gr: Graphic, x: number, y: number, k: number, image?: any): void {
  if (!image) {
    const s = markSprite(gr, k);
    g.globalAlpha = 1;
    g.drawImage(s.canvas, Math.round(x) - s.c, Math.round(y) - s.c);
    return;
  }
  const r = side(gr.size, k) / 2;
  g.save();
  g.translate(x, y);
  if (gr.rotation) g.rotate((gr.rotation * Math.PI) / 180);
  g.globalAlpha = gr.opacity;
  g.drawImage(image, -r, -r, 2 * r, 2 * r);
  g.restore();
}

/** A layer's overview picture (ISO gmd:graphicOverview, the Records `preview` link): the layer in
 *  its default style over its extent, drawn by the node's own renderer (styles/render) in Web
 *  Mercator and kept in the database with the data and style versions it shows. It is drawn again
 *  when those move (watchOverviews: the data changed, the style changed, the layer was published)
 *  or when it is asked for and missing. */
import type { Layer } from '../../data/catalogue/layer.js';
import { readOverview, storeOverview } from '../../data/metadata/overview-store.js';
import { renderMap, type RenderNode } from '../../styles/render/render-map.js';

/** The long side of the picture, pixels: a thumbnail a catalogue shows in its list. */
export const OVERVIEW_SIZE = 400;

const R = 6378137;
const mercator = (lon: number, lat: number): [number, number] => {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  return [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))];
};

/** The extent in Web Mercator with a margin of 5 %, and a picture of its shape (at least 1:4). */
export function overviewFrame(b: NonNullable<Layer['bbox']>): {
  bbox: [number, number, number, number];
  width: number;
  height: number;
} {
  const [x0, y0] = mercator(b[0], b[1]);
  const [x1, y1] = mercator(b[2], b[3]);
  // A single point (or a line along an axis) still gets a box of 200 m.
  const w = Math.max(x1 - x0, 200);
  const h = Math.max(y1 - y0, 200);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const ratio = Math.min(4, Math.max(1 / 4, w / h));
  const width = ratio >= 1 ? OVERVIEW_SIZE : Math.round(OVERVIEW_SIZE * ratio);
  const height = ratio >= 1 ? Math.round(OVERVIEW_SIZE / ratio) : OVERVIEW_SIZE;
  // Ground units per pixel, the larger of the two axes, so the whole extent shows.
  const unit = Math.max(w / width, h / height) * 1.1;
  return {
    bbox: [cx - (unit * width) / 2, cy - (unit * height) / 2, cx + (unit * width) / 2, cy + (unit * height) / 2],
    width,
    height,
  };
}

export async function drawOverview(node: RenderNode, layer: Layer): Promise<Buffer> {
  const f = overviewFrame(layer.bbox!);
  const out = await renderMap(node, {
    layers: [{ layer }],
    bbox: f.bbox,
    srid: 3857,
    width: f.width,
    height: f.height,
    format: 'image/png',
    bgcolor: '#ffffff',
  });
  return out.body;
}

/** The stored picture when it shows the layer's current data and style, else a new one (stored). */
export async function overviewPng(node: RenderNode, layer: Layer): Promise<Buffer> {
  const stored = await readOverview(node.db, layer.id);
  if (stored && stored.dataVersion === layer.dataVersion && stored.styleVersion === layer.styleVersion)
    return stored.png;
  const png = await drawOverview(node, layer);
  await storeOverview(node.db, layer.id, layer, png);
  return png;
}

/** What an overview shows: when this moves for a published layer, its picture is drawn again. */
const shownBy = (l: Layer) => `${l.status}:${l.dataVersion}:${l.styleVersion}`;

/** Draws overviews in the background, one at a time, after each catalogue change that moved a
 *  published layer's data or style or published it. Failures are logged, never thrown: the
 *  picture is drawn again when it is asked for. Returns the function that stops it (awaiting the
 *  picture being drawn). */
export function watchOverviews(
  node: RenderNode,
  catalogue: { onChange(fn: () => void): void; unguardedAll(): Layer[]; unguardedGet(id: string): Layer | undefined },
  log: { warn(msg: string, fields?: object): void },
): () => Promise<void> {
  let seen = new Map(catalogue.unguardedAll().map((l) => [l.id, shownBy(l)]));
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  catalogue.onChange(() => {
    if (stopped) return;
    const now = new Map(catalogue.unguardedAll().map((l) => [l.id, shownBy(l)]));
    const changed = [...now].filter(([id, k]) => k !== seen.get(id) && k.startsWith('published:')).map(([id]) => id);
    seen = now;
    for (const id of changed) {
      queue = queue.then(async () => {
        const layer = catalogue.unguardedGet(id);
        if (stopped || !layer?.bbox || layer.status !== 'published') return;
        try {
          await overviewPng(node, layer);
        } catch (err) {
          log.warn('overview picture not drawn', { err, layer: layer.name });
        }
      });
    }
  });
  return async () => {
    stopped = true;
    await queue;
  };
}

/** `simpul seed LAYER[,LAYER…] --zoom 10-16 [--bbox minLon,minLat,maxLon,maxLat] [--format png|pbf]
 *  [--tms WebMercatorQuad]`: fills the tile cache for anonymous (public) clients. */
import { ANONYMOUS } from '../../data/access.js';
import { tileMatrixSet } from '../../tiles/matrix-sets.js';
import { tileFormat } from '../../tiles/format.js';
import { countSeedTiles, seed, seedRefusal } from '../../tiles/seed.js';
import { usage, fail, args, progress, withContext } from './common.js';
import { say, warn } from './scope.js';

const USAGE =
  'usage: simpul seed LAYER --zoom 10-16 [--bbox minLon,minLat,maxLon,maxLat] [--format png|pbf] [--tms WebMercatorQuad]';

export function parseZoom(s: string | undefined): [number, number] {
  const m = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(s ?? '');
  if (!m) throw usage(`--zoom must be N or N-M\n${USAGE}`);
  const a = Number(m[1]),
    b = Number(m[2] ?? m[1]);
  if (b < a) throw usage('--zoom: the first level must not be above the last');
  return [a, b];
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, {
    zoom: { type: 'string' },
    bbox: { type: 'string' },
    format: { type: 'string' },
    tms: { type: 'string' },
  });
  const [name] = positionals;
  if (!name) throw usage(USAGE);
  const [minZoom, maxZoom] = parseZoom(values.zoom);
  const format = tileFormat(values.format ?? 'pbf');
  if (!format) throw usage('--format must be pbf, png, jpg or webp');
  const tms = tileMatrixSet(values.tms ?? 'WebMercatorQuad');
  if (!tms) throw usage(`--tms: no tile matrix set ${values.tms}`);
  if (maxZoom >= tms.matrices.length) throw usage(`--zoom: ${tms.id} has levels 0–${tms.matrices.length - 1}`);
  let bbox: [number, number, number, number] | undefined;
  if (values.bbox) {
    const b = values.bbox.split(',').map(Number);
    if (b.length !== 4 || b.some((n) => !Number.isFinite(n)) || b[0] >= b[2] || b[1] >= b[3])
      throw usage('--bbox must be minLon,minLat,maxLon,maxLat');
    bbox = b as [number, number, number, number];
  }
  return withContext(async (ctx) => {
    const refusal = seedRefusal(ctx.config, tms, maxZoom);
    if (refusal) throw fail(`--zoom ${values.zoom}: ${refusal}`);
    const layers = name.split(',').map((n) => {
      if (!ctx.catalogue.unguardedGet(n)) throw fail(`no layer named ${n}`);
      const l = ctx.catalogue.find(ANONYMOUS, n);
      if (!l) throw fail(`${n} is not a published PUBLIC layer: only what anonymous clients see is seeded`);
      return l;
    });
    const box =
      bbox ??
      layers
        .map((l) => l.bbox)
        .reduce<[number, number, number, number] | undefined>(
          (acc, b) =>
            !b
              ? acc
              : !acc
                ? [...b]
                : [Math.min(acc[0], b[0]), Math.min(acc[1], b[1]), Math.max(acc[2], b[2]), Math.max(acc[3], b[3])],
          undefined,
        );
    if (!box) throw fail('the layer is empty; give --bbox');
    const total = countSeedTiles({ tms, minZoom, maxZoom, bbox: box });
    const bar = progress(`seed ${name}`, total);
    const s = await seed(ctx, { layers, tms, minZoom, maxZoom, bbox: box, format, onProgress: (n) => bar.update(n) });
    bar.done();
    say(
      `${name}: ${s.tiles} tiles (z${minZoom}–${maxZoom}, ${format}, ${tms.id}): ${s.rendered} rendered, ${s.cached} already cached, ${s.empty} empty, ` +
        `${(s.bytes / 1024 / 1024).toFixed(1)} MB in ${s.seconds.toFixed(1)} s (${(s.tiles / Math.max(s.seconds, 0.001)).toFixed(0)} tiles/s)\n`,
    );
    if (s.notStored) say(`${s.notStored} tiles outside the layers' extent were made but not cached\n`);
    if (s.quotaReached) {
      warn(
        `the tile cache quota (SIMPUL_TILE_CACHE_MB=${ctx.config.tileCacheBytes / 1024 / 1024}) is full: ${s.skipped} of ${total} tiles were not seeded (the finest levels); raise the quota or seed fewer levels\n`,
      );
      return 3;
    }
    return 0;
  });
}

/** Vector tiles from the layer tables: real PostGIS makes the whole tile (ST_AsMVT); the
 *  embedded database (PostGIS without protobuf-c) gives the clipped rows in tile coordinates
 *  and the JS encoder (encode.ts) writes them. The SQL of both is in data/tiles/vector.ts. */
import type { Db } from '../../data/db/types.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { MVT_EXTENT, postgisMvt, tileRows, type TileBox } from '../../data/tiles/vector.js';
import { encodeMvt, type MvtLayer } from './encode.js';

export type { TileBox } from '../../data/tiles/vector.js';

export async function embeddedTile(db: Db, layers: Layer[], box: TileBox): Promise<Buffer> {
  const out: MvtLayer[] = [];
  for (const layer of layers)
    out.push({ name: layer.name, extent: MVT_EXTENT, features: await tileRows(db, layer, box) });
  return Buffer.from(encodeMvt(out));
}

/** A vector tile of several layers, uncompressed; 0 bytes when nothing falls in it. */
export function vectorTile(db: Db, layers: Layer[], box: TileBox): Promise<Buffer> {
  return db.kind === 'postgis' ? postgisMvt(db, layers, box) : embeddedTile(db, layers, box);
}

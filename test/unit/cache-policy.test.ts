/** Which tiles the cache keeps, in every tile matrix set (tiles/cache-policy.ts, tiles/matrix-sets.ts). */
import { expect } from 'chai';
import { cacheable, maxCachedLevel } from '../../tiles/cache-policy.js';
import { tileMatrixSet, tileBounds, tileRangeForLonLat } from '../../tiles/matrix-sets.js';

describe('tiles: the cache policy (extent and max zoom in every tile matrix set)', () => {
  const layer = { bbox: [106.55, -6.3, 106.75, -6.09] } as any;
  it('caches WebMercatorQuad to 18, the CRS84 sets to 17, UTM48SKotaTangerang to 8 under max zoom 18', () => {
    expect(maxCachedLevel(tileMatrixSet('WebMercatorQuad')!, 18)).to.equal(18);
    expect(maxCachedLevel(tileMatrixSet('WorldCRS84Quad')!, 18)).to.equal(17);
    expect(maxCachedLevel(tileMatrixSet('WGS84Quad')!, 18)).to.equal(17);
    expect(maxCachedLevel(tileMatrixSet('UTM48SKotaTangerang')!, 18)).to.equal(8);
  });
  it('stores a tile over the city and not one far from it, in each set', () => {
    for (const id of ['WebMercatorQuad', 'WorldCRS84Quad', 'WGS84Quad', 'UTM48SKotaTangerang']) {
      const tms = tileMatrixSet(id)!;
      const z = id === 'UTM48SKotaTangerang' ? 6 : 12;
      const m = tms.matrices[z];
      const inCity = tileRangeForLonLat(tms, m, [106.64, -6.18, 106.641, -6.179])!;
      expect(cacheable([layer], tms, z, tileBounds(m, inCity.minCol, inCity.minRow), 18), id).to.equal(true);
      // Far away: the set's top-left tile (for UTM: the north-west corner of the grid, 12 km from the city).
      expect(cacheable([layer], tms, z, tileBounds(m, 0, 0), 18), id).to.equal(false);
      expect(
        cacheable([layer], tms, tms.matrices.length - 1, tileBounds(tms.matrices[tms.matrices.length - 1], 0, 0), 18),
        id,
      ).to.equal(false);
    }
    // An empty layer (no bbox) keeps nothing.
    const w = tileMatrixSet('WebMercatorQuad')!;
    expect(cacheable([{ bbox: null } as any], w, 3, tileBounds(w.matrices[3], 6, 4), 18)).to.equal(false);
  });
});

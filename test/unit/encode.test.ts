import { expect } from 'chai';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { encodeMvt } from '../../tiles/mvt/encode.js';

/** ISO WKB (little endian) of 2D rings. */
function polygonWkb(rings: Array<Array<[number, number]>>): Uint8Array {
  const n = 9 + rings.reduce((a, r) => a + 4 + r.length * 16, 0);
  const dv = new DataView(new ArrayBuffer(n));
  dv.setUint8(0, 1);
  dv.setUint32(1, 3, true);
  dv.setUint32(5, rings.length, true);
  let o = 9;
  for (const r of rings) {
    dv.setUint32(o, r.length, true);
    o += 4;
    for (const [x, y] of r) {
      dv.setFloat64(o, x, true);
      dv.setFloat64(o + 8, y, true);
      o += 16;
    }
  }
  return new Uint8Array(dv.buffer);
}

function pointWkb(x: number, y: number): Uint8Array {
  const dv = new DataView(new ArrayBuffer(21));
  dv.setUint8(0, 1);
  dv.setUint32(1, 1, true);
  dv.setFloat64(5, x, true);
  dv.setFloat64(13, y, true);
  return new Uint8Array(dv.buffer);
}

/** Shoelace in tile coordinates (y down), the sign MVT 2.1 speaks of. */
const signedArea = (ring: Array<{ x: number; y: number }>) =>
  ring.reduce((s, p, i) => s + p.x * ring[(i + 1) % ring.length].y - ring[(i + 1) % ring.length].x * p.y, 0);

describe('tiles: the MVT 2.1 encoder (embedded path)', () => {
  it('writes exterior rings positive and holes negative whatever the input winding', () => {
    // Exterior given anticlockwise on screen (negative), the hole given like the exterior.
    const outer: Array<[number, number]> = [
      [100, 100],
      [100, 3000],
      [3000, 3000],
      [3000, 100],
      [100, 100],
    ];
    const hole: Array<[number, number]> = [
      [1000, 1000],
      [1000, 2000],
      [2000, 2000],
      [2000, 1000],
      [1000, 1000],
    ];
    const bytes = encodeMvt([
      {
        name: 'p',
        features: [
          {
            id: 7,
            properties: { nama: 'Cibodas', luas: 12.5, kode: 3671, aktif: true, kosong: null },
            wkb: polygonWkb([outer, hole]),
          },
        ],
      },
    ]);
    const layer = new VectorTile(new PbfReader(bytes)).layers.p;
    expect(layer.version).to.equal(2);
    expect(layer.extent).to.equal(4096);
    const f = layer.feature(0);
    expect(f.id).to.equal(7);
    expect(f.type).to.equal(3);
    expect(f.properties).to.deep.equal({ nama: 'Cibodas', luas: 12.5, kode: 3671, aktif: true });
    const rings = f.loadGeometry();
    expect(rings.length).to.equal(2);
    expect(signedArea(rings[0])).to.be.greaterThan(0);
    expect(signedArea(rings[1])).to.be.lessThan(0);
    // One polygon with its hole, as a reader classifies it.
    const gj = f.toGeoJSON(0, 0, 0);
    expect(gj.geometry.type).to.equal('Polygon');
  });

  it('encodes negative deltas and points in the buffer, drops what collapses, and an empty tile is 0 bytes', () => {
    const bytes = encodeMvt([
      {
        name: 'pts',
        features: [
          { properties: { n: -3 }, wkb: pointWkb(-40, 4100) },
          { properties: {}, wkb: pointWkb(10, 5) },
          // A ring that collapses to a line after snapping: left out.
          {
            properties: {},
            wkb: polygonWkb([
              [
                [5, 5],
                [5.2, 5.1],
                [5.1, 5.3],
                [5, 5],
              ],
            ]),
          },
        ],
      },
      { name: 'empty', features: [] },
    ]);
    const tile = new VectorTile(new PbfReader(bytes));
    expect(Object.keys(tile.layers)).to.deep.equal(['pts']);
    const l = tile.layers.pts;
    expect(l.length).to.equal(2);
    expect(l.feature(0).loadGeometry()[0][0]).to.include({ x: -40, y: 4100 });
    expect(l.feature(0).properties.n).to.equal(-3);
    expect(l.feature(1).loadGeometry()[0][0]).to.include({ x: 10, y: 5 });
    expect(encodeMvt([{ name: 'x', features: [] }]).length).to.equal(0);
  });
});

import { expect } from 'chai';
import { readTwkb } from '../../styles/render/twkb.js';

/** ST_AsTWKB(geom, 1) and ST_AsTWKB(geom, 1, 0, 0, true, true) (with size and bbox) of each
 *  geometry, as PostGIS 3 writes them (the same bytes on real PostGIS and embedded PGlite). */
const CASES: [wkt: string, plain: string, sizedWithBbox: string][] = [
  ['POINT(12.34 -56.78)', '2100f601ef08', '21030af60100ef0800f601ef08'],
  [
    'LINESTRING(0 0, 10.05 -3.2, 300000.5 9340000.25)',
    '2200030000ca013fc099ee02c6af8959',
    '220318008a9bee023fc6af8959030000ca013fc099ee02c6af8959',
  ],
  [
    'POLYGON((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 20 10, 20 20, 10 10))',
    '230002050000d00f0000d00fcf0f0000cf0f04c801c801c8010000c801c701c701',
    '23032500d00f00d00f02050000d00f0000d00fcf0f0000cf0f04c801c801c8010000c801c701c701',
  ],
  ['MULTIPOINT((1 2), (-3 4))', '24000214284f28', '2403093b5028280214284f28'],
  ['MULTILINESTRING((0 0, 1 1), (5 5, 6 7.5))', '25000202000014140250501432', '25031000780096010202000014140250501432'],
  [
    'MULTIPOLYGON(((0 0, 4 0, 4 4, 0 0)), ((10 10, 14 10, 14 14, 10 10), (11 11, 12 11, 12 12, 11 11)))',
    '26000201040000500000504f4f0204c801c801500000504f4f041414140000141313',
    '2603260098020098020201040000500000504f4f0204c801c801500000504f4f041414140000141313',
  ],
  [
    'GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(2 2, 3.5 3), POLYGON((0 0, 1 0, 1 1, 0 0)))',
    '2700032100141422000228281e14230001040000140000141313',
    '27032b0046003c03210306140014001414220309281e28140228281e1423030e0014001401040000140000141313',
  ],
  ['LINESTRING Z (1 2 3, 4 5 6)', '220801021428063c3c06', '220b010d143c283c0606021428063c3c06'],
  ['POINT EMPTY', '2110', '211200'],
];

/** Every x/y position of a WKT geometry, rounded to the one decimal the TWKB keeps. */
function positions(wkt: string): string[] {
  const dims = / Z /.test(wkt) ? 3 : 2;
  const nums = (wkt.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const out: string[] = [];
  for (let i = 0; i < nums.length; i += dims)
    out.push(String([Math.round(nums[i] * 10) / 10, Math.round(nums[i + 1] * 10) / 10]));
  return out;
}

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));

describe('TWKB reader (map features cross from PostGIS as TWKB)', () => {
  for (const [wkt, plain, sized] of CASES) {
    it(`reads ${wkt.split('(')[0].trim()} as PostGIS writes it (with and without size and bbox)`, () => {
      for (const bytes of [plain, sized]) {
        const parts = readTwkb(hex(bytes));
        const got = [...parts.points, ...parts.lines.flat(), ...parts.polygons.flat(2)].map(([x, y]) =>
          String([Math.round(x * 10) / 10, Math.round(y * 10) / 10]),
        );
        // Collections keep their order by kind here, so compare as sets.
        expect(got.sort()).to.deep.equal(positions(wkt).sort());
        if (/^POLYGON/.test(wkt)) expect(parts.polygons[0]).to.have.length(2);
        if (/^MULTIPOLYGON/.test(wkt)) expect(parts.polygons.map((p) => p.length)).to.deep.equal([1, 2]);
      }
    });
  }
});

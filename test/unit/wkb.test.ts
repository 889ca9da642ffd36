import { expect } from 'chai';
import { fromGeoJson, inspectWkb, toMulti } from '../../data/layers/wkb.js';
import { copyField } from '../../data/layers/copy-text.js';
import { surelyValid } from '../../data/layers/surely-valid.js';

/** WKB as ST_AsBinary / ST_AsEWKB write it (hex), and what the loader must read from it. */
describe('WKB read by the loader (type, box, emptiness) and COPY text fields', () => {
  const hex = (s: string) => Buffer.from(s, 'hex');

  it('reads type and box of a little-endian polygon and a big-endian line', () => {
    // POLYGON((0 0, 2 0, 2 1, 0 0)), little endian.
    const poly = hex(
      '01030000000100000004000000' +
        [
          '0000000000000000',
          '0000000000000000',
          '0000000000000040',
          '0000000000000000',
          '0000000000000040',
          '000000000000f03f',
          '0000000000000000',
          '0000000000000000',
        ].join(''),
    );
    expect(inspectWkb(poly)).to.deep.equal({ type: 3, empty: false, box: [0, 0, 2, 1] });
    // LINESTRING(-1 5, 3 -2), big endian.
    const line = hex(
      '000000000200000002' + 'bff0000000000000' + '4014000000000000' + '4008000000000000' + 'c000000000000000',
    );
    expect(inspectWkb(line)).to.deep.equal({ type: 2, empty: false, box: [-1, -2, 3, 5] });
  });

  it('skips Z and M ordinates (ISO and extended codes) and an EWKB SRID', () => {
    // POINT Z (1 2 3), ISO 1001.
    expect(
      inspectWkb(hex('01e9030000' + '000000000000f03f' + '0000000000000040' + '0000000000000840')).box,
    ).to.deep.equal([1, 2, 1, 2]);
    // SRID=4326;POINT ZM (1 2 3 4), extended flags Z|M|SRID.
    const ewkb = hex(
      '01010000e0e6100000' + '000000000000f03f' + '0000000000000040' + '0000000000000840' + '0000000000001040',
    );
    expect(inspectWkb(ewkb)).to.deep.equal({ type: 1, empty: false, box: [1, 2, 1, 2] });
  });

  it('calls POINT EMPTY, an empty polygon and an empty collection empty', () => {
    expect(inspectWkb(hex('0101000000000000000000f87f000000000000f87f')).empty).to.equal(true);
    expect(inspectWkb(hex('010300000000000000'))).to.deep.equal({ type: 3, empty: true, box: null });
    expect(inspectWkb(hex('010700000000000000')).empty).to.equal(true);
  });

  it('wraps a single part as a Multi* of one part', () => {
    const point = fromGeoJson({ type: 'Point', coordinates: [106.6, -6.2] });
    const multi = toMulti(point, 1);
    expect(Buffer.from(multi).toString('hex')).to.equal('010400000001000000' + Buffer.from(point).toString('hex'));
    expect(inspectWkb(multi)).to.deep.equal({ type: 4, empty: false, box: [106.6, -6.2, 106.6, -6.2] });
  });

  it('writes GeoJSON as 2D WKB, every type, Z dropped', () => {
    const ring = [
      [0, 0],
      [4, 0],
      [4, 3],
      [0, 0],
    ];
    const cases: Array<[object, number, number[]]> = [
      [{ type: 'Point', coordinates: [1, 2, 99] }, 1, [1, 2, 1, 2]],
      [
        {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, -4],
          ],
        },
        2,
        [1, -4, 3, 2],
      ],
      [{ type: 'Polygon', coordinates: [ring] }, 3, [0, 0, 4, 3]],
      [
        {
          type: 'MultiPoint',
          coordinates: [
            [1, 1],
            [-1, 5],
          ],
        },
        4,
        [-1, 1, 1, 5],
      ],
      [
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [1, 1],
            ],
            [
              [2, 2],
              [3, 9],
            ],
          ],
        },
        5,
        [0, 0, 3, 9],
      ],
      [
        {
          type: 'MultiPolygon',
          coordinates: [
            [ring],
            [
              [
                [10, 10],
                [11, 10],
                [11, 11],
                [10, 10],
              ],
            ],
          ],
        },
        6,
        [0, 0, 11, 11],
      ],
      [
        {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [-5, 0] },
            { type: 'Polygon', coordinates: [ring] },
          ],
        },
        7,
        [-5, 0, 4, 3],
      ],
    ];
    for (const [g, type, box] of cases)
      expect(inspectWkb(fromGeoJson(g)), JSON.stringify(g)).to.deep.equal({ type, empty: false, box });
    // A polygon as PostGIS writes it (ST_AsBinary('POLYGON((0 0,4 0,4 3,0 0))')).
    expect(Buffer.from(fromGeoJson({ type: 'Polygon', coordinates: [ring] })).toString('hex')).to.equal(
      '01030000000100000004000000' +
        '00000000000000000000000000000000' +
        '00000000000010400000000000000000' +
        '00000000000010400000000000000840' +
        '00000000000000000000000000000000',
    );
    expect(() => fromGeoJson({ type: 'Circle', coordinates: [0, 0] })).to.throw('not a GeoJSON geometry');
    expect(() => fromGeoJson({ type: 'Point', coordinates: ['a', 1] })).to.throw('not [x, y]');
  });

  it('escapes COPY text fields', () => {
    expect(['a\tb\nc\\d\re', null, undefined, true, false, 1.5, -7, 'plain'].map(copyField)).to.deep.equal([
      'a\\tb\\nc\\\\d\\re',
      '\\N',
      '\\N',
      't',
      'f',
      '1.5',
      '-7',
      'plain',
    ]);
  });
});

describe('surelyValid: proved valid here, or left to PostGIS', () => {
  const poly = (...rings: number[][][]) => fromGeoJson({ type: 'Polygon', coordinates: rings });
  const square = [
    [0, 0],
    [2, 0],
    [2, 2],
    [0, 2],
    [0, 0],
  ];
  const circle = (n: number) => [
    ...Array.from({ length: n }, (_, k) => [Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)]),
    [1, 0],
  ];

  it('proves simple rings, points and lines valid', () => {
    for (const g of [
      poly(square),
      poly([
        [0, 0],
        [2, 0],
        [1, 1],
        [0, 0],
      ]),
      poly([
        [0, 0],
        [2, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ]), // a repeated point is allowed
      poly(circle(100)), // past 48 corners: the sorted sweep
      fromGeoJson({ type: 'MultiPolygon', coordinates: [[square]] }),
      fromGeoJson({ type: 'Point', coordinates: [106.6, -6.2] }),
      fromGeoJson({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
          [0, 0],
        ],
      }),
      fromGeoJson({
        type: 'MultiPoint',
        coordinates: [
          [1, 1],
          [1, 1],
        ],
      }),
      fromGeoJson({
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
          [
            [2, 2],
            [3, 2],
          ],
        ],
      }),
    ])
      expect(surelyValid(g), Buffer.from(g).toString('hex')).to.equal(true);
  });

  it('leaves to PostGIS what it cannot prove: crossings, touches, collinear corners, holes, parts', () => {
    const crossed = circle(100);
    [crossed[10], crossed[60]] = [crossed[60], crossed[10]];
    for (const g of [
      poly([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]), // bow tie
      poly([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, 0],
        [0, 2],
        [0, 0],
      ]), // touches itself
      poly([
        [0, 0],
        [1, 0],
        [2, 0],
        [2, 2],
        [0, 0],
      ]), // collinear corner
      poly([
        [0, 0],
        [2, 0],
        [4, 0],
        [0, 0],
      ]), // no area
      poly([
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ]), // not closed
      poly(crossed),
      poly(square, [
        [0.5, 0.5],
        [1, 0.5],
        [1, 1],
        [0.5, 0.5],
      ]),
      fromGeoJson({
        type: 'MultiPolygon',
        coordinates: [
          [square],
          [
            [
              [5, 5],
              [6, 5],
              [6, 6],
              [5, 5],
            ],
          ],
        ],
      }),
      fromGeoJson({ type: 'Point', coordinates: [NaN, 1] }),
      fromGeoJson({
        type: 'LineString',
        coordinates: [
          [1, 1],
          [1, 1],
        ],
      }),
      fromGeoJson({
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
          [
            [3, 3],
            [3, 3],
          ],
        ],
      }),
      fromGeoJson({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] }),
    ])
      expect(surelyValid(g), Buffer.from(g).toString('hex')).to.equal(false);
  });
});

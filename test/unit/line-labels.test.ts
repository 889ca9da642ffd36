import { expect } from 'chai';
import { blue, draw, red, sld, twkb, type P } from '../styles/draw-support.js';

const arc = (cx: number, cy: number, r: number, a0: number, a1: number, n = 48): P[] =>
  Array.from(
    { length: n + 1 },
    (_, i) => [cx + r * Math.cos(a0 + ((a1 - a0) * i) / n), cy + r * Math.sin(a0 + ((a1 - a0) * i) / n)] as P,
  );

/** A red LinePlacement label (14 px) of the `name` property, with the given LinePlacement body and vendor options. */
const lineLabel = (
  placement = '',
  vendor = '',
  halo = '',
) => `<TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label>
  <Font><CssParameter name="font-size">14</CssParameter></Font><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill>${halo}
  <LabelPlacement><LinePlacement>${placement}</LinePlacement></LabelPlacement>${vendor}</TextSymbolizer>`;
const style = (placement = '', vendor = '', halo = '') =>
  sld(`<FeatureTypeStyle><Rule>${lineLabel(placement, vendor, halo)}</Rule></FeatureTypeStyle>`);

function distanceTo(line: P[], [x, y]: P): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1],
      [bx, by] = line[i];
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)),
    );
    best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
  }
  return best;
}

const mean = (pts: P[], i: 0 | 1) => pts.reduce((s, p) => s + p[i], 0) / pts.length;
const NAME = 'Jalan Sudirman Raya Baru';
const curve = arc(150, 230, 140, Math.PI * 1.1, Math.PI * 1.9);

describe('labels along lines (LinePlacement)', () => {
  it('lays the glyphs along a curved line, every label pixel close to it', async () => {
    const near = (await draw(style(), [{ twkb: twkb('line', curve), props: { name: NAME } }], 300, 300)).where(red);
    expect(near.length).to.be.greaterThan(200);
    expect(Math.max(...near.map((p) => distanceTo(curve, p)))).to.be.below(12);
    // One straight run through the middle (followLine=false) leaves the curve at its ends.
    const straight = (
      await draw(
        style('', '<VendorOption name="followLine">false</VendorOption>'),
        [{ twkb: twkb('line', curve), props: { name: NAME } }],
        300,
        300,
      )
    ).where(red);
    expect(straight.length).to.be.greaterThan(200);
    expect(Math.max(...straight.map((p) => distanceTo(curve, p)))).to.be.above(20);
  });

  it('reads left to right whichever way the line was digitised', async () => {
    const ahead = await draw(style(), [{ twkb: twkb('line', curve), props: { name: NAME } }], 300, 300);
    const back = await draw(style(), [{ twkb: twkb('line', [...curve].reverse()), props: { name: NAME } }], 300, 300);
    const a = ahead.where(red),
      b = back.where(red);
    const same = new Set(a.map(String));
    expect(b.filter((p) => same.has(String(p))).length / a.length).to.be.above(0.9);
  });

  it('draws no label longer than its line, nor one across a turn sharper than 45°', async () => {
    const short = await draw(style(), [
      {
        twkb: twkb('line', [
          [20, 100],
          [120, 100],
        ]),
        props: { name: NAME },
      },
    ]);
    expect(short.where(red)).to.have.length(0);
    const vee = await draw(style(), [
      {
        twkb: twkb('line', [
          [20, 40],
          [100, 120],
          [180, 40],
        ]),
        props: { name: 'Jalan Sudirman' },
      },
    ]);
    expect(vee.where(red)).to.have.length(0);
    // The same turn with room on one arm: the label moves onto the arm.
    const long = await draw(
      style(),
      [
        {
          twkb: twkb('line', [
            [20, 40],
            [100, 120],
            [300, 40],
          ]),
          props: { name: 'Jalan Sudirman' },
        },
      ],
      320,
      200,
    );
    expect(long.where(red).length).to.be.greaterThan(100);
  });

  it('shifts the label by PerpendicularOffset, to the left of the line as digitised', async () => {
    const rightward = (
      await draw(
        style('<PerpendicularOffset>12</PerpendicularOffset>'),
        [
          {
            twkb: twkb('line', [
              [20, 100],
              [280, 100],
            ]),
            props: { name: NAME },
          },
        ],
        300,
        200,
      )
    ).where(red);
    const leftward = (
      await draw(
        style('<PerpendicularOffset>12</PerpendicularOffset>'),
        [
          {
            twkb: twkb('line', [
              [280, 100],
              [20, 100],
            ]),
            props: { name: NAME },
          },
        ],
        300,
        200,
      )
    ).where(red);
    expect(mean(rightward, 1)).to.be.within(84, 92);
    expect(mean(leftward, 1)).to.be.within(108, 116);
  });

  it('keeps line and point labels apart, glyph by glyph, and repeats along the line when asked', async () => {
    const road = {
      twkb: twkb('line', [
        [20, 100],
        [280, 100],
      ]),
      props: { name: NAME },
    };
    const pointLabel = (x: number, y: number) => ({ twkb: twkb('point', [[x, y]]), props: { name: 'Sekolah' } });
    const isPoint =
      '<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>Sekolah</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>';
    const both = sld(`<FeatureTypeStyle><Rule><ElseFilter/>${lineLabel()}</Rule>
      <Rule>${isPoint}<TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></TextSymbolizer></Rule></FeatureTypeStyle>`);
    // The line label is collected first, so a point label on it is dropped and one beside it kept.
    const pic = await draw(both, [road, pointLabel(150, 104), pointLabel(150, 160)], 300, 200);
    const b = pic.where(blue);
    expect(b.length).to.be.greaterThan(20);
    expect(Math.min(...b.map((p) => p[1]))).to.be.above(140);
    // A curved label's glyph boxes hug the curve: a point label inside the arc, clear of the glyphs, is kept.
    const inside = await draw(
      both,
      [{ twkb: twkb('line', curve), props: { name: NAME } }, pointLabel(150, 125)],
      300,
      300,
    );
    expect(inside.where(blue).length).to.be.greaterThan(20);
    const once = (
      await draw(
        style(),
        [
          {
            twkb: twkb('line', [
              [10, 100],
              [590, 100],
            ]),
            props: { name: 'Gang' },
          },
        ],
        600,
        200,
      )
    ).where(red).length;
    const repeated = (
      await draw(
        style('', '<VendorOption name="repeat">100</VendorOption>'),
        [
          {
            twkb: twkb('line', [
              [10, 100],
              [590, 100],
            ]),
            props: { name: 'Gang' },
          },
        ],
        600,
        200,
      )
    ).where(red).length;
    expect(repeated / once).to.be.above(4.5);
  });

  it('draws the halo under every glyph', async () => {
    const halo = '<Halo><Radius>2</Radius><Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></Halo>';
    const pic = await draw(style('', '', halo), [{ twkb: twkb('line', curve), props: { name: NAME } }], 300, 300);
    const b = pic.where(blue);
    expect(b.length).to.be.greaterThan(300);
    expect(Math.max(...b.map((p) => distanceTo(curve, p)))).to.be.below(14);
    expect(pic.where(red).length).to.be.greaterThan(200);
  });
});

import { expect } from 'chai';
import { createCanvas } from '@napi-rs/canvas';
import { ThinStroker, strokeLines, thinStrokeColour } from '../../styles/render/thin-stroke.js';
import { applyStroke } from '../../styles/render/symbols.js';
import type { Stroke } from '../../styles/model.js';
import type { Pt } from '../../styles/render/parts.js';
import { draw, sld, twkb } from '../styles/draw-support.js';

const ROUND: Stroke = { color: '#000000', width: 1.5, opacity: 1, linecap: 'round', linejoin: 'round' };

function pictures(lines: Pt[][], s: Stroke, under?: string) {
  const make = () => {
    const c = createCanvas(256, 256);
    const g = c.getContext('2d');
    if (under) {
      g.fillStyle = under;
      g.fillRect(0, 0, 256, 256);
    }
    return { c, g };
  };
  const skia = make();
  applyStroke(skia.g, s, 1);
  skia.g.beginPath();
  for (const l of lines) l.forEach(([x, y], i) => (i ? skia.g.lineTo(x, y) : skia.g.moveTo(x, y)));
  skia.g.stroke();
  const thin = make();
  new ThinStroker(256, 256).stroke(thin.g, lines, s, 1, thinStrokeColour(s, 1)!);
  return { skia: skia.g.getImageData(0, 0, 256, 256).data, thin: thin.g.getImageData(0, 0, 256, 256).data };
}

describe('thin round strokes (drawn without Skia)', () => {
  it('takes only solid strokes with round caps and joins, wider than 1 px and at most 6, in #rgb colours', () => {
    expect(thinStrokeColour(ROUND, 1)).to.deep.equal([0, 0, 0, 1]);
    expect(thinStrokeColour({ ...ROUND, color: '#ff000080' }, 1)).to.deep.equal([255, 0, 0, 128 / 255]);
    expect(thinStrokeColour({ ...ROUND, width: 1 }, 1), '1 px: Skia hairlines').to.equal(undefined);
    expect(thinStrokeColour({ ...ROUND, width: 1 }, 2), '1 px at 2× dpi').to.not.equal(undefined);
    expect(thinStrokeColour({ ...ROUND, width: 8 }, 1)).to.equal(undefined);
    expect(thinStrokeColour({ ...ROUND, dasharray: [4, 2] }, 1)).to.equal(undefined);
    expect(thinStrokeColour({ ...ROUND, linecap: 'butt' }, 1)).to.equal(undefined);
    expect(thinStrokeColour({ ...ROUND, linejoin: 'miter' }, 1)).to.equal(undefined);
    expect(thinStrokeColour({ ...ROUND, color: 'rgb(0,0,0)' }, 1)).to.equal(undefined);
  });

  it('covers the exact area of the stroke at any angle (within 0.5 %)', () => {
    for (const deg of [0, 10, 20, 30, 45, 60, 75, 90, 135]) {
      const r = (deg * Math.PI) / 180;
      const a: Pt = [100.3, 100.6];
      const { thin } = pictures(
        [[a, [a[0] + 100 * Math.cos(r), a[1] + 100 * Math.sin(r) * (deg > 90 ? -1 : 1)]]],
        ROUND,
      );
      let alpha = 0;
      for (let i = 3; i < thin.length; i += 4) alpha += thin[i] / 255;
      expect(alpha / (1.5 * 100 + Math.PI * 0.75 ** 2), `${deg}°`).to.be.closeTo(1, 0.005);
    }
  });

  it('draws what Skia draws, within antialiasing, in colour and with opacity over what is below', () => {
    const zigzag: Pt[][] = [
      [
        [10, 10],
        [60, 80],
        [110, 12],
        [160, 90],
        [200, 30],
      ],
      [
        [20, 200],
        [240, 150],
      ],
    ];
    const s: Stroke = { ...ROUND, color: '#d62728', width: 2.5, opacity: 0.7 };
    const { skia, thin } = pictures(zigzag, s, '#c8e0f0');
    let off = 0;
    for (let i = 0; i < skia.length; i += 4)
      if ([0, 1, 2, 3].some((k) => Math.abs(skia[i + k] - thin[i + k]) > 24)) off++;
    expect(off / (256 * 256)).to.be.below(0.002);
    // Along a line's middle both give the same colour: red at 70 % over the light blue.
    const at = (d: Uint8ClampedArray, x: number, y: number) => [
      ...d.subarray((y * 256 + x) * 4, (y * 256 + x) * 4 + 4),
    ];
    const mid = at(thin, 130, 174);
    at(skia, 130, 174).forEach((v, k) => expect(Math.abs(v - mid[k])).to.be.below(3));
  });

  it('strokes polygon outlines as closed rings, and lines as they are', () => {
    const square: Pt[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(strokeLines([{ points: [], lines: [], polygons: [[square]] }])[0]).to.have.length(5);
    expect(strokeLines([{ points: [], lines: [square], polygons: [[square]] }])[0]).to.have.length(4);
    // A ring that is closed already (its last point a copy of the first, as read from TWKB) stays as it is.
    expect(strokeLines([{ points: [], lines: [], polygons: [[[...square, [0, 0]]]] }])[0]).to.have.length(5);
  });

  it('is what GetMap uses for the default 1.5 px line style, and still draws dashes through Skia', async () => {
    const line = (extra: string) =>
      sld(`<FeatureTypeStyle><Rule><LineSymbolizer><Stroke><CssParameter name="stroke">#0000ff</CssParameter>
      <CssParameter name="stroke-width">2</CssParameter><CssParameter name="stroke-linecap">round</CssParameter><CssParameter name="stroke-linejoin">round</CssParameter>${extra}</Stroke></LineSymbolizer></Rule></FeatureTypeStyle>`);
    const road = [
      {
        twkb: twkb('line', [
          [10, 100],
          [190, 100],
        ]),
      },
    ];
    const solid = await draw(line(''), road);
    const dashed = await draw(line('<CssParameter name="stroke-dasharray">6 6</CssParameter>'), road);
    const blueAt = (p: typeof solid, x: number) => p.rgb(x, 100)[2] > 200 && p.rgb(x, 100)[0] < 60;
    const solidBlue = Array.from({ length: 24 }, (_, i) => blueAt(solid, 40 + i)).filter(Boolean).length;
    const dashedBlue = Array.from({ length: 24 }, (_, i) => blueAt(dashed, 40 + i)).filter(Boolean).length;
    expect(solidBlue).to.equal(24);
    expect(dashedBlue).to.be.within(8, 16);
  });
});

import { expect } from 'chai';
import sharp from 'sharp';
import { testNode, type TestNode } from '../support/context.js';
import { renderMap } from '../../styles/render/render-map.js';
import { ANONYMOUS } from '../../data/access.js';
import { black, blue, draw, red, sld, twkb, yellow } from '../styles/draw-support.js';

const line = (colour: string, width: number) =>
  `<LineSymbolizer><Stroke><CssParameter name="stroke">${colour}</CssParameter><CssParameter name="stroke-width">${width}</CssParameter></Stroke></LineSymbolizer>`;
const kindIs = (v: string) =>
  `<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>kind</ogc:PropertyName><ogc:Literal>${v}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>`;
const casing = sld(
  `<FeatureTypeStyle><Rule>${line('#000000', 9)}</Rule></FeatureTypeStyle><FeatureTypeStyle><Rule>${line('#ffff00', 3)}</Rule></FeatureTypeStyle>`,
);

describe('drawing order (FeatureTypeStyles are passes, symbolizers in document order)', () => {
  it('draws each FeatureTypeStyle over every feature before the next: casings stay under all centre lines', async () => {
    const across = [
      {
        twkb: twkb('line', [
          [10, 100],
          [190, 100],
        ]),
      },
      {
        twkb: twkb('line', [
          [100, 10],
          [100, 190],
        ]),
      },
    ];
    const pic = await draw(casing, across);
    // Both centre lines are yellow right through the crossing, the second road's casing under them.
    for (let d = -6; d <= 6; d++) {
      expect(yellow(...pic.rgb(100 + d, 100)), `x ${100 + d}`).to.equal(true);
      expect(yellow(...pic.rgb(100, 100 + d)), `y ${100 + d}`).to.equal(true);
    }
    expect(black(...pic.rgb(50, 96))).to.equal(true);
  });

  it('applies ElseFilter within its own FeatureTypeStyle', async () => {
    const style =
      sld(`<FeatureTypeStyle><Rule>${kindIs('a')}${line('#ff0000', 9)}</Rule><Rule><ElseFilter/>${line('#0000ff', 9)}</Rule></FeatureTypeStyle>
      <FeatureTypeStyle><Rule>${kindIs('b')}${line('#ffff00', 3)}</Rule><Rule><ElseFilter/>${line('#000000', 3)}</Rule></FeatureTypeStyle>`);
    expect(style.rules.map((r) => r.pass ?? 0)).to.deep.equal([0, 0, 1, 1]);
    const pic = await draw(style, [
      {
        twkb: twkb('line', [
          [10, 50],
          [190, 50],
        ]),
        props: { kind: 'a' },
      },
      {
        twkb: twkb('line', [
          [10, 150],
          [190, 150],
        ]),
        props: { kind: 'b' },
      },
    ]);
    // a: its own rule in pass 1, pass 2's ElseFilter; b: pass 1's ElseFilter, its own rule in pass 2.
    expect(red(...pic.rgb(100, 46)) && black(...pic.rgb(100, 50))).to.equal(true);
    expect(blue(...pic.rgb(100, 146)) && yellow(...pic.rgb(100, 150))).to.equal(true);
  });

  it('draws the symbolizers of one rule in document order, whatever their kinds', async () => {
    const mark =
      '<PointSymbolizer><Graphic><Mark><WellKnownName>square</WellKnownName><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></Mark><Size>40</Size></Graphic></PointSymbolizer>';
    const area = '<PolygonSymbolizer><Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></PolygonSymbolizer>';
    const square = [
      {
        twkb: twkb('polygon', [
          [50, 50],
          [150, 50],
          [150, 150],
          [50, 150],
          [50, 50],
        ]),
      },
    ];
    const markFirst = sld(`<FeatureTypeStyle><Rule>${mark}${area}</Rule></FeatureTypeStyle>`);
    expect(markFirst.rules[0].symbolizers.map((s) => s.kind)).to.deep.equal(['point', 'polygon']);
    expect(blue(...(await draw(markFirst, square)).rgb(100, 100))).to.equal(true);
    const areaFirst = sld(`<FeatureTypeStyle><Rule>${area}${mark}</Rule></FeatureTypeStyle>`);
    expect(red(...(await draw(areaFirst, square)).rgb(100, 100))).to.equal(true);
  });

  describe('on a real road network (renderMap)', () => {
    let node: TestNode;
    before(async () => {
      node = await testNode();
    });
    after(async () => node.stop());

    it('keeps every centre-line pixel of a plain style when a casing pass is added under it', async () => {
      const layer = node.ctx.catalogue.find(ANONYMOUS, 'dpupr:jalan')!;
      const plain = sld(`<FeatureTypeStyle><Rule>${line('#ffff00', 3)}</Rule></FeatureTypeStyle>`);
      const raw = async (style: typeof plain) => {
        const out = await renderMap(node.ctx, {
          layers: [{ layer, sld: style }],
          bbox: [106.55, -6.3, 106.75, -6.1],
          srid: 4326,
          width: 256,
          height: 256,
          format: 'image/png',
        });
        return sharp(out.body).removeAlpha().raw().toBuffer();
      };
      const [a, b] = await Promise.all([raw(plain), raw(casing)]);
      let centre = 0,
        covered = 0;
      for (let i = 0; i < a.length; i += 3) {
        if (!yellow(a[i], a[i + 1], a[i + 2])) continue;
        centre++;
        if (!(b[i] > 150 && b[i + 1] > 150 && b[i + 2] < 100)) covered++;
      }
      expect(centre).to.be.greaterThan(200);
      expect(covered, `${covered} of ${centre} centre-line pixels covered by a casing`).to.equal(0);
    });
  });
});

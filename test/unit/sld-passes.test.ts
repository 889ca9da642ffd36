import { expect } from 'chai';
import sharp from 'sharp';
import { legendImage } from '../../styles/legend.js';
import { styleToMapLibre } from '../../styles/maplibre.js';
import { passesOf } from '../../styles/render/draw.js';
import { styleFromSld } from '../../styles/sld.js';
import { black, sld, yellow } from '../styles/draw-support.js';

const line = (colour: string, width: number) =>
  `<LineSymbolizer><Stroke><CssParameter name="stroke">${colour}</CssParameter><CssParameter name="stroke-width">${width}</CssParameter></Stroke></LineSymbolizer>`;
const kindIs = (v: string) =>
  `<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>kind</ogc:PropertyName><ogc:Literal>${v}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>`;
const road = (name: string) =>
  `<FeatureTypeStyle><Rule><Name>${name}</Name>${line('#000000', 9)}</Rule></FeatureTypeStyle><FeatureTypeStyle><Rule><Name>jalan</Name>${line('#ffff00', 3)}</Rule></FeatureTypeStyle>`;

describe('SLD FeatureTypeStyles as passes, symbolizers in document order', () => {
  it('numbers each FeatureTypeStyle as a pass and keeps symbolizers in document order (SE 1.1 too)', () => {
    const style =
      styleFromSld(`<?xml version="1.0"?><StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se">
      <NamedLayer><se:Name>x</se:Name><UserStyle><se:FeatureTypeStyle><se:Rule><se:Name>r</se:Name>
        <se:TextSymbolizer><se:Label>a</se:Label></se:TextSymbolizer><se:LineSymbolizer/><se:PointSymbolizer><se:Graphic/></se:PointSymbolizer><se:LineSymbolizer/>
      </se:Rule></se:FeatureTypeStyle><!-- <se:PointSymbolizer> in a comment --><se:FeatureTypeStyle><se:Rule><se:PolygonSymbolizer/></se:Rule></se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`);
    expect(style.rules.map((r) => r.symbolizers.map((s) => s.kind))).to.deep.equal([
      ['text', 'line', 'point', 'line'],
      ['polygon'],
    ]);
    expect(style.rules.map((r) => r.pass ?? 0)).to.deep.equal([0, 1]);
    expect(style.rules.map((r) => r.name)).to.deep.equal(['r', 'rule2']);
  });

  it('draws rules without a pass (styles made in code) as one pass', () => {
    const r = (name: string, pass?: number) => ({ name, pass, symbolizers: [] });
    expect(passesOf([r('a'), r('b')]).map((p) => p.map((x) => x.name))).to.deep.equal([['a', 'b']]);
    expect(passesOf([r('a', 2), r('b'), r('c', 2)]).map((p) => p.map((x) => x.name))).to.deep.equal([
      ['b'],
      ['a', 'c'],
    ]);
  });

  it('reads LinePlacement: PerpendicularOffset and the followLine, repeat and maxAngleDelta vendor options', () => {
    const text = (placement: string, vendor = '') =>
      sld(
        `<FeatureTypeStyle><Rule><TextSymbolizer><Label>x</Label><LabelPlacement>${placement}</LabelPlacement>${vendor}</TextSymbolizer></Rule></FeatureTypeStyle>`,
      ).rules[0].symbolizers[0];
    expect(text('<LinePlacement/>'))
      .to.include({ placement: 'line' })
      .and.to.have.deep.property('line', { offset: 0, repeat: 0, maxAngle: 45, follow: true });
    const opts = text(
      '<LinePlacement><PerpendicularOffset>6</PerpendicularOffset></LinePlacement>',
      '<VendorOption name="followLine">false</VendorOption><VendorOption name="repeat">150</VendorOption><VendorOption name="maxAngleDelta">30</VendorOption>',
    );
    expect(opts).to.have.deep.property('line', { offset: 6, repeat: 150, maxAngle: 30, follow: false });
    expect(text('<PointPlacement/>')).to.include({ placement: 'point' }).and.not.to.have.property('line');
  });

  it('legend: rules of different passes sharing a name make one icon, drawn pass by pass', async () => {
    const one = await legendImage(sld(road('jalan')), { width: 20, height: 20, format: 'image/png' });
    const { data, info } = await sharp(one).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).to.deep.equal([20, 20]);
    let y = 0,
      b = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 250) continue;
      if (yellow(data[i], data[i + 1], data[i + 2])) y++;
      if (black(data[i], data[i + 1], data[i + 2])) b++;
    }
    expect(y, 'centre line').to.be.greaterThan(10);
    expect(b, 'casing').to.be.greaterThan(10);
    const two = await sharp(
      await legendImage(sld(road('tepi')), { width: 20, height: 20, format: 'image/png' }),
    ).metadata();
    expect(two.height).to.equal(2 * 24);
  });

  it('MapLibre export: layers in pass order, each ElseFilter the negation of its own pass only', () => {
    const style =
      sld(`<FeatureTypeStyle><Rule>${kindIs('a')}${line('#ff0000', 9)}</Rule><Rule><ElseFilter/>${line('#0000ff', 9)}</Rule></FeatureTypeStyle>
      <FeatureTypeStyle><Rule>${kindIs('b')}${line('#ffff00', 3)}</Rule><Rule><ElseFilter/>${line('#000000', 3)}</Rule></FeatureTypeStyle>`);
    const layers = styleToMapLibre(style, { source: 's', sourceLayer: 'uji' });
    expect(layers.map((l) => (l.paint as any)['line-color'])).to.deep.equal([
      '#ff0000',
      '#0000ff',
      '#ffff00',
      '#000000',
    ]);
    expect(layers[1].filter).to.deep.equal(['!', ['any', ['==', ['get', 'kind'], 'a']]]);
    expect(layers[3].filter).to.deep.equal(['!', ['any', ['==', ['get', 'kind'], 'b']]]);
  });
});

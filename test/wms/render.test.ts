import { expect } from 'chai';
import sharp from 'sharp';
import { testNode, type TestNode } from '../support/context.js';
import { renderMap } from '../../styles/render/render-map.js';
import { ANONYMOUS } from '../../data/access.js';
import { parseSld } from '../../styles/sld.js';

describe('renderMap (the renderer behind GetMap and raster tiles)', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode();
  });
  after(async () => node.stop());

  const layer = (n: string) => ({ layer: node.ctx.catalogue.find(ANONYMOUS, n)! });

  it('draws polygons, lines and points into every format', async () => {
    const layers = ['bappeda:batas_kelurahan', 'dpupr:jalan', 'dindik:sekolah'].map(layer);
    for (const format of ['image/png', 'image/png; mode=8bit', 'image/jpeg', 'image/webp']) {
      const out = await renderMap(node.ctx, { layers, bbox: { minx: 106.55, miny: -6.3, maxx: 106.75, maxy: -6.1 }, srid: 4326, width: 256, height: 256, format, transparent: true });
      expect(out.contentType).to.equal(format);
      const { data, info } = await sharp(out.body).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(info.width).to.equal(256);
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7) colours.add(data.readUInt32LE(i));
      expect(colours.size, format).to.be.greaterThan(3);
    }
  });

  it('applies SLD rules with filters, ElseFilter and labels', async () => {
    const [sld] = parseSld(`<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
      <NamedLayer><Name>dindik:sekolah</Name><UserStyle><Name>s</Name><FeatureTypeStyle>
        <Rule><Name>sd</Name><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>jenjang</ogc:PropertyName><ogc:Literal>SD</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></Mark><Size>12</Size></Graphic></PointSymbolizer></Rule>
        <Rule><ElseFilter/><PointSymbolizer><Graphic><Mark><WellKnownName>triangle</WellKnownName><Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></Mark><Size>10</Size></Graphic></PointSymbolizer>
          <TextSymbolizer><Label><ogc:PropertyName>nama_sekolah</ogc:PropertyName></Label><Halo><Radius>1</Radius></Halo></TextSymbolizer></Rule>
      </FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`);
    expect(sld.styles[0].rules).to.have.length(2);
    const out = await renderMap(node.ctx, { layers: [{ ...layer('dindik:sekolah'), sld: sld.styles[0] }], bbox: [106.55, -6.3, 106.75, -6.1], srid: 4326, width: 256, height: 256, format: 'image/png' });
    const { data } = await sharp(out.body).raw().toBuffer({ resolveWithObject: true });
    let red = 0, blue = 0;
    for (let i = 0; i < data.length; i += 3) {
      if (data[i] > 200 && data[i + 1] < 60 && data[i + 2] < 60) red++;
      if (data[i] < 60 && data[i + 1] < 60 && data[i + 2] > 200) blue++;
    }
    expect(red).to.be.greaterThan(0);
    expect(blue).to.be.greaterThan(0);
  });
});

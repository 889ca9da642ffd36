import { expect } from 'chai';
import sharp from 'sharp';
import { testNode, type TestNode } from '../support/context.js';
import { renderMap } from '../../styles/render/render-map.js';
import { ANONYMOUS } from '../../data/access.js';
import { parseSld } from '../../styles/sld.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mapFeatures, mapFeaturesSql } from '../../data/render/features.js';
import { unpackTwkb } from '../../data/render/packed-twkb.js';
import { geometryIn } from '../../data/layers/web-mercator.js';

const SNAPSHOTS = new URL('./snapshots/', import.meta.url).pathname;

/** Compares with a stored PNG (SIMPUL_UPDATE_SNAPSHOTS=1 writes it instead, the only way to add
 *  or change one): at most 1% of pixels may differ by more than 24 in a channel (antialiasing
 *  differs a little between builds). A missing snapshot fails, so a lost file cannot pass. */
async function matchSnapshot(name: string, png: Buffer): Promise<void> {
  const file = `${SNAPSHOTS}${name}.png`;
  if (process.env.SIMPUL_UPDATE_SNAPSHOTS === '1') {
    writeFileSync(file, png);
    return;
  }
  expect(existsSync(file), `snapshot ${name}.png is missing (SIMPUL_UPDATE_SNAPSHOTS=1 writes it)`).to.equal(true);
  const [a, b] = await Promise.all([png, readFileSync(file)].map((x) => sharp(x).ensureAlpha().raw().toBuffer()));
  expect(a.length).to.equal(b.length);
  let off = 0;
  for (let i = 0; i < a.length; i += 4) if ([0, 1, 2, 3].some((k) => Math.abs(a[i + k] - b[i + k]) > 24)) off++;
  expect(off / (a.length / 4), name).to.be.below(0.01);
}

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
      const out = await renderMap(node.ctx, {
        layers,
        bbox: { minx: 106.55, miny: -6.3, maxx: 106.75, maxy: -6.1 },
        srid: 4326,
        width: 256,
        height: 256,
        format,
        transparent: true,
      });
      expect(out.contentType).to.equal(format);
      const { data, info } = await sharp(out.body).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(info.width).to.equal(256);
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7) colours.add(data.readUInt32LE(i));
      expect(colours.size, format).to.be.greaterThan(3);
    }
  });

  it('encodes a large PNG (over a megapixel, through sharp) like a small one (through zlib)', async () => {
    const layers = ['bappeda:batas_kecamatan', 'dpupr:jalan'].map(layer);
    const bbox = { minx: 106.55, miny: -6.3, maxx: 106.75, maxy: -6.1 };
    const big = await renderMap(node.ctx, {
      layers,
      bbox,
      srid: 4326,
      width: 1200,
      height: 1200,
      format: 'image/png',
      transparent: true,
    });
    const small = await renderMap(node.ctx, {
      layers,
      bbox,
      srid: 4326,
      width: 300,
      height: 300,
      format: 'image/png',
      transparent: true,
    });
    const shrunk = await sharp(big.body).resize(300, 300).ensureAlpha().raw().toBuffer();
    const direct = await sharp(small.body).ensureAlpha().raw().toBuffer();
    expect((await sharp(big.body).metadata()).width).to.equal(1200);
    // Same picture: a similar share of drawn pixels, none of them garbled by premultiplied alpha.
    const drawn = (d: Buffer) => {
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 32) n++;
      return n / (d.length / 4);
    };
    expect(drawn(shrunk)).to.be.closeTo(drawn(direct), 0.15);
    expect(drawn(direct)).to.be.greaterThan(0.1);
  });

  it('reads EPSG:3857 maps from the stored 3857 column: no transform, the same features as transforming', async () => {
    const l = layer('dpupr:jalan').layer;
    const sql = mapFeaturesSql(l, [], 10_000, 3857);
    // The box goes to 4326 (for geom's index) by arithmetic, not through PROJ.
    expect(sql).to.contain('geom_3857').and.not.contain('ST_Transform');
    const [x0, y0, size] = [11_869_997, -690_412, 4891.97];
    const params = [x0, y0, x0 + size, y0 + size, 3857, size / 256, size / 256, 256, 256];
    const [stored, transformed] = await Promise.all(
      [sql, mapFeaturesSql(l, [], 10_000, 4326)].map(async (q) =>
        Buffer.concat((await node.ctx.db.query(q, params)).rows.map((r) => r.packed)),
      ),
    );
    expect(stored.length).to.be.greaterThan(100);
    expect(stored.equals(transformed)).to.equal(true);
  });

  it("selects EPSG:3857 rows through geom's index by the box in 4326: ST_Transform's rows, none wrapped round past the antimeridian", async () => {
    const meets = geometryIn('t', 3857, '3857').meets;
    // The same box as PROJ makes it, within rounding.
    const box = 'ST_MakeEnvelope(11869997, -690412, 11874888.97, -685520.03, 3857)';
    const sql = meets(box).replace(/^t\.geom && /, '');
    const d = (
      await node.ctx.db.query<{ d: number }>(
        `SELECT greatest(abs(ST_XMin(a) - ST_XMin(b)), abs(ST_YMin(a) - ST_YMin(b)), abs(ST_XMax(a) - ST_XMax(b)), abs(ST_YMax(a) - ST_YMax(b))) AS d FROM (SELECT ${sql} AS a, ST_Transform(${box}, 4326) AS b) s`,
      )
    ).rows[0].d;
    expect(d).to.be.below(1e-6);
    const count = async (box: string) =>
      (
        await node.ctx.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (VALUES (ST_SetSRID(ST_MakePoint(179.99, 10), 4326)), (ST_SetSRID(ST_MakePoint(-179.99, 10), 4326)), (ST_SetSRID(ST_MakePoint(106.6, -6.2), 4326))) t(geom) WHERE ${meets(box)}`,
        )
      ).rows[0].n;
    // x 1.9e7 … 2.1e7: 170.7° to past 180° (PROJ alone would make that -171.3°).
    expect(await count('ST_MakeEnvelope(19e6, 0, 21e6, 2e6, 3857)')).to.equal(1);
    // The whole world with a map's margin: every row.
    expect(await count('ST_MakeEnvelope(-20.1e6, -20.1e6, 20.1e6, 20.1e6, 3857)')).to.equal(3);
    expect(await count('ST_MakeEnvelope(21e6, 0, 22e6, 2e6, 3857)')).to.equal(0);
  });

  it('packs geometry-only answers a few hundred features to a row and joins them in fid order', async () => {
    const l = layer('dpupr:jalan').layer;
    const box = { minx: 106.5, miny: -6.35, maxx: 106.8, maxy: -6.0, srid: 4326, width: 256, height: 256 };
    const { packed, props } = await mapFeatures(node.ctx.db, l, box, []);
    expect(props).to.equal(undefined);
    const n = unpackTwkb(packed).length;
    expect(n).to.equal(l.featureCount).and.to.be.greaterThan(256);
    // The same geometry as the answer with attributes (one row per feature), in the same order.
    const withProps = await mapFeatures(node.ctx.db, l, box, ['kelas_jalan']);
    expect(withProps.props!.map((p) => p.fid)).to.deep.equal(
      [...withProps.props!.map((p) => p.fid as number)].sort((a, b) => a - b),
    );
    expect(Buffer.from(withProps.packed).equals(Buffer.from(packed))).to.equal(true);
  });

  it('matches the stored snapshots (default styles; hatch, dash and marks from SLD)', async () => {
    const box = { minx: 106.6, miny: -6.25, maxx: 106.7, maxy: -6.15 };
    const base = await renderMap(node.ctx, {
      layers: ['bappeda:batas_kecamatan', 'dpupr:jalan', 'dindik:sekolah'].map(layer),
      bbox: box,
      srid: 4326,
      width: 128,
      height: 128,
      format: 'image/png',
    });
    await matchSnapshot('default-4326', base.body);
    const [sld] =
      parseSld(`<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"><NamedLayer><Name>x</Name><UserStyle><FeatureTypeStyle><Rule>
      <PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>shape://slash</WellKnownName><Stroke><CssParameter name="stroke">#aa0000</CssParameter></Stroke></Mark><Size>6</Size></Graphic></GraphicFill></Fill>
      <Stroke><CssParameter name="stroke">#000000</CssParameter><CssParameter name="stroke-dasharray">4 2</CssParameter></Stroke></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`);
    const hatch = await renderMap(node.ctx, {
      layers: [{ ...layer('bappeda:batas_kecamatan'), sld: sld.styles[0] }],
      bbox: box,
      srid: 4326,
      width: 128,
      height: 128,
      format: 'image/png',
    });
    await matchSnapshot('hatch-4326', hatch.body);
  });

  it('applies SLD rules with filters, ElseFilter and labels', async () => {
    const [sld] =
      parseSld(`<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
      <NamedLayer><Name>dindik:sekolah</Name><UserStyle><Name>s</Name><FeatureTypeStyle>
        <Rule><Name>sd</Name><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>jenjang</ogc:PropertyName><ogc:Literal>SD</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></Mark><Size>12</Size></Graphic></PointSymbolizer></Rule>
        <Rule><ElseFilter/><PointSymbolizer><Graphic><Mark><WellKnownName>triangle</WellKnownName><Fill><CssParameter name="fill">#0000ff</CssParameter></Fill></Mark><Size>10</Size></Graphic></PointSymbolizer>
          <TextSymbolizer><Label><ogc:PropertyName>nama_sekolah</ogc:PropertyName></Label><Halo><Radius>1</Radius></Halo></TextSymbolizer></Rule>
      </FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`);
    expect(sld.styles[0].rules).to.have.length(2);
    const out = await renderMap(node.ctx, {
      layers: [{ ...layer('dindik:sekolah'), sld: sld.styles[0] }],
      bbox: [106.55, -6.3, 106.75, -6.1],
      srid: 4326,
      width: 256,
      height: 256,
      format: 'image/png',
    });
    const { data } = await sharp(out.body).raw().toBuffer({ resolveWithObject: true });
    let red = 0,
      blue = 0;
    for (let i = 0; i < data.length; i += 3) {
      if (data[i] > 200 && data[i + 1] < 60 && data[i + 2] < 60) red++;
      if (data[i] < 60 && data[i + 1] < 60 && data[i + 2] > 200) blue++;
    }
    expect(red).to.be.greaterThan(0);
    expect(blue).to.be.greaterThan(0);
  });
});

import { expect } from 'chai';
import sharp from 'sharp';
import { addUser, issueToken } from '../../data/users.js';
import { testNode, get, type TestNode } from '../support/context.js';

const SLD = (colour: string) => `<?xml version="1.0"?>
<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc">
 <NamedLayer><se:Name>dpupr:penggunaan_lahan</se:Name><UserStyle><se:Name>merah</se:Name><se:Title>Merah</se:Title><se:FeatureTypeStyle>
  <se:Rule><se:Name>all</se:Name><se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">${colour}</se:SvgParameter></se:Fill></se:PolygonSymbolizer></se:Rule>
 </se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>`;

describe('style admin API (SE 1.1 stored, used by WMS, exported to MapLibre)', () => {
  let node: TestNode;
  let dpupr: string;
  let dinkes: string;
  before(async () => {
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'dpupr.gis', role: 'produsen', organisation: 'dpupr' });
    await addUser(node.ctx.db, { username: 'dinkes.gis', role: 'produsen', organisation: 'dinkes' });
    dpupr = await issueToken(node.ctx.db, 'dpupr.gis');
    dinkes = await issueToken(node.ctx.db, 'dinkes.gis');
  });
  after(async () => node.stop());

  const put = (token: string | null, body: string, q = '') =>
    get(`${node.url}/api/layers/dpupr:penggunaan_lahan/styles/merah${q}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/vnd.ogc.sld+xml',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body,
    });

  it('stores a style for writers only, lists it in capabilities and draws with it', async () => {
    expect((await put(null, SLD('#ff0000'))).status).to.equal(401);
    expect((await put(dinkes, SLD('#ff0000'))).status).to.equal(403);
    expect((await put(dpupr, '<StyledLayerDescriptor><broken')).status).to.equal(400);
    // A stored style meets the same limits as SLD_BODY: 400 naming the limit.
    const wide = await put(
      dpupr,
      SLD('#ff0000').replace(
        '</se:Fill>',
        '</se:Fill><se:Stroke><se:SvgParameter name="stroke-width">1000000</se:SvgParameter></se:Stroke>',
      ),
    );
    expect(wide.status).to.equal(400);
    expect(JSON.parse(wide.body).detail).to.include('stroke-width');
    const remote = await put(
      dpupr,
      SLD('#ff0000').replace(
        /<se:PolygonSymbolizer>.*<\/se:PolygonSymbolizer>/,
        '<se:PointSymbolizer><se:Graphic><se:ExternalGraphic><se:OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="http://127.0.0.1:9/x.png"/><se:Format>image/png</se:Format></se:ExternalGraphic></se:Graphic></se:PointSymbolizer>',
      ),
    );
    expect(remote.status).to.equal(400);
    expect(JSON.parse(remote.body).detail).to.include('no URLs are fetched');
    const ok = await put(dpupr, SLD('#ff0000'));
    expect(ok.status, ok.body).to.equal(200);
    const caps = await get(`${node.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities`);
    expect(caps.body).to.include('<Name>merah</Name>');
    const map = await fetch(
      `${node.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:penggunaan_lahan&STYLES=merah&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
    );
    const { data } = await sharp(Buffer.from(await map.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 0) red++;
    expect(red).to.be.greaterThan(100);
    // SLD=URL of this node's own style works; it is read from the store.
    const viaUrl = await fetch(
      `${node.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:penggunaan_lahan&STYLES=&SLD=${encodeURIComponent(`${node.url}/api/layers/dpupr:penggunaan_lahan/styles/merah`)}&CRS=CRS:84&BBOX=106.55,-6.3,106.75,-6.1&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
    );
    expect(
      Buffer.from(await viaUrl.arrayBuffer()).equals(Buffer.from(await (await fetch(map.url)).arrayBuffer())),
    ).to.equal(true);
    const ml = JSON.parse((await get(`${node.url}/api/layers/dpupr:penggunaan_lahan/styles/merah?f=maplibre`)).body);
    expect(ml.layers[0]).to.include({ type: 'fill', 'source-layer': 'dpupr:penggunaan_lahan' });
    expect(ml.layers[0].paint['fill-color']).to.equal('#ff0000');
    // Changing it changes the picture (style version → caches).
    await put(dpupr, SLD('#0000ff'));
    const blue = await fetch(map.url);
    const px = await sharp(Buffer.from(await blue.arrayBuffer()))
      .raw()
      .toBuffer();
    let b = 0;
    for (let i = 0; i < px.length; i += 3) if (px[i] === 0 && px[i + 1] === 0 && px[i + 2] === 255) b++;
    expect(b).to.be.greaterThan(100);
    const sld = await get(`${node.url}/api/layers/dpupr:penggunaan_lahan/styles/merah`);
    expect(sld.body).to.include('#0000ff');
    const del = await get(`${node.url}/api/layers/dpupr:penggunaan_lahan/styles/merah`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${dpupr}` },
    });
    expect(del.status).to.equal(204);
  });
});

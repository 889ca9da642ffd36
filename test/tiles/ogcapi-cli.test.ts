import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { testNode, testDatabase, get, type TestNode } from '../support/context.js';
import { cliEnv, runCli } from '../support/cli.js';
import { CITY, decodeMvt, fetchBytes, tileOf } from './helpers.js';
import { BACKEND } from '../support/backend.js';
import { seed } from '../../tiles/seed.js';
import { redisKeys, TEST_REDIS_URL } from '../support/redis.js';
import { WEB_MERCATOR } from '../../tiles/matrix-sets.js';

describe('tiles: OGC API Tiles, Redis cache, seed and cache CLI', () => {
  let node: TestNode;
  const t = tileOf(CITY.lon, CITY.lat, 12);
  before(async () => {
    node = await testNode({ serve: true, config: { redisUrl: TEST_REDIS_URL } });
  });
  after(async () => node.stop());

  it('lists and describes tile matrix sets (axis order per CRS)', async () => {
    const list = JSON.parse((await get(`${node.url}/ogcapi/tileMatrixSets`)).body);
    expect(list.tileMatrixSets.map((x: any) => x.id)).to.include.members([
      'WebMercatorQuad',
      'WorldCRS84Quad',
      'UTM48SKotaTangerang',
    ]);
    const wgs = JSON.parse((await get(`${node.url}/ogcapi/tileMatrixSets/WGS84Quad`)).body);
    expect(wgs.orderedAxes).to.deep.equal(['Lat', 'Lon']);
    expect(wgs.tileMatrices[0].pointOfOrigin).to.deep.equal([90, -180]);
    const utm = JSON.parse((await get(`${node.url}/ogcapi/tileMatrixSets/UTM48SKotaTangerang`)).body);
    expect(utm.crs).to.equal('http://www.opengis.net/def/crs/EPSG/0/32748');
    expect((await get(`${node.url}/ogcapi/tileMatrixSets/Nope`)).status).to.equal(404);
  });

  it('serves collection tilesets, vector and map tiles; hides what the caller may not see', async () => {
    const coll = JSON.parse((await get(`${node.url}/ogcapi/collections/bappeda:batas_kelurahan`)).body);
    const rel = (r: string) =>
      coll.links.find((l: any) => l.rel === `http://www.opengis.net/def/rel/ogc/1.0/${r}`)?.href;
    expect(rel('tilesets-map')).to.match(/\/map\/tiles$/);
    const sets = JSON.parse((await get(rel('tilesets-vector'))).body);
    expect(sets.links.find((l: any) => l.rel === 'self').href).to.equal(rel('tilesets-vector'));
    expect(sets.tilesets.length).to.equal(4);
    const meta = JSON.parse(
      (await get(`${node.url}/ogcapi/collections/bappeda:batas_kelurahan/tiles/WebMercatorQuad`)).body,
    );
    expect(meta.dataType).to.equal('vector');
    expect(meta.layers[0].propertiesSchema.properties).to.have.keys(['kode', 'nama']);
    const v = await fetchBytes(
      `${node.url}/ogcapi/collections/bappeda:batas_kelurahan/tiles/WebMercatorQuad/${t.z}/${t.y}/${t.x}`,
    );
    expect(v.status).to.equal(200);
    expect(decodeMvt(v.body)['bappeda:batas_kelurahan'].length).to.be.greaterThan(0);
    const m = await fetchBytes(
      `${node.url}/ogcapi/collections/bappeda:batas_kelurahan/map/tiles/WebMercatorQuad/${t.z}/${t.y}/${t.x}`,
    );
    expect(m.status).to.equal(200);
    expect((await sharp(m.body).metadata()).format).to.equal('png');
    // ?style= names a stored style; the layer has none by that name here.
    const styled = await get(
      `${node.url}/ogcapi/collections/bappeda:batas_kelurahan/map/tiles/WebMercatorQuad/${t.z}/${t.y}/${t.x}?style=biru`,
    );
    expect(styled.status).to.equal(400);
    expect(JSON.parse(styled.body).code).to.equal('StyleNotDefined');
    for (const [u, s] of [
      [`/ogcapi/collections/dinsos:penerima_bantuan/tiles`, 404],
      [`/ogcapi/collections/bappeda:batas_kota/tiles/WebMercatorQuad/40/0/0`, 404],
      [`/ogcapi/collections/bappeda:batas_kota/tiles/WebMercatorQuad/2/9/0`, 400],
      [`/ogcapi/collections/bappeda:batas_kota/tiles/WebMercatorQuad/2/x/0`, 400],
      [`/ogcapi/collections/bappeda:batas_kota/tiles/WebMercatorQuad/2/0/0?f=png`, 400],
    ] as const) {
      const r = await get(node.url + u);
      expect(r.status, u).to.equal(s);
      expect(r.type).to.match(/json/);
    }
  });

  it('keeps tiles in Redis when REDIS_URL is set (same ETag, 304)', async () => {
    const u = `${node.url}/tiles/dpupr:jalan/${t.z}/${t.x}/${t.y}.pbf`;
    const a = await fetch(u);
    const b = await fetch(u);
    expect(a.status).to.equal(200);
    expect(b.headers.get('etag')).to.equal(a.headers.get('etag'));
    expect((await fetch(u, { headers: { 'If-None-Match': a.headers.get('etag')! } })).status).to.equal(304);
    expect((await redisKeys('simpul:tile:dpupr%3ajalan/*')).length).to.be.greaterThan(0);
  });

  it('seeding renders each tile once, then finds it in the cache', async () => {
    const layers = [node.ctx.catalogue.unguardedGet('dinkes:fasilitas_kesehatan')!];
    const o = {
      layers,
      tms: WEB_MERCATOR,
      minZoom: 11,
      maxZoom: 12,
      bbox: [106.6, -6.2, 106.7, -6.1] as [number, number, number, number],
      format: 'pbf' as const,
    };
    const a = await seed(node.ctx, o);
    expect(a.tiles).to.be.greaterThan(2);
    expect(a.rendered + a.cached).to.equal(a.tiles);
    const b = await seed(node.ctx, o);
    expect(b.cached).to.equal(b.tiles);
  });

  it('simpul seed fills the cache with progress and a summary; simpul cache clear empties it', async function () {
    // The CLI opens its own database; an embedded one takes long to open in a second process,
    // so the command itself is exercised on PostGIS (the seeding above runs on both).
    if (BACKEND === 'embedded') this.skip();
    const db = await testDatabase();
    try {
      const env = cliEnv(db);
      delete env.REDIS_URL;
      const r = await runCli(['seed', 'bappeda:batas_kecamatan', '--zoom', '11-12', '--format', 'pbf'], env);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/bappeda:batas_kecamatan: \d+ tiles \(z11–12, pbf, WebMercatorQuad\): \d+ rendered/);
      const dir = `${db.dataDir}/cache/tiles`;
      expect(readdirSync(dir)).to.include('bappeda%3abatas_kecamatan');
      const clear = await runCli(['cache', 'clear', 'bappeda:batas_kecamatan'], env);
      expect(clear.stdout).to.match(/^[1-9]\d* cached tiles removed for bappeda:batas_kecamatan/);
      expect(existsSync(`${dir}/bappeda%3abatas_kecamatan`)).to.equal(false);
      const bad = await runCli(['seed', 'dinsos:penerima_bantuan', '--zoom', '10'], env);
      expect(bad.code).to.not.equal(0);
      expect(bad.stderr).to.contain('not a published PUBLIC layer');
      expect(bad.stderr).to.not.match(/at .*\.(ts|js):\d+/);
    } finally {
      await db.cleanup();
    }
  });
});

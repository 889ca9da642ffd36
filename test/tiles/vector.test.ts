import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';
import { addUser, issueToken } from '../../data/users.js';
import { touchLayerData } from '../../data/layers/write.js';
import { layerTableSql } from '../../data/catalogue/layer.js';
import { embeddedTile } from '../../tiles/mvt/query.js';
import { postgisMvt } from '../../data/tiles/vector.js';
import { tileBounds, WEB_MERCATOR } from '../../tiles/matrix-sets.js';
import { CITY, decodeMvt, fetchBytes, tileOf } from './helpers.js';

describe('tiles: XYZ vector tiles, cache, ETag', () => {
  let node: TestNode;
  let token: string;
  const t12 = tileOf(CITY.lon, CITY.lat, 12);
  const url = (layer: string, t = t12, ext = 'pbf') => `${node.url}/tiles/${layer}/${t.z}/${t.x}/${t.y}.${ext}`;

  before(async () => {
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'sosial', role: 'produsen', organisation: 'dinsos' });
    token = await issueToken(node.ctx.db, 'sosial');
  });
  after(async () => node.stop());

  it('serves a kelurahan tile that decodes with only the published attributes', async () => {
    const r = await fetchBytes(url('bappeda:batas_kelurahan'));
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-type')).to.equal('application/vnd.mapbox-vector-tile');
    const d = decodeMvt(r.body);
    expect(Object.keys(d)).to.deep.equal(['bappeda:batas_kelurahan']);
    const fs = d['bappeda:batas_kelurahan'];
    expect(fs.length).to.be.greaterThan(3);
    for (const f of fs) {
      expect(f.type).to.equal(3);
      expect(f.extent).to.equal(4096);
      expect(Object.keys(f.properties).sort()).to.deep.equal(['kode', 'nama']);
      expect(f.id).to.be.a('number');
      expect(f.bbox[0]).to.be.at.least(-64);
      expect(f.bbox[2]).to.be.at.most(4096 + 64);
    }
  });

  it('answers .mvt too, and several layers in one tile', async () => {
    const r = await fetchBytes(
      url('bappeda:batas_kecamatan,dindik:sekolah,dpupr:jalan', tileOf(CITY.lon, CITY.lat, 13), 'mvt'),
    );
    expect(r.status).to.equal(200);
    const d = decodeMvt(r.body);
    expect(Object.keys(d).sort()).to.deep.equal(['bappeda:batas_kecamatan', 'dindik:sekolah', 'dpupr:jalan']);
    expect(d['dindik:sekolah'][0].type).to.equal(1);
    expect(d['dpupr:jalan'][0].type).to.equal(2);
    expect(d['dindik:sekolah'][0].properties).to.have.property('nama_sekolah');
    expect(d['dindik:sekolah'][0].properties.tanggal_berdiri).to.match(/^\d{4}-\d\d-\d\d$/);
  });

  it('answers 204 for an empty tile', async () => {
    const r = await fetchBytes(`${node.url}/tiles/bappeda:batas_kota/12/0/0.pbf`);
    expect(r.status).to.equal(204);
    expect(r.body.length).to.equal(0);
  });

  it('sends ETag and public Cache-Control, answers 304, gzips only once', async () => {
    const a = await fetch(url('bappeda:batas_kota'), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(a.status).to.equal(200);
    const etag = a.headers.get('etag')!;
    expect(etag).to.match(/^".+"$/);
    expect(a.headers.get('cache-control')).to.match(/^public/);
    expect(a.headers.get('content-encoding')).to.equal('gzip');
    const body = new Uint8Array(await a.arrayBuffer()); // fetch gunzips once; a doubled gzip would not decode
    expect(Object.keys(decodeMvt(body))).to.deep.equal(['bappeda:batas_kota']);
    const b = await fetch(url('bappeda:batas_kota'), { headers: { 'If-None-Match': etag } });
    expect(b.status).to.equal(304);
  });

  it('rejects bad addresses and formats, and hides what the caller may not see', async () => {
    const bad = [
      [`${node.url}/tiles/bappeda:batas_kota/12/99999/1.pbf`, 400],
      [`${node.url}/tiles/bappeda:batas_kota/30/0/0.pbf`, 400],
      [`${node.url}/tiles/bappeda:batas_kota/a/b/c.pbf`, 400],
      [`${node.url}/tiles/bappeda:batas_kota/1/0/0.gif`, 404],
      [`${node.url}/tiles/bappeda:batas_kota/1/0/0.constructor`, 404],
      [`${node.url}/tiles/nope:nothing/1/0/0.pbf`, 404],
      [`${node.url}/tiles/dinsos:penerima_bantuan/1/0/0.pbf`, 404],
      [`${node.url}/tiles/%E0%A4%A/1/0/0.pbf`, 400],
      [`${node.url}/tiles/dinsos:penerima_bantuan.json`, 404],
    ] as const;
    for (const [u, status] of bad) {
      const r = await get(u);
      expect(r.status, u).to.equal(status);
      expect(r.type, u).to.match(/json/);
      expect(r.body).to.not.match(/at .*\.(ts|js):\d+/);
    }
  });

  it('serves a private layer to its organisation with private Cache-Control, in another cache scope', async () => {
    const l = node.ctx.catalogue.unguardedGet('dinsos:penerima_bantuan')!;
    const t = tileOf((l.bbox![0] + l.bbox![2]) / 2, (l.bbox![1] + l.bbox![3]) / 2, 12);
    const r = await fetchBytes(url('dinsos:penerima_bantuan', t), { headers: { Authorization: `Bearer ${token}` } });
    expect(r.status).to.equal(200);
    expect(r.headers.get('cache-control')).to.match(/^private/);
    const pub = await fetch(url('bappeda:batas_kota'), { headers: { Authorization: `Bearer ${token}` } });
    const anon = await fetch(url('bappeda:batas_kota'));
    expect(pub.headers.get('etag')).to.not.equal(anon.headers.get('etag'));
    expect(pub.headers.get('cache-control')).to.match(/^private/);
  });

  it('TileJSON 3.0 describes the layer', async () => {
    const r = await get(`${node.url}/tiles/dindik:sekolah.json`);
    expect(r.status).to.equal(200);
    const j = JSON.parse(r.body);
    expect(j.tilejson).to.equal('3.0.0');
    expect(j.tiles[0]).to.match(/\/tiles\/dindik%3Asekolah\/\{z\}\/\{x\}\/\{y\}\.pbf$/);
    expect(j.vector_layers[0].id).to.equal('dindik:sekolah');
    expect(j.vector_layers[0].fields.jumlah_siswa).to.equal('Number');
    expect(j.bounds[0]).to.be.closeTo(106.6, 0.2);
  });

  it('reflects an edit in the next tile without a purge (dataVersion in the key)', async () => {
    const layer = node.ctx.catalogue.unguardedGet('bappeda:batas_kota')!;
    const u = url('bappeda:batas_kota');
    const before = await fetch(u);
    const etag1 = before.headers.get('etag');
    const d1 = decodeMvt(new Uint8Array(await before.arrayBuffer()));
    await node.ctx.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE ${layerTableSql(layer)} SET nama = 'KOTA TANGERANG (DIUBAH)',
           geom = CASE WHEN GeometryType(geom) LIKE 'MULTI%' THEN ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint($1, $2), 4326), 0.01)) ELSE ST_Buffer(ST_SetSRID(ST_MakePoint($1, $2), 4326), 0.01) END`,
        [CITY.lon, CITY.lat],
      );
      await touchLayerData(tx, layer);
    });
    await node.ctx.catalogue.reload();
    const after = await fetch(u);
    expect(after.headers.get('etag')).to.not.equal(etag1);
    const d2 = decodeMvt(new Uint8Array(await after.arrayBuffer()));
    expect(d2['bappeda:batas_kota'][0].properties.nama).to.equal('KOTA TANGERANG (DIUBAH)');
    expect(d2['bappeda:batas_kota'][0].bbox).to.not.deep.equal(d1['bappeda:batas_kota'][0].bbox);
  });

  it('PostGIS ST_AsMVT and the JS encoder give the same features and attributes (within a pixel)', async function () {
    if (node.ctx.db.kind !== 'postgis') this.skip();
    const names = [
      'bappeda:batas_kelurahan',
      'dpupr:jalan',
      'dindik:sekolah',
      'dinkes:fasilitas_kesehatan',
      'dpupr:penggunaan_lahan',
    ];
    const layers = names.map((n) => node.ctx.catalogue.unguardedGet(n)!);
    for (const t of [
      tileOf(CITY.lon, CITY.lat, 12),
      tileOf(CITY.lon, CITY.lat, 14),
      tileOf(CITY.lon + 0.05, CITY.lat - 0.03, 15),
    ]) {
      const box = { bounds: tileBounds(WEB_MERCATOR.matrices[t.z], t.x, t.y), srid: 3857 };
      const a = decodeMvt(await postgisMvt(node.ctx.db, layers, box));
      const b = decodeMvt(await embeddedTile(node.ctx.db, layers, box));
      expect(Object.keys(b).sort()).to.deep.equal(Object.keys(a).sort());
      for (const name of Object.keys(a)) {
        const byId = new Map(b[name].map((f) => [f.id, f]));
        expect(b[name].length, name).to.equal(a[name].length);
        for (const fa of a[name]) {
          const fb = byId.get(fa.id)!;
          expect(fb, `${name} ${fa.id}`).to.exist;
          expect(fb.type).to.equal(fa.type);
          expect(fb.properties).to.deep.equal(fa.properties);
          // Within a pixel of a 256 px tile (16 of 4096 units): clipping and simplifying order differ slightly.
          for (let i = 0; i < 4; i++)
            expect(Math.abs(fb.bbox[i] - fa.bbox[i]), `${name} ${fa.id} bbox`).to.be.at.most(16);
        }
      }
    }
  });
});

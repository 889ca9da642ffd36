import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testNode, get, type TestNode } from '../support/context.js';
import { addMultiLayers, MULTI_LAYERS } from './multi-layers.js';
import { validateWithDft, WFS_SCHEMAS } from './validate.js';

const run = async (cmd: string, args: string[]) =>
  (await promisify(execFile)(cmd, args, { encoding: 'utf8', timeout: 90_000, maxBuffer: 16 * 1024 * 1024 })).stdout;

/** Multi geometries: DescribeFeatureType says MultiSurface/MultiCurve (or GML 2's MultiPolygon/
 *  MultiLineString) restricted to MultiPolygon/MultiLineString, the GML carries MultiSurface of
 *  Polygons and MultiCurve of LineStrings with unique gml:ids, and GDAL reads Multi Polygon and
 *  Multi Line String layers. */
describe('WFS: geometry types of multi-geometry layers', () => {
  let node: TestNode;
  let wfs: string;
  before(async () => {
    node = await testNode({ serve: true });
    await addMultiLayers(node);
    wfs = `${node.url}/wfs`;
  });
  after(async () => node.stop());

  const dft = async (v: string, t: string) =>
    (await get(`${wfs}?service=WFS&version=${v}&request=DescribeFeatureType&typeName=${t}`)).body;
  const features = async (v: string, t: string) =>
    get(`${wfs}?service=WFS&version=${v}&request=GetFeature&${v === '2.0.0' ? `typeNames=${t}` : `typeName=${t}`}`);

  it('DescribeFeatureType advertises the type that matches the stored geometry', async () => {
    const want: Record<string, [string, string]> = {
      '2.0.0': [
        'gml:MultiSurfacePropertyType" minOccurs="0" maxOccurs="1" nillable="true"/><!-- restricted to MultiPolygon -->',
        'gml:MultiCurvePropertyType" minOccurs="0" maxOccurs="1" nillable="true"/><!-- restricted to MultiLineString -->',
      ],
      '1.1.0': [
        'gml:MultiSurfacePropertyType" minOccurs="0" maxOccurs="1" nillable="true"/><!-- restricted to MultiPolygon -->',
        'gml:MultiCurvePropertyType" minOccurs="0" maxOccurs="1" nillable="true"/><!-- restricted to MultiLineString -->',
      ],
      '1.0.0': ['gml:MultiPolygonPropertyType"', 'gml:MultiLineStringPropertyType"'],
    };
    for (const [v, [poly, line]] of Object.entries(want)) {
      expect(await dft(v, MULTI_LAYERS.polygons), v).to.include(`<xsd:element name="geom" type="${poly}`);
      expect(await dft(v, MULTI_LAYERS.lines), v).to.include(`<xsd:element name="geom" type="${line}`);
    }
  });

  it('GML 3.2 and 3.1.1 carry MultiSurface of Polygons and MultiCurve of LineStrings, valid against wfs.xsd plus the DescribeFeatureType schema', async () => {
    for (const [v, s] of Object.entries(WFS_SCHEMAS)) {
      for (const t of [MULTI_LAYERS.polygons, MULTI_LAYERS.lines]) {
        const doc = await features(v, t);
        expect(doc.status, doc.body).to.equal(200);
        expect(doc.body, `${v} ${t}`).to.match(
          t === MULTI_LAYERS.polygons
            ? /<gml:MultiSurface [^>]*><gml:surfaceMember><gml:Polygon[ >]/
            : /<gml:MultiCurve [^>]*><gml:curveMember><gml:LineString[ >]/,
        );
        expect(doc.body, `${v} ${t}`).not.to.match(/<gml:(Surface|PolygonPatch|Curve|LineStringSegment)\b/);
        expect(validateWithDft(doc.body, await dft(v, t), 'dpupr', s.xsd, s.ns), `${v} ${t}`).to.equal('');
        if (v === '2.0.0') {
          const ids = [...doc.body.matchAll(/gml:id="([^"]+)"/g)].map((m) => m[1]);
          expect(new Set(ids).size, `${t} gml:ids are unique`).to.equal(ids.length);
        }
      }
    }
    const gml2 = await features('1.0.0', MULTI_LAYERS.polygons);
    expect(gml2.body).to.match(/<gml:MultiPolygon [^>]*><gml:polygonMember><gml:Polygon>/);
  });

  it('GDAL lists Multi Polygon and Multi Line String layers and reads their parts, in every version', async () => {
    for (const v of ['2.0.0', '1.1.0', '1.0.0']) {
      const layers = await run('ogrinfo', ['-ro', '-so', `WFS:${wfs}?version=${v}`]);
      expect(layers, v).to.include(`${MULTI_LAYERS.polygons} (title: persil_multi) (Multi Polygon)`);
      expect(layers, v).to.include(`${MULTI_LAYERS.lines} (title: jalan_multi) (Multi Line String)`);
      expect(layers, v).not.to.match(/Curve|Surface/);
      const polys = JSON.parse(
        await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `WFS:${wfs}?version=${v}`, MULTI_LAYERS.polygons]),
      );
      expect(
        polys.features.map((f: any) => f.geometry.type),
        v,
      ).to.deep.equal(['MultiPolygon', 'MultiPolygon']);
      const a = polys.features.find((f: any) => f.properties.nama === 'Persil A');
      expect(a.geometry.coordinates.length, v).to.equal(2);
      expect(a.geometry.coordinates[0].length, `${v}: the hole`).to.equal(2);
      // Axis order unchanged: longitude first in GeoJSON whatever the WFS version wrote.
      expect(a.geometry.coordinates[0][0][0], v).to.deep.equal([106.6, -6.2]);
      const lines = JSON.parse(
        await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `WFS:${wfs}?version=${v}`, MULTI_LAYERS.lines]),
      );
      expect(
        lines.features.map((f: any) => f.geometry.type),
        v,
      ).to.deep.equal(['MultiLineString', 'MultiLineString']);
      expect(lines.features.find((f: any) => f.properties.nama === 'Jalan A').geometry.coordinates[1], v).to.deep.equal(
        [
          [106.63, -6.18],
          [106.64, -6.17],
          [106.65, -6.17],
        ],
      );
    }
  });
});

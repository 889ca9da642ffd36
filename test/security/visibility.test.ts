/** The one security model, seen from outside: for every read path that exists, a layer the
 *  caller may not see is absent — not listed, and "not found" when asked for by name. */
import { expect } from 'chai';
import { addUser, issueToken } from '../../data/users.js';
import { testNode, get, type TestNode } from '../support/context.js';

const PRIVATE = 'dinsos:penerima_bantuan';
const GOVERNMENT = 'bpkad:aset_tanah';

/** Paths that list layers or records: a hidden layer's name and id must not appear. */
const LISTINGS = [
  '/',
  '/api/layers',
  '/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=2.0.0',
  '/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=1.1.0',
  '/ows?SERVICE=WFS&REQUEST=GetCapabilities',
  '/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0',
  '/wmts?SERVICE=WMTS&REQUEST=GetCapabilities',
  '/csw?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&elementSetName=full&maxRecords=100',
  '/ogcapi/collections',
  '/ogcapi/collections/metadata/items?limit=100',
];

/** Paths that name one layer: must answer "not found" (an HTTP error or an OGC exception). */
const DIRECT = [
  '/api/layers/{name}',
  '/wfs?SERVICE=WFS&REQUEST=GetFeature&VERSION=2.0.0&TYPENAMES={name}&COUNT=1',
  '/wfs?SERVICE=WFS&REQUEST=DescribeFeatureType&VERSION=2.0.0&TYPENAMES={name}',
  '/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS={name}&STYLES=&CRS=EPSG:4326&BBOX=-6.3,106.5,-6.1,106.8&WIDTH=64&HEIGHT=64&FORMAT=image/png',
  '/ogcapi/collections/{name}',
  '/ogcapi/collections/{name}/items?limit=1',
  '/tiles/{name}/12/3263/2119.pbf',
  '/csw?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=http://www.isotc211.org/2005/gmd&id={id}',
  '/ogcapi/collections/metadata/items/{id}',
  '/api/layers/{name}/metadata',
];

describe('security: hidden layers are absent on every path', () => {
  let node: TestNode;
  let owner: string;
  let other: string;
  const ids: Record<string, string> = {};
  before(async () => {
    node = await testNode({ serve: true });
    await addUser(node.ctx.db, { username: 'dinsos.vis', role: 'produsen', organisation: 'dinsos' });
    await addUser(node.ctx.db, { username: 'dlh.vis', role: 'produsen', organisation: 'dlh' });
    owner = await issueToken(node.ctx.db, 'dinsos.vis');
    other = await issueToken(node.ctx.db, 'dlh.vis');
    for (const n of [PRIVATE, GOVERNMENT]) ids[n] = node.ctx.catalogue.unguardedGet(n)!.id;
  });
  after(async () => node.stop());

  const fetchAs = (path: string, token?: string) =>
    get(`${node.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const fill = (p: string, name: string) => p.replace('{name}', encodeURIComponent(name)).replace('{id}', ids[name]);

  for (const path of LISTINGS) {
    it(`anonymous: ${path.split('?')[0]} ${path.includes('REQUEST') ? path.split('REQUEST=')[1].split('&')[0] : ''} lists neither the PRIVATE nor the GOVERNMENT layer`, async () => {
      const r = await fetchAs(path);
      // A listing that fails proves nothing about what it would list.
      expect(r.status, `${r.status} ${r.body.slice(0, 200)}`).to.equal(200);
      for (const n of [PRIVATE, GOVERNMENT]) {
        expect(r.body, path).to.not.contain(n);
        expect(r.body, path).to.not.contain(ids[n]);
      }
    });
  }

  for (const path of DIRECT) {
    for (const hidden of [PRIVATE, GOVERNMENT]) {
      it(`anonymous: ${path.split('?')[0]} for ${hidden} is not found`, async () => {
        const r = await fetchAs(fill(path, hidden));
        // "Not found" must come from the layer check, not from a service that answers nothing.
        expect(r.body, path).to.not.match(/not available/i);
        // CSW answers an unknown id with an empty response (CSW 2.0.2); everything else with 404/400
        // (an OGC exception where the protocol has one).
        const emptyCsw = path.startsWith('/csw') && r.status === 200 && !r.body.includes('MD_Metadata>');
        const notFound =
          r.status === 404 ||
          ((r.status === 400 || r.status === 200) && /ExceptionReport|ServiceException|LayerNotDefined/.test(r.body));
        expect(emptyCsw || notFound, `${r.status} ${r.body.slice(0, 200)}`).to.equal(true);
        expect(r.status).to.not.equal(403);
        expect(r.status).to.not.equal(500);
      });
    }
  }

  it('another organisation sees the GOVERNMENT layer but not the PRIVATE one; the owner sees its PRIVATE layer', async () => {
    const asOther = await fetchAs('/api/layers', other);
    expect(asOther.body).to.contain(GOVERNMENT);
    expect(asOther.body).to.not.contain(PRIVATE);
    const asOwner = await fetchAs('/api/layers', owner);
    expect(asOwner.body).to.contain(PRIVATE);
    const wfs = await fetchAs('/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=2.0.0', owner);
    expect(wfs.body).to.contain('penerima_bantuan');
  });
});

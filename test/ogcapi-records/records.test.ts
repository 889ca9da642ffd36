import { expect } from 'chai';
import { testNode, get, type TestNode } from '../support/context.js';

describe('OGC API Records and OpenSearch', () => {
  let node: TestNode;
  let items: string;
  before(async () => {
    node = await testNode({ serve: true });
    items = `${node.url}/ogcapi/collections/metadata/items`;
  });
  after(async () => node.stop());
  const json = async (u: string) => {
    const r = await get(u);
    return { status: r.status, type: r.type, body: JSON.parse(r.body) };
  };

  it('describes the collection and pages through every visible record exactly once', async () => {
    const c = await json(`${node.url}/ogcapi/collections/metadata`);
    expect(c.body.itemType).to.equal('record');
    const seen: string[] = [];
    let url: string | undefined = `${items}?limit=3`;
    let matched = 0;
    while (url) {
      const r = await json(url);
      expect(r.type).to.contain('application/geo+json');
      matched = r.body.numberMatched;
      expect(r.body.numberReturned).to.equal(r.body.features.length);
      seen.push(...r.body.features.map((f: any) => f.id));
      url = r.body.links.find((l: any) => l.rel === 'next')?.href;
    }
    expect(seen.length).to.equal(matched);
    expect(new Set(seen).size).to.equal(seen.length);
    const hidden = node.ctx.catalogue.unguardedGet('dinsos:penerima_bantuan')!.id;
    expect(seen).to.not.include(hidden);
    expect((await get(`${items}/${hidden}`)).status).to.equal(404);
  });

  it('searches by text, bbox, facet and CQL filter, and counts facets', async () => {
    const q = await json(`${items}?q=kelurahan`);
    expect(q.body.features.map((f: any) => f.properties.title)).to.include('Batas Kelurahan Kota Tangerang');
    const far = await json(`${items}?bbox=107.5,-7.0,107.7,-6.8`);
    expect(far.body.numberMatched).to.equal(0);
    const city = await json(`${items}?bbox=106.6,-6.2,106.65,-6.15`);
    expect(city.body.numberMatched).to.equal(11);
    const org = await json(`${items}?organisation=dpupr&limit=50`);
    expect(org.body.features.every((f: any) => f.properties.organisation === 'dpupr')).to.equal(true);
    expect(org.body.numberMatched).to.equal(3);
    const cql = await json(`${items}?filter=${encodeURIComponent("TopicCategory = 'health'")}`);
    expect(cql.body.features.map((f: any) => f.properties.title)).to.deep.equal(['Fasilitas Kesehatan Kota Tangerang']);
    const f = await json(`${items}?facets=true`);
    expect(f.body.facets.organisation.bappeda).to.equal(3);
    expect((await get(`${items}?bbox=1,2,3`)).status).to.equal(400);
    expect((await get(`${items}?filter=${encodeURIComponent('Nope = 1')}`)).status).to.equal(400);
    expect((await get(`${items}?limit=abc`)).status).to.equal(400);
  });

  it('answers bad queries and missing records with RFC 9457 problem details', async () => {
    const bad = await get(`${items}?bbox=1,2,3`);
    expect(bad.status).to.equal(400);
    expect(bad.type).to.contain('application/problem+json');
    expect(JSON.parse(bad.body)).to.deep.equal({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'bbox must be minLon,minLat,maxLon,maxLat',
      code: 'InvalidParameterValue',
      locator: 'bbox',
    });
    const lang = JSON.parse((await get(`${items}?filter=x&filter-lang=cql2-json`)).body);
    expect([lang.status, lang.code, lang.locator]).to.deep.equal([400, 'InvalidParameterValue', 'filter-lang']);
    const missing = await get(`${items}/no-such-record`);
    expect(missing.status).to.equal(404);
    expect(JSON.parse(missing.body)).to.include({
      status: 404,
      title: 'Not Found',
      code: 'NotFound',
      detail: 'No record no-such-record',
    });
  });

  it('lists its queryables as JSON Schema, and a filter on them works', async () => {
    const c = await json(`${node.url}/ogcapi/collections/metadata`);
    const href = c.body.links.find((l: any) => l.rel === 'http://www.opengis.net/def/rel/ogc/1.0/queryables').href;
    const q = await json(href);
    expect(q.type).to.contain('application/schema+json');
    expect(q.body.$id).to.equal(href);
    expect(q.body.properties.Title).to.deep.equal({ title: 'Title', type: 'string' });
    expect(q.body.properties.Modified).to.deep.equal({ title: 'Modified', type: 'string', format: 'date-time' });
    expect(q.body.properties.BoundingBox.format).to.equal('geometry-polygon');
    const r = await json(`${items}?filter=${encodeURIComponent("Title = 'Sekolah di Kota Tangerang'")}`);
    expect(r.body.numberMatched).to.equal(1);
  });

  it('gives each record OGC service links and a JSON-LD (DCAT) form', async () => {
    const id = node.ctx.catalogue.unguardedGet('dindik:sekolah')!.id;
    const r = await json(`${items}/${id}`);
    const protocols = r.body.links.map((l: any) => l['ogc:protocol']).filter(Boolean);
    expect(protocols).to.include.members(['OGC:WMS', 'OGC:WFS', 'OGC:API - Features', 'WWW:DOWNLOAD']);
    const ld = await json(`${items}/${id}?f=jsonld`);
    expect(ld.body['@type']).to.equal('dcat:Dataset');
    expect(ld.body['dct:identifier']).to.equal(id);
  });

  it('publishes an OpenSearch description whose template works', async () => {
    const d = await get(`${node.url}/ogcapi/collections/metadata/opensearch.xml`);
    expect(d.type).to.contain('opensearchdescription');
    const template = /template="([^"]+application[^"]*|[^"]+)"/.exec(d.body)![1].replace(/&amp;/g, '&');
    const url = template.replace('{searchTerms?}', 'sekolah').replace(/\{[^}]+\}/g, '');
    const r = await json(url);
    expect(r.body.numberMatched).to.be.greaterThan(0);
  });
});

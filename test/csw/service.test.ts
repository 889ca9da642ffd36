import { expect } from 'chai';
import { testNode, type TestNode } from '../support/context.js';
import { RecordIndex } from '../../data/metadata/record-index.js';
import { OgcError } from '../../data/errors.js';
import type { ServiceRequest } from '../../data/reply.js';
import { createCswService } from '../../ogc/csw/service.js';
import { cswExceptionReply } from '../../ogc/csw/exceptions.js';
import { createRecordsService } from '../../ogc/records/service.js';
import { recordsProblemReply } from '../../ogc/records/problem.js';

/** The catalogue services as plain functions: a ServiceRequest in, a Reply out, no HTTP. */
describe('CSW and OGC API Records services without HTTP', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode();
  });
  after(async () => node.stop());

  const request = (query: ServiceRequest['query'], body?: string): ServiceRequest => ({
    method: body ? 'POST' : 'GET',
    path: '',
    query,
    body,
    headers: {},
    principal: { kind: 'anonymous' },
    baseUrl: 'https://simpul.example',
  });

  it('answers CSW KVP and POST XML with XML replies, and throws OgcError for bad requests', () => {
    const csw = createCswService({
      records: new RecordIndex(node.ctx.catalogue, node.ctx.config.site),
      log: node.ctx.log,
      config: node.ctx.config,
    });
    const caps = csw.handle(request({ service: 'CSW', request: 'GetCapabilities' }));
    expect(caps.status).to.equal(200);
    expect(caps.headers['content-type']).to.equal('application/xml; charset=utf-8');
    expect(caps.body).to.contain('https://simpul.example/csw');
    const hits = csw.handle(
      request(
        {},
        '<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2" resultType="hits"><csw:Query typeNames="csw:Record"/></csw:GetRecords>',
      ),
    );
    expect(hits.body).to.match(/numberOfRecordsMatched="11"[^>]*nextRecord="1"/);
    let thrown: unknown;
    try {
      csw.handle(request({ service: 'CSW', version: '2.0.2', request: 'GetRecords', maxRecords: '-1' }));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).to.be.instanceOf(OgcError);
    const report = cswExceptionReply(thrown);
    expect(report.status).to.equal(400);
    expect(report.body).to.contain('exceptionCode="InvalidParameterValue" locator="maxRecords"');
    expect(cswExceptionReply(new Error('internals')).body).to.not.contain('internals');
  });

  it('answers Records items and items/{id}, and a missing record is a NotFound problem', () => {
    const records = createRecordsService({
      records: new RecordIndex(node.ctx.catalogue, node.ctx.config.site),
      config: node.ctx.config,
    });
    const page = records.items(request({ limit: '2', organisation: 'dpupr' }));
    const fc = JSON.parse(page.body as string);
    expect([fc.numberMatched, fc.numberReturned]).to.deep.equal([3, 2]);
    expect(fc.links.find((l: any) => l.rel === 'next').href).to.equal(
      'https://simpul.example/ogcapi/collections/metadata/items?limit=2&organisation=dpupr&offset=2',
    );
    expect(() => records.item(request({}), 'nope')).to.throw(OgcError);
    const problem = recordsProblemReply(new OgcError('NotFound', 'No record nope', 'id'));
    expect(problem.status).to.equal(404);
    expect(problem.headers['content-type']).to.contain('application/problem+json');
  });
});

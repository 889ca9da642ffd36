import { expect } from 'chai';
import { testNode, type TestNode } from '../support/context.js';
import { createWmsService, type WmsService } from '../../ogc/wms/service.js';
import { ANONYMOUS } from '../../data/access.js';
import type { ServiceRequest } from '../../data/reply.js';

const BOX = 'CRS=EPSG:4326&BBOX=-6.3,106.55,-6.1,106.75';

/** A request as server/ would build it, from a query string. */
function request(query: string, headers: Record<string, string> = {}): ServiceRequest {
  return {
    method: 'GET',
    path: '',
    query: Object.fromEntries(new URLSearchParams(query)),
    headers,
    principal: ANONYMOUS,
    baseUrl: 'http://simpul.test',
  };
}

const text = (body: unknown) => (typeof body === 'string' ? body : Buffer.from(body as Uint8Array).toString());

describe('WMS service without HTTP (ServiceRequest → Reply)', () => {
  let node: TestNode;
  let wms: WmsService;
  before(async () => {
    node = await testNode();
    wms = createWmsService(node.ctx);
  });
  after(async () => {
    wms.close();
    await node.stop();
  });

  it('answers capabilities with an ETag, 304 for it, and narrows to an organisation', async () => {
    const caps = await wms.handle(request('SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0'));
    expect(caps.status).to.equal(200);
    expect(caps.headers['content-type']).to.equal('text/xml; charset=utf-8');
    expect(caps.headers['cache-control']).to.equal('no-cache');
    expect(caps.gzip).to.be.instanceOf(Uint8Array);
    expect(text(caps.body)).to.include('<Name>dpupr:jalan</Name>').and.include('http://simpul.test/wms?');
    const again = await wms.handle(
      request('SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0', { 'if-none-match': caps.headers.etag }),
    );
    expect(again.status).to.equal(304);
    const org = await wms.handle(request('SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1'), 'dindik');
    expect(org.headers['content-type']).to.equal('application/vnd.ogc.wms_xml; charset=utf-8');
    expect(text(org.body)).to.include('http://simpul.test/wms/dindik?').and.not.include('dpupr:jalan');
    const none = await wms.handle(request('SERVICE=WMS&REQUEST=GetCapabilities'), 'nobody');
    expect(text(none.body)).to.include('No organisation nobody');
  });

  it('draws a map and says who may cache it', async () => {
    const map = await wms.handle(
      request(
        `SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:jalan&STYLES=&${BOX}&WIDTH=64&HEIGHT=64&FORMAT=image/png`,
      ),
    );
    expect(map.status).to.equal(200);
    expect(map.headers['content-type']).to.equal('image/png');
    expect(map.headers['cache-control']).to.equal('public, no-cache');
    expect(map.headers.vary).to.equal('Authorization');
    expect(
      Buffer.from(map.body as Uint8Array)
        .subarray(1, 4)
        .toString(),
    ).to.equal('PNG');
  });

  it("answers errors as the version's report, and as an image with EXCEPTIONS=INIMAGE", async () => {
    const bad = await wms.handle(
      request(
        'SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=nope:nothing&STYLES=&SRS=EPSG:4326&BBOX=0,0,1,1&WIDTH=8&HEIGHT=8&FORMAT=image/png',
      ),
    );
    expect(bad.status).to.equal(200);
    expect(bad.headers['content-type']).to.equal('application/vnd.ogc.se_xml; charset=utf-8');
    expect(text(bad.body)).to.include('code="LayerNotDefined"');
    const image = await wms.handle(
      request(
        `SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nope:nothing&STYLES=&${BOX}&WIDTH=32&HEIGHT=16&FORMAT=image/jpeg&EXCEPTIONS=INIMAGE`,
      ),
    );
    expect(image.status).to.equal(200);
    expect(image.headers['content-type']).to.equal('image/jpeg');
    const missing = await wms.handle(request('SERVICE=WMS'));
    expect(text(missing.body)).to.include('code="MissingParameterValue"');
    const unknown = await wms.handle(request('SERVICE=WMS&REQUEST=toString'));
    expect(text(unknown.body)).to.include('code="OperationNotSupported"');
  });
});

describe('WMS over HTTP with CORS for one origin', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode({ serve: true, config: { corsOrigins: ['https://peta.example'] } });
  });
  after(async () => node.stop());

  it('keeps Vary: Origin beside Vary: Authorization', async () => {
    const r = await fetch(
      `${node.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dpupr:jalan&STYLES=&${BOX}&WIDTH=32&HEIGHT=32&FORMAT=image/png`,
      { headers: { origin: 'https://peta.example' } },
    );
    expect(r.status).to.equal(200);
    expect(r.headers.get('access-control-allow-origin')).to.equal('https://peta.example');
    expect(r.headers.get('vary'))
      .to.match(/\bOrigin\b/)
      .and.match(/\bAuthorization\b/);
  });
});

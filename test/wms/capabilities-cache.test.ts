import { expect } from 'chai';
import { testNode, type TestNode } from '../support/context.js';
import { CapabilitiesCache } from '../../ogc/wms/capabilities-cache.js';
import { ANONYMOUS } from '../../data/access.js';
import { putStyle } from '../../data/styles/store.js';

/** 'ready' when the promise has already settled (its callbacks run before setImmediate). */
const state = (p: Promise<unknown>) =>
  Promise.race([p.then(() => 'ready'), new Promise((r) => setImmediate(() => r('pending')))]);

describe('WMS capabilities cache (made at publish time, not per request)', () => {
  let node: TestNode;
  let caps: CapabilitiesCache;
  before(async () => {
    node = await testNode();
    caps = new CapabilitiesCache(node.ctx);
  });
  after(async () => {
    caps.close();
    await node.stop();
  });

  it('makes a document once, and again in the background after a style changes', async () => {
    const spec = { version: '1.3.0' as const, principal: ANONYMOUS, url: 'http://simpul.test/wms' };
    const first = await caps.doc(spec);
    expect(await state(caps.doc(spec))).to.equal('ready');
    expect(await caps.doc(spec)).to.equal(first);

    const layer = node.ctx.catalogue.unguardedGet('dpupr:jalan')!;
    const sld =
      '<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"><NamedLayer><Name>dpupr:jalan</Name><UserStyle><Name>kelas_jalan</Name><FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>';
    await putStyle(node.ctx.db, layer, { name: 'kelas_jalan', title: 'Kelas jalan', sld, isDefault: false });
    await node.ctx.catalogue.reload();
    await new Promise((r) => setTimeout(r, 1500));
    const after = caps.doc(spec, false);
    expect(await state(after)).to.equal('ready');
    const doc = await after;
    expect(doc.etag).not.to.equal(first.etag);
    expect(doc.body.toString()).to.include('<Name>kelas_jalan</Name>');
  });
});

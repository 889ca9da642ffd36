import { expect } from 'chai';
import { classBreaks, distinctValues, isNumeric } from '../../data/styles/attribute-classes.js';
import { testNode, type TestNode } from '../support/context.js';

describe('style editor data: distinct values and class breaks of an attribute', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode();
  });
  after(async () => node.stop());

  it('lists capped distinct values, reads breaks of a numeric attribute, and refuses unknown or non-numeric ones', async () => {
    const layer = node.ctx.catalogue.unguardedGet('dinkes:fasilitas_kesehatan')!;
    const text = layer.attributes.find((a) => a.type === 'string')!;
    const num = layer.attributes.find(isNumeric);
    const values = await distinctValues(node.ctx.db, layer, text.name, 3);
    expect(values.length).to.be.within(1, 3);
    if (num) {
      const eq = await classBreaks(node.ctx.db, layer, num.name, 4, 'equal');
      const q = await classBreaks(node.ctx.db, layer, num.name, 4, 'quantile');
      for (const b of [eq, q]) expect([...b].sort((x, y) => x - y)).to.deep.equal(b);
      expect(eq[0]).to.equal(q[0]);
      expect(eq.at(-1)).to.equal(q.at(-1));
    }
    let err: any;
    await distinctValues(node.ctx.db, layer, 'x"; DROP TABLE y; --').catch((e) => (err = e));
    expect(err?.message).to.match(/has no attribute/);
    err = undefined;
    await classBreaks(node.ctx.db, layer, text.name, 4, 'equal').catch((e) => (err = e));
    expect(err?.message).to.match(/not numeric/);
  });
});

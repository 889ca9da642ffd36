import { expect } from 'chai';
import { schemaDiff, versionTable } from '../../data/layers/versions.js';
import { quoteIdent } from '../../data/catalogue/layer.js';

describe('layer versions (data/layers/versions.ts)', () => {
  it('tells added, removed and retyped attributes and a new geometry type, in the new order', () => {
    const from = {
      geometryType: 'Point' as const,
      attributes: [
        { name: 'a', type: 'string' as const },
        { name: 'b', type: 'integer' as const },
        { name: 'c', type: 'date' as const },
      ],
    };
    const to = {
      geometryType: 'MultiPoint' as const,
      attributes: [
        { name: 'd', type: 'number' as const },
        { name: 'b', type: 'string' as const },
        { name: 'a', type: 'string' as const },
      ],
    };
    expect(schemaDiff(from, to)).to.deep.equal({
      added: [{ name: 'd', type: 'number' }],
      removed: [{ name: 'c', type: 'date' }],
      retyped: [{ name: 'b', from: 'integer', to: 'string' }],
      geometryType: { from: 'Point', to: 'MultiPoint' },
      unchanged: false,
    });
    expect(schemaDiff(from, from)).to.deep.equal({
      added: [],
      removed: [],
      retyped: [],
      geometryType: null,
      unchanged: true,
    });
  });

  it("names a version's table by the layer's UUID, a safe identifier whatever the layer is called", () => {
    const t = versionTable('0F8FAD5B-D9CB-469F-A165-70867728950E', 2_147_483_647);
    expect(t).to.deep.equal({ schema: 'simpul_version', table: 'l0f8fad5bd9cb469fa16570867728950e_v2147483647' });
    expect(() => quoteIdent(t.table)).to.not.throw();
  });
});

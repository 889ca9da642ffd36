import { expect } from 'chai';
import { XMLParser } from 'fast-xml-parser';
import { matchingRules } from '../../styles/render/draw.js';
import { paletteColours, simpleSymbologySld } from '../../styles/simple-symbology.js';
import { styleFromSld } from '../../styles/sld.js';
import { styleProperties } from '../../styles/model.js';
import { parseFesFilter } from '../../data/query/fes.js';

const colourOf = (r: { symbolizers: any[] }) => r.symbolizers[0].fill?.color ?? r.symbolizers[0].stroke?.color;

describe('Simple symbology → SLD 1.1 / SE 1.1', () => {
  it('writes one rule for a single colour, read back by the same SLD reader as the PUT API', () => {
    const sld = simpleSymbologySld({
      layer: 'desa',
      geometry: 'polygon',
      kind: 'single',
      colour: '#ff0000',
      strokeWidth: 1,
    });
    expect(sld).to.match(/^<\?xml[^>]*>\n<StyledLayerDescriptor version="1\.1\.0"/);
    const style = styleFromSld(sld);
    expect(style.rules).to.have.length(1);
    expect(style.rules[0].symbolizers[0].kind).to.equal('polygon');
    expect(JSON.stringify(style.rules[0])).to.include('#ff0000');
  });

  it('writes one rule per category, an escaped literal each, and labels by an attribute', () => {
    const sld = simpleSymbologySld({
      layer: 'jalan',
      geometry: 'line',
      kind: 'categories',
      attribute: 'kelas',
      values: ['arteri', 'lokal', 'gang & <x>'],
      palette: 'kategori',
      strokeWidth: 2,
      label: 'nama',
    });
    new XMLParser().parse(sld); // well-formed despite the & and < in a value
    const style = styleFromSld(sld);
    expect(sld).to.include('gang &amp; &lt;x&gt;');
    // The reader decodes the predefined entities: the value with & and < draws its own class.
    expect(style.rules.map((r) => r.title).slice(0, 3)).to.deep.equal(['arteri', 'lokal', 'gang & <x>']);
    expect(matchingRules(style.rules, { kelas: 'gang & <x>' }).map((r) => r.name)).to.deep.equal(['r3', 'label']);
    expect([...styleProperties(style)].sort()).to.deep.equal(['kelas', 'nama']);
    const hit = matchingRules(style.rules, { kelas: 'lokal', nama: 'x' });
    expect(hit.map((r) => r.name)).to.deep.equal(['r2', 'label']);
  });

  it('puts every value of a graduated attribute in exactly one class, the top edge in the last', () => {
    const sld = simpleSymbologySld({
      layer: 'desa',
      geometry: 'point',
      kind: 'graduated',
      attribute: 'penduduk',
      breaks: [0, 10, 20, 30],
      palette: 'biru',
      strokeWidth: 1,
    });
    const style = styleFromSld(sld);
    expect(style.rules).to.have.length(3);
    for (const [v, rule] of [
      [0, 'r1'],
      [9.9, 'r1'],
      [10, 'r2'],
      [29, 'r3'],
      [30, 'r3'],
    ] as const)
      expect(
        matchingRules(style.rules, { penduduk: v }).map((r) => r.name),
        String(v),
      ).to.deep.equal([rule]);
    expect(matchingRules(style.rules, { penduduk: 31 })).to.deep.equal([]);
    expect(style.rules[0].symbolizers[0].kind).to.equal('point');
  });

  it('interpolates a ramp for graduated classes and cycles a palette for categories', () => {
    expect(paletteColours('biru', 3, true)).to.deep.equal(['#eff3ff', '#6baed6', '#08519c']);
    expect(paletteColours('biru', 7, false)[5]).to.equal('#eff3ff');
    expect(
      colourOf(
        styleFromSld(
          simpleSymbologySld({ layer: 'l', geometry: 'line', kind: 'single', colour: '#00ff00', strokeWidth: 3 }),
        ).rules[0],
      ),
    ).to.be.a('string');
  });
});

describe('XML requests: the predefined entities and character references', () => {
  it('are decoded in text and attributes (an FES literal with & and a character reference)', () => {
    const f = parseFesFilter(
      `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo matchCase="true"><fes:ValueReference>guna</fes:ValueReference><fes:Literal>Perdagangan &amp; Jasa &#8211; &lt;1&gt;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`,
    );
    expect(JSON.stringify(f)).to.include('Perdagangan & Jasa \u2013 <1>');
  });
});

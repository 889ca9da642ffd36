import { expect } from 'chai';
import { fold, searchLayers, type SearchQuery } from '../../data/catalogue/search.js';
import type { Layer } from '../../data/catalogue/layer.js';

const layer = (name: string, title: string, extra: Partial<Layer> = {}): Layer => ({
  id: name,
  name,
  organisation: name.split(':')[0],
  localName: name.split(':')[1],
  schema: 's',
  table: 't',
  title,
  abstract: '',
  keywords: [],
  kugiFcode: null,
  geometryType: 'Point',
  nativeSrid: 4326,
  bbox: null,
  featureCount: 1,
  attributes: [],
  accessClass: 'PUBLIC',
  status: 'published',
  createdAt: new Date('2024-01-01'),
  updatedAt: new Date('2024-01-01'),
  publishedAt: null,
  dataVersion: 1,
  styleVersion: 1,
  version: 1,
  metadata: {},
  ...extra,
});

const LAYERS = [
  layer('dindik:sekolah', 'Sekolah di Kota Tangerang', {
    keywords: ['pendidikan'],
    metadata: { topicCategory: 'society' },
    updatedAt: new Date('2025-03-01'),
  }),
  layer('dinkes:posyandu', 'Posyandu', { abstract: 'Pos pelayanan terpadu dekat sekolah', geometryType: 'Point' }),
  layer('dpupr:jalan', 'Jaringan Jalan', {
    geometryType: 'MultiLineString',
    attributes: [{ name: 'nama_jalan', type: 'string' }],
    kugiFcode: 'JALAN',
  }),
  layer('disbudpar:cagar', 'Cagar Budaya Pécinan', {
    keywords: ['Sejarah'],
    accessClass: 'GOVERNMENT',
    metadata: {
      placeKeywords: [
        { name: 'Kota Tangerang', code: '36.71' },
        { name: 'Tangerang', code: '36.71.01' },
        { name: 'Sukarasa', code: '36.71.01.1001' },
        { name: 'Sukaasih', code: '36.71.01.1002' },
      ],
    },
  }),
  // Only a kelurahan: its kecamatan (36.71.02) is taken from the code.
  layer('dinsos:dtks', 'Penerima bantuan', {
    accessClass: 'PRIVATE',
    metadata: { placeKeywords: [{ name: 'Alam Jaya', code: '36.71.02.1001' }, 'not a place' as any] },
  }),
];
const ORGS: Record<string, string> = {
  dindik: 'Dinas Pendidikan',
  dinkes: 'Dinas Kesehatan',
  dpupr: 'Dinas Pekerjaan Umum',
  disbudpar: 'Dinas Kebudayaan',
  dinsos: 'Dinas Sosial',
};
const q = (over: Partial<SearchQuery>): SearchQuery => ({
  q: '',
  filters: {},
  sort: 'relevance',
  page: 1,
  pageSize: 20,
  ...over,
});
const run = (over: Partial<SearchQuery>) =>
  searchLayers(LAYERS, (c) => (ORGS[c] ? ({ code: c, name: ORGS[c] } as any) : undefined), q(over));
const names = (over: Partial<SearchQuery>) => run(over).hits.map((l) => l.name);

describe('catalogue search', () => {
  it('folds case and accents', () => {
    expect(fold('Pécinan  SEKOLAH_dasar')).to.equal('pecinan sekolah dasar');
  });
  it('matches words by prefix in title, abstract, keywords, organisation and attributes; title first', () => {
    expect(names({ q: 'sekol' })).to.deep.equal(['dindik:sekolah', 'dinkes:posyandu']);
    expect(names({ q: 'PECINAN' })).to.deep.equal(['disbudpar:cagar']);
    expect(names({ q: 'pecinán' })).to.deep.equal(['disbudpar:cagar']);
    expect(names({ q: 'kesehatan' })).to.deep.equal(['dinkes:posyandu']);
    expect(names({ q: 'nama_jal' })).to.deep.equal(['dpupr:jalan']);
    expect(names({ q: 'sejarah budaya' })).to.deep.equal(['disbudpar:cagar']);
    expect(names({ q: 'sekolah zzz' })).to.deep.equal([]);
  });
  it('counts facets over the matches, each before its own filter', () => {
    const r = run({ q: 'sekolah', filters: { org: ['dindik'] } });
    expect(r.hits.map((l) => l.name)).to.deep.equal(['dindik:sekolah']);
    expect(r.facets.org.map((v) => [v.value, v.count, v.selected])).to.deep.equal([
      ['dindik', 1, true],
      ['dinkes', 1, false],
    ]);
    expect(r.facets.topic).to.deep.equal([{ value: 'society', count: 1, selected: false }]);
    expect(run({ filters: { geom: ['MultiLineString'] } }).facets.kugi).to.deep.equal([
      { value: 'JALAN', count: 1, selected: false },
    ]);
    expect(run({}).facets.year.map((v) => v.value)).to.deep.equal(['2025', '2024']);
  });
  it('facets kecamatan and kelurahan from the place keywords, with their names', () => {
    const r = run({});
    expect(r.facets.kecamatan.map((v) => [v.value, v.count])).to.deep.equal([
      ['36.71.01', 1],
      ['36.71.02', 1],
    ]);
    expect(r.facets.kelurahan.map((v) => [v.value, v.count])).to.deep.equal([
      ['36.71.01.1001', 1],
      ['36.71.01.1002', 1],
      ['36.71.02.1001', 1],
    ]);
    expect(r.places).to.deep.equal({
      '36.71': 'Kota Tangerang',
      '36.71.01': 'Tangerang',
      '36.71.01.1001': 'Sukarasa',
      '36.71.01.1002': 'Sukaasih',
      '36.71.02.1001': 'Alam Jaya',
    });
    expect(names({ filters: { kecamatan: ['36.71.02'] } })).to.deep.equal(['dinsos:dtks']);
    const k = run({ filters: { kelurahan: ['36.71.01.1002', '36.71.02.1001'] } });
    expect(k.hits.map((l) => l.name)).to.deep.equal(['disbudpar:cagar', 'dinsos:dtks']);
    // The kecamatan counts follow the kelurahan chosen (and the other way round).
    expect(k.facets.kecamatan.map((v) => [v.value, v.count])).to.deep.equal([
      ['36.71.01', 1],
      ['36.71.02', 1],
    ]);
    expect(run({ filters: { kecamatan: ['36.71.01'] } }).facets.kelurahan.map((v) => [v.value, v.count])).to.deep.equal(
      [
        ['36.71.01.1001', 1],
        ['36.71.01.1002', 1],
      ],
    );
  });
  it('facets the access class over the layers given (the caller filters what they may see)', () => {
    expect(run({}).facets.access.map((v) => [v.value, v.count])).to.deep.equal([
      ['PUBLIC', 3],
      ['GOVERNMENT', 1],
      ['PRIVATE', 1],
    ]);
    expect(names({ filters: { access: ['GOVERNMENT', 'PRIVATE'] } })).to.deep.equal(['disbudpar:cagar', 'dinsos:dtks']);
    const pub = searchLayers(
      LAYERS.filter((l) => l.accessClass === 'PUBLIC'),
      () => undefined,
      q({ filters: { access: ['PRIVATE'] } }),
    );
    expect([pub.total, pub.facets.access.map((v) => [v.value, v.count, v.selected])]).to.deep.equal([
      0,
      [
        ['PUBLIC', 3, false],
        ['PRIVATE', 0, true],
      ],
    ]);
  });
  it('sorts by title or date and pages', () => {
    expect(names({ sort: 'title' })).to.deep.equal([
      'disbudpar:cagar',
      'dpupr:jalan',
      'dinsos:dtks',
      'dinkes:posyandu',
      'dindik:sekolah',
    ]);
    expect(names({ sort: 'date' })[0]).to.equal('dindik:sekolah');
    const p = run({ sort: 'title', page: 2, pageSize: 3 });
    expect([p.total, p.page, p.pages, p.hits.length]).to.deep.equal([5, 2, 2, 2]);
    expect(run({ page: 99, pageSize: 3 }).page).to.equal(2);
  });
});

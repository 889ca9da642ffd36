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
  layer('disbudpar:cagar', 'Cagar Budaya Pécinan', { keywords: ['Sejarah'] }),
];
const ORGS: Record<string, string> = {
  dindik: 'Dinas Pendidikan',
  dinkes: 'Dinas Kesehatan',
  dpupr: 'Dinas Pekerjaan Umum',
  disbudpar: 'Dinas Kebudayaan',
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
  it('sorts by title or date and pages', () => {
    expect(names({ sort: 'title' })).to.deep.equal([
      'disbudpar:cagar',
      'dpupr:jalan',
      'dinkes:posyandu',
      'dindik:sekolah',
    ]);
    expect(names({ sort: 'date' })[0]).to.equal('dindik:sekolah');
    const p = run({ sort: 'title', page: 2, pageSize: 3 });
    expect([p.total, p.page, p.pages, p.hits.length]).to.deep.equal([4, 2, 2, 1]);
    expect(run({ page: 99, pageSize: 3 }).page).to.equal(2);
  });
});

/** Catalogue records through the one evaluator (ogc/csw/evaluate.ts): queryables as
 *  properties, the bounding box as geometry, the identifier as id, LIKE on AnyText without case. */
import { expect } from 'chai';
import { parseCql2Text } from '../../data/query/cql2.js';
import { parseFesFilter } from '../../data/query/fes.js';
import { OgcError } from '../../data/errors.js';
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import { compileRecordFilter } from '../../ogc/csw/evaluate.js';
import { foldText } from '../../data/query/like.js';

const entry = (
  id: string,
  title: string,
  keywords: string[],
  bbox: number[] | null,
  dateStamp: string,
): IndexedRecord =>
  ({
    record: { id, title, keywords, bbox, dateStamp: new Date(dateStamp), pointOfContact: {} },
    layer: null,
    anyText: title.toLowerCase(),
    anyTextFolded: foldText(title.toLowerCase()),
    encoded: new Map(),
  }) as unknown as IndexedRecord;

const RECORDS = [
  entry('a', 'Jalan Kota', ['jalan', 'transportasi'], [106.6, -6.2, 106.7, -6.1], '2024-03-01T08:00:00Z'),
  entry('b', 'Sekolah', ['pendidikan'], [106.7, -6.3, 106.8, -6.25], '2023-12-31T23:00:00Z'),
  entry('c', 'Titik Ukur', [], [106.65, -6.15, 106.65, -6.15], '2024-03-01T00:00:00Z'),
  entry('d', 'Tanpa Batas', [], null, '2022-01-01T00:00:00Z'),
];
const hits = (cql: string) => RECORDS.filter(compileRecordFilter(parseCql2Text(cql))).map((e) => e.record.id);

describe('Catalogue record filters (CSW, OGC API Records)', () => {
  it('matches AnyText without case (a full-text target), other queryables as the filter says', () => {
    expect(hits("AnyText LIKE '%JALAN%'")).to.deep.equal(['a']);
    expect(hits("csw:AnyText LIKE '%Kota%'")).to.deep.equal(['a']);
    expect(hits("Title LIKE '%JALAN%'")).to.deep.equal([]);
    expect(hits("Title LIKE '%Jalan%'")).to.deep.equal(['a']);
    expect(hits("Title ILIKE '%JALAN%'")).to.deep.equal(['a']);
    expect(hits("Title = 'jalan kota'")).to.deep.equal([]);
    // FES/Filter 1.1 as OWSLib and QGIS MetaSearch send it: no matchCase (the schema's default, true).
    const fes = (prop: string, text: string, attr = '') =>
      RECORDS.filter(
        compileRecordFilter(
          parseFesFilter(
            `<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\\"${attr}><ogc:PropertyName>${prop}</ogc:PropertyName><ogc:Literal>${text}</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>`,
          ),
        ),
      ).map((e) => e.record.id);
    expect(fes('csw:AnyText', '%SEKOLAH%')).to.deep.equal(['b']);
    expect(fes('apiso:AnyText', '%sekolah%')).to.deep.equal(['b']);
    expect(fes('dc:title', '%SEKOLAH%')).to.deep.equal([]);
    expect(fes('dc:title', '%SEKOLAH%', ' matchCase="false"')).to.deep.equal(['b']);
  });

  it('matches a multi-valued queryable when any value does, and IS NULL when it has none', () => {
    expect(hits("Subject = 'transportasi'")).to.deep.equal(['a']);
    expect(hits('Subject IS NULL')).to.deep.equal(['c', 'd']);
  });

  it('compares dates as instants', () => {
    expect(hits("Modified >= '2024-03-01'")).to.deep.equal(['a', 'c']);
    expect(hits("Modified = '2024-03-01'")).to.deep.equal(['c']);
    expect(() => hits("Modified > 'kemarin'")).to.throw(OgcError, /date/);
  });

  it('tests the bounding box as the record geometry, points and all', () => {
    expect(
      hits('S_INTERSECTS(BoundingBox, POLYGON((106.6 -6.16, 106.66 -6.16, 106.66 -6.14, 106.6 -6.14, 106.6 -6.16)))'),
    ).to.deep.equal(['a', 'c']);
    expect(hits('S_DISJOINT(BoundingBox, POINT(106.75 -6.28))')).to.deep.equal(['a', 'c']);
    expect(
      hits('S_WITHIN(BoundingBox, POLYGON((106.5 -6.4, 106.9 -6.4, 106.9 -6.0, 106.5 -6.0, 106.5 -6.4)))'),
    ).to.deep.equal(['a', 'b', 'c']);
  });

  it('refuses unknown queryables and matches ids by identifier', () => {
    expect(() => hits("Nope = 'x'")).to.throw(OgcError, /Unknown queryable/);
    expect(RECORDS.filter(compileRecordFilter({ op: 'ids', ids: ['b', 'zz'] })).map((e) => e.record.id)).to.deep.equal([
      'b',
    ]);
  });
});

/** OGC API Records: the catalogue as /ogcapi/collections/metadata, from the same record index
 *  CSW uses; plus an OpenSearch description. Only our own paths are claimed. */
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.js';
import { baseUrlOf, principalOf } from '../context.js';
import { registerOgcApiPart } from '../../ogc/ogcapi/registry.js';
import { registerCollection } from '../../ogc/ogcapi/collections.js';
import { recordFeature, recordJsonLd } from '../../ogc/records/geojson.js';
import { parseCql2Text } from '../../data/query/cql2.js';
import { compileRecordFilter } from '../../ogc/csw/evaluate.js';
import { OgcError } from '../../data/errors.js';
import { esc } from '../../data/xml.js';
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import { recordIndex } from './csw.js';

registerOgcApiPart({
  conformance: [
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/core',
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core',
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/json',
    'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-collection',
  ],
  links: [{ rel: 'http://www.opengis.net/def/rel/ogc/1.0/data', type: 'application/json', title: 'Katalog metadata (OGC API Records)', path: '/collections/metadata' }],
});

const MAX_LIMIT = 500;
const FACETS: Record<string, (e: IndexedRecord) => string[]> = {
  organisation: (e) => [e.record.organisationCode],
  topic: (e) => (e.record.topicCategory ? [e.record.topicCategory] : []),
  keyword: (e) => e.record.keywords,
  type: (e) => [e.record.type],
};

function collection(base: string) {
  return {
    id: 'metadata',
    title: 'Katalog Metadata Geospasial Kota Tangerang',
    description: 'Metadata setiap layer yang diterbitkan simpul (ISO 19115, profil Indonesia), juga tersedia lewat CSW 2.0.2.',
    itemType: 'record',
    type: 'Collection',
    extent: { spatial: { bbox: [[106.55, -6.3, 106.75, -6.09]], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } },
    links: [
      { rel: 'self', type: 'application/json', href: `${base}/ogcapi/collections/metadata` },
      { rel: 'items', type: 'application/geo+json', href: `${base}/ogcapi/collections/metadata/items` },
      { rel: 'search', type: 'application/opensearchdescription+xml', href: `${base}/ogcapi/collections/metadata/opensearch.xml`, title: 'OpenSearch' },
    ],
  };
}

// Listed in /ogcapi/collections next to the layers.
registerCollection(collection);

class BadQuery extends Error {}

function parseNum(v: unknown, name: string, d: number, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || v === '') return d;
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) throw new BadQuery(`${name} must be a non-negative whole number`);
  return Math.min(Number(v), max);
}

function search(req: Request, res: Response, ctx: AppContext): { hits: IndexedRecord[]; limit: number; offset: number } {
  const q = req.query as Record<string, string | undefined>;
  let hits = recordIndex(ctx).visible(principalOf(res), baseUrlOf(res));
  if (q.q) {
    const terms = String(q.q).toLowerCase().split(/[\s,]+/).filter(Boolean);
    hits = hits.filter((e) => terms.some((t) => e.anyText.includes(t)));
  }
  if (q.bbox) {
    const b = String(q.bbox).split(',').map(Number);
    if (b.length !== 4 || b.some((n) => !Number.isFinite(n)) || b[0] > b[2] || b[1] > b[3]) throw new BadQuery('bbox must be minLon,minLat,maxLon,maxLat');
    hits = hits.filter((e) => !!e.record.bbox && e.record.bbox[0] <= b[2] && e.record.bbox[2] >= b[0] && e.record.bbox[1] <= b[3] && e.record.bbox[3] >= b[1]);
  }
  if (q.datetime) {
    const [from, to] = String(q.datetime).split('/');
    const lo = from && from !== '..' ? Date.parse(from) : -Infinity;
    const hi = to === undefined ? (from && from !== '..' ? Date.parse(from) + 86_400_000 : Infinity) : to && to !== '..' ? Date.parse(to) : Infinity;
    if (Number.isNaN(lo) || Number.isNaN(hi)) throw new BadQuery('datetime must be an RFC 3339 instant or interval');
    hits = hits.filter((e) => e.record.dateStamp.getTime() >= lo && e.record.dateStamp.getTime() <= hi);
  }
  for (const [facet, get] of Object.entries(FACETS)) {
    const want = q[facet];
    if (want) hits = hits.filter((e) => get(e).some((v) => v.toLowerCase() === String(want).toLowerCase()));
  }
  if (q.filter) {
    if (q['filter-lang'] && q['filter-lang'] !== 'cql2-text') throw new BadQuery('filter-lang must be cql2-text');
    const pred = compileRecordFilter(parseCql2Text(String(q.filter)));
    hits = hits.filter((e) => pred(e));
  }
  hits.sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
  return { hits, limit: parseNum(q.limit, 'limit', 10, MAX_LIMIT), offset: parseNum(q.offset, 'offset', 0) };
}

function facets(hits: IndexedRecord[]) {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, get] of Object.entries(FACETS)) {
    const counts: Record<string, number> = {};
    for (const e of hits) for (const v of get(e)) counts[v] = (counts[v] ?? 0) + 1;
    out[name] = counts;
  }
  return out;
}

function fail(res: Response, err: unknown) {
  if (err instanceof BadQuery || err instanceof OgcError) {
    res.status(400).json({ code: 'InvalidParameterValue', description: err.message });
    return;
  }
  throw err;
}

export function mountOgcapiRecords(router: Router, ctx: AppContext): void {
  router.get('/collections/metadata', (_req, res) => {
    res.json(collection(baseUrlOf(res)));
  });

  router.get('/collections/metadata/items', (req, res) => {
    try {
      const base = baseUrlOf(res);
      const itemsUrl = `${base}/ogcapi/collections/metadata/items`;
      const { hits, limit, offset } = search(req, res, ctx);
      const page = hits.slice(offset, offset + limit);
      const qs = (o: number) => {
        const p = new URLSearchParams(req.query as Record<string, string>);
        p.set('offset', String(o));
        p.set('limit', String(limit));
        return `${itemsUrl}?${p}`;
      };
      if (req.query.f === 'jsonld') {
        res.type('application/ld+json').send(JSON.stringify({ '@graph': page.map((e) => recordJsonLd(e.record, itemsUrl)) }));
        return;
      }
      res.type('application/geo+json').send(
        JSON.stringify({
          type: 'FeatureCollection',
          numberMatched: hits.length,
          numberReturned: page.length,
          timeStamp: new Date().toISOString(),
          features: page.map((e) => recordFeature(e.record, itemsUrl)),
          ...(req.query.facets === 'true' ? { facets: facets(hits) } : {}),
          links: [
            { rel: 'self', type: 'application/geo+json', href: qs(offset) },
            ...(offset + page.length < hits.length ? [{ rel: 'next', type: 'application/geo+json', href: qs(offset + limit) }] : []),
            ...(offset > 0 ? [{ rel: 'prev', type: 'application/geo+json', href: qs(Math.max(0, offset - limit)) }] : []),
          ],
        }),
      );
    } catch (err) {
      fail(res, err);
    }
  });

  router.get('/collections/metadata/items/:id', (req, res) => {
    const base = baseUrlOf(res);
    const itemsUrl = `${base}/ogcapi/collections/metadata/items`;
    const e = recordIndex(ctx).visible(principalOf(res), base).find((x) => x.record.id === req.params.id);
    if (!e) {
      res.status(404).json({ code: 'NotFound', description: `No record ${req.params.id}` });
      return;
    }
    if (req.query.f === 'jsonld') res.type('application/ld+json').send(JSON.stringify(recordJsonLd(e.record, itemsUrl)));
    else res.type('application/geo+json').send(JSON.stringify(recordFeature(e.record, itemsUrl)));
  });

  router.get('/collections/metadata/opensearch.xml', (_req, res) => {
    const base = baseUrlOf(res);
    res.type('application/opensearchdescription+xml').send(`<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:geo="http://a9.com/-/opensearch/extensions/geo/1.0/" xmlns:time="http://a9.com/-/opensearch/extensions/time/1.0/">
  <ShortName>Simpul Tangerang</ShortName>
  <Description>Katalog metadata geospasial Kota Tangerang</Description>
  <Url type="application/geo+json" rel="results" template="${esc(base)}/ogcapi/collections/metadata/items?q={searchTerms?}&amp;bbox={geo:box?}&amp;datetime={time:start?}&amp;limit={count?}&amp;offset={startIndex?}"/>
  <Url type="application/xml" rel="results" template="${esc(base)}/csw?service=CSW&amp;version=2.0.2&amp;request=GetRecords&amp;typeNames=csw:Record&amp;resultType=results&amp;elementSetName=summary&amp;constraintLanguage=CQL_TEXT&amp;constraint=AnyText%20LIKE%20%27%25{searchTerms}%25%27"/>
  <Language>id</Language>
  <InputEncoding>UTF-8</InputEncoding>
  <OutputEncoding>UTF-8</OutputEncoding>
</OpenSearchDescription>`);
  });
}

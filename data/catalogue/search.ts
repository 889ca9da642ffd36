/** Full-text search of the catalogue for the public portal: over the layers already in memory
 *  (the Catalogue), so a search is a scan of a few thousand prepared objects, no SQL. Words
 *  match by prefix, without regard to case or accents; every word of the query must match.
 *  Facets are counted over the matches before the facet filters of their own kind. A layer may
 *  have several values of one facet (the kecamatan and kelurahan its place keywords name). */
import type { Layer } from './layer.js';
import type { Organisation } from '../organisations.js';

export type SortKey = 'relevance' | 'title' | 'date';
export const SORT_KEYS: readonly SortKey[] = ['relevance', 'title', 'date'];

export type FacetKey = 'org' | 'topic' | 'kugi' | 'geom' | 'year' | 'kecamatan' | 'kelurahan' | 'access';
export const FACET_KEYS: readonly FacetKey[] = [
  'org',
  'topic',
  'kugi',
  'geom',
  'year',
  'kecamatan',
  'kelurahan',
  'access',
];

export interface SearchQuery {
  q: string;
  /** Chosen values per facet (a layer matches any of a facet's values). */
  filters: Partial<Record<FacetKey, string[]>>;
  sort: SortKey;
  /** 1-based page. */
  page: number;
  pageSize: number;
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface SearchResult {
  total: number;
  page: number;
  pages: number;
  hits: Layer[];
  facets: Record<FacetKey, FacetValue[]>;
  /** Names of the kecamatan and kelurahan codes in the facets, as the place keywords give them. */
  places: Record<string, string>;
}

/** Lower case, accents removed (é → e), anything but letters and digits a space. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Field weights for relevance: a word in the title counts most. */
const FIELDS: Array<[weight: number, text: (l: Layer, org: string) => string]> = [
  [8, (l) => `${l.title} ${l.localName}`],
  [4, (l) => l.keywords.join(' ')],
  [3, (_l, org) => org],
  [2, (l) => l.abstract],
  [1, (l) => l.attributes.map((a) => `${a.name} ${a.sourceName ?? ''}`).join(' ')],
];

/** Kemendagri codes: 36.71 a kota, 36.71.01 a kecamatan, 36.71.01.1001 a kelurahan. */
const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;
const KELURAHAN = /^(\d{2}\.\d{2}\.\d{2})\.\d{4}$/;

/** The layer's place keywords ({name, code} in its metadata, as data/metadata/record.ts reads them). */
function placesOf(l: Layer): Array<{ name: string; code: string }> {
  const m = l.metadata?.placeKeywords as unknown;
  return Array.isArray(m)
    ? m.filter(
        (p): p is { name: string; code: string } => !!p && typeof p.name === 'string' && typeof p.code === 'string',
      )
    : [];
}

interface Prepared {
  /** Per field: its folded words. */
  words: string[][];
  facet: Record<FacetKey, string[]>;
  places: Array<{ name: string; code: string }>;
  titleKey: string;
}

/** Prepared text per layer object: the catalogue makes new objects on reload, so a WeakMap
 *  forgets stale entries by itself. */
const prepared = new WeakMap<Layer, Prepared>();

function prepare(l: Layer, orgName: string): Prepared {
  let p = prepared.get(l);
  if (!p) {
    const topic = typeof l.metadata?.topicCategory === 'string' ? l.metadata.topicCategory : null;
    const places = placesOf(l);
    p = {
      words: FIELDS.map(([, text]) =>
        fold(text(l, `${l.organisation} ${orgName}`))
          .split(' ')
          .filter(Boolean),
      ),
      facet: {
        org: [l.organisation],
        topic: topic ? [topic] : [],
        kugi: l.kugiFcode ? [l.kugiFcode] : [],
        geom: [l.geometryType],
        year: [String(l.updatedAt.getUTCFullYear())],
        // A kelurahan lies in its kecamatan, so it names that kecamatan too.
        kecamatan: [
          ...new Set(
            places.flatMap((p) => (KECAMATAN.test(p.code) ? [p.code] : (KELURAHAN.exec(p.code)?.slice(1, 2) ?? []))),
          ),
        ],
        kelurahan: [...new Set(places.filter((p) => KELURAHAN.test(p.code)).map((p) => p.code))],
        access: [l.accessClass],
      },
      places,
      titleKey: fold(l.title || l.name),
    };
    prepared.set(l, p);
  }
  return p;
}

/** Relevance of a layer for the query words, 0 when some word matches nowhere. */
function score(p: Prepared, terms: string[]): number {
  let total = 0;
  for (const t of terms) {
    let best = 0;
    for (let f = 0; f < FIELDS.length; f++) {
      const w = FIELDS[f][0];
      if (w <= best) continue;
      for (const word of p.words[f]) {
        if (word.startsWith(t)) {
          // A whole word counts a little more than a prefix.
          best = Math.max(best, word.length === t.length ? w + 0.5 : w);
          break;
        }
      }
    }
    if (!best) return 0;
    total += best;
  }
  return total;
}

export function searchLayers(
  layers: Layer[],
  orgs: (code: string) => Organisation | undefined,
  query: SearchQuery,
): SearchResult {
  const terms = [...new Set(fold(query.q).split(' ').filter(Boolean))].slice(0, 20);
  const matched: Array<{ l: Layer; p: Prepared; s: number }> = [];
  for (const l of layers) {
    const p = prepare(l, orgs(l.organisation)?.name ?? '');
    const s = terms.length ? score(p, terms) : 1;
    if (s > 0) matched.push({ l, p, s });
  }
  const chosen = (k: FacetKey) => query.filters[k]?.filter(Boolean) ?? [];
  const passes = (p: Prepared, except?: FacetKey) =>
    FACET_KEYS.every((k) => {
      if (k === except) return true;
      const values = chosen(k);
      return !values.length || p.facet[k].some((v) => values.includes(v));
    });
  const facets = {} as Record<FacetKey, FacetValue[]>;
  for (const k of FACET_KEYS) {
    const counts = new Map<string, number>();
    for (const m of matched) {
      if (passes(m.p, k)) for (const v of m.p.facet[k]) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const v of chosen(k)) if (!counts.has(v)) counts.set(v, 0);
    const values = chosen(k);
    facets[k] = [...counts]
      .map(([value, count]) => ({ value, count, selected: values.includes(value) }))
      .sort((a, b) =>
        k === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
  }
  const places: Record<string, string> = {};
  for (const m of matched) for (const p of m.p.places) places[p.code] ??= p.name;
  const hits = matched.filter((m) => passes(m.p));
  const byTitle = (a: (typeof hits)[number], b: (typeof hits)[number]) =>
    a.p.titleKey.localeCompare(b.p.titleKey) || a.l.name.localeCompare(b.l.name);
  const order: Record<SortKey, (a: (typeof hits)[number], b: (typeof hits)[number]) => number> = {
    relevance: (a, b) => b.s - a.s || byTitle(a, b),
    title: byTitle,
    date: (a, b) => b.l.updatedAt.getTime() - a.l.updatedAt.getTime() || byTitle(a, b),
  };
  hits.sort(order[query.sort]);
  const pages = Math.max(1, Math.ceil(hits.length / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  return {
    total: hits.length,
    page,
    pages,
    hits: hits.slice((page - 1) * query.pageSize, page * query.pageSize).map((m) => m.l),
    facets,
    places,
  };
}

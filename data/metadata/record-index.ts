/** Every published layer's metadata record, built once per catalogue revision and public base
 *  URL, with its search text and its encoded forms cached: a harvest or a search then costs
 *  a scan of a few thousand objects in memory, no SQL and no XML building. */
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Layer } from '../catalogue/layer.js';
import { canRead, type Principal } from '../access.js';
import type { Site } from '../site.js';
import { layerRecord, serviceRecords, type MetadataRecord } from './record.js';
import { foldText } from '../query/like.js';

export interface IndexedRecord {
  record: MetadataRecord;
  /** The layer behind a dataset record (null for service records). */
  layer: Layer | null;
  /** Lower-case text of every searchable field (AnyText). */
  anyText: string;
  /** `anyText` case-folded (like.ts foldText), made once here:
   *  CSW and OGC API Records match AnyText case-insensitively, and folding ~2,500 texts on
   *  every query was most of a GetRecords' time. */
  anyTextFolded: string;
  /** Encoded forms, filled on first use: key = `${schema}:${elementSet}`. */
  encoded: Map<string, string>;
}

export interface RecordIndexOptions {
  /** Days a retired layer's tombstone stays in OGC API Records (SIMPUL_RETIRED_TOMBSTONE_DAYS). */
  tombstoneDays?: number;
}

export class RecordIndex {
  private built = new Map<
    string,
    { revision: number; entries: IndexedRecord[]; anonymous: IndexedRecord[] | null; tombstones: IndexedRecord[] }
  >();

  /** `size`: indexes kept, one per public base URL. */
  constructor(
    private readonly catalogue: Catalogue,
    private readonly site: Site,
    private readonly options: RecordIndexOptions = {},
    private readonly size = 20,
  ) {
    catalogue.onChange(() => this.built.clear());
  }

  private build(base: string) {
    const hit = this.built.get(base);
    if (hit && hit.revision === this.catalogue.revision) return hit;
    const entries: IndexedRecord[] = [];
    const tombstones: IndexedRecord[] = [];
    for (const layer of this.catalogue.unguardedAll()) {
      if (layer.status === 'retired' && layer.retiredAt) {
        const full = layerRecord(layer, this.catalogue.organisation(layer.organisation), this.site, base);
        const record: MetadataRecord = {
          ...full,
          abstract: '',
          links: [],
          status: 'retired',
          retired: layer.retiredAt,
        };
        tombstones.push(
          indexed(record, layer, [record.title, record.layerName, record.id].join(' \u0001 ').toLowerCase()),
        );
      }
      if (layer.status !== 'published') continue;
      const record = layerRecord(layer, this.catalogue.organisation(layer.organisation), this.site, base);
      entries.push(indexed(record, layer, searchText(record)));
    }
    if (this.built.size >= this.size) this.built.clear();
    const value = { revision: this.catalogue.revision, entries, anonymous: null as IndexedRecord[] | null, tombstones };
    this.built.set(base, value);
    return value;
  }

  /**
   * The records this caller may see: published layers it may read, plus one record per OGC
   * service operating on them. CSW publishes only `published` layers, for every caller: the
   * catalogue is what the city releases to harvesters, not a working view. In identifier
   * order (the stable order of an unsorted search); shared between calls, never to be changed.
   */
  visible(p: Principal, base: string): readonly IndexedRecord[] {
    const b = this.build(base);
    // Most callers are anonymous harvesters and search boxes: their list is made once per build.
    if (p.kind === 'anonymous' && b.anonymous) return b.anonymous;
    const datasets = b.entries.filter((e) => canRead(p, e.layer!));
    const services = serviceRecords(
      datasets.map((d) => d.record),
      this.site,
      base,
      new Date(0),
    ).map((record) => indexed(record, null, searchText(record)));
    const all = [...datasets, ...services].sort(byId);
    if (p.kind === 'anonymous') b.anonymous = all;
    return all;
  }

  /** Tombstones of the layers retired within the configured period (default 90 days), for OGC API
   *  Records, to those who could read the layer while it was published; CSW never lists them. */
  tombstones(p: Principal, base: string, now = Date.now()): IndexedRecord[] {
    const days = this.options.tombstoneDays ?? 90;
    return this.build(base).tombstones.filter(
      (e) => now - e.record.retired!.getTime() <= days * 86_400_000 && canRead(p, { ...e.layer!, status: 'published' }),
    );
  }
}

export const byId = (a: IndexedRecord, b: IndexedRecord) =>
  a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;

function indexed(record: MetadataRecord, layer: Layer | null, anyText: string): IndexedRecord {
  return { record, layer, anyText, anyTextFolded: foldText(anyText), encoded: new Map() };
}

function searchText(r: MetadataRecord): string {
  return [
    r.title,
    r.abstract,
    r.purpose,
    ...r.keywords,
    ...r.placeKeywords.map((k) => `${k.name} ${k.code}`),
    r.kugiFcode,
    r.topicCategory,
    r.lineage,
    r.pointOfContact.organisation,
    r.layerName,
    r.id,
    ...r.attributes.map((a) => a.name),
  ]
    .filter(Boolean)
    .join(' \u0001 ')
    .toLowerCase();
}

/** What the catalogue services (CSW and OGC API Records) need of the node: the metadata
 *  records a caller may see. `data/metadata/record-index.ts`'s RecordIndex provides it. */
import type { Principal } from '../../data/access.js';
import type { IndexedRecord } from '../../data/metadata/record-index.js';
import type { Site } from '../../data/site.js';

export interface RecordSource {
  visible(p: Principal, baseUrl: string): readonly IndexedRecord[];
  /** Retired layers' records (`status: "retired"`), kept for a while after retirement. */
  tombstones?(p: Principal, baseUrl: string): IndexedRecord[];
}

export interface RecordsNode {
  records: RecordSource;
  /** site: the catalogue's title, extent and the service's provider. */
  config: { site: Site };
}

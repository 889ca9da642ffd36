/** What the WFS needs of the node: the database (counts and feature streams through data/),
 *  the catalogue (what the caller may see), and the page size a response ends at. */
import type { Db } from '../../data/db/types.js';
import type { Catalogue } from '../../data/catalogue/catalogue.js';
import type { Site } from '../../data/site.js';

export interface WfsNode {
  db: Pick<Db, 'query' | 'stream'>;
  catalogue: Pick<Catalogue, 'visibleLayers' | 'find' | 'revision' | 'onChange'>;
  /** maxFeatures: a GetFeature without COUNT still ends there (SIMPUL_MAX_FEATURES); site: the
   *  capabilities' service identification and provider. */
  config: { maxFeatures: number; site: Site };
}

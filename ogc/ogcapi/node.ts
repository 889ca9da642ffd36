/** What OGC API Features needs of the node: the database (counts and feature streams through
 *  data/) and the catalogue (what the caller may see). */
import type { Db } from '../../data/db/types.js';
import type { Catalogue } from '../../data/catalogue/catalogue.js';
import type { Site } from '../../data/site.js';

export interface OgcapiNode {
  db: Pick<Db, 'query' | 'stream'>;
  catalogue: Pick<Catalogue, 'visibleLayers' | 'find' | 'revision' | 'onChange'>;
  /** site: the landing page's title and description, the catalogue collection's extent. */
  config: { site: Site };
}

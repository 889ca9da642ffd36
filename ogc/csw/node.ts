/** What CSW needs of the node: the records a caller may see, and a log for records that fail
 *  to encode (skipped, so one broken record does not break a harvest). */
import type { RecordsNode } from '../records/node.js';

export interface CswNode extends RecordsNode {
  log: { error(msg: string, fields?: object): void };
}

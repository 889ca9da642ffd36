/** What WMS needs of the node it runs in: the database (handed to data/ functions), the
 *  catalogue, the renderer's pool and query slots, a few settings (read per request, so a
 *  change applies at once) and a log for faults. server/ builds the node; WMS never sees HTTP. */
import type { Catalogue } from '../../data/catalogue/catalogue.js';
import type { RenderNode } from '../../styles/render/render-map.js';
import type { Site } from '../../data/site.js';

export interface WmsNode extends RenderNode {
  catalogue: Catalogue;
  /** site: the capabilities' Service section and the extent of layers without one. */
  config: RenderNode['config'] & { maxImagePixels: number; site: Site };
  log: { warn(msg: string, fields?: object): void };
}

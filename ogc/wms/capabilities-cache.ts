/** WMS capabilities documents (ogc/cached-document.ts), made once per version × visibility
 *  scope × URL × filter and catalogue revision. When data or styles change,
 *  the documents asked for recently are made again in the background, so the first caller
 *  after a publish does not wait for them. */
import { LRUCache } from 'lru-cache';
import { visibilityScope, type Principal } from '../../data/access.js';
import { capabilities, capabilitiesData, type CapabilitiesData } from './capabilities.js';
import type { WmsVersion } from './exceptions.js';
import type { WmsNode } from './node.js';
import { cachedDocument, type CachedDocument } from '../cached-document.js';

export interface CapabilitiesSpec {
  version: WmsVersion;
  principal: Principal;
  /** The service URL the document points at (/wms or /wms/{org}). */
  url: string;
  /** Only this organisation's layers, or only this layer. */
  organisation?: string;
  layer?: string;
}

/** How many recently asked documents are made again after a change. */
const REWARM = 8;

export class CapabilitiesCache {
  private readonly docs: LRUCache<string, Promise<CachedDocument>>;
  private data?: Promise<CapabilitiesData>;
  private readonly recent = new Map<string, CapabilitiesSpec>();
  private timer?: NodeJS.Timeout;
  private closed = false;

  /** `size`: most documents kept (each shape of request at the current revision is one). */
  constructor(
    private readonly node: Pick<WmsNode, 'db' | 'catalogue' | 'log' | 'config'>,
    size = 500,
  ) {
    this.docs = new LRUCache({ max: size });
    node.catalogue.onChange(() => {
      this.docs.clear();
      this.data = undefined;
      if (this.closed) return;
      // A publish often comes as a burst of changes: make the documents once it settles.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.rewarm(), 500);
      this.timer.unref();
    });
  }

  doc(s: CapabilitiesSpec, remember = true): Promise<CachedDocument> {
    const shape = `${s.version}|${visibilityScope(s.principal)}|${s.url}|${s.organisation ?? ''}|${s.layer ?? ''}`;
    if (remember) {
      this.recent.delete(shape);
      this.recent.set(shape, s);
      if (this.recent.size > REWARM) this.recent.delete(this.recent.keys().next().value!);
    }
    const key = `${this.node.catalogue.revision}|${shape}`;
    let doc = this.docs.get(key);
    if (!doc) {
      doc = this.make(s);
      doc.catch(() => this.docs.delete(key));
      this.docs.set(key, doc);
    }
    return doc;
  }

  /** Stops rewarming (the node is closing). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private async rewarm(): Promise<void> {
    for (const spec of [...this.recent.values()]) {
      if (this.closed) return;
      try {
        await this.doc(spec, false);
      } catch (err) {
        this.node.log.warn('capabilities rewarm failed', { error: String((err as Error)?.message ?? err) });
        return;
      }
    }
  }

  private async make(s: CapabilitiesSpec): Promise<CachedDocument> {
    const { catalogue } = this.node;
    this.data ??= capabilitiesData(this.node.db);
    let data: CapabilitiesData;
    try {
      data = await this.data;
    } catch (err) {
      this.data = undefined;
      throw err;
    }
    let layers = catalogue.visibleLayers(s.principal);
    if (s.organisation) layers = layers.filter((l) => l.organisation === s.organisation);
    if (s.layer) layers = layers.filter((l) => l.name === s.layer);
    return cachedDocument(
      capabilities({
        version: s.version,
        layers,
        url: s.url,
        data,
        orgTitle: (code) => catalogue.organisation(code)?.name ?? code,
        site: this.node.config.site,
      }),
    );
  }
}

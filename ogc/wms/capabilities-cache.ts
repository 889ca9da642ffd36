/** WMS capabilities documents (ogc/cached-document.ts), made once per version × visibility
 *  scope × URL × filter and catalogue revision. When data or styles change,
 *  the documents asked for recently are made again in the background, so the first caller
 *  after a publish does not wait for them. */
import type { AppContext } from '../../server/context.js';
import { visibilityScope, type Principal } from '../../data/access.js';
import { capabilities, capabilitiesData, type CapabilitiesData } from './capabilities.js';
import type { WmsVersion } from './exceptions.js';
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

interface Caches {
  docs: Map<string, Promise<CachedDocument>>;
  data?: Promise<CapabilitiesData>;
  recent: Map<string, CapabilitiesSpec>;
  timer?: NodeJS.Timeout;
}

const caches = new WeakMap<AppContext, Caches>();

function cachesOf(ctx: AppContext): Caches {
  let c = caches.get(ctx);
  if (c) return c;
  const made: Caches = { docs: new Map(), recent: new Map() };
  ctx.catalogue.onChange(() => {
    made.docs.clear();
    made.data = undefined;
    // A publish often comes as a burst of changes: make the documents once it settles.
    clearTimeout(made.timer);
    made.timer = setTimeout(() => void rewarm(ctx, made), 500);
    made.timer.unref();
  });
  caches.set(ctx, made);
  return made;
}

async function rewarm(ctx: AppContext, c: Caches): Promise<void> {
  for (const spec of [...c.recent.values()]) {
    try {
      await capabilitiesDoc(ctx, spec, false);
    } catch (err) {
      ctx.log.warn('capabilities rewarm failed', { error: String((err as Error)?.message ?? err) });
      return;
    }
  }
}

async function make(ctx: AppContext, c: Caches, s: CapabilitiesSpec): Promise<CachedDocument> {
  c.data ??= capabilitiesData(ctx);
  let data: CapabilitiesData;
  try {
    data = await c.data;
  } catch (err) {
    c.data = undefined;
    throw err;
  }
  let layers = ctx.catalogue.visibleLayers(s.principal);
  if (s.organisation) layers = layers.filter((l) => l.organisation === s.organisation);
  if (s.layer) layers = layers.filter((l) => l.name === s.layer);
  return cachedDocument(capabilities({ version: s.version, layers, url: s.url, data, orgTitle: (code) => ctx.catalogue.organisation(code)?.name ?? code }));
}

export function capabilitiesDoc(ctx: AppContext, s: CapabilitiesSpec, remember = true): Promise<CachedDocument> {
  const c = cachesOf(ctx);
  const shape = `${s.version}|${visibilityScope(s.principal)}|${s.url}|${s.organisation ?? ''}|${s.layer ?? ''}`;
  if (remember) {
    c.recent.delete(shape);
    c.recent.set(shape, s);
    if (c.recent.size > REWARM) c.recent.delete(c.recent.keys().next().value!);
  }
  const key = `${ctx.catalogue.revision}|${shape}`;
  let doc = c.docs.get(key);
  if (!doc) {
    doc = make(ctx, c, s);
    doc.catch(() => c.docs.delete(key));
    if (c.docs.size > 500) c.docs.clear();
    c.docs.set(key, doc);
  }
  return doc;
}

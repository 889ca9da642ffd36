/** A layer's style by name: a stored SLD (data/styles) or the default by geometry type.
 *  '' and 'default' mean the layer's default (a stored default, else the built-in one). */
import type { Db } from '../data/db/types.js';
import type { Layer } from '../data/catalogue/layer.js';
import { LRUCache } from 'lru-cache';
import { layerStyles, StoredStyleCache } from '../data/styles/store.js';
import { OgcError } from '../data/errors.js';
import { DEFAULT_STYLE_NAME, defaultStyle } from './defaults.js';
import type { Style } from './model.js';
import { styleFromSld } from './sld.js';

/** A node's styles: the stored SLDs by layer and their parsed forms by layer, style version and
 *  name; made once per node (server/context.ts) with the settings' sizes. */
export class StyleCache {
  readonly stored: StoredStyleCache;
  readonly parsed: LRUCache<string, Style>;
  constructor(sizes: { parsed: number; layers: number }) {
    this.stored = new StoredStyleCache(sizes.layers);
    this.parsed = new LRUCache({ max: sizes.parsed });
  }
}

export interface StyleNode {
  db: Db;
  styles: StyleCache;
}

export interface StyleInfo {
  name: string;
  title: string;
}

/** Names and titles of a layer's styles, the default first. */
export async function styleList(node: StyleNode, layer: Layer): Promise<StyleInfo[]> {
  const stored = await layerStyles(node.db, layer, node.styles.stored);
  const out: StyleInfo[] = stored.map((s) => ({ name: s.name, title: s.title || s.name }));
  if (!stored.some((s) => s.isDefault) && !stored.some((s) => s.name === DEFAULT_STYLE_NAME))
    out.unshift({ name: DEFAULT_STYLE_NAME, title: `${layer.title} (default)` });
  return out;
}

export async function resolveStyle(node: StyleNode, layer: Layer, name?: string): Promise<Style> {
  const stored = await layerStyles(node.db, layer, node.styles.stored);
  const wanted = name?.trim() ?? '';
  const s =
    !wanted || wanted === DEFAULT_STYLE_NAME
      ? (stored.find((x) => x.isDefault) ?? stored.find((x) => x.name === DEFAULT_STYLE_NAME))
      : stored.find((x) => x.name === wanted);
  if (!s) {
    if (!wanted || wanted === DEFAULT_STYLE_NAME) return defaultStyle(layer);
    throw new OgcError('StyleNotDefined', `Layer ${layer.name} has no style ${wanted}`, 'styles');
  }
  const key = `${layer.id}|${layer.styleVersion}|${s.name}`;
  let style = node.styles.parsed.get(key);
  if (!style) {
    style = { ...styleFromSld(s.sld), name: s.name, title: s.title || s.name };
    node.styles.parsed.set(key, style);
  }
  return style;
}

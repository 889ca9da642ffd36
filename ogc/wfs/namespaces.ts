/** Feature type names and namespaces. Each organisation has one XML namespace, prefix = its
 *  code, URI fixed (it must not change with the Host header, or clients' cached schemas and
 *  stored filters would break): https://simpul.tangerangkota.go.id/ns/<org>. */
import type { Layer } from '../../data/catalogue/layer.js';

export const NS_BASE = 'https://simpul.tangerangkota.go.id/ns/';
export const orgNamespace = (org: string) => `${NS_BASE}${org}`;

/** The XML element name of a layer's features: `<org>:<local>`. */
export const featureElement = (l: Layer) => `${l.organisation}:${l.localName}`;

/** The xmlns declarations for a set of layers. */
export function namespaceAttrs(layers: Layer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of layers) out[`xmlns:${l.organisation}`] = orgNamespace(l.organisation);
  return out;
}

/**
 * A requested type name → `org:layer`. Accepts `org:layer`, `{ns-uri}layer`, a prefix bound by
 * NAMESPACES/xmlns to the organisation's URI, and a bare local name when it is unambiguous.
 */
export function resolveTypeName(
  name: string,
  namespaces: Record<string, string>,
  visible: Layer[],
): string | undefined {
  const t = name.trim();
  const clark = /^\{([^}]*)\}(.+)$/.exec(t);
  if (clark) return clark[1].startsWith(NS_BASE) ? `${clark[1].slice(NS_BASE.length)}:${clark[2]}` : undefined;
  const colon = t.indexOf(':');
  if (colon > 0) {
    const prefix = t.slice(0, colon);
    const local = t.slice(colon + 1);
    const uri = namespaces[prefix];
    if (uri && uri.startsWith(NS_BASE)) return `${uri.slice(NS_BASE.length)}:${local}`;
    return t;
  }
  const matches = visible.filter((l) => l.localName === t);
  return matches.length === 1 ? matches[0].name : undefined;
}

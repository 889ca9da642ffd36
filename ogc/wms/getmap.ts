/** GetMap: LAYERS + STYLES (or SLD_BODY / SLD from this node) over a BBOX in a CRS → image. */
import type { WmsNode } from './node.js';
import type { Principal } from '../../data/access.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { OgcError, invalid } from '../../data/errors.js';
import type { Kvp } from '../kvp.js';
import { renderMap } from '../../styles/render/render-map.js';
import { parseSld, type SldLayer } from '../../styles/sld.js';
import type { Style } from '../../styles/model.js';
import type { Reply } from '../../data/reply.js';
import { layerReply } from './layer-reply.js';
import { parseDpi, parseFormat, parseLayers, parseView, type WmsRequest } from './request.js';

/** SLD=URL: only this node's own style documents (/api/layers/{name}/styles/{style}) are
 *  read, from the store, never fetched: a WMS must not become a proxy to other hosts. */
const OWN_STYLE_URL = /\/api\/layers\/([^/?#]+)\/styles\/([^/?#]+?)(?:\.sld)?(?:[?#].*)?$/;

export function stylesFromSld(
  kvp: Kvp,
  baseUrl: string,
): { body?: SldLayer[]; named?: { layer: string; style: string } } {
  const body = kvp.get('SLD_BODY');
  if (body) return { body: parseSld(body) };
  const url = kvp.get('SLD');
  if (!url) return {};
  const m = OWN_STYLE_URL.exec(url);
  if (!url.startsWith(baseUrl) || !m)
    throw invalid(
      'SLD',
      `SLD URLs are read only from this node (${baseUrl}/api/layers/{layer}/styles/{style}); send other styles as SLD_BODY`,
    );
  return { named: { layer: decodeURIComponent(m[1]), style: decodeURIComponent(m[2]) } };
}

export interface GetMapPlan {
  layers: Array<{ layer: Layer; style?: string; sld?: Style }>;
}

/** Layers with their styles: STYLES by position, SLD styles by layer name. */
export function planLayers(node: WmsNode, p: Principal, kvp: Kvp, baseUrl: string, param = 'LAYERS'): GetMapPlan {
  const sld = stylesFromSld(kvp, baseUrl);
  let layers: Layer[];
  if (!kvp.get(param) && sld.body) {
    // An SLD without LAYERS names the layers itself.
    layers = sld.body.map((s) => {
      const l = node.catalogue.find(p, s.name);
      if (!l) throw new OgcError('LayerNotDefined', `No layer ${s.name}`, 'SLD_BODY');
      return l;
    });
  } else layers = parseLayers(node, p, kvp, param);
  const styles = kvp.list('STYLES') ?? [];
  if (styles.length > 1 && styles.length !== layers.length && !sld.body)
    throw invalid('STYLES', 'STYLES must name one style per layer (or be empty)');
  return {
    layers: layers.map((layer, i) => {
      const fromSld = sld.body?.find((s) => s.name === layer.name || s.name === layer.localName);
      const style = fromSld?.styles[0];
      if (style) return { layer, sld: style };
      if (fromSld?.namedStyles[0]) return { layer, style: fromSld.namedStyles[0] };
      if (sld.named && sld.named.layer === layer.name) return { layer, style: sld.named.style };
      return { layer, style: styles.length === layers.length ? styles[i] : undefined };
    }),
  };
}

export async function getMap(node: WmsNode, r: WmsRequest): Promise<Reply> {
  const { kvp } = r;
  const plan = planLayers(node, r.principal, kvp, r.baseUrl);
  const view = parseView(node, kvp, r.version);
  const format = parseFormat(kvp);
  const transparent = /^true$/i.test(kvp.get('TRANSPARENT') ?? '');
  const out = await renderMap(node, {
    layers: plan.layers,
    bbox: view.bbox,
    srid: view.crs.def.epsg,
    width: view.width,
    height: view.height,
    format,
    transparent,
    bgcolor: kvp.get('BGCOLOR'),
    dpi: parseDpi(kvp),
  });
  return layerReply(
    r.principal,
    plan.layers.map((l) => l.layer),
    'no-cache',
    out.contentType,
    out.body,
  );
}

/** GetLegendGraphic: LAYER + STYLE (or the layer's style in SLD_BODY), optionally one RULE, as an
 *  image of WIDTH × HEIGHT icons (20 × 20 unless asked). */
import { OgcError } from '../../data/errors.js';
import type { Reply } from '../../data/reply.js';
import { resolveStyle } from '../../styles/resolve.js';
import { legendImage } from '../../styles/legend.js';
import type { WmsNode } from './node.js';
import { stylesFromSld } from './getmap.js';
import { layerReply } from './layer-reply.js';
import { parseFormat, required, type WmsRequest } from './request.js';

export async function getLegendGraphic(node: WmsNode, r: WmsRequest): Promise<Reply> {
  const { kvp, principal: p } = r;
  const name = required(kvp, 'LAYER');
  const layer = node.catalogue.find(p, name);
  if (!layer) throw new OgcError('LayerNotDefined', `No layer ${name}`, 'LAYER');
  const sld = kvp.get('SLD_BODY')
    ? stylesFromSld(kvp, r.baseUrl).body?.find((s) => s.name === layer.name)?.styles[0]
    : undefined;
  const style = sld ?? (await resolveStyle(node, layer, kvp.get('STYLE')));
  const format = parseFormat(kvp, 'FORMAT', 'image/png');
  const dim = (k: string) => {
    const t = kvp.get(k);
    const n = t === undefined ? 20 : Number(t);
    if (!Number.isInteger(n) || n < 1 || n > 512)
      throw new OgcError('InvalidParameterValue', `${k} must be 1 to 512`, k);
    return n;
  };
  const rule = kvp.get('RULE');
  if (rule && !style.rules.some((x) => x.name === rule))
    throw new OgcError('InvalidParameterValue', `Style ${style.name} has no rule ${rule}`, 'RULE');
  const body = await legendImage(style, {
    width: dim('WIDTH'),
    height: dim('HEIGHT'),
    format,
    rule,
    transparent: !/^false$/i.test(kvp.get('TRANSPARENT') ?? 'true'),
  });
  return layerReply(p, [layer], 'max-age=60', format, body);
}

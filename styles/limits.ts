/** How much drawing one style may ask for. A style comes from anyone who can send SLD_BODY,
 *  so each number below bounds a way a short document could make drawing explode (time or
 *  memory); they are counted after parsing, and the SLD reader refuses a style over any of
 *  them with a message naming the limit. Sizes are pixels at the standard 0.28 mm pixel. */
export const STYLE_LIMITS = {
  /** Characters of one SLD document (SLD_BODY or a stored style). */
  sldChars: 1024 * 1024,
  /** NamedLayer/UserLayer elements (a GetMap draws at most this many layers anyway). */
  layers: 100,
  /** UserStyles in one document. */
  styles: 100,
  /** FeatureTypeStyles per style: each is a pass over every feature. */
  featureTypeStyles: 20,
  /** Rules per style, and in the whole document. */
  rulesPerStyle: 200,
  rules: 1000,
  /** Symbolizers per rule, and in the whole document. */
  symbolizersPerRule: 20,
  symbolizers: 2000,
  /** Graphic and hatch Size. */
  graphicSize: 256,
  strokeWidth: 100,
  /** stroke-dasharray: entries, and the largest entry. */
  dashEntries: 32,
  dashLength: 1000,
  fontSize: 144,
  haloRadius: 20,
  /** Label Displacement, PerpendicularOffset and anchor-free offsets. */
  offset: 2048,
  /** Characters of a literal label. */
  labelChars: 1000,
  /** An ExternalGraphic data: image: encoded bytes, and decoded width and height each. */
  graphicBytes: 256 * 1024,
  graphicSide: 1024,
} as const;

/** Drawing-time bounds that hold whatever a style says (also for styles stored before the
 *  limits above): the widest symbol stamp, and the longest label text drawn. */
export const DRAW_LIMITS = {
  /** Side of a mark or data: image as drawn, after the dpi factor. */
  symbolSide: 1024,
  labelChars: 256,
  /** Decoded data: images kept per thread, by bytes (width × height × 4). */
  imageCacheBytes: 64 * 1024 * 1024,
  /** Mark stamps and hatch tiles kept per thread, by bytes. */
  spriteCacheBytes: 32 * 1024 * 1024,
} as const;

/** Bounding boxes as [minx, miny, maxx, maxy] in one coordinate system. */
import type { BBox } from './catalogue/layer.js';

/** True when the two boxes share at least a point (touching edges count). */
export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

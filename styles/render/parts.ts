/** A feature's geometry as the renderer draws it: in pixel coordinates (y down), by dimension. */
export type Pt = [number, number];

export interface Parts {
  points: Pt[];
  lines: Pt[][];
  /** Each polygon: its rings, the exterior first. */
  polygons: Pt[][][];
}

/** The messages between the node and its import process (import-process.ts). */
import type { Attribute } from '../catalogue/layer.js';
import type { FeatureIn, RowBatch } from '../layers/write.js';

/** What the node needs to know of one source layer (GDAL's objects stay in the import process). */
export interface SourceLayerInfo {
  name: string;
  /** "file.shp, layer x" for messages. */
  where: string;
  attributes: Attribute[];
  nativeSrid: number;
  note?: string;
  knownCount: number | null;
  lineOffset: number | null;
}

export interface SourceInfo {
  label: string;
  format: string;
  layers: SourceLayerInfo[];
}

/** What the upload wizard shows of one source layer before anything is written (describe). */
export interface LayerDescription {
  name: string;
  where: string;
  /** OGR's name of the layer's geometry type ("Point", "Multi Polygon"…). */
  geometryType: string;
  featureCount: number | null;
  /** The EPSG code found (or given), 0 when the CRS has none; null when the file says nothing. */
  epsg: number | null;
  /** The CRS's own name from the file or PROJ ("DGN95 / Indonesia TM-3 zone 48.2"). */
  crsName: string | null;
  /** Why no CRS could be settled (a missing .prj): the owner must name one. */
  crsProblem: string | null;
  note?: string;
  /** The code page the text is read in, and where that comes from. */
  encoding: { name: string; source: 'file' | 'given' | 'format' | 'default' };
  attributes: Attribute[];
  /** At most `sample` features in EPSG:4326, for the preview map. */
  sample: { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; geometry: object; properties: object }> };
  /** [minx, miny, maxx, maxy] of the sample in EPSG:4326, null when it has no geometry. */
  bbox: [number, number, number, number] | null;
  /** Sample features left out (coordinates not lon/lat after transformation: a wrong CRS). */
  rejected: number;
  firstRejection?: string;
  /** Text values of the sample that are not valid in the supposed encoding. */
  garbledText: number;
}

export interface SourceDescription {
  label: string;
  format: string;
  /** Whether a code page may be given (shapefiles). */
  encodingOption: boolean;
  layers: LayerDescription[];
}

export interface Rejection {
  /** 1-based position in the source. */
  feature: number;
  /** The line of a CSV file (after its header). */
  line?: number;
  reason: string;
}

export interface LayerReadStats {
  read: number;
  rejected: number;
  rejections: Rejection[];
  garbledText: number;
}

export type ImportMessage =
  | { type: 'open'; file: string; label?: string; layer?: string; srs?: number; encoding?: string; maxFeatures: number }
  | {
      type: 'describe';
      file: string;
      label?: string;
      layer?: string;
      srs?: number;
      encoding?: string;
      sample: number;
    }
  | { type: 'next'; layer: number }
  | { type: 'close' };

export type ImportReply =
  | { type: 'ready' }
  | { type: 'opened'; source: SourceInfo }
  | { type: 'described'; source: SourceDescription }
  | {
      type: 'batch';
      /** The features as COPY rows (copy-rows.ts) — or, for a batch with arcs or collections, as
       *  features, `curved` listing those to be made straight. */
      rows?: RowBatch;
      /** On the way from the import process: the rows' bytes, which follow on the rows pipe
       *  (rows-pipe.ts; `rows.rows` is empty in the message). */
      rowBytes?: number;
      features?: FeatureIn[];
      curved?: number[];
      done: boolean;
      stats?: LayerReadStats;
    }
  | { type: 'closed' }
  | { type: 'failed'; message: string; status: number };

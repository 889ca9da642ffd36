/** The messages between the node and its import process (import-process.ts). */
import type { Attribute } from '../catalogue/layer.js';
import type { FeatureIn } from '../layers/write.js';

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
  | { type: 'next'; layer: number }
  | { type: 'close' };

export type ImportReply =
  | { type: 'ready' }
  | { type: 'opened'; source: SourceInfo }
  | { type: 'batch'; features: FeatureIn[]; curved: number[]; done: boolean; stats?: LayerReadStats }
  | { type: 'closed' }
  | { type: 'failed'; message: string; status: number };

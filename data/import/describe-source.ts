/** Describe only, write nothing: what the upload wizard shows before an import (runs in the
 *  import process, import-process.ts). The same reader as the import (read-source.ts) opens the
 *  source and reads a capped sample of each layer's features, transformed to EPSG:4326. */
import { readFileSync } from 'node:fs';
import gdal from 'gdal-async';
import { crsByEpsg } from '../crs.js';
import type { LocatedSource } from './locate.js';
import { openSource, readBatch, type SourceLayer } from './read-source.js';
import type { LayerDescription, SourceDescription } from './import-protocol.js';

export interface DescribeOptions {
  layer?: string;
  srs?: number;
  encoding?: string;
  /** The most features of each layer read for the preview. */
  sample: number;
}

/** GDAL reads a shapefile without .cpg (and without a code page in its .dbf) as ISO-8859-1. */
const SHAPEFILE_DEFAULT_ENCODING = 'ISO-8859-1';

export function describeSource(located: LocatedSource, opts: DescribeOptions): SourceDescription {
  const opened = openSource(located, { layer: opts.layer, srs: opts.srs, encoding: opts.encoding, describe: true });
  try {
    return {
      label: located.label,
      format: located.format.label,
      encodingOption: !!located.format.encodingOption,
      layers: opened.layers.map((l) => describeLayer(located, l, opts)),
    };
  } finally {
    opened.close();
  }
}

function describeLayer(located: LocatedSource, l: SourceLayer, opts: DescribeOptions): LayerDescription {
  const features: LayerDescription['sample']['features'] = [];
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  // A layer without a settled CRS is not read: its coordinates would be guessed.
  while (!l.crsProblem && features.length < opts.sample) {
    const batch = readBatch(l);
    for (const f of batch.features) {
      if (features.length >= opts.sample) break;
      if (!f.wkb) continue;
      let g = gdal.Geometry.fromWKB(Buffer.from(f.wkb as Uint8Array));
      if (batch.curved.length) g = linear(g);
      const e = g.getEnvelope();
      [box[0], box[1], box[2], box[3]] = [
        Math.min(box[0], e.minX),
        Math.min(box[1], e.minY),
        Math.max(box[2], e.maxX),
        Math.max(box[3], e.maxY),
      ];
      features.push({ type: 'Feature', geometry: g.toObject(), properties: {} });
    }
    if (batch.done) break;
  }
  let count = l.knownCount;
  if (count === null && !l.crsProblem) {
    try {
      count = l.gdalLayer.features.count(true);
    } catch {
      count = null;
    }
  }
  const epsg = l.crsProblem ? null : l.crs.nativeSrid;
  return {
    name: l.name,
    where: l.where,
    geometryType: gdal.Geometry.getName(l.gdalLayer.geomType) ?? 'Unknown',
    featureCount: count,
    epsg,
    crsName: epsg ? (crsByEpsg(epsg)?.name ?? srsName(l.crs.srs)) : srsName(l.crs.srs),
    crsProblem: l.crsProblem,
    ...(l.crs.note ? { note: l.crs.note } : {}),
    encoding: encodingOf(located, opts.encoding),
    attributes: l.attributes,
    sample: { type: 'FeatureCollection', features },
    bbox: features.length ? (box as [number, number, number, number]) : null,
    rejected: l.rejected,
    ...(l.rejections[0] ? { firstRejection: l.rejections[0].reason } : {}),
    garbledText: l.garbledText,
  };
}

function linear(g: gdal.Geometry): gdal.Geometry {
  const lin = (g as gdal.Geometry & { getLinearGeometry?: () => gdal.Geometry }).getLinearGeometry;
  return lin ? lin.call(g) : g;
}

function srsName(srs: gdal.SpatialReference | null): string | null {
  if (!srs) return null;
  return srs.getAttrValue('PROJCS') || srs.getAttrValue('GEOGCS') || null;
}

/** The code page of the text: given, said by a shapefile's .cpg, fixed by the format (UTF-8), or GDAL's default. */
function encodingOf(located: LocatedSource, given?: string): LayerDescription['encoding'] {
  if (given) return { name: given.toUpperCase(), source: 'given' };
  if (!located.format.encodingOption) return { name: 'UTF-8', source: 'format' };
  const cpg = located.gdalPath.replace(/\.shp$/i, '.cpg');
  try {
    gdal.fs.stat(cpg);
  } catch {
    return { name: SHAPEFILE_DEFAULT_ENCODING, source: 'default' };
  }
  let name = '.cpg';
  try {
    // A .cpg inside a zip is not read here (GDAL reads it itself); one in the upload's folder is.
    if (!cpg.startsWith('/vsi')) name = readFileSync(cpg, 'utf8').trim().slice(0, 32) || name;
  } catch {
    /* unreadable: GDAL decides */
  }
  return { name, source: 'file' };
}

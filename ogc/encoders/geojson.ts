/** GeoJSON feature collections, streamed as chunks of text (WFS application/json and OGC API items). */
import { crsUrn } from '../../data/crs.js';
import { rowProperties } from './values.js';
import type { EncodePart } from './gml.js';

export interface GeoJsonInfo {
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links?: Array<Record<string, string>>;
  /** Output CRS; a `crs` member names it when it is not WGS 84. */
  srid: number;
  /** `fid` (OGC API: the integer) or `gmlid` (WFS: `layer.fid`, as in GML). */
  ids: 'fid' | 'gmlid';
  hits?: boolean;
}

/** One feature as JSON text; `geometry` is already GeoJSON text from ST_AsGeoJSON. */
export function featureJson(part: EncodePart, row: Record<string, unknown>, ids: 'fid' | 'gmlid'): string {
  const id = ids === 'fid' ? Number(row.fid) : JSON.stringify(`${part.layer.localName}.${row.fid}`);
  const geometry = (row.geometry as string | null | undefined) ?? 'null';
  return `{"type":"Feature","id":${id},"geometry":${geometry},"properties":${JSON.stringify(rowProperties(row, part.attributes))}}`;
}

export async function* geoJsonCollection(parts: EncodePart[], info: GeoJsonInfo): AsyncGenerator<string> {
  let head = `{"type":"FeatureCollection","numberMatched":${info.numberMatched},"numberReturned":${info.hits ? 0 : info.numberReturned},"timeStamp":${JSON.stringify(info.timeStamp)}`;
  if (info.srid !== 4326) head += `,"crs":{"type":"name","properties":{"name":${JSON.stringify(crsUrn(info.srid))}}}`;
  yield `${head},"features":[`;
  let first = true;
  if (!info.hits) {
    for (const part of parts) {
      for await (const batch of part.rows()) {
        let out = '';
        for (const row of batch) {
          out += (first ? '' : ',') + featureJson(part, row, info.ids);
          first = false;
        }
        yield out;
      }
    }
  }
  yield `]${info.links ? `,"links":${JSON.stringify(info.links)}` : ''}}`;
}

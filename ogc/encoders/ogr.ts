/** Zipped Shapefile, GeoPackage and KML through GDAL: the features are written as GeoJSON to a
 *  temporary directory, ogr2ogr converts them (GDAL writes the .shp.zip itself), and the file
 *  is read out as the body; the directory is removed once the body is read, or fails. */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OgcError } from '../../data/errors.js';
import { geoJsonCollection } from './geojson.js';
import type { EncodePart } from './gml.js';

const run = promisify(execFile);

export type OgrKind = 'shapezip' | 'gpkg' | 'kml';

export interface OgrFile {
  /** The file's name as offered to the client. */
  filename: string;
  body: AsyncIterable<Uint8Array>;
}

/** Per kind: GDAL's driver, the file's extension and the CRS arguments. */
const OGR: Record<OgrKind, { driver: string; ext: string; args: (srid: number) => string[] }> = {
  gpkg: { driver: 'GPKG', ext: 'gpkg', args: (srid) => ['-a_srs', `EPSG:${srid}`] },
  shapezip: {
    driver: 'ESRI Shapefile',
    ext: 'shp.zip',
    args: (srid) => ['-a_srs', `EPSG:${srid}`, '-lco', 'ENCODING=UTF-8'],
  },
  // KML is WGS 84 lon/lat only.
  kml: { driver: 'KML', ext: 'kml', args: (srid) => ['-s_srs', `EPSG:${srid}`, '-t_srs', 'EPSG:4326'] },
};

export async function ogrFile(kind: OgrKind, parts: EncodePart[], srid: number, name: string): Promise<OgrFile> {
  const dir = mkdtempSync(`${tmpdir()}/simpul-wfs-`);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const src = `${dir}/features.geojson`;
    await pipeline(
      Readable.from(geoJsonCollection(parts, { numberMatched: 0, numberReturned: 0, timeStamp: '', srid, ids: 'fid' })),
      createWriteStream(src),
    );
    const safe = name.replace(/[^A-Za-z0-9_]/g, '_');
    // GDAL (3.1+) writes a zipped shapefile itself when the name ends in .shp.zip.
    const out = `${dir}/${safe}.${OGR[kind].ext}`;
    const args = ['-f', OGR[kind].driver, out, src, '-nln', safe, ...OGR[kind].args(srid)];
    try {
      await run('ogr2ogr', args, { timeout: 300_000 });
    } catch {
      throw new OgcError('OperationProcessingFailed', 'The file could not be written', 'outputFormat', 500);
    }
    return { filename: `${safe}.${OGR[kind].ext.replace('shp.zip', 'zip')}`, body: readThenRemove(out, remove) };
  } catch (err) {
    remove();
    throw err;
  }
}

/** The file's bytes; the directory goes when they are read or the reader stops early. */
async function* readThenRemove(path: string, remove: () => void): AsyncGenerator<Uint8Array> {
  try {
    yield* createReadStream(path);
  } finally {
    remove();
  }
}

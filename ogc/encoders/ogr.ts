/** Zipped Shapefile and GeoPackage through GDAL: the features are written as GeoJSON to a
 *  temporary directory, ogr2ogr converts them (GDAL writes the .shp.zip itself), the file
 *  is streamed to the client, and the directory is removed whatever happens. */
import type { Response } from 'express';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { OgcError } from '../../data/errors.js';
import { chunkWriter } from './stream.js';
import { writeGeoJsonCollection } from './geojson.js';
import type { EncodePart } from './gml.js';

const run = promisify(execFile);

export async function writeOgrFile(res: Response, kind: 'shapezip' | 'gpkg', parts: EncodePart[], srid: number, name: string): Promise<void> {
  const dir = mkdtempSync(`${tmpdir()}/simpul-wfs-`);
  try {
    const src = `${dir}/features.geojson`;
    const file = createWriteStream(src);
    await writeGeoJsonCollection(chunkWriter(file), parts, { numberMatched: 0, numberReturned: 0, timeStamp: '', srid, ids: 'fid' });
    const safe = name.replace(/[^A-Za-z0-9_]/g, '_');
    // GDAL (3.1+) writes a zipped shapefile itself when the name ends in .shp.zip.
    const out = kind === 'gpkg' ? `${dir}/${safe}.gpkg` : `${dir}/${safe}.shp.zip`;
    const args = kind === 'gpkg'
      ? ['-f', 'GPKG', out, src, '-nln', safe, '-a_srs', `EPSG:${srid}`]
      : ['-f', 'ESRI Shapefile', out, src, '-nln', safe, '-a_srs', `EPSG:${srid}`, '-lco', 'ENCODING=UTF-8'];
    try {
      await run('ogr2ogr', args, { timeout: 300_000 });
    } catch {
      throw new OgcError('OperationProcessingFailed', 'The file could not be written', 'outputFormat', 500);
    }
    res.status(200)
      .type(kind === 'gpkg' ? 'application/geopackage+sqlite3' : 'application/zip')
      .setHeader('Content-Disposition', `attachment; filename="${safe}.${kind === 'gpkg' ? 'gpkg' : 'zip'}"`);
    await pipeline(createReadStream(out), res);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

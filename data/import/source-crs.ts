/** The coordinate system of a source layer: taken from the file (or forced by --srs),
 *  identified as an EPSG code for the catalogue, and turned into a transformation to
 *  EPSG:4326 in traditional GIS axis order (x = longitude, y = latitude). A source whose
 *  CRS cannot be known is refused: guessing EPSG:4326 would put the city in the sea. */
import gdal from 'gdal-async';
import { CRS_TABLE } from '../crs.js';
import { importError } from './errors.js';
import type { SourceFormat } from './formats.js';

export interface SourceCrs {
  /** EPSG code recorded as the layer's native CRS; 0 when the CRS has none. */
  nativeSrid: number;
  /** Null when the source already is EPSG:4326. */
  transform: gdal.CoordinateTransformation | null;
  /** The CRS settled on (the file's, the format's or the one given); null when none. */
  srs: gdal.SpatialReference | null;
  /** A note for the report (an unidentified CRS, a CRS fixed by the format). */
  note?: string;
  /** The EPSG code given (--srs) or fixed by the format, when the file's own CRS is not the one used. */
  assigned?: number;
}

/**
 * GDAL ≥ 3 makes EPSG-built CRSs latitude-first. Drivers hand out layer CRSs in
 * traditional order already; CRSs built here are built under the same rule, and the
 * setting is put back afterwards so the rest of the process is not affected.
 */
function traditionalOrder<T>(fn: () => T): T {
  const key = 'OSR_DEFAULT_AXIS_MAPPING_STRATEGY';
  const before = gdal.config.get(key);
  gdal.config.set(key, 'TRADITIONAL_GIS_ORDER');
  try {
    return fn();
  } finally {
    gdal.config.set(key, before);
  }
}

export function epsgSrs(code: number): gdal.SpatialReference {
  return traditionalOrder(() => {
    try {
      return gdal.SpatialReference.fromEPSG(code);
    } catch {
      throw importError(`EPSG:${code} is not a coordinate system known to PROJ`);
    }
  });
}

let wgs84: gdal.SpatialReference | null = null;
const target = () => (wgs84 ??= epsgSrs(4326));

export { parseSrsOption } from './srs-option.js';

/** The EPSG code of a CRS: its own authority code, PROJ's identification, or a match in Simpul's CRS table. */
export function identifyEpsg(srs: gdal.SpatialReference): number {
  const own = authorityCode(srs);
  if (own) return own;
  try {
    const c = srs.clone();
    c.autoIdentifyEPSG();
    const auto = authorityCode(c);
    if (auto) return auto;
  } catch {
    /* not a CRS PROJ can identify on its own: try Simpul's table */
  }
  let proj4 = '';
  try {
    proj4 = srs.toProj4().trim();
  } catch {
    /* some CRSs have no PROJ.4 form */
  }
  for (const def of CRS_TABLE) {
    const known = epsgSrs(def.epsg);
    if (known.isSame(srs)) return def.epsg;
  }
  const byProj4 = proj4 && CRS_TABLE.find((d) => d.proj4 === proj4);
  return byProj4 ? byProj4.epsg : 0;
}

function authorityCode(srs: gdal.SpatialReference): number {
  const name = (srs.getAuthorityName(null) ?? '').toUpperCase();
  const code = srs.getAuthorityCode(null);
  if (name === 'EPSG' && code && /^\d+$/.test(code)) return Number(code);
  if (name === 'OGC' && code === 'CRS84') return 4326;
  return 0;
}

/** The CRS of one source layer, or an ImportError telling the owner how to supply one. */
export function resolveSourceCrs(
  layerSrs: gdal.SpatialReference | null,
  format: SourceFormat,
  where: string,
  override?: number,
): SourceCrs {
  let srs = layerSrs;
  let note: string | undefined;
  let assigned: number | undefined;
  if (override) srs = epsgSrs((assigned = override));
  else if (!srs && format.crsByDefinition) {
    srs = epsgSrs((assigned = format.crsByDefinition));
    note = `${format.label} is EPSG:${format.crsByDefinition} by definition`;
  }
  if (!srs) throw importError(`${where} has no coordinate system: ${format.crsHint}`);

  const nativeSrid = override ?? identifyEpsg(srs);
  if (!nativeSrid) note = 'its coordinate system has no EPSG code: transformed to EPSG:4326, native CRS recorded as 0';
  if (nativeSrid === 4326) return { nativeSrid, transform: null, srs, note, assigned };
  try {
    return { nativeSrid, transform: new gdal.CoordinateTransformation(srs, target()), srs, note, assigned };
  } catch (err) {
    throw importError(
      `${where}: no transformation from its coordinate system to EPSG:4326 (${(err as Error).message})`,
    );
  }
}

/** Tile matrix sets as data (OGC 2D Tile Matrix Set 2.0 / WMTS 1.0). Coordinates here are
 *  always easting/longitude first; encoders put them in each CRS's axis order.
 *
 *  - WebMercatorQuad: EPSG:3857, the web's XYZ grid (z0 = one 256 px tile).
 *  - WorldCRS84Quad: CRS84 (lon/lat), two tiles at z0.
 *  - WGS84Quad: the same grid in urn:ogc:def:crs:EPSG::4326 (lat/lon in WMTS), for clients
 *    that want the EPSG code.
 *  - UTM48SKotaTangerang: EPSG:32748 (WGS 84 / UTM 48S), origin at E 660000 N 9340000, one
 *    256 px tile of 256 m cells at z0 (65.5 km square: the whole city, lon 106.55–106.75,
 *    lat -6.30–-6.09 ≈ E 671500–693700, N 9303400–9326600), halving down to 6.25 cm at z12.
 */
import { crsByEpsg } from '../data/crs.js';

export interface TileMatrix {
  id: string;
  scaleDenominator: number;
  /** CRS units per pixel. */
  cellSize: number;
  /** Top-left corner, easting/longitude first. */
  origin: [number, number];
  tileWidth: number;
  tileHeight: number;
  matrixWidth: number;
  matrixHeight: number;
}

export interface TileMatrixSet {
  id: string;
  title: string;
  /** OGC registry URI when the set is a registered one. */
  uri?: string;
  /** The CRS as an OGC URI (for OGC API) and as a URN (for WMTS). */
  crsUri: string;
  crsUrn: string;
  srid: number;
  /** Coordinates in the CRS's axis order are north first (EPSG:4326 as a URN). */
  northFirst: boolean;
  wellKnownScaleSet?: string;
  /** Extent, easting/longitude first. */
  bbox: [number, number, number, number];
  matrices: TileMatrix[];
}

/** Standardised rendering pixel (OGC): 0.28 mm. */
const PIXEL = 0.00028;
const DEGREE_M = (2 * Math.PI * 6378137) / 360;
const MERC = 20037508.342789244;

function quad(opts: {
  origin: [number, number];
  cell0: number;
  metersPerUnit: number;
  levels: number;
  w0: number;
  h0: number;
}): TileMatrix[] {
  const out: TileMatrix[] = [];
  for (let z = 0; z <= opts.levels; z++) {
    const cellSize = opts.cell0 / 2 ** z;
    out.push({
      id: String(z),
      cellSize,
      scaleDenominator: (cellSize * opts.metersPerUnit) / PIXEL,
      origin: opts.origin,
      tileWidth: 256,
      tileHeight: 256,
      matrixWidth: opts.w0 * 2 ** z,
      matrixHeight: opts.h0 * 2 ** z,
    });
  }
  return out;
}

const crs84Matrices = quad({ origin: [-180, 90], cell0: 180 / 256, metersPerUnit: DEGREE_M, levels: 21, w0: 2, h0: 1 });

export const TILE_MATRIX_SETS: readonly TileMatrixSet[] = [
  {
    id: 'WebMercatorQuad',
    title: 'Google Maps Compatible for the World',
    uri: 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad',
    crsUri: 'http://www.opengis.net/def/crs/EPSG/0/3857',
    crsUrn: 'urn:ogc:def:crs:EPSG::3857',
    srid: 3857,
    northFirst: false,
    wellKnownScaleSet: 'urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible',
    bbox: [-MERC, -MERC, MERC, MERC],
    matrices: quad({ origin: [-MERC, MERC], cell0: (2 * MERC) / 256, metersPerUnit: 1, levels: 24, w0: 1, h0: 1 }),
  },
  {
    id: 'WorldCRS84Quad',
    title: 'CRS84 for the World',
    uri: 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WorldCRS84Quad',
    crsUri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
    crsUrn: 'urn:ogc:def:crs:OGC:1.3:CRS84',
    srid: 4326,
    northFirst: false,
    wellKnownScaleSet: 'urn:ogc:def:wkss:OGC:1.0:GoogleCRS84Quad',
    bbox: [-180, -90, 180, 90],
    matrices: crs84Matrices,
  },
  {
    id: 'WGS84Quad',
    title: 'WGS 84 (EPSG:4326, latitude first) for the World',
    crsUri: 'http://www.opengis.net/def/crs/EPSG/0/4326',
    crsUrn: 'urn:ogc:def:crs:EPSG::4326',
    srid: 4326,
    northFirst: true,
    bbox: [-180, -90, 180, 90],
    matrices: crs84Matrices,
  },
  {
    id: 'UTM48SKotaTangerang',
    title: 'WGS 84 / UTM zone 48S over Kota Tangerang',
    crsUri: 'http://www.opengis.net/def/crs/EPSG/0/32748',
    crsUrn: 'urn:ogc:def:crs:EPSG::32748',
    srid: 32748,
    northFirst: false,
    bbox: [660000, 9340000 - 65536, 660000 + 65536, 9340000],
    matrices: quad({ origin: [660000, 9340000], cell0: 256, metersPerUnit: 1, levels: 12, w0: 1, h0: 1 }),
  },
];

const BY_ID = new Map(TILE_MATRIX_SETS.map((t) => [t.id.toLowerCase(), t]));

export function tileMatrixSet(id: string): TileMatrixSet | undefined {
  return BY_ID.get(id.toLowerCase());
}

export const WEB_MERCATOR = TILE_MATRIX_SETS[0];

/** The matrix of a set by its id, or undefined. */
export function tileMatrix(tms: TileMatrixSet, id: string): TileMatrix | undefined {
  return /^\d{1,2}$/.test(id) ? tms.matrices[Number(id)] : undefined;
}

/** Extent of one tile, easting/longitude first: [minx, miny, maxx, maxy]. */
export function tileBounds(m: TileMatrix, col: number, row: number): [number, number, number, number] {
  const w = m.cellSize * m.tileWidth;
  const h = m.cellSize * m.tileHeight;
  const minx = m.origin[0] + col * w;
  const maxy = m.origin[1] - row * h;
  return [minx, maxy - h, minx + w, maxy];
}

/** Whether a CRS name is in the crs table (all sets use supported CRSs). */
export const tmsCrsKnown = (t: TileMatrixSet) => !!crsByEpsg(t.srid);

/** Tile range of a matrix covering a lon/lat box (for capabilities limits and seeding). */
export function tileRangeForLonLat(
  tms: TileMatrixSet,
  m: TileMatrix,
  bbox: [number, number, number, number],
): { minCol: number; maxCol: number; minRow: number; maxRow: number } | null {
  const [minx, miny, maxx, maxy] = projectBox(tms.srid, bbox);
  const w = m.cellSize * m.tileWidth;
  const h = m.cellSize * m.tileHeight;
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  const minCol = clamp(Math.floor((minx - m.origin[0]) / w), m.matrixWidth - 1);
  const maxCol = clamp(Math.floor((maxx - m.origin[0]) / w - 1e-9), m.matrixWidth - 1);
  const minRow = clamp(Math.floor((m.origin[1] - maxy) / h), m.matrixHeight - 1);
  const maxRow = clamp(Math.floor((m.origin[1] - miny) / h - 1e-9), m.matrixHeight - 1);
  if (maxCol < minCol || maxRow < minRow) return null;
  return { minCol, maxCol, minRow, maxRow };
}

/** A lon/lat box in a set's CRS (3857 and 4326 exactly; UTM by its corners, good for a city). */
export function projectBox(srid: number, b: [number, number, number, number]): [number, number, number, number] {
  if (srid === 4326) return b;
  if (srid === 3857) {
    const x = (lon: number) => (lon * MERC) / 180;
    const y = (lat: number) =>
      (Math.log(Math.tan(((90 + Math.max(-85.06, Math.min(85.06, lat))) * Math.PI) / 360)) * MERC) / Math.PI;
    return [x(b[0]), y(b[1]), x(b[2]), y(b[3])];
  }
  const pts = [utm48s(b[0], b[1]), utm48s(b[0], b[3]), utm48s(b[2], b[1]), utm48s(b[2], b[3])];
  return [
    Math.min(...pts.map((p) => p[0])),
    Math.min(...pts.map((p) => p[1])),
    Math.max(...pts.map((p) => p[0])),
    Math.max(...pts.map((p) => p[1])),
  ];
}

/** Lon/lat → WGS 84 / UTM 48S (Snyder's series; sub-metre near the zone). */
function utm48s(lon: number, lat: number): [number, number] {
  const a = 6378137,
    f = 1 / 298.257223563,
    k0 = 0.9996;
  const e2 = f * (2 - f),
    ep2 = e2 / (1 - e2);
  const phi = (lat * Math.PI) / 180,
    lam = ((lon - 105) * Math.PI) / 180;
  const N = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const T = Math.tan(phi) ** 2,
    C = ep2 * Math.cos(phi) ** 2,
    A = Math.cos(phi) * lam;
  const M =
    a *
    ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi -
      ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
  const x =
    500000 + k0 * N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T * T + 72 * C - 58 * ep2) * A ** 5) / 120);
  const y =
    10000000 +
    k0 *
      (M +
        N *
          Math.tan(phi) *
          ((A * A) / 2 +
            ((5 - T + 9 * C + 4 * C * C) * A ** 4) / 24 +
            ((61 - 58 * T + T * T + 600 * C - 330 * ep2) * A ** 6) / 720));
  return [x, y];
}

/** The one table of coordinate reference systems Simpul supports. It drives capabilities
 *  (which CRSs are advertised), request parsing (URN/URI/short forms), axis swapping and the
 *  rows added to spatial_ref_sys where PostGIS lacks them. Axis order is EPSG's: geographic
 *  CRSs are latitude first; every projected CRS here is easting first. */

export interface CrsDef {
  /** EPSG code (CRS:84 is carried as 4326 with lonLat forced). */
  epsg: number;
  name: string;
  proj4: string;
  geographic: boolean;
  /** EPSG axis order is north first (lat/lon). */
  northFirst: boolean;
  /** Advertised in capabilities (the Indonesian and web CRSs; other TM-3 zones are accepted). */
  advertised: boolean;
}

const TM3 = (zone: string, epsg: number, lon0: number): CrsDef => ({
  epsg,
  name: `DGN95 / Indonesia TM-3 zone ${zone}`,
  proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=200000 +y_0=1500000 +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`,
  geographic: false,
  northFirst: false,
  advertised: epsg === 23834,
});

export const CRS_TABLE: readonly CrsDef[] = [
  {
    epsg: 4326,
    name: 'WGS 84',
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    geographic: true,
    northFirst: true,
    advertised: true,
  },
  {
    epsg: 3857,
    name: 'WGS 84 / Pseudo-Mercator',
    proj4:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    geographic: false,
    northFirst: false,
    advertised: true,
  },
  {
    epsg: 9470,
    name: 'SRGI2013',
    proj4: '+proj=longlat +ellps=WGS84 +no_defs',
    geographic: true,
    northFirst: true,
    advertised: true,
  },
  {
    epsg: 9488,
    name: 'SRGI2013 / UTM zone 48S',
    proj4: '+proj=utm +zone=48 +south +ellps=WGS84 +units=m +no_defs',
    geographic: false,
    northFirst: false,
    advertised: true,
  },
  {
    epsg: 4755,
    name: 'DGN95',
    proj4: '+proj=longlat +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +no_defs',
    geographic: true,
    northFirst: true,
    advertised: true,
  },
  {
    epsg: 23878,
    name: 'DGN95 / UTM zone 48S',
    proj4: '+proj=utm +zone=48 +south +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    geographic: false,
    northFirst: false,
    advertised: true,
  },
  {
    epsg: 32748,
    name: 'WGS 84 / UTM zone 48S',
    proj4: '+proj=utm +zone=48 +south +datum=WGS84 +units=m +no_defs',
    geographic: false,
    northFirst: false,
    advertised: true,
  },
  {
    epsg: 32749,
    name: 'WGS 84 / UTM zone 49S',
    proj4: '+proj=utm +zone=49 +south +datum=WGS84 +units=m +no_defs',
    geographic: false,
    northFirst: false,
    advertised: false,
  },
  TM3('46.2', 23830, 94.5),
  TM3('47.1', 23831, 97.5),
  TM3('47.2', 23832, 100.5),
  TM3('48.1', 23833, 103.5),
  TM3('48.2', 23834, 106.5),
  TM3('49.1', 23835, 109.5),
  TM3('49.2', 23836, 112.5),
  TM3('50.1', 23837, 115.5),
  TM3('50.2', 23838, 118.5),
  TM3('51.1', 23839, 121.5),
  TM3('51.2', 23840, 124.5),
  TM3('52.1', 23841, 127.5),
  TM3('52.2', 23842, 130.5),
  TM3('53.1', 23843, 133.5),
  TM3('53.2', 23844, 136.5),
  TM3('54.1', 23845, 139.5),
];

const BY_EPSG = new Map(CRS_TABLE.map((c) => [c.epsg, c]));

export const ADVERTISED_CRS: readonly CrsDef[] = CRS_TABLE.filter((c) => c.advertised);

export function crsByEpsg(epsg: number): CrsDef | undefined {
  return BY_EPSG.get(epsg);
}

/** A CRS as named in a request, with the axis order that name implies. */
export interface CrsRef {
  def: CrsDef;
  /** Coordinates in this reference come latitude/northing first. */
  northFirst: boolean;
  /** The form it was given in, to echo back. */
  form: 'crs84' | 'epsg' | 'urn' | 'uri';
}

/**
 * Parses `EPSG:4326`, `CRS:84`, `urn:ogc:def:crs:EPSG::4326`, `urn:x-ogc:def:crs:EPSG:4326`,
 * `http://www.opengis.net/def/crs/EPSG/0/4326`, `http://www.opengis.net/gml/srs/epsg.xml#4326`
 * and `http://www.opengis.net/def/crs/OGC/1.3/CRS84`.
 * `legacyLonLat`: the short `EPSG:n` form means lon/lat (WMS 1.1.1, WFS 1.0); otherwise
 * (WMS 1.3.0, WFS 1.1/2.0) it follows EPSG's axis order.
 */
export function parseCrs(text: string, legacyLonLat = false): CrsRef | undefined {
  const t = text.trim();
  if (
    /^(CRS:84|urn:ogc:def:crs:OGC:(1\.3:|:)?CRS84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84)$/i.test(t)
  ) {
    return { def: BY_EPSG.get(4326)!, northFirst: false, form: 'crs84' };
  }
  let m = /^EPSG:(\d+)$/i.exec(t);
  if (m) {
    const def = BY_EPSG.get(Number(m[1]));
    return def && { def, northFirst: legacyLonLat ? false : def.northFirst, form: 'epsg' };
  }
  m = /^urn:(?:x-)?ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(t);
  if (m) {
    const def = BY_EPSG.get(Number(m[1]));
    return def && { def, northFirst: def.northFirst, form: 'urn' };
  }
  m = /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(t);
  if (m) {
    const def = BY_EPSG.get(Number(m[1]));
    return def && { def, northFirst: def.northFirst, form: 'uri' };
  }
  m = /^https?:\/\/www\.opengis\.net\/gml\/srs\/epsg\.xml#(\d+)$/i.exec(t);
  if (m) {
    const def = BY_EPSG.get(Number(m[1]));
    return def && { def, northFirst: false, form: 'uri' };
  }
  return undefined;
}

export const crsUrn = (epsg: number) => `urn:ogc:def:crs:EPSG::${epsg}`;
export const crsUri = (epsg: number) => `http://www.opengis.net/def/crs/EPSG/0/${epsg}`;
export const CRS84_URI = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

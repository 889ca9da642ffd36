/** The deployment's facts (who runs the node, for which place, under which terms): one value
 *  read at start from config/simpul.yaml (server/settings.ts) and handed to every service through
 *  the node it receives. The type lives here, the lowest layer, so ogc/ and data/ may use it;
 *  the defaults are Kota Tangerang's and equal config/simpul.yaml. */

/** A text a person reads, Indonesian first and English. */
export interface Localized {
  id: string;
  en: string;
}

export interface Site {
  service: {
    title: Localized;
    abstract: Localized;
    keywords: string[];
    /** "none" when the services are free of charge (OWS Fees). */
    fees: string;
    accessConstraints: string;
    licence: { name: string; url: string };
  };
  /** The organisation that runs the node (OWS ServiceProvider, the catalogue's distributor and
   *  metadata contact for the node's own records). */
  provider: {
    organisation: string;
    /** Its code among the organisations (data/organisations.ts), for the service records. */
    organisationCode: string;
    person: string;
    position: string;
    address: { street: string; city: string; province: string; postalCode: string; country: string };
    phone: string;
    email: string;
    web: string;
  };
  /** The place the node serves: place keyword of records (name, Kemendagri code). */
  place: { name: string; code: string };
  /** The place's extent, CRS84 [minLon, minLat, maxLon, maxLat]: capabilities when no layer has
   *  one, the catalogue's extent, the web map's first view. */
  extent: [number, number, number, number];
  /** Languages of the web pages, first the default (ISO 639-1). */
  languages: string[];
  /** The web map (/map). */
  map: { basemaps: Basemap[] };
}

/** A base map the browser fetches itself (the city's boundaries, drawn by the node, are always
 *  offered first). WMTS: WebMercatorQuad, a REST address with {TileMatrix}/{TileRow}/{TileCol}. */
export interface Basemap {
  id: string;
  title: Localized;
  type: 'xyz' | 'wmts';
  url: string;
  attribution?: string;
  tileSize?: 256 | 512;
  maxzoom?: number;
}

export const DEFAULT_SITE: Site = {
  service: {
    title: { id: 'Simpul — Satu Data Satu Peta Kota Tangerang', en: 'Simpul — Kota Tangerang spatial data node' },
    abstract: {
      id: 'Simpul jaringan informasi geospasial Kota Tangerang (Satu Data Satu Peta): peta, data fitur, ubin dan metadata ISO 19139 perangkat daerah, untuk dipanen JIGN/BIG, GeoNetwork dan CKAN.',
      en: "Kota Tangerang's spatial data node (One Data One Map): maps, features, tiles and ISO 19139 metadata of the city's agencies, harvestable by JIGN/BIG, GeoNetwork and CKAN.",
    },
    keywords: ['Satu Data Satu Peta', 'Kota Tangerang', 'JIGN'],
    fees: 'none',
    accessConstraints: 'none',
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  },
  provider: {
    organisation: 'Dinas Komunikasi dan Informatika Kota Tangerang',
    organisationCode: 'diskominfo',
    person: 'Walidata Kota Tangerang',
    position: 'Walidata',
    address: {
      street: 'Jl. Satria Sudirman No. 1, Sukaasih',
      city: 'Kota Tangerang',
      province: 'Banten',
      postalCode: '15111',
      country: 'Indonesia',
    },
    phone: '',
    email: 'diskominfo@tangerangkota.go.id',
    web: 'https://tangerangkota.go.id',
  },
  place: { name: 'Kota Tangerang', code: '36.71' },
  // Covers Bappeda's boundaries (lon 106.5515–106.7486, lat -6.2561–-6.0971).
  extent: [106.55, -6.3, 106.75, -6.09],
  languages: ['id', 'en'],
  // Offline by default: a node on a closed network has no outside tiles.
  map: { basemaps: [] },
};

/** A language of the site's, else its first. */
export function siteLanguage(site: Site, lang: string | undefined): keyof Localized {
  const l = (lang ?? '').toLowerCase();
  return (
    site.languages.includes(l) && (l === 'id' || l === 'en') ? l : site.languages[0] === 'en' ? 'en' : 'id'
  ) as keyof Localized;
}

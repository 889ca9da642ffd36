/** WFS output formats: one table of names (per version the MIME strings clients send) →
 *  the encoder that writes them. */

export type Encoding = 'gml32' | 'gml311' | 'gml2' | 'geojson' | 'csv' | 'shapezip' | 'gpkg' | 'kml';

export interface OutputFormat {
  encoding: Encoding;
  /** The name advertised in capabilities. */
  name: string;
  /** Content-Type of the response. */
  contentType: string;
  /** Other names accepted in OUTPUTFORMAT (compared in lower case, spaces removed). */
  aliases: string[];
  /** File extension for attachments (zip, gpkg, csv, kml). */
  attachment?: string;
}

export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  {
    encoding: 'gml32',
    name: 'application/gml+xml; version=3.2',
    contentType: 'application/gml+xml; version=3.2',
    aliases: [
      'text/xml;subtype=gml/3.2',
      'text/xml;subtype=gml/3.2.1',
      'gml32',
      'application/gml+xml;version=3.2',
      'text/xml;subtype="gml/3.2"',
    ],
  },
  {
    encoding: 'gml311',
    name: 'text/xml; subtype=gml/3.1.1',
    contentType: 'text/xml; subtype=gml/3.1.1',
    aliases: ['gml3', 'text/xml;subtype=gml/3.1.1', 'application/gml+xml;version=3.1', 'text/xml;subtype="gml/3.1.1"'],
  },
  {
    encoding: 'gml2',
    name: 'GML2',
    contentType: 'text/xml; subtype=gml/2.1.2',
    aliases: ['gml2', 'text/xml;subtype=gml/2.1.2', 'application/gml+xml;version=2.1', 'text/xml'],
  },
  {
    encoding: 'geojson',
    name: 'application/json',
    contentType: 'application/geo+json',
    aliases: ['json', 'geojson', 'application/geo+json', 'application/json;subtype=geojson'],
  },
  { encoding: 'csv', name: 'csv', contentType: 'text/csv; charset=utf-8', aliases: ['text/csv'], attachment: 'csv' },
  {
    encoding: 'shapezip',
    name: 'SHAPE-ZIP',
    contentType: 'application/zip',
    aliases: ['shape-zip', 'application/zip', 'shapezip', 'shp'],
    attachment: 'zip',
  },
  {
    encoding: 'gpkg',
    name: 'application/geopackage+sqlite3',
    contentType: 'application/geopackage+sqlite3',
    aliases: ['gpkg', 'geopackage'],
    attachment: 'gpkg',
  },
  // KML (Google Earth, phones' map apps): always WGS 84 lon/lat, whatever SRSNAME asks.
  {
    encoding: 'kml',
    name: 'application/vnd.google-earth.kml+xml',
    contentType: 'application/vnd.google-earth.kml+xml',
    aliases: ['kml'],
    attachment: 'kml',
  },
];

/** The default (and first advertised) GML per WFS version. */
export const DEFAULT_FORMAT: Record<string, Encoding> = { '2.0.0': 'gml32', '1.1.0': 'gml311', '1.0.0': 'gml2' };

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');

export function findFormat(name: string): OutputFormat | undefined {
  const n = norm(name);
  return OUTPUT_FORMATS.find((f) => norm(f.name) === n || f.aliases.includes(n));
}

/** Formats in the order a version advertises them (its own GML first). */
export function formatsFor(version: string): OutputFormat[] {
  const first = DEFAULT_FORMAT[version];
  return [...OUTPUT_FORMATS].sort((a, b) => Number(b.encoding === first) - Number(a.encoding === first));
}

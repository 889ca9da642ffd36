/** The file formats Simpul imports through GDAL: one row per format, naming its file
 *  extensions, the GDAL drivers that read it, their open options, and what the format
 *  itself says about the coordinate system. */

export interface SourceFormat {
  id: string;
  label: string;
  /** Lower-case extensions (with the dot) that mark the main file of a dataset. */
  extensions: string[];
  /** GDAL drivers to try, in order. */
  drivers: string[];
  openOptions?: string[];
  /** The CRS is fixed by the format's definition (RFC 7946 GeoJSON, KML): EPSG:4326. */
  crsByDefinition?: number;
  /** How to tell the owner of such a file to supply a missing CRS. */
  crsHint: string;
  /** The open option that names the code page of its text (when the file does not say). */
  encodingOption?: string;
  /** GDAL turns the features' own identifiers into FIDs: keep them as this attribute. */
  featureIdAttribute?: string;
}

const PASS_SRS =
  'give the coordinate system (--srs EPSG:N on the command line, the "srs" field of an upload), e.g. EPSG:23834 for DGN95 / TM-3 zone 48.2 or EPSG:4326 for longitude/latitude';

export const FORMATS: readonly SourceFormat[] = [
  {
    id: 'shapefile',
    label: 'ESRI Shapefile',
    extensions: ['.shp'],
    drivers: ['ESRI Shapefile'],
    crsHint: `add its .prj file, or ${PASS_SRS}`,
    encodingOption: 'ENCODING',
  },
  { id: 'geopackage', label: 'GeoPackage', extensions: ['.gpkg'], drivers: ['GPKG'], crsHint: PASS_SRS },
  {
    id: 'geojson',
    label: 'GeoJSON',
    extensions: ['.geojson', '.json'],
    drivers: ['GeoJSON'],
    crsByDefinition: 4326,
    crsHint: PASS_SRS,
    featureIdAttribute: 'id',
  },
  {
    id: 'kml',
    label: 'KML/KMZ',
    extensions: ['.kml', '.kmz'],
    drivers: ['LIBKML', 'KML'],
    crsByDefinition: 4326,
    crsHint: PASS_SRS,
  },
  {
    id: 'csv',
    label: 'CSV',
    extensions: ['.csv'],
    drivers: ['CSV'],
    // Coordinates either in a WKT column or in a pair of columns with a usual name.
    openOptions: [
      'X_POSSIBLE_NAMES=lon,lng,long,longitude,x,bujur,easting',
      'Y_POSSIBLE_NAMES=lat,latitude,y,lintang,northing',
      'GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,shape,wkt_geom',
      'KEEP_GEOM_COLUMNS=NO',
      'AUTODETECT_TYPE=YES',
      'EMPTY_STRING_AS_NULL=YES',
    ],
    crsHint: PASS_SRS,
  },
  {
    id: 'gml',
    label: 'GML',
    extensions: ['.gml'],
    drivers: ['GML'],
    crsHint: `add srsName to its geometries, or ${PASS_SRS}`,
  },
  { id: 'filegdb', label: 'Esri File Geodatabase', extensions: ['.gdb'], drivers: ['OpenFileGDB'], crsHint: PASS_SRS },
  { id: 'dxf', label: 'AutoCAD DXF', extensions: ['.dxf'], drivers: ['DXF'], crsHint: PASS_SRS },
];

export const ARCHIVE_EXTENSIONS = ['.zip'];

/** The format whose main file has this name, if any (`.gdb` folders included). */
export function formatOf(fileName: string): SourceFormat | undefined {
  const lower = fileName.toLowerCase().replace(/\/+$/, '');
  return FORMATS.find((f) => f.extensions.some((e) => lower.endsWith(e)));
}

export const SUPPORTED_EXTENSIONS = [...FORMATS.flatMap((f) => f.extensions), ...ARCHIVE_EXTENSIONS];

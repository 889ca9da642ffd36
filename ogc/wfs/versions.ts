/** What differs between WFS 2.0.0, 1.1.0 and 1.0.0: namespaces, GML, OWS report version, and
 *  whether `EPSG:4326` means lon/lat (1.0) or EPSG's lat/lon (1.1, 2.0). */
import type { OwsVersion } from '../exceptions.js';

export type WfsVersion = '2.0.0' | '1.1.0' | '1.0.0';

export interface VersionInfo {
  wfsNs: string;
  wfsXsd: string;
  gmlNs: string;
  gmlXsd: string;
  ows: OwsVersion;
  /** `EPSG:n` is lon/lat. */
  legacyLonLat: boolean;
}

export const VERSIONS: Record<WfsVersion, VersionInfo> = {
  '2.0.0': {
    wfsNs: 'http://www.opengis.net/wfs/2.0',
    wfsXsd: 'http://schemas.opengis.net/wfs/2.0/wfs.xsd',
    gmlNs: 'http://www.opengis.net/gml/3.2',
    gmlXsd: 'http://schemas.opengis.net/gml/3.2.1/gml.xsd',
    ows: '2.0.0',
    legacyLonLat: false,
  },
  '1.1.0': {
    wfsNs: 'http://www.opengis.net/wfs',
    wfsXsd: 'http://schemas.opengis.net/wfs/1.1.0/wfs.xsd',
    gmlNs: 'http://www.opengis.net/gml',
    gmlXsd: 'http://schemas.opengis.net/gml/3.1.1/base/gml.xsd',
    ows: '1.0.0',
    legacyLonLat: false,
  },
  '1.0.0': {
    wfsNs: 'http://www.opengis.net/wfs',
    wfsXsd: 'http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd',
    gmlNs: 'http://www.opengis.net/gml',
    gmlXsd: 'http://schemas.opengis.net/gml/2.1.2/feature.xsd',
    ows: '1.0.0',
    legacyLonLat: true,
  },
};

/** A requested version (VERSION or the best of ACCEPTVERSIONS) → one we speak; default 2.0.0. */
export function negotiateVersion(requested: string | undefined): WfsVersion {
  if (!requested) return '2.0.0';
  for (const v of requested.split(',').map((s) => s.trim())) {
    if (v.startsWith('2.')) return '2.0.0';
    if (v === '1.1.0' || v === '1.1') return '1.1.0';
    if (v === '1.0.0' || v === '1.0') return '1.0.0';
  }
  return '2.0.0';
}

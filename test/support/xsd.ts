/** Validates XML against the official schemas in vendor/ogc-schemas with xmllint, offline. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SCHEMAS } from './backend.js';

export const SCHEMA = {
  /** WMS 1.3.0 with the SLD 1.1 extensions (sld:GetLegendGraphic, sld:UserDefinedSymbolization). */
  wms130sld: `${SCHEMAS}/schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd`,
  wfs20: `${SCHEMAS}/schemas.opengis.net/wfs/2.0/wfs.xsd`,
  wfs110: `${SCHEMAS}/schemas.opengis.net/wfs/1.1.0/wfs.xsd`,
  csw202: `${SCHEMAS}/schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd`,
  cswRecord: `${SCHEMAS}/schemas.opengis.net/csw/2.0.2/record.xsd`,
  gmd: `${SCHEMAS}/schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd`,
  srv: `${SCHEMAS}/schemas.opengis.net/iso/19139/20070417/srv/1.0/srv.xsd`,
  /** CSW 2.0.2 + gmd + srv together, for responses that carry ISO records. */
  cswIso: new URL('./schemas/csw-iso.xsd', import.meta.url).pathname,
  wmts10: `${SCHEMAS}/schemas.opengis.net/wmts/1.0/wmts.xsd`,
  ows110: `${SCHEMAS}/schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd`,
  ows100: `${SCHEMAS}/schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd`,
} as const;

/** Returns '' when valid, else xmllint's complaints. `schema` is a path to an .xsd. */
export function xsdErrors(xml: string, schema: string): string {
  const dir = mkdtempSync(`${tmpdir()}/simpul-xsd-`);
  const file = `${dir}/doc.xml`;
  writeFileSync(file, xml);
  try {
    // Name the schema by its canonical URL: the OGC schemas import each other by URL, and
    // libxml2 would load a file reached by path and by URL twice ("already exists").
    const canonical = schema.startsWith(`${SCHEMAS}/schemas.opengis.net/`)
      ? schema.replace(`${SCHEMAS}/`, 'http://')
      : schema;
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', canonical, file], {
      env: { ...process.env, XML_CATALOG_FILES: `${SCHEMAS}/catalog.xml` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return '';
  } catch (err: any) {
    return String(err.stderr ?? err.message)
      .split('\n')
      .filter((l) => !/validates$/.test(l))
      .slice(0, 20)
      .join('\n');
  }
}

/** Validates a WFS feature collection against the WFS schema plus our DescribeFeatureType answer. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { xsdErrors } from '../support/xsd.js';

export const ORG_NS = 'https://simpul.tangerangkota.go.id/ns/';

export const WFS_SCHEMAS = {
  '2.0.0': { xsd: 'http://schemas.opengis.net/wfs/2.0/wfs.xsd', ns: 'http://www.opengis.net/wfs/2.0' },
  '1.1.0': { xsd: 'http://schemas.opengis.net/wfs/1.1.0/wfs.xsd', ns: 'http://www.opengis.net/wfs' },
} as const;

export function validateWithDft(doc: string, dft: string, org: string, wfsXsd: string, wfsNs: string): string {
  const dir = mkdtempSync(`${tmpdir()}/simpul-wfs-xsd-`);
  writeFileSync(`${dir}/dft.xsd`, dft);
  writeFileSync(
    `${dir}/wrap.xsd`,
    `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<xsd:import namespace="${wfsNs}" schemaLocation="${wfsXsd}"/>
<xsd:import namespace="${ORG_NS}${org}" schemaLocation="file://${dir}/dft.xsd"/></xsd:schema>`,
  );
  return xsdErrors(doc, `${dir}/wrap.xsd`);
}

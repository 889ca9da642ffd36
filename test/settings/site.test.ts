/** Another site's settings file (SIMPUL_CONFIG) changes what every service says about who runs
 *  it, and the documents stay schema-valid: WMS 1.3.0 (and 1.1.1 by its DTD), WFS 2.0, WMTS,
 *  CSW, the ISO 19139 records' distributor, the OGC API landing page and Records, the home page. */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { loadConfig } from '../../server/config.js';
import { testNode, get, type TestNode } from '../support/context.js';
import { xsdErrors, SCHEMA } from '../support/xsd.js';
import { SCHEMAS } from '../support/backend.js';

const SETTINGS = `
service:
  title: { id: Simpul Kota Contoh, en: Kota Contoh spatial node }
  abstract: { id: Layanan peta Kota Contoh & sekitarnya., en: Map services of Kota Contoh. }
  keywords: [Kota Contoh, SDI]
  fees: gratis
  accessConstraints: tanpa batasan
provider:
  organisation: Dinas Kominfo Kota Contoh
  organisationCode: diskominfo
  person: Budi Santoso
  position: Kepala Bidang Statistik
  address: { street: Jl. Contoh No. 2, city: Kota Contoh, province: Jawa Barat, postalCode: "40111", country: Indonesia }
  phone: "+62 22 555 0101"
  email: gis@contoh.go.id
  web: https://contoh.go.id
place: { name: Kota Contoh, code: "32.99" }
extent: [107.5, -7.0, 107.7, -6.8]
languages: [en, id]
`;

describe('site settings in the services', () => {
  let node: TestNode;
  before(async () => {
    const dir = mkdtempSync(`${tmpdir()}/simpul-site-`);
    writeFileSync(`${dir}/contoh.yaml`, SETTINGS);
    const { site, caches } = loadConfig({ SIMPUL_CONFIG: `${dir}/contoh.yaml` });
    node = await testNode({ serve: true, config: { site, caches } });
  });
  after(async () => node.stop());

  it('WMS 1.3.0 and 1.1.1 name the site and its contact, and stay valid', async () => {
    const r = await get(`${node.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`);
    expect(xsdErrors(r.body, SCHEMA.wms130sld)).to.equal('');
    expect(r.body)
      .to.include('<Title>Simpul Kota Contoh — WMS</Title>')
      .and.include('Layanan peta Kota Contoh &amp; sekitarnya.');
    expect(r.body).to.include(
      '<ContactPerson>Budi Santoso</ContactPerson><ContactOrganization>Dinas Kominfo Kota Contoh</ContactOrganization>',
    );
    expect(r.body)
      .to.include('<ContactElectronicMailAddress>gis@contoh.go.id</ContactElectronicMailAddress>')
      .and.include('<Fees>gratis</Fees>');
    expect(r.body).to.include(
      '<KeywordList><Keyword>WMS</Keyword><Keyword>Kota Contoh</Keyword><Keyword>SDI</Keyword></KeywordList>',
    );
    const v111 = await get(`${node.url}/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities`);
    const dir = mkdtempSync(`${tmpdir()}/simpul-dtd-`);
    writeFileSync(`${dir}/doc.xml`, v111.body.replace(/<!DOCTYPE[^>]*>/, ''));
    await promisify(execFile)('xmllint', [
      '--nonet',
      '--noout',
      '--dtdvalid',
      `${SCHEMAS}/schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd`,
      `${dir}/doc.xml`,
    ]);
    expect(v111.body).to.include('<ContactPerson>Budi Santoso</ContactPerson>');
  });

  it('WFS 2.0 and WMTS name the provider in ServiceIdentification/ServiceProvider, and stay valid', async () => {
    const wfs = await get(`${node.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities`);
    expect(xsdErrors(wfs.body, SCHEMA.wfs20)).to.equal('');
    expect(wfs.body)
      .to.include('<ows:Title>Simpul Kota Contoh — WFS</ows:Title>')
      .and.include('<ows:ProviderName>Dinas Kominfo Kota Contoh</ows:ProviderName>');
    expect(wfs.body)
      .to.include('<ows:IndividualName>Budi Santoso</ows:IndividualName>')
      .and.include('<ows:Voice>+62 22 555 0101</ows:Voice>')
      .and.include('<ows:AccessConstraints>tanpa batasan</ows:AccessConstraints>');
    const wmts = await get(`${node.url}/wmts/1.0.0/WMTSCapabilities.xml`);
    expect(xsdErrors(wmts.body, SCHEMA.wmts10)).to.equal('');
    expect(wmts.body)
      .to.include('<ows:Title>Simpul Kota Contoh — WMTS</ows:Title>')
      .and.include('<ows:ElectronicMailAddress>gis@contoh.go.id</ows:ElectronicMailAddress>');
  });

  it("CSW capabilities and the ISO records carry the node's contact, and stay valid", async () => {
    const caps = await get(`${node.url}/csw?SERVICE=CSW&REQUEST=GetCapabilities&VERSION=2.0.2`);
    expect(xsdErrors(caps.body, SCHEMA.csw202)).to.equal('');
    expect(caps.body)
      .to.include('<ows:Title>Simpul Kota Contoh — CSW</ows:Title>')
      .and.include('<ows:ProviderName>Dinas Kominfo Kota Contoh</ows:ProviderName>')
      .and.include('<ows:City>Kota Contoh</ows:City>');
    expect(caps.body).to.not.include('Tangerang');
    const recs = await get(
      `${node.url}/csw?service=CSW&version=2.0.2&request=GetRecords&typeNames=gmd:MD_Metadata&resultType=results&elementSetName=full&outputSchema=http://www.isotc211.org/2005/gmd&maxRecords=50`,
    );
    expect(xsdErrors(recs.body, SCHEMA.cswIso)).to.equal('');
    // The distributor and the metadata contact are the node's; a layer's point of contact stays its organisation's.
    expect(recs.body).to.include(
      '<gmd:distributorContact><gmd:CI_ResponsibleParty><gmd:individualName><gco:CharacterString>Budi Santoso</gco:CharacterString></gmd:individualName><gmd:organisationName><gco:CharacterString>Dinas Kominfo Kota Contoh</gco:CharacterString>',
    );
    expect(recs.body).to.include(
      '<gmd:contact><gmd:CI_ResponsibleParty><gmd:individualName><gco:CharacterString>Budi Santoso</gco:CharacterString>',
    );
    expect(recs.body).to.include(
      '<gco:CharacterString>Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang</gco:CharacterString>',
    );
    expect(recs.body).to.include(
      '<gco:CharacterString>Simpul Kota Contoh — Web Map Service (WMS)</gco:CharacterString>',
    );
  });

  it('the OGC API landing page, Records and the home page name the site', async () => {
    const landing = JSON.parse((await get(`${node.url}/ogcapi?f=json`)).body);
    expect(landing.title).to.equal('Simpul Kota Contoh');
    expect(landing.description).to.include('Map services of Kota Contoh.');
    expect(landing.links.find((l: any) => l.rel === 'license').href).to.equal(
      'https://creativecommons.org/licenses/by/4.0/',
    );
    const records = JSON.parse((await get(`${node.url}/ogcapi/collections/metadata`)).body);
    expect(records.title).to.equal('Katalog Metadata Geospasial Kota Contoh');
    expect(records.extent.spatial.bbox).to.deep.equal([[107.5, -7.0, 107.7, -6.8]]);
    const home = (await get(`${node.url}/`)).body;
    expect(home)
      .to.match(/<title>[^<]*Simpul Kota Contoh<\/title>/)
      .and.include('Dinas Kominfo Kota Contoh');
    // English first: the map page speaks English without Accept-Language.
    expect((await get(`${node.url}/map`)).body)
      .to.include('<html lang="en">')
      .and.include('Peta Kota Contoh');
    const style = JSON.parse((await get(`${node.url}/map/style.json`)).body);
    expect(style.metadata['simpul:text']).to.deep.equal({
      title: { id: 'Peta Kota Contoh', en: 'Kota Contoh map' },
      attribution: 'Dinas Kominfo Kota Contoh',
    });
  });
});

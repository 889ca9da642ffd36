import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testNode, type TestNode } from '../support/context.js';

/** QGIS (offscreen) renders the XYZ raster tiles and the vector tiles of a layer over the city. */
const SCRIPT = `
import sys
from qgis.core import QgsApplication, QgsRasterLayer, QgsVectorTileLayer, QgsMapSettings, QgsMapRendererSequentialJob, QgsRectangle, QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QSize
app = QgsApplication([], False); app.initQgis()
url = sys.argv[1]
def render(layer):
    s = QgsMapSettings(); s.setLayers([layer]); s.setOutputSize(QSize(400, 400))
    s.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    s.setExtent(QgsRectangle(11861000, -704000, 11884000, -681000))
    job = QgsMapRendererSequentialJob(s); job.start(); job.waitForFinished()
    img = job.renderedImage(); n = 0
    for y in range(0, 400, 4):
        for x in range(0, 400, 4):
            if (img.pixel(x, y) >> 24) & 0xff: n += 1
    return n
xyz = QgsRasterLayer(f"type=xyz&url={url}/tiles/bappeda:batas_kecamatan/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmin=0&zmax=18", "xyz", "wms")
vt = QgsVectorTileLayer(f"type=xyz&url={url}/tiles/bappeda:batas_kecamatan/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmin=0&zmax=16", "vt")
print("xyz", xyz.isValid(), render(xyz))
print("vt", vt.isValid(), render(vt))
app.exitQgis()
`;

describe('tiles: QGIS reads XYZ raster and vector tiles', () => {
  let node: TestNode;
  before(async () => {
    node = await testNode({ serve: true });
  });
  after(async () => node.stop());

  it('renders both layers with something drawn', async () => {
    const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', SCRIPT, node.url], {
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
      timeout: 90000,
      encoding: 'utf8',
    });
    const m = (k: string) => new RegExp(`^${k} True (\\d+)$`, 'm').exec(stdout);
    expect(m('xyz'), stdout).to.not.equal(null);
    expect(m('vt'), stdout).to.not.equal(null);
    expect(Number(m('xyz')![1]), 'raster pixels drawn').to.be.greaterThan(50);
    expect(Number(m('vt')![1]), 'vector pixels drawn').to.be.greaterThan(50);
  });
});

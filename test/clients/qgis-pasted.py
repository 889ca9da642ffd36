# QGIS (offscreen) given the addresses of the home page, as a user pastes them into a
# "WMS/WMTS" and a "WFS / OGC API - Features" connection. One line per layer:
#   wmts|wms <valid> <pixels drawn over the city>
#   wfs <version> <layer> <valid> <geometry type> <features> <first feature in Tangerang?>
# argv: WMS address, WMTS address, WFS address, then layer names for WFS.
import os, sys
from qgis.core import (QgsApplication, QgsRasterLayer, QgsVectorLayer, QgsMapSettings, QgsMapRendererSequentialJob,
                       QgsRectangle, QgsCoordinateReferenceSystem, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

app = QgsApplication([], False)
app.initQgis()
wms, wmts, wfs = sys.argv[1:4]
names = sys.argv[4:]

def drawn(layer):
    s = QgsMapSettings()
    s.setLayers([layer])
    s.setOutputSize(QSize(256, 256))
    s.setBackgroundColor(QColor(0, 0, 0, 0))
    s.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    s.setExtent(QgsRectangle(11861000, -704000, 11884000, -681000))
    job = QgsMapRendererSequentialJob(s)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    return sum(1 for y in range(0, 256, 4) for x in range(0, 256, 4) if (img.pixel(x, y) >> 24) & 0xff)

# The URI the "WMS/WMTS" connection builds for a layer picked from the capabilities.
for kind, url, layer, extra in (('wmts', wmts, 'bappeda:batas_kecamatan', '&tileMatrixSet=WebMercatorQuad'), ('wms', wms, 'bappeda:batas_kecamatan', '')):
    rl = QgsRasterLayer(f"crs=EPSG:3857&dpiMode=7&format=image/png&layers={layer}&styles={'default' if kind == 'wmts' else ''}{extra}&url={url}", kind, 'wms')
    print(kind, rl.isValid(), drawn(rl) if rl.isValid() else -1, flush=True)

for version in ('2.0.0', '1.1.0', '1.0.0'):
    for name in names:
        vl = QgsVectorLayer(f"url='{wfs}' typename='{name}' version='{version}'", name, 'WFS')
        feats = list(vl.getFeatures()) if vl.isValid() else []
        p = feats[0].geometry().centroid().asPoint() if feats else None
        where = 'tangerang' if p and 106.4 < p.x() < 106.9 and -6.4 < p.y() < -6.0 else 'elsewhere'
        print('wfs', version, name, vl.isValid(), QgsWkbTypes.displayString(vl.wkbType()), len(feats), where, flush=True)
sys.stdout.flush()
# exitQgis() crashes offscreen on this build: leave without tearing down.
os._exit(0)

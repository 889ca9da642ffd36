# Feature counts through QGIS's WFS provider (2.0.0 and 1.1.0), offscreen; one line per layer.
import os, sys
from qgis.core import QgsApplication, QgsVectorLayer

app = QgsApplication([], False)
app.initQgis()
url = sys.argv[1]
for version, name in (('2.0.0', 'dindik:sekolah'), ('1.1.0', 'dpupr:jalan'), ('2.0.0', 'dpupr:penggunaan_lahan')):
    layer = QgsVectorLayer(f"url='{url}/wfs' typename='{name}' version='{version}' pagingEnabled='true' pageSize='100'", name, 'WFS')
    feats = list(layer.getFeatures())
    # Axis order: the first point must land in Tangerang (x ≈ 106.6 E, y ≈ -6.2).
    p = feats[0].geometry().centroid().asPoint() if feats else None
    print(version, name, layer.isValid(), len(feats), layer.crs().authid(), 'tangerang' if p and 106.4 < p.x() < 106.9 and -6.4 < p.y() < -6.0 else 'elsewhere')
sys.stdout.flush()
# exitQgis() crashes offscreen on this build: leave without tearing down.
os._exit(0)

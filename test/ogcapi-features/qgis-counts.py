# Feature counts through QGIS's WFS (2.0.0, 1.1.0) and OAPIF providers; prints one line each.
import os, sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
u = sys.argv[1]
w = QgsVectorLayer(f"url='{u}/wfs' typename='dindik:sekolah' version='2.0.0' pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='0'", 'x', 'WFS')
print('wfs', w.isValid(), sum(1 for _ in w.getFeatures()))
w11 = QgsVectorLayer(f"url='{u}/wfs' typename='dpupr:jalan' version='1.1.0'", 'x', 'WFS')
print('wfs11', w11.isValid(), sum(1 for _ in w11.getFeatures()))
o = QgsVectorLayer(f"url='{u}/ogcapi' typename='dindik:sekolah'", 'y', 'OAPIF')
print('oapif', o.isValid(), sum(1 for _ in o.getFeatures()))
# exitQgis() crashes offscreen on some builds: leave without tearing down.
sys.stdout.flush()
os._exit(0)

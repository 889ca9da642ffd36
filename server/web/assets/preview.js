// The dataset page's preview map: the layer drawn by the node in its published style (XYZ PNG
// tiles, the same renderer as WMS), fitted to its extent. MapLibre from /map/lib (no CDN).
import * as maplibregl from '/map/lib/maplibre-gl.mjs';

const el = document.getElementById('preview');
const bbox = JSON.parse(el.dataset.bbox);
const map = new maplibregl.Map({
  container: el,
  style: {
    version: 8,
    sources: {
      kota: { type: 'raster', tiles: [el.dataset.basemap], tileSize: 256 },
      layer: { type: 'raster', tiles: [el.dataset.tiles], tileSize: 256 },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ee' } },
      { id: 'kota', type: 'raster', source: 'kota', paint: { 'raster-opacity': 0.6 } },
      { id: 'layer', type: 'raster', source: 'layer' },
    ],
  },
  bounds: [
    [bbox[0], bbox[1]],
    [bbox[2], bbox[3]],
  ],
  fitBoundsOptions: { padding: 20, maxZoom: 17 },
  attributionControl: { compact: true, customAttribution: 'Pemerintah Kota Tangerang' },
});
map.addControl(new maplibregl.NavigationControl(), 'top-right');
map.on('load', () => {
  el.dataset.ready = 'true';
});
window.simpulPreview = map;

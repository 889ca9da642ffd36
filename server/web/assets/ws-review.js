// The review page's map: the published and the pending version's extents as outlines in the
// colours of the legend's swatches (ws-review.css holds them), over a plain background: no base
// map, so it works without the internet. MapLibre from /map/lib (no CDN).
import * as maplibregl from '/map/lib/maplibre-gl.mjs';

const el = document.getElementById('review-map');
const data = JSON.parse(document.getElementById('review-extents').textContent);
const colourOf = (side) => {
  const swatch = document.querySelector(`.swatch-${side}`);
  return swatch ? getComputedStyle(swatch).borderTopColor : '#333';
};
const SIDES = [
  // The pending outline dashed, so the two stay apart where they overlap and without colour.
  { side: 'published', dash: [1, 0], width: 3 },
  { side: 'pending', dash: [3, 2], width: 3 },
];
const b = data.bounds ?? [95, -11, 141, 6];
const map = new maplibregl.Map({
  container: el,
  style: {
    version: 8,
    sources: Object.fromEntries(SIDES.map(({ side }) => [side, { type: 'geojson', data: data[side] }])),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ee' } },
      ...SIDES.flatMap(({ side, dash, width }) => [
        {
          id: `${side}-fill`,
          type: 'fill',
          source: side,
          paint: { 'fill-color': colourOf(side), 'fill-opacity': 0.08 },
        },
        {
          id: `${side}-line`,
          type: 'line',
          source: side,
          paint: { 'line-color': colourOf(side), 'line-width': width, 'line-dasharray': dash },
        },
      ]),
    ],
  },
  bounds: [
    [b[0], b[1]],
    [b[2], b[3]],
  ],
  fitBoundsOptions: { padding: 40, maxZoom: 16 },
  attributionControl: false,
});
map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
map.on('load', () => {
  el.dataset.ready = 'true';
});
window.simpulReviewMap = map;

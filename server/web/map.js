// The Simpul web map: MapLibre GL JS (from /map/lib, no CDN), the style built by the node
// for the caller (/map/style.json), a layer list with toggles and pop-ups with attributes.
import * as maplibregl from '/map/lib/maplibre-gl.mjs';

const TEXT = {
  id: { title: 'Peta Kota Tangerang', hint: 'Klik fitur untuk melihat atributnya.', layers: 'Lapisan', lang: 'EN', none: 'Tidak ada lapisan yang dapat ditampilkan.' },
  en: { title: 'Kota Tangerang map', hint: 'Click a feature to see its attributes.', layers: 'Layers', lang: 'ID', none: 'No layers to show.' },
};
// The server chose the language (?lang= or Accept-Language) in <html lang>.
let lang = document.documentElement.lang === 'en' ? 'en' : 'id';
function applyLang() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = TEXT[lang][el.dataset.i18n];
  document.getElementById('lang').textContent = TEXT[lang].lang;
}
document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'id' ? 'en' : 'id';
  applyLang();
});
applyLang();

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const style = await (await fetch('/map/style.json')).json();
const list = style.metadata['simpul:layers'];
const bounds = style.metadata['simpul:bounds'];
// The node's settings name the place and the provider.
const site = style.metadata['simpul:text'];
if (site) {
  TEXT.id.title = site.title.id;
  TEXT.en.title = site.title.en;
  applyLang();
}

const map = new maplibregl.Map({ container: 'map', style, bounds: [[bounds[0], bounds[1]], [bounds[2], bounds[3]]], fitBoundsOptions: { padding: 20 }, attributionControl: { compact: true, customAttribution: site?.attribution ?? '' } });
map.addControl(new maplibregl.NavigationControl(), 'top-right');
map.addControl(new maplibregl.ScaleControl(), 'bottom-right');
window.simpulMap = map;

const panel = document.getElementById('layers');
if (!list.length) panel.textContent = TEXT[lang].none;
for (const l of list) {
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" ${l.visible ? 'checked' : ''}><span class="swatch" style="background:${esc(l.colour)}"></span><span>${esc(l.title)}</span>`;
  label.title = l.name;
  label.querySelector('input').addEventListener('change', (e) => {
    for (const id of l.layers) map.setLayoutProperty(id, 'visibility', e.target.checked ? 'visible' : 'none');
  });
  panel.appendChild(label);
}

const queryable = () => list.filter((l) => map.getLayoutProperty(l.layers[0], 'visibility') !== 'none').flatMap((l) => l.layers);
const titleOf = new Map(list.map((l) => [l.name, l.title]));
map.on('click', (e) => {
  const r = 4;
  const feats = map.queryRenderedFeatures([[e.point.x - r, e.point.y - r], [e.point.x + r, e.point.y + r]], { layers: queryable() });
  if (!feats.length) return;
  const seen = new Set();
  const html = feats
    .filter((f) => {
      const k = `${f.sourceLayer}/${f.id}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, 3)
    .map((f) => `<h3>${esc(titleOf.get(f.sourceLayer) ?? f.sourceLayer)}</h3><table>${Object.entries(f.properties).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`)
    .join('');
  new maplibregl.Popup({ className: 'popup', maxWidth: '22rem' }).setLngLat(e.lngLat).setHTML(html).addTo(map);
});
map.on('mousemove', (e) => {
  map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: queryable() }).length ? 'pointer' : '';
});
map.once('idle', () => {
  document.body.dataset.ready = 'true';
});

// The Simpul map viewer: layers come from a catalogue search inside the viewer (/map/search.json),
// the node builds the style of the chosen layers only (/map/style.json?layers=…), and the whole
// view (layers, their order, opacity and visibility, base map, centre and zoom) lives in the
// page's URL, so a copied address opens the same view. MapLibre GL JS from /map/lib (no CDN).
import * as maplibregl from '/map/lib/maplibre-gl.mjs';

const TEXT = JSON.parse(document.getElementById('map-text').textContent);
const lang = document.documentElement.lang === 'en' ? 'en' : 'id';
const tr = (k, vars = {}) => (TEXT[lang][k] ?? k).replace(/\{(\w+)\}/g, (m, x) => (x in vars ? String(vars[x]) : m));
const esc = (s) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
const $ = (id) => document.getElementById(id);

// ---- State, read from and written to the URL -------------------------------------------------
const params = new URLSearchParams(location.search);
const list = (k) =>
  (params.get(k) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const hidden = new Set(list('hidden'));
const opacities = list('opacity');
const state = {
  layers: list('layers').map((name, i) => ({
    name,
    opacity: Math.min(1, Math.max(0, Number(opacities[i] ?? 100) / 100 || 0)),
    visible: !hidden.has(name),
  })),
  basemap: params.get('basemap') ?? $('basemap').value,
};
if (![...$('basemap').options].some((o) => o.value === state.basemap)) state.basemap = $('basemap').value;
$('basemap').value = state.basemap;

function stateUrl() {
  const p = new URLSearchParams();
  if (state.layers.length) {
    p.set('layers', state.layers.map((l) => l.name).join(','));
    if (state.layers.some((l) => l.opacity !== 1))
      p.set('opacity', state.layers.map((l) => Math.round(l.opacity * 100)).join(','));
    if (state.layers.some((l) => !l.visible))
      p.set(
        'hidden',
        state.layers
          .filter((l) => !l.visible)
          .map((l) => l.name)
          .join(','),
      );
  }
  p.set('basemap', state.basemap);
  if (window.simpulMap) {
    const c = map.getCenter();
    p.set('at', `${map.getZoom().toFixed(2)}/${c.lat.toFixed(5)}/${c.lng.toFixed(5)}`);
  }
  if (params.get('lang')) p.set('lang', lang);
  return `${location.pathname}?${p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')}`;
}
function writeUrl() {
  const url = stateUrl();
  history.replaceState(null, '', url);
  // The layout's language link reloads this same view in the other language.
  const toggle = $('lang-toggle');
  if (toggle) {
    const u = new URL(url, location.href);
    u.searchParams.set('lang', lang === 'en' ? 'id' : 'en');
    toggle.href = u.pathname + u.search;
  }
}

// ---- Style: fetched from the node for the chosen layers, then opacity and visibility ---------
let info = new Map(); // name → the node's description (title, MapLibre layer ids, legend…)
let fetched = null; // the node's style as sent (the base opacities)
const OPACITY = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  raster: ['raster-opacity'],
  'fill-extrusion': ['fill-extrusion-opacity'],
};

function paintFor(layer, opacity) {
  const out = {};
  for (const prop of OPACITY[layer.type] ?? []) {
    const base = layer.paint?.[prop];
    // A zoom expression cannot be scaled from outside: the slider then sets the value itself.
    out[prop] =
      typeof base === 'number' ? base * opacity : base === undefined ? opacity : opacity === 1 ? base : opacity;
  }
  return out;
}

let measureData = { type: 'FeatureCollection', features: [] };
const MEASURE_LAYERS = [
  {
    id: 'measure#fill',
    type: 'fill',
    source: 'measure',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': '#d9480f', 'fill-opacity': 0.15 },
  },
  {
    id: 'measure#line',
    type: 'line',
    source: 'measure',
    paint: { 'line-color': '#d9480f', 'line-width': 2, 'line-dasharray': [2, 1] },
  },
  {
    id: 'measure#point',
    type: 'circle',
    source: 'measure',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': '#fff', 'circle-stroke-color': '#d9480f', 'circle-stroke-width': 2, 'circle-radius': 4 },
  },
];

function styleOfState() {
  const s = structuredClone(fetched);
  const byId = new Map(s.layers.map((l) => [l.id, l]));
  for (const l of state.layers) {
    for (const id of info.get(l.name)?.layers ?? []) {
      const ml = byId.get(id);
      if (!ml) continue;
      ml.layout = { ...(ml.layout ?? {}), visibility: l.visible ? 'visible' : 'none' };
      ml.paint = { ...(ml.paint ?? {}), ...paintFor(ml, l.opacity) };
    }
  }
  s.sources.measure = { type: 'geojson', data: measureData };
  s.layers.push(...MEASURE_LAYERS);
  return s;
}

async function fetchStyle() {
  const q = new URLSearchParams({ layers: state.layers.map((l) => l.name).join(','), basemap: state.basemap });
  const r = await fetch(`/map/style.json?${q}`);
  fetched = await r.json();
  info = new Map(fetched.metadata['simpul:layers'].map((l) => [l.name, l]));
  // The node leaves out what this visitor may not read (or what no longer exists).
  state.layers = state.layers.filter((l) => info.has(l.name));
}

let revision = 0;
async function refresh() {
  await fetchStyle();
  map.setStyle(styleOfState());
  renderChosen();
  renderResults();
  writeUrl();
  map.once('idle', () => {
    document.body.dataset.revision = String(++revision);
  });
}

/** Opacity and visibility on the live map (no new style needed). */
function applyLayer(l) {
  const byId = new Map(fetched.layers.map((x) => [x.id, x]));
  for (const id of info.get(l.name)?.layers ?? []) {
    if (!map.getLayer(id)) continue;
    map.setLayoutProperty(id, 'visibility', l.visible ? 'visible' : 'none');
    for (const [prop, v] of Object.entries(paintFor(byId.get(id), l.opacity))) map.setPaintProperty(id, prop, v);
  }
  writeUrl();
}

// ---- The map ------------------------------------------------------------------------------
await fetchStyle();
const extent = JSON.parse(document.querySelector('.viewer').dataset.extent);
const at = /^([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(params.get('at') ?? '');
const map = new maplibregl.Map({
  container: 'map',
  style: styleOfState(),
  ...(at
    ? { zoom: Number(at[1]), center: [Number(at[3]), Number(at[2])] }
    : {
        bounds: [
          [extent[0], extent[1]],
          [extent[2], extent[3]],
        ],
        fitBoundsOptions: { padding: 20 },
      }),
  // Kept so that "Download PNG" can read the picture.
  canvasContextAttributes: { preserveDrawingBuffer: true },
  attributionControl: { compact: true, customAttribution: fetched.metadata['simpul:text']?.attribution ?? '' },
});
map.addControl(new maplibregl.NavigationControl(), 'top-right');
map.addControl(new maplibregl.ScaleControl(), 'bottom-right');
window.simpulMap = map;
map.on('moveend', writeUrl);
map.once('idle', () => {
  writeUrl();
  document.body.dataset.ready = 'true';
  document.body.dataset.revision = String(revision);
});

// ---- Chosen layers: order, opacity, visibility, legend -------------------------------------
function renderChosen() {
  const ol = $('map-chosen');
  $('map-empty').hidden = state.layers.length > 0;
  ol.innerHTML = state.layers
    .map((l, i) => {
      const d = info.get(l.name);
      const title = esc(d.title);
      return `<li data-layer="${esc(l.name)}">
<input type="checkbox" data-act="visible" ${l.visible ? 'checked' : ''} aria-label="${esc(tr('mapVisible'))}: ${title}">
<span class="swatch" style="background:${esc(d.colour)}"></span>
<span class="name"><a href="/dataset/${encodeURIComponent(l.name)}" title="${esc(tr('mapDetails'))}">${title}</a>${d.status !== 'published' ? ` <span class="draft">(${esc(d.status)})</span>` : ''}</span>
<button type="button" class="secondary outline" data-act="up" ${i === 0 ? 'disabled' : ''} aria-label="${esc(tr('mapUp'))}: ${title}">↑</button>
<button type="button" class="secondary outline" data-act="down" ${i === state.layers.length - 1 ? 'disabled' : ''} aria-label="${esc(tr('mapDown'))}: ${title}">↓</button>
<button type="button" class="secondary outline" data-act="remove" aria-label="${esc(tr('mapRemove'))}: ${title}">✕</button>
<input type="range" data-act="opacity" min="0" max="100" step="5" value="${Math.round(l.opacity * 100)}" aria-label="${esc(tr('mapOpacity'))}: ${title}">
<details><summary>${esc(tr('mapLegend'))}</summary><img src="${esc(d.legend)}" alt="${esc(tr('mapLegend'))}: ${title}" loading="lazy"></details>
</li>`;
    })
    .join('');
}

$('map-chosen').addEventListener('click', (e) => {
  const btn = e.target.closest('button[data-act]');
  if (!btn) return;
  const name = btn.closest('li').dataset.layer;
  const i = state.layers.findIndex((l) => l.name === name);
  const act = btn.dataset.act;
  if (act === 'remove') state.layers.splice(i, 1);
  else {
    const j = act === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= state.layers.length) return;
    [state.layers[i], state.layers[j]] = [state.layers[j], state.layers[i]];
  }
  void refresh();
});
$('map-chosen').addEventListener('input', (e) => {
  const act = e.target.dataset.act;
  if (act !== 'opacity' && act !== 'visible') return;
  const l = state.layers.find((x) => x.name === e.target.closest('li').dataset.layer);
  if (act === 'opacity') l.opacity = Number(e.target.value) / 100;
  else l.visible = e.target.checked;
  applyLayer(l);
});
$('basemap').addEventListener('change', (e) => {
  state.basemap = e.target.value;
  void refresh();
});

// ---- Search inside the viewer, grouped by organisation and topic ---------------------------
let results = { hits: [], total: 0, page: 0, pages: 0, q: '' };
async function search(q, page = 1) {
  const r = await (await fetch(`/map/search.json?${new URLSearchParams({ q, page: String(page), lang })}`)).json();
  results = { ...r, q, hits: page > 1 ? [...results.hits, ...r.hits] : r.hits };
  renderResults();
}
function renderResults() {
  const el = $('map-results');
  if (!results.page) return;
  if (!results.hits.length) {
    el.innerHTML = `<p class="meta">${esc(tr('mapNoHits'))}</p>`;
    return;
  }
  const groups = new Map();
  for (const h of results.hits) {
    const org = groups.get(h.organisationName) ?? new Map();
    groups.set(h.organisationName, org);
    org.set(h.topicName, [...(org.get(h.topicName) ?? []), h]);
  }
  const on = new Set(state.layers.map((l) => l.name));
  el.innerHTML = `<p class="meta">${esc(tr('mapResults', { n: results.total }))}</p>${[...groups]
    .map(
      ([org, topics]) =>
        `<details open><summary>${esc(org)}</summary>${[...topics]
          .map(
            ([topic, hits]) =>
              `<h3>${esc(topic)}</h3><ul>${hits
                .map(
                  (h) =>
                    `<li data-hit="${esc(h.name)}"><span>${esc(h.title)}${h.status !== 'published' ? ` <span class="draft">(${esc(h.status)})</span>` : ''}</span><button type="button" class="outline" data-add="${esc(h.name)}" ${on.has(h.name) ? 'disabled' : ''} aria-label="${esc(tr(on.has(h.name) ? 'mapAdded' : 'mapAdd'))}: ${esc(h.title)}">${esc(tr(on.has(h.name) ? 'mapAdded' : 'mapAdd'))}</button></li>`,
                )
                .join('')}</ul>`,
          )
          .join('')}</details>`,
    )
    .join(
      '',
    )}${results.page < results.pages ? `<button type="button" class="secondary outline" id="map-more">${esc(tr('mapMore'))}</button>` : ''}`;
}
$('map-search').addEventListener('submit', (e) => {
  e.preventDefault();
  void search($('map-q').value.trim());
});
$('map-results').addEventListener('click', (e) => {
  if (e.target.id === 'map-more') return void search(results.q, results.page + 1);
  const name = e.target.closest('button[data-add]')?.dataset.add;
  if (!name || state.layers.some((l) => l.name === name)) return;
  // A new layer goes on top.
  state.layers.unshift({ name, opacity: 1, visible: true });
  void refresh();
});

// ---- Identify on click (the vector tiles' own attributes) ---------------------------------
const queryable = () =>
  state.layers
    .filter((l) => l.visible)
    .flatMap((l) => info.get(l.name)?.layers ?? [])
    .filter((id) => map.getLayer(id));
const titleOf = (sourceLayer) => info.get(sourceLayer)?.title ?? sourceLayer;
function identify(e) {
  const r = 4;
  const feats = map.queryRenderedFeatures(
    [
      [e.point.x - r, e.point.y - r],
      [e.point.x + r, e.point.y + r],
    ],
    { layers: queryable() },
  );
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
    .map(
      (f) =>
        `<h3>${esc(titleOf(f.sourceLayer))}</h3><table>${Object.entries(f.properties)
          .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
          .join('')}</table>`,
    )
    .join('');
  new maplibregl.Popup({ className: 'popup', maxWidth: '22rem' }).setLngLat(e.lngLat).setHTML(html).addTo(map);
}
map.on('mousemove', (e) => {
  if (measure.mode) return;
  map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: queryable() }).length ? 'pointer' : '';
});

// ---- Measure distance and area (on the sphere, as the scale bar) ---------------------------
const R = 6378137;
const rad = (d) => (d * Math.PI) / 180;
function distance(a, b) {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
/** A ring's area on the sphere (Chamberlain & Duquette), in m². */
function area(ring) {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [p1, p2] = [ring[i], ring[(i + 1) % ring.length]];
    s += rad(p2[0] - p1[0]) * (2 + Math.sin(rad(p1[1])) + Math.sin(rad(p2[1])));
  }
  return Math.abs((s * R * R) / 2);
}
const fmtLength = (m) =>
  m >= 1000
    ? `${(m / 1000).toLocaleString(lang, { maximumFractionDigits: 2 })} km`
    : `${m.toLocaleString(lang, { maximumFractionDigits: 0 })} m`;
const fmtArea = (m2) =>
  m2 >= 1e6
    ? `${(m2 / 1e6).toLocaleString(lang, { maximumFractionDigits: 2 })} km²`
    : m2 >= 1e4
      ? `${(m2 / 1e4).toLocaleString(lang, { maximumFractionDigits: 2 })} ha`
      : `${m2.toLocaleString(lang, { maximumFractionDigits: 0 })} m²`;
const measure = { mode: null, points: [] };
function drawMeasure() {
  const pts = measure.points;
  const features = pts.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } }));
  if (pts.length > 1)
    features.push({
      type: 'Feature',
      properties: {},
      geometry:
        measure.mode === 'area' && pts.length > 2
          ? { type: 'Polygon', coordinates: [[...pts, pts[0]]] }
          : { type: 'LineString', coordinates: pts },
    });
  measureData = { type: 'FeatureCollection', features };
  map.getSource('measure')?.setData(measureData);
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += distance(pts[i - 1], pts[i]);
  const out = $('measure-result');
  out.dataset.metres = String(total);
  out.dataset.squareMetres = measure.mode === 'area' && pts.length > 2 ? String(area(pts)) : '';
  out.textContent = !measure.mode
    ? ''
    : pts.length < 2
      ? tr('mapMeasureHint')
      : measure.mode === 'area' && pts.length > 2
        ? `${tr('mapMeasureArea')}: ${fmtArea(area(pts))}`
        : `${tr('mapMeasureLine')}: ${fmtLength(total)}`;
}
function startMeasure(mode) {
  measure.mode = mode;
  measure.points = [];
  map.getCanvas().style.cursor = mode ? 'crosshair' : '';
  for (const id of ['measure-line', 'measure-area'])
    $(id).setAttribute('aria-pressed', String(id === `measure-${mode}`));
  drawMeasure();
}
$('measure-line').addEventListener('click', () => startMeasure('line'));
$('measure-area').addEventListener('click', () => startMeasure('area'));
$('measure-done').addEventListener('click', () => startMeasure(null));
map.on('click', (e) => {
  if (!measure.mode) return identify(e);
  measure.points.push([e.lngLat.lng, e.lngLat.lat]);
  drawMeasure();
});

// ---- Share and export ---------------------------------------------------------------------
$('share').addEventListener('click', async () => {
  writeUrl();
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    /* no clipboard (plain http): the address bar holds the same link */
  }
  window.simpulShared = url;
  const btn = $('share');
  btn.textContent = tr('mapShared');
  setTimeout(() => {
    btn.textContent = tr('mapShare');
  }, 1500);
});
$('export-png').addEventListener('click', () => {
  map.getCanvas().toBlob((blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `peta-${new Date().toISOString().slice(0, 10)}.png`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }, 'image/png');
});

renderChosen();
void search('');

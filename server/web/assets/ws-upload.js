// The upload wizard (/workspace/upload): step 1 sends the files with XMLHttpRequest (its progress
// bar), step 2 draws the sample over the city's boundaries (MapLibre from /map/lib, the boundaries'
// style from /map/style.json), step 3 starts the import and polls its progress.
const $ = (id) => document.getElementById(id);

function uploadStep(form) {
  const input = $('files');
  const zone = $('drop-zone');
  const error = $('upload-error');
  const bar = $('upload-progress');
  const status = $('upload-status');
  const list = $('chosen-files');
  let files = [];
  const show = () => {
    list.replaceChildren(
      ...files.map((f) => {
        const li = document.createElement('li');
        li.textContent = `${f.name} (${Math.ceil(f.size / 1024)} KB)`;
        return li;
      }),
    );
  };
  input.addEventListener('change', () => {
    files = [...input.files];
    error.textContent = '';
    show();
  });
  for (const type of ['dragenter', 'dragover'])
    zone.addEventListener(type, (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    files = [...e.dataTransfer.files];
    error.textContent = '';
    show();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    if (!files.length) {
      error.textContent = form.dataset.noFile;
      return;
    }
    // Refused here before anything is sent, naming the largest file.
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total > Number(form.dataset.maxBytes)) {
      const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
      error.textContent = form.dataset.tooLarge.replace('{file}', largest.name);
      return;
    }
    const body = new FormData();
    for (const f of files) body.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-CSRF-Token', form.dataset.csrf);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (p) => {
      if (p.lengthComputable) bar.value = Math.round((p.loaded / p.total) * 100);
    });
    xhr.upload.addEventListener('load', () => {
      bar.value = 100;
      status.textContent = form.dataset.reading;
    });
    const button = $('upload-send');
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    const done = () => {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    };
    xhr.addEventListener('load', () => {
      let r = {};
      try {
        r = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: a proxy's page */
      }
      if (xhr.status < 300 && r.next) {
        location.assign(r.next);
        return;
      }
      done();
      bar.value = 0;
      status.textContent = '';
      error.textContent = r.error || `${xhr.status} ${xhr.statusText}`;
    });
    xhr.addEventListener('error', () => {
      done();
      error.textContent = form.dataset.net;
    });
    xhr.send(body);
  });
}

async function previewMap(el) {
  const maplibregl = await import('/map/lib/maplibre-gl.mjs');
  const extent = JSON.parse(el.dataset.extent);
  const [style, sample] = await Promise.all([
    fetch('/map/style.json?basemap=boundaries').then((r) => r.json()),
    fetch(el.dataset.sample).then((r) => (r.ok ? r.json() : { type: 'FeatureCollection', features: [] })),
  ]);
  // Without the node's boundary layers, the city's extent box stands for them.
  if (style.metadata?.['simpul:basemap'] !== 'boundaries') {
    const [a, b, c, d] = extent;
    style.sources.extent = {
      type: 'geojson',
      data: {
        type: 'Polygon',
        coordinates: [
          [
            [a, b],
            [c, b],
            [c, d],
            [a, d],
            [a, b],
          ],
        ],
      },
    };
    style.layers.push({
      id: 'extent',
      type: 'line',
      source: 'extent',
      paint: { 'line-color': '#9a8f7a', 'line-width': 2 },
    });
  }
  style.sources.sample = { type: 'geojson', data: sample };
  const colour = '#b3261e';
  style.layers.push(
    {
      id: 'sample-fill',
      type: 'fill',
      source: 'sample',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': colour, 'fill-opacity': 0.3 },
    },
    {
      id: 'sample-line',
      type: 'line',
      source: 'sample',
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': colour, 'line-width': 1.5 },
    },
    {
      id: 'sample-point',
      type: 'circle',
      source: 'sample',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': colour, 'circle-radius': 4, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
    },
  );
  const box = sample.features.length ? bboxOf(sample) : extent;
  const map = new maplibregl.Map({
    container: el,
    style,
    bounds: [
      [Math.min(box[0], extent[0]), Math.min(box[1], extent[1])],
      [Math.max(box[2], extent[2]), Math.max(box[3], extent[3])],
    ],
    fitBoundsOptions: { padding: 20, maxZoom: 16 },
    attributionControl: { compact: true },
  });
  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  el.dataset.features = String(sample.features.length);
  if (!sample.features.length) $('preview-status').textContent = el.dataset.empty;
  map.on('load', () => {
    el.dataset.ready = 'true';
  });
  window.simpulWizardMap = map;
}

function bboxOf(fc) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else c.forEach(walk);
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (g.type === 'GeometryCollection') g.geometries.forEach((x) => walk(x.coordinates));
    else walk(g.coordinates);
  }
  return b;
}

function writeStep(form) {
  const bar = $('import-progress');
  const status = $('import-status');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = $('write');
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    const r = await fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)),
    });
    const answer = await r.json().catch(() => ({}));
    if (r.status !== 202) {
      // Field errors: the page with them, as without JS.
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (answer.errors) form.submit();
      else status.textContent = answer.error || `${r.status}`;
      return;
    }
    const poll = async () => {
      const job = await fetch(answer.status, { headers: { Accept: 'application/json' } }).then((x) => x.json());
      if (job.total) {
        bar.max = job.total;
        bar.value = Math.min(job.read, job.total);
      }
      status.textContent = form.dataset.importing.replace('{read}', job.read).replace('{total}', job.total ?? '?');
      if (job.state === 'running') setTimeout(poll, 300);
      else location.assign(form.action);
    };
    poll();
  });
}

const upload = $('upload-form');
if (upload) uploadStep(upload);
const map = $('preview-map');
if (map) previewMap(map);
const write = $('write-form');
if (write) writeStep(write);
const result = $('import-result');
if (result) result.focus();

// The style editor's SLD upload. A chosen file's text goes into the textarea; "Periksa" and
// "Simpan SLD" send the SLD as an XML body (a form body is capped far below an SLD's size, and a
// plain form cannot carry the CSRF token with a multipart body) and put the answer in place.
document.addEventListener('change', (ev) => {
  const input = ev.target;
  if (!(input instanceof HTMLInputElement) || input.id !== 'st-sld' || !input.files?.[0]) return;
  const area = document.getElementById('st-sldText');
  input.files[0].text().then((text) => {
    area.value = text;
  });
});

/** The plain form, as without this script (for a step the XML call could not take). */
function plainSubmit(form, step) {
  const input = document.createElement('input');
  Object.assign(input, { type: 'hidden', name: 'do', value: step });
  form.append(input);
  form.submit();
}

document.addEventListener('submit', async (ev) => {
  const form = ev.target;
  if (!(form instanceof HTMLFormElement) || form.id !== 'sld-form') return;
  ev.preventDefault();
  const step = ev.submitter?.value === 'sld-save' ? 'sld-save' : 'sld-check';
  const body = form.querySelector('textarea').value;
  form.setAttribute('aria-busy', 'true');
  try {
    const r = await fetch(`${form.getAttribute('action')}/sld?do=${step}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/vnd.ogc.sld+xml; charset=utf-8',
        'X-CSRF-Token': form.dataset.csrf,
        'HX-Request': 'true',
      },
      body,
    });
    const to = r.headers.get('HX-Redirect');
    if (to) return void window.location.assign(to);
    if (!r.ok && r.status !== 422) return void plainSubmit(form, step);
    document.getElementById('st-sld-body').innerHTML = await r.text();
    if (document.getElementById('e-sld')) document.getElementById('st-sldText').focus();
  } catch {
    // The network failed: the plain form still works for an SLD that fits in a form.
    plainSubmit(form, step);
  } finally {
    form.removeAttribute('aria-busy');
  }
});

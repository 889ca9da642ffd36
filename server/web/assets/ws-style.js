// The style editor's SLD upload: the chosen file's text goes into the textarea, which the form
// sends (a plain form cannot carry the CSRF token with a multipart body).
document.addEventListener('change', (ev) => {
  const input = ev.target;
  if (!(input instanceof HTMLInputElement) || input.id !== 'st-sld' || !input.files?.[0]) return;
  const area = document.getElementById('st-sldText');
  input.files[0].text().then((text) => {
    area.value = text;
  });
});

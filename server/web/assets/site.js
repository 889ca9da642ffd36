// Copy buttons: copy the text of the element the button names (data-copy = its id), exactly as
// shown; say "copied" for a moment. Works without htmx; without JS the address stays selectable.
document.addEventListener('click', async (e) => {
  const btn = e.target.closest('button[data-copy]');
  if (!btn) return;
  const el = document.getElementById(btn.dataset.copy);
  if (!el) return;
  const text = el.textContent.trim();
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const r = document.createRange();
    r.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    document.execCommand('copy');
  }
  window.simpulCopied = text;
  const label = btn.textContent;
  btn.textContent = btn.dataset.copied || label;
  setTimeout(() => { btn.textContent = label; }, 1500);
});
// The facet checkboxes and the sort list submit the search form at once (htmx swaps results).
document.addEventListener('change', (e) => {
  // Facet boxes sit outside the form (form="search"), so ask the control for its form.
  const form = e.target.form;
  if (form && form.hasAttribute('data-autosubmit')) form.requestSubmit();
});

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
  const aria = btn.getAttribute('aria-label');
  btn.textContent = btn.dataset.copied || label;
  // The accessible name keeps the visible word (WCAG 2.5.3, label in name).
  if (aria) btn.setAttribute('aria-label', aria.replace(label, btn.textContent));
  setTimeout(() => {
    btn.textContent = label;
    if (aria) btn.setAttribute('aria-label', aria);
  }, 1500);
});
// The facet checkboxes and the sort list submit the search form at once (htmx swaps results).
document.addEventListener('change', (e) => {
  // Facet boxes sit outside the form (form="search"), so ask the control for its form.
  const form = e.target.form;
  if (form && form.hasAttribute('data-autosubmit')) form.requestSubmit();
});

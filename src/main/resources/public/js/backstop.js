// Small behaviours that need script; the pages work without it. Loaded from our own origin only (CSP).
document.addEventListener("DOMContentLoaded", () => {
  // Ask before a form marked data-confirm is sent.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});

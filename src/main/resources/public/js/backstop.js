// Small behaviours that need script; the pages work without it. Loaded from our own origin only (CSP).
document.addEventListener("DOMContentLoaded", () => {
  // A time zone field starts with the browser's own zone (the server's default is UTC).
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    document.querySelectorAll("input[data-browser-zone]").forEach((input) => {
      if (input.value === "UTC") {
        input.value = zone;
      }
    });
  }
  // Ask before a form marked data-confirm is sent.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});

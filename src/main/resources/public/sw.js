// Backstop's service worker. It stays tiny: each feature adds its part as /static/js/sw-<feature>.js.
// Registered by pages with scope "/" (the server allows that with a Service-Worker-Allowed header).
importScripts("/static/js/sw-desk.js", "/static/js/sw-checkin.js");

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// The Desk page's part of the service worker: a click on a break notification brings the Desk tab back (or opens
// one), and the page learns which button was pressed. Notifications are shown by the page through the worker's
// registration, so they also appear while the tab is in the background.
self.addEventListener("notificationclick", (event) => {
  const notification = event.notification;
  if (!notification.tag || !notification.tag.startsWith("desk-")) {
    return;
  }
  notification.close();
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const desk = windows.find((client) => new URL(client.url).pathname === "/desk");
    if (desk) {
      desk.postMessage({ desk: "notification", action: event.action || "open" });
      return desk.focus();
    }
    return self.clients.openWindow("/desk");
  })());
});

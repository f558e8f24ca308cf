// The check-in's part of the service worker (issue 14): a daily reminder at the time the person chose. The time is
// kept on this device only (in the worker's cache storage); the server never learns it. A page tells the worker the
// time; the worker shows the reminder when the browser wakes it (periodic background sync, where the browser offers
// it to an installed app) or when an open page's timer asks, and at most once a day.
const CHECKIN_SETTINGS = "backstop-checkin";
const CHECKIN_REMINDER = "/checkin-reminder";

async function checkinReminder() {
  const cache = await caches.open(CHECKIN_SETTINGS);
  const stored = await cache.match(CHECKIN_REMINDER);
  return stored ? stored.json() : null;
}

async function saveCheckinReminder(reminder) {
  const cache = await caches.open(CHECKIN_SETTINGS);
  if (reminder === null) {
    return cache.delete(CHECKIN_REMINDER);
  }
  return cache.put(CHECKIN_REMINDER, new Response(JSON.stringify(reminder), { headers: { "Content-Type": "application/json" } }));
}

function localDay(now) {
  return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
}

// Shows today's reminder once its time has come; `force` for the page's "try it now" button.
async function remindToCheckIn(force) {
  const reminder = await checkinReminder();
  if (!reminder) {
    return false;
  }
  const now = new Date();
  const today = localDay(now);
  const [hours, minutes] = reminder.time.split(":").map(Number);
  const due = now.getHours() * 60 + now.getMinutes() >= hours * 60 + minutes;
  if (!force && (!due || reminder.lastShown === today)) {
    return false;
  }
  await self.registration.showNotification("Time for your check-in", {
    tag: "checkin-reminder",
    body: "A minute: pain this morning and tonight, desk time, breaks, sleep.",
    icon: "/static/icon-192.png",
    data: { url: "/diary/" + today },
  });
  reminder.lastShown = today;
  await saveCheckinReminder(reminder);
  return true;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.checkin === "reminder") {
    event.waitUntil(saveCheckinReminder(data.time ? { time: data.time, lastShown: null } : null)
      .then(() => event.source && event.source.postMessage({ checkin: "reminder-saved", time: data.time || null })));
  } else if (data.checkin === "remind") {
    event.waitUntil(remindToCheckIn(Boolean(data.force)));
  }
});

self.addEventListener("periodicsync", (event) => {
  if (event.tag === "checkin-reminder") {
    event.waitUntil(remindToCheckIn(false));
  }
});

self.addEventListener("notificationclick", (event) => {
  const notification = event.notification;
  if (notification.tag !== "checkin-reminder") {
    return;
  }
  notification.close();
  const url = (notification.data && notification.data.url) || "/diary";
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = windows.find((client) => new URL(client.url).pathname.startsWith("/diary"));
    if (open) {
      await open.navigate(url);
      return open.focus();
    }
    return self.clients.openWindow(url);
  })());
});

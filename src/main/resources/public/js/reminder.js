// The daily check-in reminder on the diary page: asks for permission to notify, tells the service worker the time
// (sw-checkin.js keeps it on this device), and while a Backstop page is open checks every minute whether it is due.
(function () {
  "use strict";
  const form = document.getElementById("reminder-form");
  const status = document.getElementById("reminder-status");

  async function worker() {
    if (!("serviceWorker" in navigator)) {
      return null;
    }
    await navigator.serviceWorker.register("/static/sw.js", { scope: "/" });
    return navigator.serviceWorker.ready;
  }

  function tell(message) {
    status.hidden = false;
    status.textContent = message;
  }

  async function choose(time) {
    if (!("Notification" in window)) {
      tell("This browser cannot show reminders.");
      return;
    }
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      tell("Reminders need permission to notify; your browser's site settings can allow it.");
      return;
    }
    const registration = await worker();
    registration.active.postMessage({ checkin: "reminder", time: time });
    if (registration.periodicSync) {
      try {
        await registration.periodicSync.register("checkin-reminder", { minInterval: 60 * 60 * 1000 });
      } catch (e) {
        // Offered only to an installed app; the open-page timer below still reminds.
      }
    }
    localStorage.setItem("backstop-reminder-time", time || "");
    tell(time ? "Reminder set for " + time + " every day, on this device." : "Reminder turned off on this device.");
    form.dataset.state = time ? "on" : "off";
  }

  if (form) {
    const saved = localStorage.getItem("backstop-reminder-time");
    if (saved) {
      form.querySelector("#reminder-time").value = saved;
      tell("Reminder set for " + saved + " every day, on this device.");
    }
    form.hidden = false;
    document.getElementById("reminder-unsupported").hidden = true;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      choose(form.querySelector("#reminder-time").value).catch((e) => tell("The reminder could not be set: " + e.message));
    });
    document.getElementById("reminder-off").addEventListener("click",
      () => choose("").catch((e) => tell("The reminder could not be turned off: " + e.message)));
  }

  // While a page is open, ask the worker once a minute; it shows the reminder once a day when the time has come.
  if ("serviceWorker" in navigator && localStorage.getItem("backstop-reminder-time")) {
    navigator.serviceWorker.ready.then((registration) => {
      const ask = () => registration.active && registration.active.postMessage({ checkin: "remind" });
      ask();
      setInterval(ask, 60 * 1000);
    });
  }
})();

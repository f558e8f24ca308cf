// Check-ins kept on this device while offline (issue 14), sent when the connection returns. Each kept check-in has
// its own id, sent as Idempotency-Key: the server saves an id once, so a retry or a second tab never saves twice.
// Loaded on every page, so whichever page is open when the phone is back online sends the queue.
(function () {
  "use strict";
  const KEY = "backstop-checkin-queue";

  function read() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || "[]");
    } catch (e) {
      return [];
    }
  }

  function write(queue) {
    if (queue.length === 0) {
      localStorage.removeItem(KEY);
    } else {
      localStorage.setItem(KEY, JSON.stringify(queue));
    }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function token() {
    const field = document.querySelector("input[name=_csrf]");
    if (field) {
      return field.value;
    }
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";
    } catch (e) {
      return "";
    }
  }

  // The check-in form as the API's JSON: numbers as numbers, ticks as lists, nothing for "not recorded".
  function body(form) {
    const data = new FormData(form);
    const json = { locations: data.getAll("locations"), pain_kinds: data.getAll("pain_kinds") };
    ["pain_am", "pain_pm", "stress", "sleep_quality", "arm_load", "desk_hours", "longest_sit_min", "breaks",
      "exercise_min"].forEach((name) => {
      const value = (data.get(name) || "").trim();
      if (value !== "") {
        json[name] = Number(value);
      }
    });
    ["sleep_position", "note"].forEach((name) => {
      const value = (data.get(name) || "").trim();
      if (value !== "") {
        json[name] = value;
      }
    });
    return json;
  }

  // Keeps one check-in per day: a later save of the same day offline replaces the earlier one.
  function keep(date, json) {
    const queue = read().filter((item) => item.date !== date);
    queue.push({ id: newId(), date: date, body: json });
    write(queue);
  }

  let sending = false;
  async function flush() {
    if (sending || !navigator.onLine) {
      return;
    }
    sending = true;
    try {
      for (const item of read()) {
        let response;
        try {
          response = await fetch("/api/v1/diary/" + item.date, {
            method: "PUT",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": token(), "Idempotency-Key": item.id },
            body: JSON.stringify(item.body),
          });
        } catch (e) {
          return; // still offline: try again on the next "online"
        }
        if (response.status === 401 || response.status === 403) {
          return; // signed out: kept until the person signs in again
        }
        // Saved (or refused as it stands, which no retry would change): it leaves the queue.
        write(read().filter((kept) => kept.id !== item.id));
        document.dispatchEvent(new CustomEvent("backstop:checkin-sent",
          { detail: { date: item.date, ok: response.ok } }));
      }
    } finally {
      sending = false;
    }
  }

  window.backstopCheckinQueue = { keep: keep, body: body, flush: flush, pending: () => read().length };
  window.addEventListener("online", flush);
  document.addEventListener("DOMContentLoaded", flush);
})();

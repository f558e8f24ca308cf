// The Desk page: runs the working day in the browser. The schedule itself is DeskTimer (desk-timer.js, a mirror of
// the server's BreakTimer); this file asks the server for the day, ticks (from a Web Worker, so a background tab
// keeps time), shows breaks and notifications, asks about time away, and sends what happened to /api/v1/desk/events.
(function () {
  "use strict";
  const root = document.getElementById("desk");
  if (!root || !window.DeskTimer) {
    return;
  }
  const Timer = window.DeskTimer;
  const MINUTE = 60000;
  const $ = (id) => document.getElementById(id);
  const store = "backstop.desk." + root.dataset.user + ".";
  let day = null; // the last answer of /api/v1/desk/today
  let events = []; // the day's events: the server's, plus any still waiting to be sent
  let queue = JSON.parse(localStorage.getItem(store + "queue") || "[]");
  let lastInput = Date.now();
  let quietSince = null; // start of a quiet spell the page will ask about
  let open = null; // the break on screen: {key, kind, started, seconds, exercise}
  let sound = null;
  let worker = null;
  let lastAnnounced = "";
  let registration = null;
  // When this page (or another Desk tab of this browser) last ran the working day, read before the first tick.
  const aliveBefore = Number(localStorage.getItem(store + "alive") || 0);

  // ---- time and text --------------------------------------------------------------------------------------------
  const pad = (n) => String(n).padStart(2, "0");
  function offsetMinutes(ms) {
    return -new Date(ms).getTimezoneOffset();
  }
  function offsetText(ms) {
    const minutes = offsetMinutes(ms);
    const sign = minutes < 0 ? "-" : "+";
    return sign + pad(Math.floor(Math.abs(minutes) / 60)) + ":" + pad(Math.abs(minutes) % 60);
  }
  // An instant written in the device's local time with its offset, as the API wants it.
  function iso(ms) {
    const d = new Date(ms);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" +
      pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + "." + String(d.getMilliseconds()).padStart(3, "0") +
      offsetText(ms);
  }
  function clock(ms) {
    const d = new Date(ms);
    return pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  function minutes(seconds) {
    const m = Math.max(0, Math.round(seconds / 60));
    if (m < 60) {
      return m + " min";
    }
    return Math.floor(m / 60) + " h" + (m % 60 === 0 ? "" : " " + (m % 60) + " min");
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return "d" + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }
  function announce(text) {
    if (text !== lastAnnounced) {
      lastAnnounced = text;
      $("desk-announce").textContent = text;
    }
  }
  function showError(text) {
    $("desk-error").textContent = text;
    $("desk-error").hidden = !text;
  }
  function lastEnd() {
    return events.reduce((max, e) => Math.max(max, Date.parse(e.at) + (e.seconds && e.type === "break_taken"
      ? e.seconds * 1000 : 0)), 0);
  }

  // ---- talking to the server ------------------------------------------------------------------------------------
  async function load() {
    const zone = (Intl.DateTimeFormat().resolvedOptions().timeZone) || "";
    const params = new URLSearchParams({ offset: offsetText(Date.now()), zone: zone });
    const response = await fetch("/api/v1/desk/today?" + params, { credentials: "same-origin" });
    if (!response.ok) {
      showError("The Desk page could not load your working day (status " + response.status + "). Reload to try again.");
      return;
    }
    day = await response.json();
    events = day.events.concat(queue.filter((q) => !day.events.some((e) => e.id === q.id)));
    $("day-offset").value = offsetText(Date.now());
    tick();
  }

  function save() {
    localStorage.setItem(store + "queue", JSON.stringify(queue));
    localStorage.setItem(store + "changed", String(Date.now()));
  }

  // Every event gets its id once; a retry after a lost answer sends the same id, so it never counts twice.
  async function send(type, at, extra) {
    const event = Object.assign({ id: newId(), type: type, at: iso(at) }, extra || {});
    events.push(event);
    queue.push(event);
    save();
    tick();
    await flush();
  }

  async function flush() {
    while (queue.length > 0) {
      const event = queue[0];
      let response;
      try {
        response = await fetch("/api/v1/desk/events", {
          method: "POST", credentials: "same-origin", body: JSON.stringify(event),
          headers: { "Content-Type": "application/json", "X-CSRF-Token": root.dataset.csrf },
        });
      } catch (offline) {
        showError("No connection: what happened is kept here and sent when the connection is back.");
        return;
      }
      queue.shift();
      save();
      if (response.ok) {
        showError("");
        const body = await response.json();
        if (day && body.day && body.day.date === day.today.date) {
          day.today = body.day;
        }
      } else if (response.status !== 409) {
        const body = await response.json().catch(() => ({}));
        events = events.filter((e) => e.id !== event.id);
        const field = (body.fields || [])[0];
        showError("Not recorded: " + (field ? field.field + " " + field.message : body.error || response.status));
      }
    }
    tick();
  }

  // ---- pauses: the calendar, a call, full screen ---------------------------------------------------------------
  function pauses(now) {
    const list = (day ? day.busy : []).map((b) => ({ from: Date.parse(b.from), to: Date.parse(b.to), reason: "calendar" }));
    const call = JSON.parse(localStorage.getItem(store + "pause") || "null");
    if (call && call.to > now) {
      list.push({ from: call.from, to: call.to, reason: "call" });
    }
    if (document.fullscreenElement) {
      list.push({ from: now - 1000, to: now + MINUTE, reason: "presenting" });
    }
    return list;
  }

  function pauseFor(minutesToPause) {
    const now = Date.now();
    localStorage.setItem(store + "pause", JSON.stringify({ from: now, to: now + minutesToPause * MINUTE }));
    announce("Reminders paused until " + clock(now + minutesToPause * MINUTE) + ".");
    tick();
  }

  // ---- the tick -------------------------------------------------------------------------------------------------
  function tick() {
    if (!day) {
      return;
    }
    const now = Date.now();
    const state = Timer.state(day.settings, events, pauses(now), now, offsetMinutes(now), day.reminders);
    if (state.working) {
      localStorage.setItem(store + "alive", String(now));
    }
    renderStatus(state, now);
    if (state.due && !open && $("idle-panel").hidden) {
      showBreak(state, now);
    } else if (open) {
      renderCountdown(now);
    }
    const today = Timer.localDate(now, offsetMinutes(now));
    if (state.limit_reached && localStorage.getItem(store + "limit") !== today) {
      localStorage.setItem(store + "limit", today);
      announce("You reached your daily sitting limit.");
      notify("Daily sitting limit reached", "You have sat " + minutes(state.sitting_today_seconds) +
        " today. Time for something on your feet.", "desk-limit");
    }
  }

  function renderStatus(state, now) {
    $("start-day").hidden = state.working;
    $("stop-day").hidden = !state.working;
    $("pause-controls").hidden = !state.working;
    const call = JSON.parse(localStorage.getItem(store + "pause") || "null");
    $("resume").hidden = !(call && call.to > now);
    $("pause").hidden = !$("resume").hidden;
    let text;
    if (!state.working) {
      text = state.stale
        ? "Your last working day was left open and has ended. Start a new one when you sit down."
        : "Not at the desk. Start your working day when you sit down.";
    } else {
      const kind = state.next_kind === "rest" ? "rest break" : "micro-break";
      const when = state.due ? "now" : "at " + clock(state.next_at) + " (in " + minutes((state.next_at - now) / 1000) + ")";
      text = "Working since " + clock(state.since) + "; last break " + minutes((now - state.stretch_since) / 1000) +
        " ago; next " + kind + " " + when + ".";
      if (state.paused_until) {
        const why = { calendar: "a meeting in your calendar", call: "a call", presenting: "full screen" };
        text += " Reminders pause until " + clock(state.paused_until) + " (" + why[state.paused_for] + ").";
      }
      if (!state.remind) {
        text += " This is a reminder-free phase of your experiment: the day is still measured.";
      }
    }
    $("status-text").textContent = text;
    const today = Timer.days(events, now).find((d) => d.date === Timer.localDate(now, offsetMinutes(now)));
    const t = today || { sitting_seconds: 0, longest_stretch_seconds: 0, micro: 0, rest: 0, natural: 0, skipped: 0, postponed: 0 };
    $("totals").textContent = "Sitting today " + minutes(t.sitting_seconds) + " of your " +
      minutes(day.settings.daily_limit_min * 60) + " limit · " + (t.micro + t.rest + t.natural) + " taken, " +
      t.postponed + " postponed, " + t.skipped + " skipped · longest stretch " + minutes(t.longest_stretch_seconds);
  }

  // ---- the break ------------------------------------------------------------------------------------------------
  function exerciseFor(kind, now) {
    const list = day.exercises || [];
    if (list.length === 0) {
      return null;
    }
    const today = Timer.days(events, now).find((d) => d.date === Timer.localDate(now, offsetMinutes(now)));
    const done = today ? today.micro + today.rest : 0;
    return list[done % list.length];
  }

  function showBreak(state, now) {
    const kind = state.next_kind;
    const exercise = exerciseFor(kind, now);
    const seconds = kind === "micro" ? (exercise ? exercise.seconds : 30) : day.settings.rest_length_min * 60;
    open = { key: kind + state.next_at, kind: kind, started: now, seconds: seconds, exercise: exercise };
    const title = kind === "micro" ? "Micro-break" : "Rest break";
    $("break-title").textContent = title;
    $("break-lead").textContent = kind === "micro"
      ? (exercise ? exercise.name + " for " + seconds + " seconds: " + exercise.dose + "." : "Stand up and move for 30 seconds.")
      : "Stand up and walk for " + day.settings.rest_length_min + " minutes" +
        (exercise ? "; back at the desk, try " + exercise.name + "." : ".");
    $("break-figure").hidden = !exercise;
    if (exercise) {
      $("break-img").src = exercise.illustration;
      $("break-img").alt = exercise.name + ": start and end position";
      $("break-name").textContent = exercise.name + (exercise.from_plan ? " (from your plan)" : " (from the exercise library)");
      $("break-cues").replaceChildren(...exercise.cues.map((cue) => {
        const item = document.createElement("li");
        item.textContent = cue;
        return item;
      }));
    }
    const strict = day.settings.strict;
    $("postpone-minutes").textContent = day.settings.postpone_minutes;
    $("break-postpone").hidden = strict || state.postpones_left === 0;
    $("break-skip").hidden = strict || state.skips_left === 0;
    $("break-limits").textContent = strict
      ? "Strict mode: this break cannot be postponed or skipped."
      : state.postpones_left + " postpone(s) left for this break, " + state.skips_left + " skip(s) left today.";
    $("break-panel").hidden = false;
    $("break-panel").focus();
    document.title = title + " due · " + document.title.replace(/^.* due · /, "");
    announce(title + " due: " + $("break-lead").textContent);
    renderCountdown(now);
    notify(title + " due", $("break-lead").textContent, "desk-break");
    beep();
  }

  function renderCountdown(now) {
    const left = Math.max(0, Math.ceil(open.seconds - (now - open.started) / 1000));
    $("break-countdown").textContent = Math.floor(left / 60) + ":" + pad(left % 60);
    $("break-done").disabled = day.settings.strict && left > 0;
    const step = open.seconds > 120 ? 60 : 15;
    if (left === 0) {
      announce("Time is up. Press D when you are done.");
    } else if (left % step === 0 && left !== open.seconds) {
      announce(left + " seconds left.");
    }
  }

  function closeBreak() {
    open = null;
    $("break-panel").hidden = true;
    document.title = document.title.replace(/^.* due · /, "");
    $("status-text").focus();
  }

  function breakDone() {
    if (!open || $("break-done").disabled) {
      return;
    }
    const taken = open;
    closeBreak();
    send("break_taken", taken.started, { kind: taken.kind, seconds: Math.max(1, Math.round((Date.now() - taken.started) / 1000)) });
    announce("Break logged. Well done.");
  }

  function breakPostpone() {
    if (!open || $("break-postpone").hidden) {
      return;
    }
    const kind = open.kind;
    closeBreak();
    send("break_postponed", Date.now(), { kind: kind });
    announce("Postponed by " + day.settings.postpone_minutes + " minutes.");
  }

  function breakSkip() {
    if (!open || $("break-skip").hidden) {
      return;
    }
    const kind = open.kind;
    closeBreak();
    send("break_skipped", Date.now(), { kind: kind });
    announce("Break skipped.");
  }

  // ---- notifications and sound ----------------------------------------------------------------------------------
  function renderNotifyState() {
    const state = $("notify-state");
    if (!("Notification" in window)) {
      state.textContent = "This browser cannot show notifications; breaks appear on this page.";
      return;
    }
    $("notify-ask").hidden = Notification.permission !== "default";
    state.textContent = {
      granted: "Notifications are on.",
      denied: "Notifications are off in this browser's settings; breaks appear on this page.",
      default: "",
    }[Notification.permission];
  }

  async function notify(title, body, tag) {
    if (!("Notification" in window) || Notification.permission !== "granted") {
      return;
    }
    try {
      if (registration) {
        await registration.showNotification(title, { body: body, tag: tag, renotify: true, icon: "/static/icon-192.png" });
      } else {
        new Notification(title, { body: body, tag: tag });
      }
    } catch (e) {
      // The page itself still shows the break.
    }
  }

  function beep() {
    if (!day.settings.sound || !sound) {
      return;
    }
    const tone = sound.createOscillator();
    const gain = sound.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.2, sound.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, sound.currentTime + 0.6);
    tone.connect(gain).connect(sound.destination);
    tone.start();
    tone.stop(sound.currentTime + 0.6);
  }

  // ---- time away --------------------------------------------------------------------------------------------------
  // Quiet time is not a break until the person says so: reading and thinking look just as quiet.
  function askAway(from, now, canStop) {
    quietSince = Math.max(from, lastEnd());
    if (now - quietSince < day.settings.idle_minutes * MINUTE) {
      quietSince = null;
      return;
    }
    $("idle-text").textContent = "Nothing happened on this page from " + clock(quietSince) + " to " + clock(now) +
      " (" + minutes((now - quietSince) / 1000) + "). If you were away from the desk, that was a break.";
    $("idle-yes").hidden = now - quietSince > 4 * 60 * MINUTE;
    $("idle-stopped").hidden = !canStop;
    $("idle-panel").hidden = false;
    $("idle-panel").focus();
    announce("Were you away from the desk?");
  }

  function activity() {
    const now = Date.now();
    if (day && $("idle-panel").hidden && now - lastInput >= day.settings.idle_minutes * MINUTE) {
      const state = Timer.state(day.settings, events, [], now, offsetMinutes(now), true);
      if (state.working) {
        askAway(lastInput, now, true);
      }
    }
    lastInput = now;
  }

  function answerAway(answer) {
    const from = quietSince;
    const now = Date.now();
    $("idle-panel").hidden = true;
    quietSince = null;
    if (answer === "yes") {
      send("break_taken", from, { kind: "natural", seconds: Math.round((now - from) / 1000) });
      announce("Counted as a break.");
    } else if (answer === "stopped") {
      send("work_stop", from);
      announce("Your working day ended at " + clock(from) + ".");
    }
    $("status-text").focus();
  }

  // A working day the page did not see for a while: ask (or close it, when it was left open far too long).
  function checkAbsence() {
    const now = Date.now();
    const alive = aliveBefore;
    const state = Timer.state(day.settings, events, [], now, offsetMinutes(now), true);
    const lastDay = [...events].reverse().find((e) => e.type === "work_start" || e.type === "work_stop");
    if (state.stale && lastDay && lastDay.type === "work_start") {
      const since = Date.parse(lastDay.at);
      const end = Math.max(lastEnd(), alive > since && alive < since + 16 * 60 * MINUTE ? alive : 0);
      send("work_stop", end);
      showError("Your working day from " + clock(since) + " was still open; it was ended at " + clock(end) +
        ", the last time the Desk page saw you.");
    } else if (state.working && alive > 0) {
      askAway(alive, now, true);
    }
  }

  // ---- wiring -----------------------------------------------------------------------------------------------------
  $("day-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const starting = event.submitter ? event.submitter.value === "start" : !$("start-day").hidden;
    send(starting ? "work_start" : "work_stop", Date.now());
    announce(starting ? "Your working day has started." : "Stopped for today.");
  });
  $("pause").addEventListener("click", () => pauseFor(Number($("pause-minutes").value)));
  $("resume").addEventListener("click", () => {
    localStorage.removeItem(store + "pause");
    announce("Reminders are back on.");
    tick();
  });
  $("break-done").addEventListener("click", breakDone);
  $("break-postpone").addEventListener("click", breakPostpone);
  $("break-skip").addEventListener("click", breakSkip);
  // One key each while the break is in focus (WCAG 2.1.4: single-key shortcuts only where they act).
  $("break-panel").addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const action = { d: breakDone, p: breakPostpone, s: breakSkip }[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  $("idle-yes").addEventListener("click", () => answerAway("yes"));
  $("idle-no").addEventListener("click", () => answerAway("no"));
  $("idle-stopped").addEventListener("click", () => answerAway("stopped"));
  $("notify-ask").addEventListener("click", async () => {
    await Notification.requestPermission();
    renderNotifyState();
  });
  // Browsers allow sound only after the person has pressed something on the page.
  const allowSound = () => {
    if (!sound && window.AudioContext) {
      sound = new AudioContext();
    }
  };
  window.addEventListener("pointerdown", allowSound, { once: true });
  window.addEventListener("keydown", allowSound, { once: true });
  ["keydown", "pointerdown", "pointermove", "wheel", "touchstart", "scroll"].forEach((type) =>
    window.addEventListener(type, activity, { passive: true }));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      activity();
      load();
    }
  });
  document.addEventListener("fullscreenchange", tick);
  window.addEventListener("storage", (event) => {
    if (event.key === store + "changed" || event.key === store + "pause") {
      queue = JSON.parse(localStorage.getItem(store + "queue") || "[]");
      load();
    }
  });
  window.addEventListener("online", flush);

  $("pause-controls").hidden = false;
  $("status-text").tabIndex = -1;
  renderNotifyState();
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/static/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((ready) => { registration = ready; })
      .catch(() => { registration = null; });
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.desk === "notification" && open) {
        $("break-panel").focus();
      }
    });
  }
  // A dedicated worker keeps ticking while the tab is in the background, where page timers are slowed down.
  if (window.Worker) {
    worker = new Worker("/static/js/desk-tick.js");
    worker.onmessage = tick;
  } else {
    setInterval(tick, 1000);
  }
  setInterval(load, 15 * MINUTE);
  load().then(() => {
    if (day) {
      checkAbsence();
      flush();
    }
  });
})();

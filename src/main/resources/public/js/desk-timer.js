// The Desk page's break schedule and sitting measure, as pure functions. A line-by-line mirror of the server's
// BreakTimer and DeskTimeline (backstop.desk): DeskTimerMirrorTest runs both over the same simulated days.
// Times are epoch milliseconds; events are the API's {id, type, at, kind, seconds}; nothing here reads the clock.
(function (global) {
  "use strict";
  const MINUTE = 60000;
  const DAY = 86400000;
  const MAX_OPEN = 16 * 3600000;

  function instant(event) {
    return Date.parse(event.at);
  }

  // The UTC offset the event was written with, in minutes ("Z" is 0).
  function offsetOf(event) {
    const match = /([+-])(\d{2}):(\d{2})$/.exec(event.at);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  }

  function localDate(ms, offset) {
    return new Date(ms + offset * MINUTE).toISOString().slice(0, 10);
  }

  function nextMidnight(ms, offset) {
    return Date.parse(localDate(ms, offset) + "T00:00:00Z") + DAY - offset * MINUTE;
  }

  function kindOf(event) {
    return event.kind || "micro";
  }

  function end(event) {
    return event.type === "break_taken" ? instant(event) + event.seconds * 1000 : instant(event);
  }

  // Events by time; equal times keep their order (Array.prototype.sort is stable).
  function ordered(events) {
    return events.slice().sort((a, b) => instant(a) - instant(b));
  }

  function emptyDay(date) {
    return { date: date, sitting_seconds: 0, longest_stretch_seconds: 0, micro: 0, rest: 0, natural: 0,
      skipped: 0, postponed: 0, sessions: 0 };
  }

  // Days at the desk: working-day time minus breaks taken, cut into stretches at each break, split at midnight in
  // the offset of the event that began the stretch.
  function days(events, now) {
    const byDate = new Map();
    const day = (date) => {
      if (!byDate.has(date)) {
        byDate.set(date, emptyDay(date));
      }
      return byDate.get(date);
    };
    const sit = (from, to, offset) => {
      let start = from;
      while (start < to) {
        const stop = Math.min(nextMidnight(start, offset), to);
        const seconds = Math.floor((stop - start) / 1000);
        const d = day(localDate(start, offset));
        d.sitting_seconds += seconds;
        d.longest_stretch_seconds = Math.max(d.longest_stretch_seconds, seconds);
        start = stop;
      }
    };
    let open = null;
    let stretchStart = 0;
    let stretchOffset = 0;
    let lastEnd = -Infinity;
    for (const event of ordered(events)) {
      const d = day(localDate(instant(event), offsetOf(event)));
      if (event.type === "work_start") {
        d.sessions += 1;
      } else if (event.type === "break_taken") {
        d[kindOf(event)] += 1;
      } else if (event.type === "break_skipped") {
        d.skipped += 1;
      } else if (event.type === "break_postponed") {
        d.postponed += 1;
      }
      if (event.type === "work_start") {
        if (open) {
          sit(stretchStart, Math.max(stretchStart, lastEnd), stretchOffset);
        }
        open = event;
        stretchStart = instant(event);
        stretchOffset = offsetOf(event);
      } else if (event.type === "work_stop") {
        if (open) {
          sit(stretchStart, instant(event), stretchOffset);
          open = null;
        }
      } else if (event.type === "break_taken") {
        if (open) {
          sit(stretchStart, instant(event), stretchOffset);
          stretchStart = end(event);
          stretchOffset = offsetOf(event);
        }
      }
      lastEnd = Math.max(lastEnd, end(event));
    }
    if (open) {
      const cap = instant(open) + MAX_OPEN;
      sit(stretchStart, now < cap ? now : Math.max(stretchStart, lastEnd), stretchOffset);
    }
    return Array.from(byDate.values()).sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  function mergedPauses(pauses) {
    const sorted = pauses.slice().sort((a, b) => a.from - b.from);
    const merged = [];
    for (const pause of sorted) {
      const last = merged[merged.length - 1];
      if (last && pause.from <= last.to) {
        last.to = Math.max(last.to, pause.to);
      } else {
        merged.push({ from: pause.from, to: pause.to, reason: pause.reason });
      }
    }
    return merged;
  }

  // Where the working day stands at `now` (see BreakTimer.at for the rules, in words).
  function state(settings, events, pauses, now, offset, remind) {
    const past = ordered(events).filter((e) => instant(e) <= now);
    const today = localDate(now, offset);
    let working = false;
    let since = null;
    let stretchSince = null;
    let microReset = null;
    let restReset = null;
    let postponedKind = null;
    let postponedUntil = null;
    let postponesThisBreak = 0;
    let skipsToday = 0;
    for (const event of past) {
      const kind = kindOf(event);
      const at = instant(event);
      if (event.type === "break_skipped" && localDate(at, offsetOf(event)) === today) {
        skipsToday += 1;
      }
      if (event.type === "work_start") {
        working = true;
        since = at;
        stretchSince = at;
        microReset = at;
        restReset = at;
        postponedKind = null;
        postponedUntil = null;
        postponesThisBreak = 0;
      } else if (event.type === "work_stop") {
        working = false;
        since = null;
        stretchSince = null;
        postponedKind = null;
        postponedUntil = null;
        postponesThisBreak = 0;
      } else if (event.type === "break_taken" && working) {
        stretchSince = end(event);
        microReset = end(event);
        if (kind === "rest" || (kind === "natural" && event.seconds >= settings.rest_length_min * 60)) {
          restReset = end(event);
        }
        postponedKind = null;
        postponedUntil = null;
        postponesThisBreak = 0;
      } else if (event.type === "break_skipped" && working) {
        microReset = at;
        if (kind === "rest") {
          restReset = at;
        }
        postponedKind = null;
        postponedUntil = null;
        postponesThisBreak = 0;
      } else if (event.type === "break_postponed" && working) {
        postponedKind = kind;
        postponedUntil = at + settings.postpone_minutes * MINUTE;
        postponesThisBreak += 1;
      }
    }
    const todays = days(past, now).find((d) => d.date === today);
    const sittingToday = todays ? todays.sitting_seconds : 0;
    const limitReached = sittingToday >= settings.daily_limit_min * 60;
    const skipsLeft = settings.strict ? 0 : Math.max(0, settings.max_skips - skipsToday);
    const stale = working && now >= since + MAX_OPEN;
    const off = { working: false, since: null, stretch_since: null, next_kind: null, next_at: null, due: false,
      paused_until: null, paused_for: null, postpones_left: 0, skips_left: skipsLeft,
      sitting_today_seconds: sittingToday, limit_reached: limitReached, remind: remind, stale: stale };
    if (!working || stale) {
      return off;
    }
    const microDue = microReset + settings.micro_minutes * MINUTE;
    const restDue = restReset + settings.rest_minutes * MINUTE;
    let nextKind = restDue > microDue ? "micro" : "rest";
    let nextAt = nextKind === "micro" ? microDue : restDue;
    if (postponedUntil !== null) {
      nextKind = postponedKind;
      nextAt = postponedUntil;
    }
    const merged = mergedPauses(pauses);
    for (const pause of merged) {
      if (nextAt >= pause.from && nextAt < pause.to) {
        nextAt = pause.to;
      }
    }
    const pausedNow = merged.find((p) => now >= p.from && now < p.to) || null;
    if (pausedNow && nextAt < pausedNow.to) {
      nextAt = pausedNow.to;
    }
    return { working: true, since: since, stretch_since: stretchSince, next_kind: nextKind, next_at: nextAt,
      due: remind && !pausedNow && now >= nextAt, paused_until: pausedNow ? pausedNow.to : null,
      paused_for: pausedNow ? pausedNow.reason : null,
      postpones_left: settings.strict ? 0 : Math.max(0, settings.max_postpones - postponesThisBreak),
      skips_left: skipsLeft, sitting_today_seconds: sittingToday, limit_reached: limitReached, remind: remind,
      stale: false };
  }

  global.DeskTimer = { state: state, days: days, localDate: localDate, offsetOf: offsetOf };
})(typeof self !== "undefined" ? self : this);

// Pain over time: draws the diary with uPlot, shading episodes and flare-ups when insights has found any.
// Missing days are gaps in the lines, never zeros.
(function () {
  "use strict";
  const DAY = 86400;
  const status = document.getElementById("chart-status");
  const painBox = document.getElementById("pain-chart");
  const habitBox = document.getElementById("habit-chart");
  let charts = [];

  function isoDaysAgo(days) {
    const date = new Date(Date.now() - days * DAY * 1000);
    return date.toISOString().slice(0, 10);
  }

  function seconds(iso) {
    return Date.parse(iso + "T00:00:00Z") / 1000;
  }

  // Every calendar day gets a slot, so a missing day shows as a gap.
  function series(days) {
    if (days.length === 0) {
      return null;
    }
    const byDate = new Map(days.map((d) => [d.date, d]));
    const first = seconds(days[0].date);
    const last = seconds(days[days.length - 1].date);
    const cols = { x: [], pain_am: [], pain_pm: [], desk_hours: [], stress: [], sleep_quality: [], breaks: [], exercise_min: [] };
    for (let t = first; t <= last; t += DAY) {
      const day = byDate.get(new Date(t * 1000).toISOString().slice(0, 10)) || {};
      cols.x.push(t);
      for (const key of Object.keys(cols)) {
        if (key !== "x") {
          cols[key].push(day[key] === undefined ? null : day[key]);
        }
      }
    }
    return cols;
  }

  function bands(insights) {
    const spans = [];
    (insights.episodes || []).forEach((e) => spans.push({ from: seconds(e.start), to: seconds(e.end) + DAY, kind: "episode" }));
    (insights.flares || []).forEach((f) => spans.push({ from: seconds(f.start || f.date), to: seconds(f.end || f.date) + DAY, kind: "flare" }));
    return spans;
  }

  function shade(spans, planStart) {
    return {
      hooks: {
        drawClear: [(u) => {
          const ctx = u.ctx;
          spans.forEach((s) => {
            const left = u.valToPos(s.from, "x", true);
            const right = u.valToPos(s.to, "x", true);
            ctx.fillStyle = s.kind === "episode" ? "rgba(163, 50, 42, 0.12)" : "rgba(242, 182, 50, 0.35)";
            ctx.fillRect(left, u.bbox.top, Math.max(2, right - left), u.bbox.height);
          });
        }],
        // The plan's start: a dashed line, named in the legend below the chart.
        draw: [(u) => {
          if (planStart === null || planStart < u.scales.x.min || planStart > u.scales.x.max) {
            return;
          }
          const ctx = u.ctx;
          const x = Math.round(u.valToPos(planStart, "x", true));
          ctx.save();
          ctx.strokeStyle = "#1f6f78";
          ctx.lineWidth = 2 * (window.devicePixelRatio || 1);
          ctx.setLineDash([6, 4]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        }],
      },
    };
  }

  // Daily data: the x axis counts whole days (UTC midnights), so there are no 12am/6am ticks; labels are dates.
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function dateLabel(t) {
    const d = new Date(t * 1000);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
  }
  const dayAxis = {
    incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 182 * DAY, 364 * DAY],
    space: 60,
    values: (u, ticks) => ticks.map(dateLabel),
  };
  const dayScale = { time: false };
  const dayLegend = { label: "day", value: (u, v) => (v === null || v === undefined ? "–" : dateLabel(v)) };

  function draw(cols, spans, planStart) {
    charts.forEach((c) => c.destroy());
    charts = [];
    painBox.textContent = "";
    habitBox.textContent = "";
    const width = Math.max(280, painBox.clientWidth);
    const painOpts = {
      width: width, height: 220, plugins: [shade(spans, planStart)],
      scales: { x: dayScale, y: { range: [0, 10] } },
      axes: [dayAxis, {}],
      series: [dayLegend, { label: "morning pain", stroke: "#5a6b76", spanGaps: false },
        { label: "evening pain", stroke: "#a3322a", width: 2, spanGaps: false }],
    };
    charts.push(new uPlot(painOpts, [cols.x, cols.pain_am, cols.pain_pm], painBox));
    const habitOpts = {
      width: width, height: 220, plugins: [shade(spans, planStart)],
      scales: { x: dayScale },
      axes: [dayAxis, {}],
      series: [dayLegend, { label: "desk hours", stroke: "#1f6f78" }, { label: "stress", stroke: "#c78a00" },
        { label: "sleep quality", stroke: "#3b5bdb" }, { label: "breaks", stroke: "#2b8a3e" }],
    };
    charts.push(new uPlot(habitOpts, [cols.x, cols.desk_hours, cols.stress, cols.sleep_quality, cols.breaks], habitBox));
  }

  async function load(days) {
    status.textContent = "Loading…";
    const from = days > 0 ? isoDaysAgo(days - 1) : "1900-01-01";
    const diary = await fetch("/api/v1/diary?from=" + from, { credentials: "same-origin" }).then((r) => r.json());
    let spans = [];
    let planStart = null;
    try {
      const insights = await fetch("/api/v1/insights", { credentials: "same-origin" });
      if (insights.ok) {
        const report = await insights.json();
        spans = bands(report).filter((s) => days === 0 || s.to >= seconds(from));
        const plan = report.recurrence && report.recurrence.since_plan;
        if (plan) {
          planStart = seconds(plan.plan_start);
          const mark = document.getElementById("plan-start");
          mark.hidden = false;
          mark.querySelector("time").textContent = plan.plan_start;
          mark.querySelector("time").setAttribute("datetime", plan.plan_start);
        }
      }
    } catch (e) {
      spans = [];
    }
    const cols = series(diary);
    if (!cols) {
      status.textContent = "No check-ins in this range yet.";
      charts.forEach((c) => c.destroy());
      charts = [];
      return;
    }
    status.textContent = diary.length + " days with a check-in.";
    draw(cols, spans, planStart);
  }

  document.querySelectorAll(".range button").forEach((button) => {
    button.addEventListener("click", () => {
      document.querySelectorAll(".range button").forEach((b) => b.classList.remove("current"));
      button.classList.add("current");
      load(Number(button.dataset.days));
    });
  });
  document.addEventListener("DOMContentLoaded", () => {
    const month = document.querySelector(".range button[data-days='31']");
    month.classList.add("current");
    load(31);
  });
})();

// Breaks at the desk beside evening pain, on the diary's chart page: drawn with uPlot from /api/v1/desk/summary for
// the range the page's buttons choose. Days without desk time or pain are gaps, never zeros.
(function () {
  "use strict";
  const DAY = 86400;
  const box = document.getElementById("desk-chart");
  const status = document.getElementById("desk-chart-status");
  if (!box || !window.uPlot) {
    return;
  }
  let chart = null;

  function iso(daysAgo) {
    return new Date(Date.now() - daysAgo * DAY * 1000).toISOString().slice(0, 10);
  }

  async function load(days) {
    const span = days > 0 ? days : 3 * 365;
    const summary = await fetch("/api/v1/desk/summary?from=" + iso(span - 1) + "&to=" + iso(0),
      { credentials: "same-origin" }).then((r) => r.json());
    const rows = (summary.days || []).slice().reverse();
    if (chart) {
      chart.destroy();
      chart = null;
    }
    box.textContent = "";
    if (!rows.some((d) => d.sessions > 0 || d.breaks_taken > 0)) {
      status.textContent = "No days at the desk in this range yet: the Desk page records them.";
      return;
    }
    const deskDays = rows.filter((d) => d.sitting_min > 0).length;
    status.textContent = deskDays === 1 ? "1 day at the desk." : deskDays + " days at the desk.";
    // Every calendar day gets a slot, so a day without data is a gap in the lines.
    const byDate = new Map(rows.map((d) => [d.date, d]));
    const x = [];
    const pain = [];
    const taken = [];
    const longest = [];
    const first = Date.parse(rows[0].date + "T00:00:00Z") / 1000;
    const last = Date.parse(rows[rows.length - 1].date + "T00:00:00Z") / 1000;
    for (let t = first; t <= last; t += DAY) {
      const d = byDate.get(new Date(t * 1000).toISOString().slice(0, 10));
      const desk = d && (d.sitting_min > 0 || d.breaks_taken > 0);
      x.push(t);
      pain.push(d && d.pain_pm !== null ? d.pain_pm : null);
      taken.push(desk ? d.breaks_taken : null);
      longest.push(desk ? d.longest_sit_min : null);
    }
    chart = new uPlot({
      width: Math.max(280, box.clientWidth), height: 220,
      scales: { pain: { range: [0, 10] }, min: { auto: true } },
      axes: [{}, { scale: "pain", label: "pain / breaks" }, { scale: "min", side: 1, label: "minutes", grid: { show: false } }],
      series: [{}, { label: "evening pain", scale: "pain", stroke: "#a3322a", width: 2, spanGaps: false },
        { label: "breaks taken", scale: "pain", stroke: "#2b8a3e", points: { show: true }, spanGaps: false },
        { label: "longest stretch (min)", scale: "min", stroke: "#1f6f78", dash: [6, 4], spanGaps: false }],
    }, [x, pain, taken, longest], box);
  }

  document.querySelectorAll(".range button").forEach((button) => {
    button.addEventListener("click", () => load(Number(button.dataset.days)));
  });
  document.addEventListener("DOMContentLoaded", () => load(31));
})();

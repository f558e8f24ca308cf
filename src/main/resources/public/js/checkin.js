// The check-in's taps: quick choices fill a number box, and "same as yesterday" ticks yesterday's unchanging answers.
// Without script the boxes and the link (which reloads the form filled in) still work.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("checkin-form");
  if (!form) {
    return;
  }
  form.querySelectorAll(".picks").forEach((group) => {
    const input = document.getElementById(group.dataset.for);
    const buttons = Array.from(group.querySelectorAll("button.pick"));
    const mark = () => buttons.forEach((button) => {
      button.setAttribute("aria-pressed", String(input.value !== "" && Number(button.dataset.value) === Number(input.value)));
    });
    buttons.forEach((button) => button.addEventListener("click", () => {
      // A second tap on the chosen value takes it back to "not recorded".
      input.value = button.getAttribute("aria-pressed") === "true" ? "" : button.dataset.value;
      mark();
    }));
    input.addEventListener("input", mark);
    group.hidden = false;
    mark();
  });

  const same = document.getElementById("same-as-yesterday");
  if (same) {
    same.addEventListener("click", (event) => {
      event.preventDefault();
      const tick = (name, values) => form.querySelectorAll(`input[name="${name}"]`).forEach((box) => {
        box.checked = values.includes(box.value);
      });
      tick("locations", same.dataset.locations.split(" ").filter(Boolean));
      tick("pain_kinds", same.dataset.painKinds.split(" ").filter(Boolean));
      if (same.dataset.sleepPosition) {
        tick("sleep_position", [same.dataset.sleepPosition]);
      }
      same.classList.add("done");
      document.getElementById("carry-status").textContent = "Filled in: " + same.nextElementSibling.textContent;
    });
  }

  // Offline: the check-in is kept on this device and sent when the connection returns (checkin-queue.js).
  const status = document.getElementById("offline-status");
  form.addEventListener("submit", (event) => {
    if (navigator.onLine || !window.backstopCheckinQueue) {
      return;
    }
    event.preventDefault();
    window.backstopCheckinQueue.keep(form.dataset.date, window.backstopCheckinQueue.body(form));
    status.hidden = false;
    status.textContent = "You are offline. Your check-in is kept on this phone and will be sent when you are back online.";
  });
  document.addEventListener("backstop:checkin-sent", (event) => {
    if (event.detail.date === form.dataset.date) {
      status.hidden = false;
      status.textContent = event.detail.ok
        ? "Back online: your check-in for " + event.detail.date + " was sent and saved."
        : "Back online, but the check-in for " + event.detail.date + " was refused; please check it and save again.";
    }
  });
});

// Exercise timers on the Today page: a button counts down the hold or the exercise's time, then says so.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button.timer").forEach((button) => {
    const display = button.parentElement.querySelector(".timer-display");
    let timer = null;
    button.addEventListener("click", () => {
      if (timer) {
        clearInterval(timer);
        timer = null;
        display.textContent = "stopped";
        return;
      }
      let left = Number(button.dataset.seconds);
      display.textContent = left + " s";
      timer = setInterval(() => {
        left -= 1;
        if (left <= 0) {
          clearInterval(timer);
          timer = null;
          display.textContent = "time — well done";
          if (navigator.vibrate) {
            navigator.vibrate(200);
          }
          return;
        }
        display.textContent = left + " s";
      }, 1000);
    });
  });
});

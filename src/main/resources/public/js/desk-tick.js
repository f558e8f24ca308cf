// A dedicated worker for the Desk page: browsers slow down timers of background tabs, not of workers, so the page
// takes its once-a-second tick from here and a break is never late because the person works in another window.
setInterval(() => postMessage(Date.now()), 1000);

/* Progressive enhancement only: every page works without this file. */
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    window.DKFDS.init();
  }
  // Close an open header menu when the person presses Escape or clicks elsewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.fl-menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.fl-menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});

/* The workshop countdown: the server sends when the step ends; this ticks it down each second. */
(function () {
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function show(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return h ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s);
  }
  function tick() {
    document.querySelectorAll(".fl-countdown[data-ends-at]").forEach(function (el) {
      // The server's clock, not the device's: the offset between them is measured when the board arrives.
      if (el.dataset.offset === undefined) {
        el.dataset.offset = String(Date.parse(el.dataset.now) - Date.now());
      }
      var left = (Date.parse(el.dataset.endsAt) - (Date.now() + Number(el.dataset.offset))) / 1000;
      el.textContent = show(left);
      el.classList.toggle("fl-countdown-over", left <= 0);
    });
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  // A post sent: empty the box (it is kept across the board's refreshes while someone types).
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains("fl-room-post") && event.detail.successful) {
      var box = document.getElementById("post-text");
      if (box) { box.value = ""; box.focus(); }
    }
  });
})();

/* Progressive enhancement only: every page works without this file.
   dkfds' own script (vendor/dkfds/js) is not loaded: no page uses a component it drives (modals, tabs,
   overflow menus, tooltips, character limits), and it cost a phone on a weak line 20 kB on every page. */
document.addEventListener("DOMContentLoaded", function () {
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
  // On a phone the workplace menu scrolls sideways: show the page's own item.
  var current = document.querySelector(".fl-workplace-nav a[aria-current='page']");
  var row = current && current.closest("ul");
  if (row && row.scrollWidth > row.clientWidth) {
    var left = current.getBoundingClientRect().left - row.getBoundingClientRect().left + row.scrollLeft;
    row.scrollLeft = left - (row.clientWidth - current.offsetWidth) / 2;
  }
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
  // A post sent: empty the box (it is kept across the board's refreshes while someone types), unless the
  // server refused it. The swap replaces the form's own board, so the form is found from the request.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.requestConfig ? event.detail.requestConfig.elt : event.target;
    if (!form || !form.classList || !form.classList.contains("fl-room-post") || !event.detail.successful) return;
    if (document.querySelector("#room-board .alert-error")) return;
    var box = document.getElementById("post-text");
    if (box) { box.value = ""; box.focus(); }
  });
  // A board that refreshes keeps the panels the person has opened.
  var opened = [];
  document.addEventListener("htmx:beforeSwap", function (event) {
    opened = Array.prototype.map.call(event.detail.target.querySelectorAll("details[id][open]"), function (d) { return d.id; });
  });
  document.addEventListener("htmx:afterSwap", function () {
    opened.forEach(function (id) { var d = document.getElementById(id); if (d) d.open = true; });
  });
})();

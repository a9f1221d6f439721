/* Signing out, and shared devices (issue 21, point 4). Progressive enhancement: without this file the
   sign-out forms post as they are, and the server still ends a shared device's session after its idle time.

   - Any sign-out form (data-fl-sign-out): drafts on the device are sent first (FLDrafts, drafts.js); those
     that could not be sent are deleted only after a warning; then everything the app kept is cleared, so
     nothing of one person is left for the next (nor sent later in the next person's name).
   - On a shared device (#fl-idle-dialog, with the workplace's idle time): after that long without a touch or
     a key the person is signed out, with a warning a minute before. While they are busy on one page the
     server is told now and then (still_here), since its own clock only sees requests.
   - A shared device's login page clears what a session that ended without this script left behind. */
(function () {
  "use strict";

  var SEND_WAIT_MS = 8000;
  var WARN_MS = 60000;

  function store() {
    return window.FLDrafts || null;
  }

  function settle(promise, ms) {
    return Promise.race([
      Promise.resolve(promise).catch(function () {}),
      new Promise(function (resolve) { setTimeout(resolve, ms); })
    ]);
  }

  // Every draft still on the device is something typed and not sent: queued, refused by the server, or an
  // idea half written on a form (pendingCount counts only the queued ones).
  function unsentCount(drafts) {
    var counted = typeof drafts.list === "function"
      ? drafts.list().then(function (all) { return all.length; })
      : drafts.pendingCount();
    return Promise.resolve(counted).then(function (count) { return Number(count) || 0; }, function () { return 0; });
  }

  // Sends what can be sent; resolves to how many drafts are still on the device.
  function sendThenCount() {
    var drafts = store();
    if (!drafts) return Promise.resolve(0);
    return settle(Promise.resolve().then(function () { return drafts.sendAll(); }), SEND_WAIT_MS)
      .then(function () { return unsentCount(drafts); });
  }

  function clearDevice() {
    var drafts = store();
    var cleared = drafts
      ? settle(Promise.resolve().then(function () { return drafts.clearAll(); }), SEND_WAIT_MS)
      : Promise.resolve();
    if (!drafts && window.indexedDB) {
      try { window.indexedDB.deleteDatabase("frontloeber"); } catch (e) { /* private mode */ }
    }
    return cleared.then(function () {
      // Whatever wrote them, every key the app keeps in the browser starts with "fl:".
      try {
        Object.keys(window.localStorage).forEach(function (key) {
          if (key.indexOf("fl:") === 0) window.localStorage.removeItem(key);
        });
        window.sessionStorage.clear();
      } catch (e) { /* storage switched off */ }
    });
  }

  // --- Signing out, on any device -------------------------------------------------------------------------

  var leaving = false;
  var waitingForm = null;

  function leave(form) {
    leaving = true;
    clearDevice().then(function () { form.submit(); });
  }

  function askBeforeDeleting(form, count) {
    var dialog = document.getElementById("fl-unsent-dialog");
    if (!dialog || typeof dialog.showModal !== "function") {
      leaving = false;
      return;
    }
    var text = count === 1 ? dialog.dataset.textOne : dialog.dataset.textOther.replace("%(count)s", count);
    document.getElementById("fl-unsent-text").textContent = text;
    waitingForm = form;
    dialog.showModal();
  }

  function stayFromUnsent() {
    var dialog = document.getElementById("fl-unsent-dialog");
    if (dialog && dialog.open) dialog.close();
    waitingForm = null;
    leaving = false;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-fl-sign-out]")) return;
    event.preventDefault();
    if (leaving) return;
    leaving = true;
    sendThenCount().then(function (left) {
      if (left > 0) askBeforeDeleting(form, left);
      else leave(form);
    });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#fl-unsent-dialog button");
    if (!button) return;
    if (button.hasAttribute("data-fl-delete-and-sign-out") && waitingForm) {
      var form = waitingForm;
      waitingForm = null;
      document.getElementById("fl-unsent-dialog").close();
      leave(form);
    } else {
      stayFromUnsent();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var unsent = document.getElementById("fl-unsent-dialog");
    if (unsent) unsent.addEventListener("close", function () { if (waitingForm) stayFromUnsent(); });
    if (document.querySelector("[data-fl-shared-device-login]")) clearDevice();
    var idle = document.getElementById("fl-idle-dialog");
    if (idle) watchIdle(idle);
  });

  // A page restored from the browser's back-forward cache is the previous person's: ask the server again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.getElementById("fl-idle-dialog")) window.location.reload();
  });

  // --- A shared device's idle time ------------------------------------------------------------------------

  function watchIdle(dialog) {
    var idleMs = Number(dialog.dataset.idleMinutes) * 60000;
    if (!(idleMs > 0)) return;
    var warnMs = Math.min(WARN_MS, idleMs / 2);
    // As often as the server writes down that the person was seen (a tenth of the idle time, at most a minute).
    var tellEvery = Math.min(60000, idleMs / 10);
    var countdown = dialog.querySelector("[data-fl-countdown]");
    var unsentNote = dialog.querySelector("[data-fl-idle-unsent]");
    var lastActive = Date.now();
    var lastTold = Date.now();
    var warning = false;
    var over = false;

    function tellServer() {
      lastTold = Date.now();
      if (!window.fetch) return;
      window.fetch(dialog.dataset.stillHereUrl, { credentials: "same-origin", redirect: "manual", cache: "no-store" })
        .then(function (response) {
          // Sent to the login page: the session has already ended on the server.
          if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
            over = true;
            window.location.assign(dialog.dataset.loginUrl);
          }
        })
        .catch(function () { /* offline: the clock here goes on */ });
    }

    function active() {
      if (warning || over) return; // while the warning shows, only its button keeps the person in
      lastActive = Date.now();
      if (lastActive - lastTold >= tellEvery) tellServer();
    }

    function stay() {
      if (over) return;
      warning = false;
      if (dialog.open) dialog.close();
      lastActive = Date.now();
      tellServer();
    }

    function warn(secondsLeft) {
      if (countdown) countdown.textContent = String(secondsLeft);
      if (warning) return;
      warning = true;
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      var drafts = store();
      if (drafts && unsentNote) {
        unsentCount(drafts).then(function (count) { unsentNote.hidden = !(count > 0); });
      }
    }

    function timeUp() {
      over = true;
      if (dialog.open) dialog.close();
      // Nobody is there to answer a question: what can be sent is sent, the rest was warned about.
      var form = document.querySelector("form[data-fl-sign-out]");
      settle(sendThenCount(), SEND_WAIT_MS).then(clearDevice).then(function () {
        leaving = true;
        if (form) form.submit();
        else window.location.assign(dialog.dataset.loginUrl);
      });
    }

    function tick() {
      if (over || leaving) return;
      var quiet = Date.now() - lastActive;
      if (quiet >= idleMs) timeUp();
      else if (quiet >= idleMs - warnMs) warn(Math.ceil((idleMs - quiet) / 1000));
    }

    ["pointerdown", "keydown", "input", "wheel", "touchstart", "scroll"].forEach(function (name) {
      document.addEventListener(name, active, { capture: true, passive: true });
    });
    dialog.querySelector("[data-fl-stay]").addEventListener("click", stay);
    // Escape means someone is at the screen.
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); stay(); });
    // A device put to sleep stops the timers: on waking, the time that passed counts at once.
    document.addEventListener("visibilitychange", tick);
    setInterval(tick, 1000);
  }
})();

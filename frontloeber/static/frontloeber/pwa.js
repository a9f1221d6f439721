/* The installable app (issue 21): registers the service worker (/sw.js, served by devices.views), offers a
 * new version quietly when one is waiting, and fills in the offline page's link to the idea form.
 * Progressive enhancement only: every page works without this file.
 *
 * window.FLPwa.requestSync(): asks the browser for a Background Sync ("fl-drafts": the service worker then
 * sends the device's queue of drafts, even with the page closed). Returns a promise of true when the sync
 * is registered, false where the browser has no Background Sync (the queue is then sent the next time the
 * app is opened or comes online). */
(function () {
  "use strict";

  var SYNC_TAG = "fl-drafts";
  var LAST_IDEA_FORM = "fl:last-idea-form";

  function config() {
    var block = document.getElementById("fl-pwa");
    if (!block) return {};
    try {
      return JSON.parse(block.textContent) || {};
    } catch (error) {
      return {};
    }
  }

  function supported() {
    return "serviceWorker" in navigator && window.isSecureContext;
  }

  function requestSync() {
    if (!supported() || !("SyncManager" in window)) return Promise.resolve(false);
    return navigator.serviceWorker.getRegistration("/").then(function (registration) {
      if (!registration || !registration.sync || !registration.active) return false;
      return registration.sync.register(SYNC_TAG).then(
        function () { return true; },
        function () { return false; }
      );
    }, function () { return false; });
  }

  window.FLPwa = { requestSync: requestSync };

  /* "A new version is ready": a dkfds toast at the foot of the page, polite (role="status"), with one button
   * that lets the waiting worker take over; the page reloads once it has. */
  var accepted = false;

  function showUpdate(worker, texts) {
    if (document.getElementById("fl-update")) return;
    var container = document.createElement("div");
    container.className = "toast-container";
    // At the foot, clear of the header's menus (dkfds puts toasts at the top). CSSOM, not a style
    // attribute: allowed by the Content-Security-Policy.
    container.style.inset = "auto 16px 16px 16px";
    var toast = document.createElement("div");
    toast.className = "toast toast-info show";
    toast.id = "fl-update";
    toast.setAttribute("role", "status");
    var icon = document.createElement("div");
    icon.className = "toast-icon";
    var message = document.createElement("div");
    message.className = "toast-message";
    var text = document.createElement("p");
    text.textContent = texts.updateText;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = texts.updateButton;
    button.addEventListener("click", function () {
      accepted = true;
      button.disabled = true;
      worker.postMessage({ type: "skip-waiting" });
    });
    var row = document.createElement("p");
    row.appendChild(button);
    message.appendChild(text);
    message.appendChild(row);
    toast.appendChild(icon);
    toast.appendChild(message);
    container.appendChild(toast);
    document.body.appendChild(container);
  }

  function watch(registration, texts) {
    function offer(worker) {
      // Only a replacement: the very first worker takes over silently, with nothing to reload.
      if (worker && navigator.serviceWorker.controller) showUpdate(worker, texts);
    }
    if (registration.waiting) offer(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed") offer(worker);
      });
    });
  }

  function register() {
    var texts = config();
    if (!supported() || !texts.serviceWorker) return;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (accepted) {
        accepted = false;
        window.location.reload();
      }
    });
    navigator.serviceWorker.register(texts.serviceWorker, { scope: "/" }).then(
      function (registration) { watch(registration, texts); },
      function (error) { console.warn("Frontløber: the service worker was not registered.", error); }
    );
    // A page whose request left before the first worker was active, but which arrived after the worker
    // claimed its pages, is nobody's: it asks to be claimed, so the offline form works from this page on.
    if (!navigator.serviceWorker.controller) {
      navigator.serviceWorker.ready.then(function (registration) {
        if (!navigator.serviceWorker.controller && registration.active) {
          registration.active.postMessage({ type: "claim" });
        }
      });
    }
  }

  /* The offline page: the link to the idea form goes to the workplace whose idea form this device opened last
   * (offline-forms.js keeps it), when that is still a workplace's idea-form address. */
  function fillIdeaFormLink() {
    var link = document.querySelector("[data-fl-last-idea-form]");
    if (!link) return;
    var last;
    try {
      last = JSON.parse(window.localStorage.getItem(LAST_IDEA_FORM) || "null");
    } catch (error) {
      return;
    }
    if (!last || typeof last.url !== "string") return;
    var pattern = new RegExp(link.getAttribute("data-fl-idea-form-pattern") || "^$");
    var url;
    try {
      url = new URL(last.url, window.location.href);
    } catch (error) {
      return;
    }
    if (url.origin !== window.location.origin || !pattern.test(url.pathname)) return;
    link.href = url.pathname;
    var named = link.getAttribute("data-fl-named");
    if (named && typeof last.name === "string" && last.name) {
      link.textContent = named.split("{name}").join(last.name); // a "$&" in a name stays as typed
    }
  }

  function ready() {
    fillIdeaFormLink();
    // After the page's own files: the worker's first install fetches the files it keeps.
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();

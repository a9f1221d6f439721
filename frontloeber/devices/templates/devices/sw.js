/* Frontløber's service worker (issue 21; served by devices.views.service_worker from the site's root).

   What it keeps: static files (by their hashed names in production), and two pages that hold nothing of any
   person, the offline page and the empty idea form. It never keeps any other page, nor the API or pictures,
   so nothing of one person is left on a device for the next. */
"use strict";

const CONFIG = {{ config|safe }};
const CACHE_PREFIX = "fl-shell-";
const CACHE = CACHE_PREFIX + CONFIG.version;
const IDEA_FORM = new RegExp(CONFIG.ideaForm);

// The device's queue of drafts (drafts.js), so a Background Sync can send it with no page open. A failure
// here must not stop the worker: pages and static files still work without the queue.
try {
  importScripts(CONFIG.draftsScript);
} catch (error) {
  console.warn("Frontløber: the queue of drafts could not be loaded in the service worker.", error);
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      if (self.registration.navigationPreload) {
        await self.registration.navigationPreload.enable();
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") {
    self.skipWaiting();
  } else if (event.data && event.data.type === "claim") {
    event.waitUntil(self.clients.claim());
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === "fl-drafts" && self.FLDrafts && typeof self.FLDrafts.sendAll === "function") {
    event.waitUntil(self.FLDrafts.sendAll());
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname.startsWith(CONFIG.staticPrefix)) {
    event.respondWith(staticFile(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  }
  // Anything else (the API, pictures, htmx's fragments, the queue's own requests) goes to the network as if
  // there were no service worker, and is never kept.
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    CONFIG.precache.map(async (address) => {
      // Past the browser's HTTP cache: a file kept from before this version would defeat the version.
      const response = await fetch(address, { cache: "no-cache" });
      if (!response.ok || response.redirected) {
        throw new Error(`Frontløber could not keep ${address} (${response.status}).`);
      }
      await cache.put(address, response);
    }),
  );
}

async function staticFile(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok && response.type === "basic" && response.status === 200) {
    await cache.put(request, response.clone());
  }
  return response;
}

async function page(event, url) {
  try {
    const preloaded = await event.preloadResponse;
    if (preloaded) {
      return preloaded;
    }
    return await fetch(event.request);
  } catch (error) {
    // No network: the empty idea form at a workplace's own idea-form address (its script reads the
    // workplace from the address), else the offline page. Both answer at the address asked for.
    const cache = await caches.open(CACHE);
    const wanted = CONFIG.ideaFormShell && IDEA_FORM.test(url.pathname) ? CONFIG.ideaFormShell : null;
    const options = { ignoreVary: true };
    const kept =
      (wanted && (await cache.match(wanted, options))) || (await cache.match(CONFIG.offlinePage, options));
    return kept || Response.error();
  }
}

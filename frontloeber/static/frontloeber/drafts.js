/* The device's store of drafts (issue 21): ideas and comments typed on this device, kept until the server
 * has them. Used by the pages (offline-forms.js, shared-device.js) and by the service worker
 * (importScripts), so nothing here touches the DOM: only IndexedDB, fetch and, in a page, localStorage.
 *
 * A draft: {key, kind: "idea"|"comment", target, fields, pictures, status, problem, message, errors,
 * workplaceName, owner, createdAt, updatedAt}. Its key is its idempotency key, sent as submission_key: the
 * server makes one idea (or comment) per key, so a send repeated after a lost answer never makes two.
 *
 * Its owner is an opaque tag of the person who wrote it (devices/owners.py), or null when nobody was known
 * (a fresh device, before any sign-in). A session can end on the server without a sign-out through the page
 * (idle time, expiry, a closed browser), and the next person to sign in on the device must neither see nor
 * send the drafts left behind: list(), get(), pendingCount() and takeSent() answer for the current owner
 * only (the signed-in page's <meta name="fl-owner">, else the last one a signed-in page kept in localStorage
 * "fl:owner"), and sendAll() sends only the drafts of the person /enhed/csrf/ names, stamping an ownerless
 * draft with that person. Other people's drafts stay, hidden, until their owner signs in here again, or a
 * sign-out through the page clears the device. */
(function (scope) {
  "use strict";

  var DB_NAME = "frontloeber";
  var DRAFTS = "drafts";
  var SENT = "sent"; // notices of drafts the server took, until a page has shown them
  var CHANNEL = "fl-drafts";
  var OWNER_KEY = "fl:owner";
  var SENDING_FOR = 2 * 60 * 1000; // a send taking longer than this was cut off (a closed tab)
  var dbPromise = null;
  var inFlight = null; // the one sendAll running in this page or worker
  var locked = {}; // keys being sent from here: never two sends of one draft at once
  var pageOwner = null; // the signed-in person a page was made for; none on signed-out and kept pages

  function storedOwner() {
    try {
      return (scope.localStorage && scope.localStorage.getItem(OWNER_KEY)) || null;
    } catch (error) { return null; } // none in a worker; reading it throws where storage is switched off
  }

  function keepOwner(tag) {
    try {
      if (tag && scope.localStorage && scope.localStorage.getItem(OWNER_KEY) !== tag) {
        scope.localStorage.setItem(OWNER_KEY, tag);
      }
    } catch (error) { /* storage switched off: the offline form then files drafts under nobody */ }
  }

  /* Whose drafts this page shows and files: read afresh, since a signed-in page in another tab may have
   * changed it for a page (the offline form) that cannot know by itself. */
  function currentOwner() {
    return pageOwner || storedOwner();
  }

  function setOwner(tag) {
    pageOwner = tag || null;
    keepOwner(pageOwner);
  }

  function mine(draft, tag) {
    return !draft.owner || draft.owner === tag;
  }

  if (scope.document && typeof scope.document.querySelector === "function") {
    var meta = scope.document.querySelector('meta[name="fl-owner"]');
    if (meta && meta.content) setOwner(meta.content);
  }

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function open() {
    if (!scope.indexedDB) return Promise.reject(new Error("IndexedDB is not available"));
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = scope.indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = function () {
          var db = req.result;
          if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS, { keyPath: "key" });
          if (!db.objectStoreNames.contains(SENT)) db.createObjectStore(SENT, { keyPath: "key" });
        };
        req.onsuccess = function () {
          var db = req.result;
          // Another tab deleting the database (sign-out) must not wait on this connection.
          db.onversionchange = function () { db.close(); dbPromise = null; };
          resolve(db);
        };
        req.onerror = function () { dbPromise = null; reject(req.error); };
        req.onblocked = function () { dbPromise = null; reject(new Error("IndexedDB is blocked")); };
      });
    }
    return dbPromise;
  }

  /* One transaction over the named stores; work(tx) returns the result, resolved once it is committed.
   * A read-write transaction is never run beside another on the same store, in this page or any other tab or
   * the service worker, so a read and a write in one are a safe compare-and-set. */
  function transaction(names, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(names, mode);
        var result;
        Promise.resolve(work(tx)).then(function (value) { result = value; }, reject);
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function store(name, mode, work) {
    return transaction(name, mode, function (tx) { return work(tx.objectStore(name)); });
  }

  function announce(message) {
    if (typeof scope.BroadcastChannel !== "function") return;
    try {
      var channel = new scope.BroadcastChannel(CHANNEL);
      channel.postMessage(message);
      channel.close();
    } catch (error) { /* a page that cannot hear it sees the change on its next load */ }
  }

  /* A draft without an owner of its own is filed under the current owner (null when none is known). */
  function save(draft) {
    var now = new Date().toISOString();
    var owner = draft.owner !== undefined ? draft.owner : currentOwner();
    var copy = Object.assign({ status: "editing", fields: {}, pictures: [], createdAt: now }, draft, {
      owner: owner || null,
      updatedAt: now,
    });
    return store(DRAFTS, "readwrite", function (drafts) {
      return request(drafts.put(copy));
    }).then(function () {
      if (copy.status !== "editing") announce({ type: "changed", key: copy.key });
      return copy;
    });
  }

  function listAll() {
    return store(DRAFTS, "readonly", function (drafts) { return request(drafts.getAll()); }).then(
      function (all) {
        return all.sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : 1; });
      }
    );
  }

  /* The current owner's drafts (and those of nobody yet). options.owner asks for another owner's;
   * options.everyone for every draft on the device. */
  function list(options) {
    options = options || {};
    var tag = options.owner !== undefined ? options.owner : currentOwner();
    return listAll().then(function (all) {
      return options.everyone ? all : all.filter(function (draft) { return mine(draft, tag); });
    });
  }

  function get(key) {
    var tag = currentOwner();
    return store(DRAFTS, "readonly", function (drafts) { return request(drafts.get(key)); }).then(
      function (draft) { return draft && mine(draft, tag) ? draft : undefined; }
    );
  }

  function remove(key) {
    return store(DRAFTS, "readwrite", function (drafts) { return request(drafts.delete(key)); }).then(
      function () { announce({ type: "changed", key: key }); }
    );
  }

  function waiting(draft) {
    return draft.status === "queued" || draft.status === "sending";
  }

  function pendingCount() {
    return list().then(function (all) { return all.filter(waiting).length; });
  }

  /* Notices of what the server took since a page last looked: shown once, then gone. Only to their owner:
   * the title of one person's idea is not news for the next. */
  function takeSent() {
    var tag = currentOwner();
    return store(SENT, "readwrite", function (sent) {
      return request(sent.getAll()).then(function (all) {
        var taken = all.filter(function (notice) { return mine(notice, tag); });
        taken.forEach(function (notice) { sent.delete(notice.key); });
        return taken;
      });
    });
  }

  /* A fresh token and the person the session belongs to now ({csrf, owner}), or null when signed out. */
  function freshToken() {
    // manual: a signed-out person is redirected to the login page; that answer is "opaqueredirect".
    return fetch("/enhed/csrf/", {
      credentials: "same-origin",
      redirect: "manual",
      cache: "no-store",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) return null;
      return response.json().then(
        function (body) {
          if (!body || !body.csrf) return null;
          // The offline form, the same for everyone, files its drafts under the last person known here.
          keepOwner(body.owner);
          return { csrf: body.csrf, owner: body.owner || null };
        },
        function () { return null; }
      );
    });
  }

  function formData(draft, token) {
    var data = new FormData();
    Object.keys(draft.fields || {}).forEach(function (name) { data.append(name, draft.fields[name]); });
    data.append("csrfmiddlewaretoken", token);
    data.append("submission_key", draft.key);
    if (draft.kind === "idea") {
      (draft.pictures || []).slice(0, 5).forEach(function (picture, i) {
        var type = picture.type || "image/jpeg";
        var extension = type === "image/png" ? "png" : type === "image/webp" ? "webp" : "jpg";
        data.append("images", picture, "billede-" + (i + 1) + "." + extension);
      });
    }
    return data;
  }

  function refuse(draft, problem, body) {
    draft.status = "refused";
    draft.problem = problem;
    draft.message = (body && body.message) || "";
    draft.errors = (body && body.errors) || {};
    return save(draft).then(function () {
      announce({ type: "refused", key: draft.key });
      return { key: draft.key, kind: draft.kind, ok: false, refused: true, problem: problem,
        message: draft.message };
    });
  }

  /* Take the draft for sending, unless another tab or the service worker is sending it now. One left
   * "sending" for long was dropped midway (a closed tab): it is taken again, and the server's key makes sure
   * a send that did arrive is not made twice. Only the owner's own, or one of nobody yet, which becomes the
   * owner's (written on a fresh device before any sign-in). */
  function claim(key, owner) {
    return store(DRAFTS, "readwrite", function (drafts) {
      return request(drafts.get(key)).then(function (draft) {
        if (!draft || !waiting(draft) || !mine(draft, owner)) return null;
        var since = Date.now() - Date.parse(draft.updatedAt || 0);
        if (draft.status === "sending" && since < SENDING_FOR) return null;
        draft.status = "sending";
        draft.owner = owner;
        draft.updatedAt = new Date().toISOString();
        return request(drafts.put(draft)).then(function () { return draft; });
      });
    });
  }

  /* The server has it: the draft goes and a notice takes its place, in one step, so when two senders both
   * heard "201" the person is told once. */
  function delivered(draft, notice) {
    return transaction([DRAFTS, SENT], "readwrite", function (tx) {
      var drafts = tx.objectStore(DRAFTS);
      return request(drafts.get(draft.key)).then(function (still) {
        if (!still) return false;
        drafts.delete(draft.key);
        tx.objectStore(SENT).put(notice);
        return true;
      });
    });
  }

  function sendOne(draft, session) {
    locked[draft.key] = true;
    return claim(draft.key, session.owner)
      .then(function (claimed) {
        if (!claimed) return { key: draft.key, kind: draft.kind, ok: false, elsewhere: true };
        draft = claimed;
        announce({ type: "changed", key: draft.key });
        return post(draft, session.csrf);
      })
      .then(
        function (result) { delete locked[draft.key]; return result; },
        function (error) { delete locked[draft.key]; throw error; }
      );
  }

  function post(draft, token) {
    return Promise.resolve()
      .then(function () {
        return fetch(draft.target, {
          method: "POST",
          body: formData(draft, token),
          credentials: "same-origin",
          redirect: "manual",
          headers: { Accept: "application/json", "X-CSRFToken": token },
        });
      })
      .then(
        function (response) {
          if (response.status === 201) {
            return response.json().then(function (body) {
              var notice = { key: draft.key, kind: draft.kind, url: body.url, title: body.title,
                owner: draft.owner, sentAt: new Date().toISOString() };
              return delivered(draft, notice).then(function (first) {
                if (first) announce({ type: "sent", key: draft.key, url: body.url, title: body.title });
                return { key: draft.key, kind: draft.kind, ok: true, url: body.url, title: body.title };
              });
            });
          }
          if (response.status === 400) {
            return response.json().then(
              function (body) { return refuse(draft, "refused", body); },
              function () { return refuse(draft, "refused", null); }
            );
          }
          if (response.status === 404) return refuse(draft, "gone", null);
          if (response.status === 403) return refuse(draft, "forbidden", null);
          // A redirect (signed out meanwhile) or a server in trouble: it waits for the next try.
          draft.status = "queued";
          draft.problem = response.type === "opaqueredirect" ? "login" : "";
          return save(draft).then(function () {
            return { key: draft.key, kind: draft.kind, ok: false, login: draft.problem === "login" };
          });
        },
        function () {
          draft.status = "queued";
          return save(draft).then(function () {
            return { key: draft.key, kind: draft.kind, ok: false, offline: true };
          });
        }
      );
  }

  /* Every waiting draft of the person the server names, one after another, each with a fresh token. The
   * drafts of anyone else on the device are left as they are, unseen and unsent. */
  function sendQueue() {
    return listAll().then(function (all) {
      var queue = all.filter(function (d) { return waiting(d) && d.target && !locked[d.key]; });
      var results = [];
      var index = 0;
      var sender; // the owner the server named first: unknown until it has answered
      function next() {
        while (sender !== undefined && index < queue.length && !mine(queue[index], sender)) index++;
        if (index >= queue.length) return Promise.resolve(results);
        var draft = queue[index++];
        return freshToken().then(
          function (session) {
            if (!session) {
              // Not signed in: the drafts keep waiting, each saying why.
              return Promise.all(
                queue.slice(index - 1).filter(function (d) {
                  return sender === undefined || mine(d, sender);
                }).map(function (d) {
                  d.status = "queued";
                  d.problem = "login";
                  d.message = ""; // the page words it from the problem, in the person's language
                  d.owner = d.owner || null; // still nobody's: it goes with whoever signs in to send it
                  results.push({ key: d.key, kind: d.kind, ok: false, login: true });
                  return save(d);
                })
              ).then(function () { return results; });
            }
            // Someone else signed in while this ran: what is left waits for the next send.
            if (sender !== undefined && session.owner !== sender) return results;
            sender = session.owner;
            if (!mine(draft, sender)) return next();
            return sendOne(draft, session).then(function (result) {
              results.push(result);
              if (result.offline) return results; // the network went again: the rest wait too
              return next();
            });
          },
          function () {
            results.push({ key: draft.key, kind: draft.kind, ok: false, offline: true });
            return results;
          }
        );
      }
      return next();
    });
  }

  function sendAll() {
    if (!inFlight) {
      inFlight = sendQueue().then(
        function (results) { inFlight = null; return results; },
        function (error) { inFlight = null; throw error; }
      );
    }
    return inFlight;
  }

  function clearAll() {
    var cleared = new Promise(function (resolve) {
      if (!scope.indexedDB) return resolve();
      var done = function () { resolve(); };
      var close = dbPromise ? dbPromise.then(function (db) { db.close(); }, function () {}) : Promise.resolve();
      dbPromise = null;
      close.then(function () {
        var req = scope.indexedDB.deleteDatabase(DB_NAME);
        req.onsuccess = done;
        req.onerror = done;
        req.onblocked = done;
      });
    });
    ["localStorage", "sessionStorage"].forEach(function (name) {
      try {
        var storage = scope[name]; // none in a worker; reading it throws where storage is switched off
        if (!storage) return;
        for (var i = storage.length - 1; i >= 0; i--) {
          var item = storage.key(i);
          if (item && item.indexOf("fl:") === 0) storage.removeItem(item);
        }
      } catch (error) { /* no storage in a worker, or it is switched off */ }
    });
    pageOwner = null; // the device is no one's now
    return cleared.then(function () { announce({ type: "cleared" }); });
  }

  scope.FLDrafts = {
    save: save,
    list: list,
    get: get,
    owner: currentOwner,
    setOwner: setOwner,
    remove: remove,
    pendingCount: pendingCount,
    sendAll: sendAll,
    takeSent: takeSent,
    clearAll: clearAll,
    channelName: CHANNEL,
  };
})(self);

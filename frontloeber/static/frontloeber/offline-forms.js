/* Forms that keep what is typed when the network is gone (issue 21, point 2): the idea form, its offline
 * copy (/enhed/ny-ide/) and the comment box, marked data-fl-offline="idea" or "comment".
 *
 * Typed text is saved on the device as it is typed (a draft with status "editing"). Submitted offline, the
 * draft is queued and sent later by FLDrafts.sendAll (here when the page loads or the network returns, or
 * by the service worker's Background Sync). Online, the form is submitted as it always was. The texts come
 * from the page (ideas/partials/offline_queue.html), in the person's language. Without this file every form
 * works as before. The drafts shown and restored are the signed-in person's only (FLDrafts files and lists
 * them by an owner tag): a colleague signed in later on the same phone sees none of them. */
(function () {
  "use strict";

  var LAST_FORM = "fl:last-idea-form";
  var SENT_KEY = "fl:sent-key"; // sessionStorage: the draft a form just sent online, gone if the server took it
  var MAX_PICTURES = 5;
  var MAX_SIDE = 2000; // pixels on the long side: plenty for a photo of a whiteboard, small on a weak line
  var MAX_BYTES = 5 * 1024 * 1024; // the server's limit (core/images.py)
  var PICTURE_TYPES = ["image/jpeg", "image/png", "image/webp"];
  var SKIPPED = ["csrfmiddlewaretoken", "submission_key", "images", "check_similar"];

  var drafts = window.FLDrafts;
  if (!drafts || !window.indexedDB) return;

  function box() { return document.getElementById("fl-offline"); }

  function text(name, values) {
    var el = box();
    var value = (el && el.dataset[name]) || "";
    Object.keys(values || {}).forEach(function (key) { value = value.split("{" + key + "}").join(values[key]); });
    return value;
  }

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function readJSON(storage, name) {
    try { return JSON.parse(window[storage].getItem(name) || "null"); } catch (error) { return null; }
  }

  function writeJSON(storage, name, value) {
    try {
      if (value === null) window[storage].removeItem(name);
      else window[storage].setItem(name, JSON.stringify(value));
    } catch (error) { /* storage switched off: the draft in IndexedDB is what matters */ }
  }

  function pathOf(url) {
    try { return new URL(url, window.location.href).pathname; } catch (error) { return null; }
  }

  /* --- Status messages and the queue list ------------------------------------------------------------- */

  function say(message, kind, link) {
    var status = document.getElementById("fl-offline-status");
    if (!status || !message) return;
    var alert = document.createElement("div");
    alert.className = "alert alert-" + (kind || "info") + " mb-5";
    var body = document.createElement("div");
    body.className = "alert-body";
    var p = document.createElement("p");
    p.className = "alert-text";
    p.textContent = message;
    if (link) {
      var a = document.createElement("a");
      a.href = link.url;
      a.textContent = link.text;
      p.appendChild(document.createTextNode(" "));
      p.appendChild(a);
    }
    body.appendChild(p);
    alert.appendChild(body);
    status.appendChild(alert);
  }

  function showSent() {
    if (!box()) return Promise.resolve(); // a page without the texts leaves the notices for the next one
    return drafts.takeSent().then(function (notices) {
      notices.forEach(function (notice) {
        var message = notice.kind === "comment"
          ? text("textCommentSent", { title: notice.title })
          : text("textIdeaSent", { title: notice.title });
        say(message, "success", notice.url ? { url: notice.url, text: text("textSeeIdea") } : null);
      });
    }, function () {});
  }

  function draftTitle(draft) {
    if (draft.kind === "comment") return text("textComment");
    return (draft.fields && draft.fields.title && draft.fields.title.trim()) || text("textUntitled");
  }

  function problemText(draft) {
    if (draft.status === "sending") return text("textSending");
    if (draft.problem === "login") return text("textLogin");
    if (draft.status === "refused") {
      if (draft.problem === "gone") return text("textGone");
      if (draft.problem === "forbidden") return text("textForbidden");
      var details = [];
      Object.keys(draft.errors || {}).forEach(function (field) {
        (draft.errors[field] || []).forEach(function (error) { details.push(error); });
      });
      return [draft.message].concat(details).filter(Boolean).join(" ");
    }
    if (!draft.target) return text("textNoWorkplace");
    return text("textWaiting");
  }

  function fixUrl(draft) {
    // A draft whose workplace is gone opens in the offline form, where its words can still be read and sent.
    var base = draft.target && draft.problem !== "gone" ? draft.target : "/enhed/ny-ide/";
    return base + "#fl-draft=" + encodeURIComponent(draft.key);
  }

  function button(label, className, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function renderQueue() {
    var section = document.getElementById("fl-offline-queue");
    if (!section) return Promise.resolve();
    var list = section.querySelector(".fl-offline-list");
    var ideaForm = document.querySelector("form[data-fl-offline='idea']:not([data-fl-shell])");
    return drafts.list().then(function (all) {
      var shown = all.filter(function (d) { return d.status !== "editing"; });
      list.textContent = "";
      shown.forEach(function (draft) {
        var li = document.createElement("li");
        li.className = "fl-offline-draft fl-offline-" + draft.status;
        li.dataset.key = draft.key;
        var title = document.createElement("strong");
        title.textContent = draftTitle(draft);
        li.appendChild(title);
        var state = document.createElement("p");
        state.className = "fl-offline-state";
        if (draft.status === "refused") {
          var label = document.createElement("span");
          label.className = "weight-semibold";
          label.textContent = text("textRefused") + " ";
          state.appendChild(label);
        }
        state.appendChild(document.createTextNode(problemText(draft)));
        li.appendChild(state);
        var actions = document.createElement("p");
        actions.className = "fl-offline-actions";
        if (draft.status === "refused") {
          var fix = document.createElement("a");
          fix.href = fixUrl(draft);
          fix.textContent = text("textFix");
          actions.appendChild(fix);
          actions.appendChild(document.createTextNode(" "));
        }
        if (draft.status === "queued" && !draft.target && ideaForm) {
          actions.appendChild(button(text("textSendHere"), "button button-secondary", function () {
            draft.target = formTarget(ideaForm);
            draft.workplaceName = ideaForm.dataset.flWorkplace || "";
            drafts.save(draft).then(sendNow);
          }));
          actions.appendChild(document.createTextNode(" "));
        }
        if (draft.status !== "sending") {
          actions.appendChild(button(text("textDelete"), "fl-linkbutton", function () {
            if (window.confirm(text("textConfirmDelete"))) drafts.remove(draft.key).then(renderQueue);
          }));
        }
        li.appendChild(actions);
        list.appendChild(li);
      });
      section.hidden = shown.length === 0;
      // How many it shows, once it has looked: what a test (or a curious person) can wait for.
      section.dataset.flShown = String(shown.length);
    }, function () {});
  }

  function sendNow() {
    if (!navigator.onLine) return renderQueue();
    return renderQueue()
      .then(function () { return drafts.sendAll(); })
      .then(function () { return Promise.all([renderQueue(), showSent()]); }, renderQueue);
  }

  /* --- Pictures ---------------------------------------------------------------------------------------- */

  function keepAsItIs(file) {
    return file.size <= MAX_BYTES && PICTURE_TYPES.indexOf(file.type) >= 0 ? file : null;
  }

  /* A phone's photo is often 12 megapixels and 4-8 MB: made smaller here, it fits the server's limits and
   * travels faster on a weak line. The EXIF data (place, camera) is dropped on the way, as the server would. */
  function resize(file) {
    if (typeof window.createImageBitmap !== "function") return Promise.resolve(keepAsItIs(file));
    return window.createImageBitmap(file, { imageOrientation: "from-image" })
      .catch(function () { return window.createImageBitmap(file); })
      .then(function (bitmap) {
        var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(bitmap.width * scale));
        canvas.height = Math.max(1, Math.round(bitmap.height * scale));
        var context = canvas.getContext("2d");
        context.fillStyle = "#fff"; // a transparent PNG becomes JPEG on white, not on black
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        if (bitmap.close) bitmap.close();
        return new Promise(function (resolve) {
          canvas.toBlob(function (blob) {
            resolve(blob && blob.size <= MAX_BYTES ? blob : keepAsItIs(file));
          }, "image/jpeg", 0.85);
        });
      })
      .catch(function () { return keepAsItIs(file); });
  }

  function resizeAll(files) {
    return Promise.all(Array.prototype.slice.call(files, 0, MAX_PICTURES).map(resize)).then(function (blobs) {
      return blobs.filter(Boolean);
    });
  }

  function putPictures(input, pictures) {
    if (!input || !pictures || !pictures.length || typeof window.DataTransfer !== "function") return;
    try {
      var transfer = new window.DataTransfer();
      pictures.forEach(function (blob, i) {
        var extension = blob.type === "image/png" ? "png" : blob.type === "image/webp" ? "webp" : "jpg";
        transfer.items.add(new File([blob], "billede-" + (i + 1) + "." + extension, { type: blob.type }));
      });
      input.files = transfer.files;
    } catch (error) { /* an older browser: the pictures stay in the draft and go with the queue */ }
  }

  /* --- The forms --------------------------------------------------------------------------------------- */

  function formTarget(form) {
    var action = form.getAttribute("action");
    return pathOf(action || window.location.href);
  }

  function collect(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || SKIPPED.indexOf(el.name) >= 0 || el.type === "file") return;
      if (el.type === "submit" || el.type === "button") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      fields[el.name] = el.value;
    });
    return fields;
  }

  function fill(form, fields) {
    Object.keys(fields || {}).forEach(function (name) {
      var field = form.elements[name];
      if (!field || SKIPPED.indexOf(name) >= 0) return;
      if (field instanceof window.RadioNodeList) {
        Array.prototype.forEach.call(field, function (el) {
          if (el.type === "radio" || el.type === "checkbox") el.checked = el.value === fields[name];
          else el.value = fields[name];
        });
      } else if (field.type === "radio" || field.type === "checkbox") {
        field.checked = field.value === fields[name];
      } else if (field.type !== "file") {
        field.value = fields[name];
      }
    });
  }

  function isEmpty(fields) {
    return !Object.keys(fields).some(function (name) {
      return (name === "title" || name === "need" || name === "description" || name === "body" ||
        name === "concerns" || name === "tags") && String(fields[name]).trim();
    });
  }

  function hasErrors(form) {
    return Boolean(form.querySelector(".form-error") || document.getElementById("error-summary"));
  }

  function setUp(form) {
    var kind = form.dataset.flOffline;
    var shell = form.hasAttribute("data-fl-shell");
    var keyInput = form.elements.submission_key;
    if (!keyInput) {
      // A comment box has no key of its own: the server remembers this one for a comment sent twice.
      keyInput = document.createElement("input");
      keyInput.type = "hidden";
      keyInput.name = "submission_key";
      form.appendChild(keyInput);
    }
    if (!keyInput.value) keyInput.value = newKey();
    var pictureInput = kind === "idea" ? form.querySelector("input[type=file][name=images]") : null;
    var pictures = [];
    var picturesReady = Promise.resolve();
    var workplaceName = form.dataset.flWorkplace || "";
    var target = formTarget(form);

    if (shell) {
      // The service worker shows this page at the address of the idea form the person opened; otherwise
      // the idea goes to the workplace whose idea form was last opened online.
      var pattern = new RegExp(form.dataset.flIdeaForm || "^/a/[^/]+/ideer/ny/$");
      var last = readJSON("localStorage", LAST_FORM);
      target = pattern.test(window.location.pathname) ? window.location.pathname : (last && last.url) || null;
      if (last && last.url === target) workplaceName = last.name || "";
      if (target) form.setAttribute("action", target);
      var where = document.getElementById("fl-shell-target");
      if (where && workplaceName) {
        where.textContent = where.dataset.textTarget.split("{workplace}").join(workplaceName);
        where.hidden = false;
      }
    } else if (kind === "idea" && navigator.onLine) {
      writeJSON("localStorage", LAST_FORM, { url: target, name: workplaceName });
    }

    function draft(status) {
      return {
        key: keyInput.value,
        kind: kind,
        target: target,
        fields: collect(form),
        pictures: pictures,
        status: status,
        problem: "",
        message: "",
        errors: {},
        workplaceName: workplaceName,
      };
    }

    var timer = null;
    function saveTyped() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = draft("editing");
        if (isEmpty(typed.fields) && !pictures.length) {
          drafts.get(typed.key).then(function (old) {
            if (old && old.status === "editing") drafts.remove(typed.key);
          }, function () {});
          return;
        }
        drafts.get(typed.key).then(function (old) {
          if (old) typed.createdAt = old.createdAt;
          return drafts.save(typed);
        }).catch(function () {});
      }, 400);
    }

    function adopt(found, withFields) {
      keyInput.value = found.key;
      if (withFields) fill(form, found.fields);
      pictures = found.pictures || [];
      putPictures(pictureInput, pictures);
    }

    function restore() {
      var match = /#fl-draft=([^&]+)/.exec(window.location.hash);
      if (match) {
        return drafts.get(decodeURIComponent(match[1])).then(function (found) {
          if (found && found.kind === kind) adopt(found, true);
        });
      }
      return drafts.get(keyInput.value).then(function (same) {
        // The server showed the form again with an error: its words are on the page, but a browser cannot
        // keep chosen pictures, so they come back from the device.
        if (same) return adopt(same, !hasErrors(form));
        if (hasErrors(form)) return null;
        return drafts.list().then(function (all) {
          var typed = all.filter(function (d) {
            return d.status === "editing" && d.kind === kind && (d.target === target || (shell && !d.target));
          }).pop();
          if (typed) adopt(typed, true);
        });
      });
    }

    function queue(queued) {
      return picturesReady.then(function () {
        queued.pictures = pictures;
        queued.status = "queued";
        return drafts.save(queued);
      }).then(function () {
        if (window.FLPwa && typeof window.FLPwa.requestSync === "function") {
          try { window.FLPwa.requestSync(); } catch (error) { /* sent on the next load instead */ }
        }
        say(text("textSaved"), "info");
        // A new, empty form with a new key: the next idea is another draft.
        form.reset();
        keyInput.value = newKey();
        pictures = [];
        return shell && navigator.onLine ? sendNow() : renderQueue();
      });
    }

    form.addEventListener("input", saveTyped);
    form.addEventListener("change", function (event) {
      if (pictureInput && event.target === pictureInput) {
        var chosen = pictureInput.files;
        picturesReady = resizeAll(chosen).then(function (resized) {
          pictures = resized;
          // Sent online too, the smaller pictures go: lighter on a weak line and within the server's limits.
          // More than five are left as chosen, for the server to say so.
          if (chosen.length <= MAX_PICTURES && resized.length === chosen.length) putPictures(pictureInput, resized);
        });
        picturesReady.then(saveTyped);
      } else {
        saveTyped();
      }
    });

    form.addEventListener("submit", function (event) {
      if (form.dataset.flSubmitting) return;
      event.preventDefault();
      clearTimeout(timer);
      var submitted = draft("queued");
      if (shell || !navigator.onLine) {
        queue(submitted);
        return;
      }
      // The phone may say it is online on a line that carries nothing: ask the server first, cheaply.
      fetch("/enhed/csrf/", { credentials: "same-origin", redirect: "manual", cache: "no-store" }).then(
        function (response) {
          if (response.type === "opaqueredirect") {
            submitted.problem = "login";
            return queue(submitted);
          }
          return picturesReady.then(function () {
            submitted.status = "editing";
            submitted.pictures = pictures;
            return drafts.save(submitted).catch(function () {});
          }).then(function () {
            writeJSON("sessionStorage", SENT_KEY, { key: submitted.key, target: target, at: Date.now() });
            form.dataset.flSubmitting = "1";
            form.submit();
          });
        },
        function () { queue(submitted); }
      );
    });

    return restore().catch(function () {});
  }

  /* A form sent online: the server answers an accepted idea or comment with a redirect to the idea's page,
   * and one it refuses with the form again at the form's own address. So the next page, if it loads soon and
   * at another address, says the server has it, and the device forgets the draft. After a send that never
   * arrived the person comes back to the form itself, and the draft stays. */
  function forgetSubmitted() {
    var sent = readJSON("sessionStorage", SENT_KEY);
    if (!sent || !sent.key) return Promise.resolve();
    writeJSON("sessionStorage", SENT_KEY, null);
    var recent = Date.now() - (sent.at || 0) < 2 * 60 * 1000;
    if (!recent || window.location.pathname === sent.target) return Promise.resolve();
    return drafts.remove(sent.key).catch(function () {});
  }

  function start() {
    forgetSubmitted().then(function () {
      var forms = document.querySelectorAll("form[data-fl-offline]");
      return Promise.all(Array.prototype.map.call(forms, setUp));
    }).then(function () {
      return navigator.onLine ? sendNow() : renderQueue();
    }).then(showSent);

    window.addEventListener("online", sendNow);
    if (typeof window.BroadcastChannel === "function") {
      var channel = new window.BroadcastChannel(drafts.channelName || "fl-drafts");
      channel.onmessage = function (event) {
        renderQueue();
        if (event.data && event.data.type === "sent") showSent();
      };
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

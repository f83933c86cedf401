/* Homework: autosave with a copy on this phone (kept under "lms-" keys, which
   logging out clears), a choice when another window saved newer work, files
   attached as soon as they are chosen, and voice recording. Without this
   script every button is a plain form post. */
(function () {
  "use strict";
  if (window.lmsHomework) return;
  window.lmsHomework = true;

  const DEBOUNCE_MS = 1500;
  const TARGET = ["submission", "page", "assignment", "module", "next"];

  const { post, store, recorder } = window.lmsDrafts;

  // Handed in: her copy on this phone is no longer needed.
  document.querySelectorAll("[data-homework-done]").forEach((el) => store.remove(el.dataset.homeworkDone));

  function setup(root) {
    const msg = root.dataset;
    const key = msg.key;
    const form = root.querySelector(".hw__form");
    const drafts = Array.from(form.querySelectorAll("[data-draft]"));
    const revision = form.elements.revision;
    const status = root.querySelector(".hw__status");
    const fileStatus = root.querySelector(".hw__file-status");
    const box = root.querySelector(".hw__conflict");
    const addEntry = root.querySelector("[data-add-entry]");
    let timer = null;
    let retryMs = 2000;
    let inFlight = false;
    let again = false;
    let handIn = null;
    let inConflict = false;
    let newer = { fields: {}, revision: 0 };

    const values = () => Object.fromEntries(drafts.map((el) => [el.name, el.value]));
    const snap = (fields) =>
      JSON.stringify(Object.keys(fields).filter((k) => fields[k] !== "").sort().map((k) => [k, fields[k]]));
    let server = snap(values());

    function show(el, text, state) {
      if (!el) return;
      el.textContent = text || "";
      el.dataset.state = state || "";
    }
    function keepLocal() {
      store.set(key, { fields: values(), revision: Number(revision.value) });
    }
    function schedule(ms) {
      clearTimeout(timer);
      timer = setTimeout(() => save(false), ms);
    }
    function target() {
      const body = new FormData();
      TARGET.forEach((name) => body.set(name, form.elements[name].value));
      return body;
    }
    function remember(data) {
      if (data.submission) form.elements.submission.value = data.submission;
      if (data.files_html !== undefined) root.querySelector("[data-files]").innerHTML = data.files_html;
    }
    function entries() {
      const hidden = root.querySelectorAll("[data-entry][hidden]");
      if (addEntry) addEntry.hidden = !hidden.length;
      return hidden;
    }
    function apply(fields) {
      drafts.forEach((el) => {
        el.value = fields[el.name] || "";
        const entry = el.closest("[data-entry]");
        if (el.value && entry) entry.hidden = false;
      });
      entries();
    }

    function conflict(fields, rev) {
      inConflict = true;
      newer = { fields: fields || {}, revision: rev };
      keepLocal();
      root.querySelector(".hw__newer").textContent = Object.values(newer.fields).filter(Boolean).join("\n\n");
      box.hidden = false;
      box.querySelector(".hw__conflict-nojs").hidden = true;
      box.querySelector(".hw__conflict-choices").hidden = false;
      show(status, msg.msgUnsaved, "error");
    }
    function resolve() {
      inConflict = false;
      box.hidden = true;
      revision.value = newer.revision;
      server = snap(newer.fields);
    }

    async function save(explicit) {
      clearTimeout(timer);
      if (inConflict) return;
      if (inFlight) {
        again = true;
        return;
      }
      const sent = snap(values());
      if (sent === server && !explicit) {
        store.remove(key);
        return finish(200);
      }
      inFlight = true;
      show(status, msg.msgSaving);
      const body = new FormData(form);
      ["csrfmiddlewaretoken", "file", "audio"].forEach((name) => body.delete(name));
      const { status: code, data } = await post(form.action, body);
      inFlight = false;
      if (code === 200) {
        retryMs = 2000;
        revision.value = data.revision;
        remember(data);
        server = snap(data.fields || {});
        if (snap(values()) === sent) {
          store.remove(key);
          show(status, msg.msgSaved, "saved");
        } else {
          keepLocal();
          schedule(DEBOUNCE_MS);
        }
      } else if (code === 409) {
        conflict(data.fields, data.revision);
      } else if (code === 400) {
        show(status, data.error || msg.msgUnsaved, "error"); // she fixes it
      } else {
        // Network down, signed out (401), a stale token (403), a server error.
        show(status, code === 401 ? msg.msgSignedOut : msg.msgRetry, "error");
        schedule(retryMs);
        retryMs = Math.min(retryMs * 2, 60000);
      }
      finish(code);
    }
    function finish(code) {
      if (again) {
        again = false;
        if (!inConflict && code === 200) return schedule(0); // a hand-in waits
      }
      const button = handIn;
      handIn = null;
      if (button && code === 200) form.requestSubmit(button);
    }

    async function upload(name, blob, filename) {
      const body = target();
      body.set(name, blob, filename);
      show(fileStatus, msg.msgUploading);
      const { status: code, data } = await post(root.querySelector("[data-attach]").formAction, body);
      if (code === 200) {
        remember(data);
        show(fileStatus, data.message, "saved");
        return true;
      }
      show(fileStatus, data.error || (code === 401 ? msg.msgSignedOut : msg.msgUploadFailed), "error");
      return code === 400;
    }

    drafts.forEach((el) =>
      el.addEventListener(el.tagName === "SELECT" ? "change" : "input", () => {
        keepLocal();
        show(status, msg.msgUnsaved);
        schedule(DEBOUNCE_MS);
      })
    );
    form.addEventListener("submit", (event) => {
      const button = event.submitter;
      clearTimeout(timer);
      if (button && button.hasAttribute("data-hand-in")) {
        if (!inFlight && !inConflict) return; // a plain post saves and hands in
        event.preventDefault();
        if (!inConflict) handIn = button;
        return;
      }
      event.preventDefault();
      if (!button || button.hasAttribute("data-save")) save(true);
    });
    root.addEventListener("click", async (event) => {
      const button = event.target.closest("[data-remove]");
      if (!button) return;
      event.preventDefault();
      const { status: code, data } = await post(button.formAction, target());
      if (code === 200) remember(data);
      show(fileStatus, data.message || data.error || msg.msgUploadFailed, code === 200 ? "saved" : "error");
    });
    root.querySelectorAll("[data-upload]").forEach((input) =>
      input.addEventListener("change", async () => {
        for (const file of Array.from(input.files)) {
          if (!(await upload(input.name, file, file.name))) return; // keep the choice to retry
        }
        input.value = "";
      })
    );
    const attach = root.querySelector("[data-attach]");
    if (attach) attach.hidden = true;
    if (addEntry) {
      addEntry.addEventListener("click", () => {
        const next = entries()[0];
        if (next) {
          next.hidden = false;
          next.querySelector("[data-draft]").focus();
        }
        entries();
      });
      entries();
    }
    window.addEventListener("online", () => save(false));
    box.querySelector("[data-keep-mine]").addEventListener("click", () => {
      resolve();
      save(true);
    });
    box.querySelector("[data-take-newer]").addEventListener("click", () => {
      resolve();
      apply(newer.fields);
      store.remove(key);
      show(status, msg.msgSaved, "saved");
    });

    // A conflict the server rendered (a plain post) gets the same choices.
    const rendered = box.querySelector("script");
    if (!box.hidden && rendered) conflict(JSON.parse(rendered.textContent), revision.value);

    // Work written but not saved (network down, signed out) comes back.
    const local = store.get(key);
    if (local && local.fields && !inConflict) {
      if (snap(local.fields) === snap(values())) {
        store.remove(key);
      } else if (Number(local.revision) === Number(revision.value)) {
        apply(local.fields);
        show(status, msg.msgRestored);
        save(false);
      } else {
        // Newer work reached the server meanwhile: let her choose.
        const current = values();
        apply(local.fields);
        conflict(current, revision.value);
      }
    }

    setupRecorder(root, msg, upload);
  }

  function setupRecorder(root, msg, upload) {
    const status = root.querySelector(".hw__file-status");
    recorder({
      box: root.querySelector(".hw__recorder"),
      fallback: root.querySelector(".hw__audio-input"),
      msg: msg,
      show(text) {
        status.textContent = text || "";
      },
      send(blob, filename) {
        return upload("audio", blob, filename);
      },
    });
  }

  document.querySelectorAll("[data-homework]").forEach(setup);
})();

/* Reflections on a module page: autosave with a local copy, a choice when
   another window saved newer text, and voice recording. Every form also
   works as a plain POST without this script. */
(function () {
  "use strict";
  if (window.lmsReflections) return;
  window.lmsReflections = true;

  const DEBOUNCE_MS = 1500;
  const MAX_RETRY_MS = 60000;

  const { post, store, recorder } = window.lmsDrafts;

  function formBody(form) {
    const body = new FormData(form);
    // The token printed in the page goes stale after a new sign-in; Django
    // reads the form field first, so send only the header.
    body.delete("csrfmiddlewaretoken");
    return body;
  }

  function setup(root) {
    const msg = root.dataset;
    const form = root.querySelector(".reflection__text");
    const area = form.querySelector("textarea");
    const revision = form.querySelector("[name=revision]");
    const status = root.querySelector(".reflection__status");
    const conflictBox = root.querySelector(".reflection__conflict");
    const newer = root.querySelector(".reflection__newer");
    const key = ["lms-reflection", msg.user, msg.module, msg.prompt].join(":");
    let serverText = area.value;
    let timer = null;
    let retryMs = 2000;
    let inFlight = false;
    let again = false;
    let inConflict = false;
    let newerText = "";
    let newerRevision = 0;

    function show(text, state) {
      status.textContent = text || "";
      status.dataset.state = state || "";
    }
    function keepLocal() {
      store.set(key, { text: area.value, revision: Number(revision.value) });
    }
    function schedule(ms) {
      clearTimeout(timer);
      timer = setTimeout(() => save(false), ms);
    }
    function retryLater(text) {
      show(text, "error");
      schedule(retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
    function setId(id) {
      if (!id || root.dataset.id === String(id)) return;
      root.dataset.id = id;
      const swap = (url) => url.replace(/\/0\/(?!.*\/0\/)/, "/" + id + "/");
      const share = root.querySelector(".reflection__share");
      if (share) share.action = swap(msg.shareUrl);
      root.querySelector(".reflection__delete-audio").action = swap(msg.deleteAudioUrl);
      root.querySelector(".reflection__sharing").hidden = false;
    }

    function conflict(text, rev) {
      inConflict = true;
      newerText = text;
      newerRevision = rev;
      keepLocal();
      newer.textContent = text;
      conflictBox.hidden = false;
      conflictBox.querySelector(".reflection__conflict-nojs").hidden = true;
      conflictBox.querySelector(".reflection__conflict-choices").hidden = false;
      show(msg.msgUnsaved, "error");
    }
    function resolve() {
      inConflict = false;
      conflictBox.hidden = true;
      revision.value = newerRevision;
      serverText = newerText;
    }

    async function save(explicit) {
      clearTimeout(timer);
      if (inConflict) return;
      if (inFlight) {
        again = true;
        return;
      }
      const sent = area.value;
      if (sent === serverText && !explicit) {
        store.remove(key);
        return;
      }
      if (!sent.trim() && !explicit) {
        show(msg.msgUnsaved);
        return;
      }
      inFlight = true;
      show(msg.msgSaving);
      let result;
      try {
        result = await post(form.action, formBody(form));
      } catch (error) {
        result = { status: 0, data: {} };
      }
      inFlight = false;
      const { status: code, data } = result;
      if (code === 200) {
        retryMs = 2000;
        revision.value = data.revision;
        serverText = data.text;
        setId(data.id);
        if (area.value === sent) {
          store.remove(key);
          show(msg.msgSaved, "saved");
        } else {
          keepLocal();
          schedule(DEBOUNCE_MS);
        }
      } else if (code === 409) {
        conflict(data.text, data.revision);
      } else if (code === 400) {
        show(data.error || msg.msgUnsaved, "error"); // she fixes it; no retry
      } else if (code === 401) {
        retryLater(msg.msgSignedOut);
      } else {
        retryLater(msg.msgRetry); // network down, 403, 5xx
      }
      if (again) {
        again = false;
        if (!inConflict && code === 200) schedule(0);
      }
    }

    area.addEventListener("input", () => {
      keepLocal();
      show(msg.msgUnsaved);
      schedule(DEBOUNCE_MS);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      save(true);
    });
    window.addEventListener("online", () => save(false));
    conflictBox.querySelector("[data-keep-mine]").addEventListener("click", () => {
      resolve();
      save(true);
    });
    conflictBox.querySelector("[data-take-newer]").addEventListener("click", () => {
      resolve();
      area.value = newerText;
      store.remove(key);
      show(msg.msgSaved, "saved");
    });

    // A conflict the server rendered (plain POST) gets the same two choices.
    if (!conflictBox.hidden && conflictBox.dataset.newerRevision) {
      conflict(conflictBox.dataset.newerText || "", conflictBox.dataset.newerRevision);
    }

    // Text written but not saved (network down, signed out) comes back.
    const local = store.get(key);
    if (local && typeof local.text === "string" && !inConflict) {
      if (local.text === area.value) {
        store.remove(key);
      } else if (Number(local.revision) === Number(revision.value)) {
        area.value = local.text;
        show(msg.msgRestored);
        save(false);
      } else {
        // Newer text reached the server meanwhile: let her choose.
        const server = area.value;
        area.value = local.text;
        conflict(server, revision.value);
      }
    }

    setupRecorder(root, msg, setId);
  }

  function setupRecorder(root, msg, setId) {
    const box = root.querySelector(".reflection__recorder");
    const uploadForm = root.querySelector(".reflection__upload");
    const current = root.querySelector(".reflection__current");
    const player = root.querySelector(".reflection__player");
    const status = box.querySelector(".reflection__voice-status");

    function show(text, state) {
      status.textContent = text || "";
      status.dataset.state = state || "";
    }

    recorder({
      box: box,
      fallback: uploadForm,
      msg: msg,
      show: show,
      async send(blob, filename) {
        const body = formBody(uploadForm);
        body.set("audio", blob, filename);
        show(msg.msgUploading);
        const result = await post(uploadForm.action, body);
        if (result.status === 200) {
          setId(result.data.id);
          player.src = result.data.audio_url;
          current.hidden = false;
          show(msg.msgUploaded, "saved");
          return true;
        }
        show(result.data.error || msg.msgUploadFailed, "error");
        return result.status === 400 ? null : false; // 400: she chooses again
      },
    });
  }

  document.querySelectorAll("[data-reflection]").forEach(setup);
})();

/* Brobygger, for signed-in pages. No framework; every feature also works
   without this file (a plain link, a plain form).

   ("Leave quickly", with Escape twice, is lms/quick-exit.js, on every page.)
   1. Logging out removes her drafts kept in this browser.
   2. Reading a module to the end marks it reviewed: when the "I have reviewed
      this module" form has stayed in view for two seconds after she scrolled
      (or on a page too short to scroll), it is posted in the background. */
(function () {
    "use strict";

    /* Logging out on a shared phone leaves no copy of her writing behind:
       drafts kept in this browser (reflections, homework) go with her. */
    var logout = document.querySelector("[data-logout]");
    if (logout) {
        logout.addEventListener("submit", function () {
            try {
                for (var i = localStorage.length - 1; i >= 0; i--) {
                    var name = localStorage.key(i);
                    if (name && name.indexOf("lms-") === 0) localStorage.removeItem(name);
                }
            } catch (error) { /* storage unavailable: nothing kept either */ }
        });
    }

    var form = document.querySelector("[data-review-form]");
    if (!form || !("IntersectionObserver" in window) || !window.fetch) return;
    var scrolled = document.documentElement.scrollHeight <= window.innerHeight + 8;
    var visible = false;
    var sent = false;
    var timer = null;

    var send = function () {
        if (sent || !visible) return;
        sent = true;
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: { Accept: "application/json" },
            credentials: "same-origin"
        }).then(function (response) {
            return response.json();
        }).then(function (data) {
            var status = form.querySelector("[data-review-status]");
            if (status && data.message) status.textContent = data.message;
            if (data.reviewed) form.querySelector("button").hidden = true;
        }).catch(function () {
            sent = false; /* offline: the button still works */
        });
    };
    var schedule = function () {
        clearTimeout(timer);
        if (visible && scrolled && !sent) timer = setTimeout(send, 2000);
    };

    window.addEventListener("scroll", function () {
        if (!scrolled) { scrolled = true; schedule(); }
    }, { passive: true });
    new IntersectionObserver(function (entries) {
        visible = entries[entries.length - 1].isIntersecting;
        schedule();
    }).observe(form);
})();

/* window.lmsDrafts, for reflection.js and homework.js (which load after this
   file): posting with a fresh CSRF token (a network failure answers status 0
   instead of throwing), a copy of a draft in this browser under "lms-" keys
   (logging out clears them), and the voice recorder both use. */
(function () {
  "use strict";
  if (window.lmsDrafts) return;

  function csrfToken() {
    // Read fresh each time: signing in again rotates the token.
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  async function post(url, body) {
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
      });
    } catch (error) {
      return { status: 0, data: {} };
    }
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = {};
    }
    return { status: response.status, data: data };
  }

  const store = {
    get(key) {
      try {
        return JSON.parse(localStorage.getItem(key));
      } catch (error) {
        return null;
      }
    },
    set(key, value) {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch (error) {
        /* private mode or full: the server copy still works */
      }
    },
    remove(key) {
      try {
        localStorage.removeItem(key);
      } catch (error) {
        /* nothing to do */
      }
    },
  };

  /* A voice recorder for a form with "record", "stop" and "retry" buttons.
     `send(blob, filename)` stores the recording and resolves true once it is
     saved; until then "retry" sends it again. Without MediaRecorder (or a
     microphone) the form's plain file input stays, and nothing here runs. */
  function recorder(opts) {
    const box = opts.box;
    if (!box || !(window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia)) {
      return;
    }
    const record = box.querySelector("[data-record]");
    const stop = box.querySelector("[data-stop]");
    const retry = box.querySelector("[data-retry-upload]");
    let current = null;
    let lastBlob = null;
    box.hidden = false;
    if (opts.fallback) opts.fallback.hidden = true;

    async function send(blob) {
      const extension = /ogg/.test(blob.type) ? "ogg" : /mp4/.test(blob.type) ? "m4a" : "webm";
      retry.hidden = true;
      const done = await opts.send(blob, "recording." + extension);
      lastBlob = done ? null : blob;
      retry.hidden = done !== false;
    }

    record.addEventListener("click", async () => {
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (error) {
        opts.show(opts.msg.msgNoMic, "error");
        if (opts.fallback) opts.fallback.hidden = false;
        return;
      }
      const types = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];
      const type = types.find((t) => MediaRecorder.isTypeSupported(t)) || "";
      const chunks = [];
      current = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      current.addEventListener("dataavailable", (event) => {
        if (event.data.size) chunks.push(event.data);
      });
      current.addEventListener("stop", () => {
        stream.getTracks().forEach((track) => track.stop());
        send(new Blob(chunks, { type: current.mimeType || type || "audio/webm" }));
      });
      current.start();
      record.hidden = true;
      stop.hidden = false;
      stop.focus();
      opts.show(opts.msg.msgRecording);
    });
    stop.addEventListener("click", () => {
      if (current && current.state !== "inactive") current.stop();
      stop.hidden = true;
      record.hidden = false;
      record.focus();
    });
    retry.addEventListener("click", () => {
      if (lastBlob) send(lastBlob);
    });
  }

  window.lmsDrafts = { csrfToken: csrfToken, post: post, store: store, recorder: recorder };
})();

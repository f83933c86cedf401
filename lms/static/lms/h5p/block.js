/* Interactive exercises on a page (lms/h5p/block.html).

   Each [data-h5p-player] placeholder becomes a sandboxed frame with the
   exercise's player once she scrolls near it; players load one at a time,
   so a page with many exercises stays light. The player runs in an opaque
   origin (lms.h5p.player): it cannot reach the site itself, so it hands
   what she does to this page with postMessage, and this page posts it to
   the site as her (CSRF-checked), in order, trying again after a network
   failure. The browser's actor is dropped: the server sets her own. */
(function () {
  "use strict";

  var players = Array.prototype.slice.call(
    document.querySelectorAll("[data-h5p-player]")
  );
  if (!players.length) {
    return;
  }

  var LOAD_TIMEOUT_MS = 30000;
  var MAX_HEIGHT = 20000;
  var queue = [];
  var loading = null;
  var frames = []; // {frame, holder}

  function csrfToken(holder) {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : holder.dataset.csrf || "";
  }

  function statusOf(holder) {
    var next = holder.nextElementSibling;
    return next && next.classList.contains("h5p-status") ? next : null;
  }

  function say(holder, text) {
    var status = statusOf(holder);
    if (status && text) {
      status.textContent = text;
    }
  }

  // --- loading, one player at a time -----------------------------------------

  function loadNext() {
    if (loading || !queue.length) {
      return;
    }
    var holder = queue.shift();
    var frame = document.createElement("iframe");
    frame.className = "h5p-player__frame";
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("title", holder.dataset.h5pTitle || "");
    frame.setAttribute("lang", holder.dataset.h5pLang || "");
    frame.setAttribute("referrerpolicy", "same-origin");
    frame.src = holder.dataset.h5pPlayer;
    var entry = { frame: frame, holder: holder, posting: Promise.resolve() };
    frames.push(entry);
    loading = entry;
    entry.timer = window.setTimeout(function () {
      failed(entry);
    }, LOAD_TIMEOUT_MS);
    holder.classList.add("h5p-player--loading");
    holder.appendChild(frame);
  }

  function done(entry) {
    window.clearTimeout(entry.timer);
    entry.holder.classList.remove("h5p-player--loading");
    var waiting = entry.holder.querySelector(".h5p-player__waiting");
    if (waiting) {
      waiting.remove();
    }
    if (loading === entry) {
      loading = null;
      loadNext();
    }
  }

  function failed(entry) {
    if (entry.ready) {
      return;
    }
    say(entry.holder, entry.holder.dataset.h5pFailed);
    entry.holder.classList.add("h5p-player--failed");
    done(entry);
  }

  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(
      function (seen) {
        seen.forEach(function (item) {
          if (item.isIntersecting) {
            observer.unobserve(item.target);
            queue.push(item.target);
            loadNext();
          }
        });
      },
      { rootMargin: "200px 0px" }
    );
    players.forEach(function (holder) {
      observer.observe(holder);
    });
  } else {
    queue = players.slice();
    loadNext();
  }

  // --- what the players send -------------------------------------------------------

  function entryFor(source) {
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === source) {
        return frames[i];
      }
    }
    return null;
  }

  function post(entry, url, body, attempt) {
    attempt = attempt || 1;
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken(entry.holder)
      },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (data) {
            if (response.ok) {
              if (data.message) {
                say(entry.holder, data.message);
              }
              return;
            }
            if (data.status === "signed_out") {
              say(entry.holder, entry.holder.dataset.h5pSignedOut);
            } else if (response.status >= 500 && attempt < 4) {
              throw new Error("retry");
            }
            // Refused (4xx): the server said why; nothing to retry.
          });
      })
      .catch(function () {
        if (attempt >= 4) {
          say(entry.holder, entry.holder.dataset.h5pNotSaved);
          return;
        }
        return new Promise(function (resolve) {
          window.setTimeout(resolve, 1000 * attempt * attempt);
        }).then(function () {
          return post(entry, url, body, attempt + 1);
        });
      });
  }

  function send(entry, url, body) {
    // In order: an attempt starts with her first statement.
    entry.posting = entry.posting.then(function () {
      return post(entry, url, body);
    });
  }

  window.addEventListener("message", function (event) {
    var entry = entryFor(event.source);
    var data = event.data;
    if (!entry || !data || typeof data !== "object" || typeof data.type !== "string") {
      return;
    }
    var holder = entry.holder;
    if (data.type === "h5p:ready") {
      entry.ready = true;
      done(entry);
    } else if (data.type === "h5p:failed") {
      failed(entry);
    } else if (data.type === "h5p:resize") {
      var height = Math.round(Number(data.height));
      if (height > 0 && height < MAX_HEIGHT) {
        entry.frame.style.height = height + "px";
      }
    } else if (data.type === "h5p:xapi" && holder.dataset.h5pStatements) {
      var statement = data.statement;
      if (statement && typeof statement === "object") {
        delete statement.actor;
        send(entry, holder.dataset.h5pStatements, { statement: statement });
      }
    } else if (data.type === "h5p:state" && holder.dataset.h5pState) {
      if (typeof data.state === "string" || data.state === null) {
        send(entry, holder.dataset.h5pState, {
          state: data.state,
          dataType: String(data.dataType || "state"),
          subContentId: String(data.subContentId || "0")
        });
      }
    }
  });
})();

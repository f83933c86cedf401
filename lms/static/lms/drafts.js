/* What reflection.js and homework.js share: posting with a fresh CSRF token
   (a network failure answers status 0 instead of throwing), and a copy of a
   draft in this browser under "lms-" keys (logging out clears them). */
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

  window.lmsDrafts = { csrfToken: csrfToken, post: post, store: store };
})();

/* "Leave quickly" (loaded in <head>, no defer: works from the first tap).
   Tap or Escape twice: hide, sign out (beacon), replace the page with a
   neutral site. Back/Forward to any page of ours in this tab goes straight
   to the neutral site again; a fresh visit ends that. */
(function () {
  "use strict";
  var KEY = "lms-left";

  function read() {
    try {
      return sessionStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
  }
  function hide() {
    document.documentElement.style.visibility = "hidden";
    document.title = "";
  }
  function bounce() {
    var neutral = read();
    if (!neutral) return;
    hide();
    window.location.replace(neutral);
  }
  function cameBackThroughHistory() {
    var entries = window.performance && performance.getEntriesByType
      ? performance.getEntriesByType("navigation")
      : [];
    if (entries.length) return entries[0].type === "back_forward";
    return Boolean(performance.navigation && performance.navigation.type === 2);
  }

  if (read()) {
    if (cameBackThroughHistory()) {
      bounce();
    } else {
      try {
        sessionStorage.removeItem(KEY);
      } catch (error) {
        /* nothing kept */
      }
    }
  }
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) bounce();
  });

  function leave(link) {
    hide();
    try {
      sessionStorage.setItem(KEY, link.href);
    } catch (error) {
      /* private mode: no-store still guards Back */
    }
    var signOut = link.getAttribute("data-sign-out");
    if (signOut && navigator.sendBeacon) navigator.sendBeacon(signOut);
    window.location.replace(link.href);
  }

  document.addEventListener(
    "click",
    function (event) {
      var target = event.target;
      var link = target && target.closest ? target.closest("[data-leave-quickly]") : null;
      if (!link) return;
      event.preventDefault();
      leave(link);
    },
    true
  );

  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1500) {
      var link = document.querySelector("[data-leave-quickly]");
      if (link) leave(link);
    }
    lastEscape = now;
  });
})();

/* The sign-in sheet: copy the SMS text, print the page. The buttons stay
   hidden where the browser cannot do it. */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.querySelector(button.dataset.copy).value;
      navigator.clipboard.writeText(text).then(function () {
        var status = document.querySelector(".copy-status");
        status.textContent = status.dataset.copied;
      });
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();

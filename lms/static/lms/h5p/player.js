/* The sandboxed player page (lms/h5p/player.html): starts h5p-standalone
   with the options the server wrote as JSON, and tells the page around it
   (only the site's own origin) that it is ready, how tall it is, each xAPI
   statement H5P emits and her changed state. It has an opaque origin: it
   never talks to the site itself. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("h5p-options").textContent);
  var options = config.options;
  var container = document.getElementById("h5p-container");
  var target = config.parentOrigin;

  function tell(type, data) {
    var message = data || {};
    message.type = "h5p:" + type;
    window.parent.postMessage(message, target);
  }

  var lastHeight = 0;

  function reportHeight() {
    // The content's own height, not the frame's: it may shrink again.
    var height = Math.ceil(container.getBoundingClientRect().height) + 2;
    if (height !== lastHeight) {
      lastHeight = height;
      tell("resize", { height: height });
    }
  }

  function contentDirection() {
    // H5P writes the content frame itself; give it the content's direction.
    var frame = container.querySelector("iframe.h5p-iframe");
    try {
      var root = frame && frame.contentDocument && frame.contentDocument.documentElement;
      if (root) {
        root.setAttribute("dir", config.direction);
        if (config.language) {
          root.setAttribute("lang", config.language);
        }
      }
    } catch (error) {
      /* not ours to change */
    }
  }

  // What the server gave back is not news; anything else H5P keeps is.
  var lastStates = {};
  var given = options.contentUserData || {};
  Object.keys(given).forEach(function (subContentId) {
    Object.keys(given[subContentId] || {}).forEach(function (dataType) {
      lastStates[subContentId + "/" + dataType] = given[subContentId][dataType];
    });
  });

  function watchState() {
    var contents = window.H5PIntegration && window.H5PIntegration.contents;
    var content = contents && contents["cid-" + options.id];
    var data = content && content.contentUserData;
    if (!data) {
      return;
    }
    Object.keys(data).forEach(function (subContentId) {
      var entry = data[subContentId];
      if (!entry || typeof entry !== "object") {
        return;
      }
      Object.keys(entry).forEach(function (dataType) {
        var key = subContentId + "/" + dataType;
        var value = entry[dataType];
        if (typeof value !== "string" || value === lastStates[key]) {
          return;
        }
        lastStates[key] = value;
        tell("state", { subContentId: subContentId, dataType: dataType, state: value });
      });
    });
  }

  function start() {
    if (!window.H5PStandalone) {
      tell("failed");
      return;
    }
    new window.H5PStandalone.H5P(container, options)
      .then(function () {
        contentDirection();
        if (config.track && window.H5P && window.H5P.externalDispatcher) {
          window.H5P.externalDispatcher.on("xAPI", function (event) {
            var statement = event && event.data && event.data.statement;
            if (statement) {
              tell("xapi", { statement: JSON.parse(JSON.stringify(statement)) });
            }
          });
        }
        if (config.track) {
          window.setInterval(watchState, 2000);
          window.addEventListener("pagehide", watchState);
        }
        if ("ResizeObserver" in window) {
          new ResizeObserver(reportHeight).observe(container);
        } else {
          window.setInterval(reportHeight, 1000);
        }
        reportHeight();
        tell("ready");
      })
      .catch(function (error) {
        if (window.console) {
          window.console.error("H5P player:", error);
        }
        tell("failed");
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

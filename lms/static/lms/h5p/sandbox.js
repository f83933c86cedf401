/* First script of the sandboxed player page (lms/h5p/player.html). The
   page has an opaque origin, where reading localStorage or sessionStorage
   throws; H5P core and content types use them for small conveniences (the
   clipboard, remembered settings). Give them storage that lives as long as
   the page instead, so the exercise runs and nothing is kept. */
(function () {
  "use strict";

  function memoryStorage() {
    var items = {};
    return {
      get length() {
        return Object.keys(items).length;
      },
      key: function (index) {
        var keys = Object.keys(items);
        return index < keys.length ? keys[index] : null;
      },
      getItem: function (key) {
        key = String(key);
        return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null;
      },
      setItem: function (key, value) {
        items[String(key)] = String(value);
      },
      removeItem: function (key) {
        delete items[String(key)];
      },
      clear: function () {
        items = {};
      }
    };
  }

  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      if (window[name]) {
        return; // usable after all
      }
    } catch (error) {
      /* sandboxed: replace it below */
    }
    try {
      Object.defineProperty(window, name, {
        value: memoryStorage(),
        configurable: true
      });
    } catch (error) {
      /* the exercise will say what it misses */
    }
  });
})();

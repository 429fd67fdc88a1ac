// The regions of a map are one tab stop (only the first link is in the tab order); the
// arrow keys move to the nearest region in their direction, as on a real map. Without
// JavaScript the table beside the map carries the same links.
(function () {
  "use strict";
  var DIRECTIONS = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };

  function centre(link) {
    var box = link.getBoundingClientRect();
    return [box.left + box.width / 2, box.top + box.height / 2];
  }

  function nearest(links, from, direction) {
    var start = centre(from);
    var best = null;
    var bestScore = Infinity;
    links.forEach(function (link) {
      if (link === from) {
        return;
      }
      var c = centre(link);
      var along = (c[0] - start[0]) * direction[0] + (c[1] - start[1]) * direction[1];
      if (along <= 0) {
        return;
      }
      var across = Math.abs((c[0] - start[0]) * direction[1] - (c[1] - start[1]) * direction[0]);
      // straight ahead wins over diagonal: sideways distance counts double
      var score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = link;
      }
    });
    return best;
  }

  document.querySelectorAll("svg[data-map-keys]").forEach(function (map) {
    var links = Array.prototype.slice.call(map.querySelectorAll("a"));
    map.addEventListener("keydown", function (event) {
      var direction = DIRECTIONS[event.key];
      var from = event.target.closest && event.target.closest("a");
      if (!direction || !from) {
        return;
      }
      var next = nearest(links, from, direction);
      if (next) {
        event.preventDefault();
        from.setAttribute("tabindex", "-1");
        next.setAttribute("tabindex", "0");
        next.focus();
      }
    });
  });
})();

// Repairs to Django's admin widgets where axe finds them wanting (WCAG 2.2 AA): the search
// field of a multiple autocomplete (select2) gets its field's label, select2's lists of
// chosen items stop claiming to be lists, the filter widgets' search icons get a role for
// their aria-label, and inputs in table cells (inline rows, list_editable) are named by
// their column. Widgets added later (another inline row) are repaired as they appear.
(function () {
  "use strict";

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, " ").replace(/[:*]\s*$/, "").trim() : "";
  }

  function repair() {
    document.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (field) {
      var container = field.closest(".select2-container");
      var select = container && container.previousElementSibling;
      var label = select && select.id && document.querySelector('label[for="' + select.id + '"]');
      if (label) {
        field.setAttribute("aria-label", text(label));
      }
    });
    document
      .querySelectorAll("ul.select2-selection__rendered:not([role]), ul.select2-selection__rendered > li:not([role])")
      .forEach(function (el) {
        el.setAttribute("role", "none");
      });
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (el) {
      el.setAttribute("role", "img");
    });
    document
      .querySelectorAll("td input:not([type=hidden]):not([aria-label]), td select:not([aria-label]), td textarea:not([aria-label])")
      .forEach(function (field) {
        if (field.labels && field.labels.length) {
          return;
        }
        var cell = field.closest("td");
        var table = cell.closest("table");
        var header = table && table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[cell.cellIndex];
        if (header && text(header)) {
          field.setAttribute("aria-label", text(header));
        }
      });
  }

  repair();
  new MutationObserver(repair).observe(document.body, { childList: true, subtree: true });
})();

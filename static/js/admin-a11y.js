// Repairs to Django's admin widgets where axe finds them wanting (WCAG 2.2 AA): the parts
// of an autocomplete (select2) get their field's label, select2's lists of
// chosen items stop claiming to be lists, the filter widgets' search icons get a role for
// their aria-label, and inputs in table cells (inline rows, list_editable) are named by
// their column; a table of inline rows or of the history that scrolls sideways takes the
// focus. Widgets added later (another inline row) are repaired as they appear.
(function () {
  "use strict";

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, " ").replace(/[:*]\s*$/, "").trim() : "";
  }

  function fieldLabel(el) {
    // select2 puts its box right after the select it replaces
    var container = el.closest(".select2-container");
    var select = container && container.previousElementSibling;
    return text(select && select.id && document.querySelector('label[for="' + select.id + '"]'));
  }

  function scrollable(box, label) {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", label);
    }
  }

  function repair() {
    document
      .querySelectorAll(
        ".select2-search__field:not([aria-label]), .select2-selection[role=combobox]:not([aria-label]), .select2-selection__rendered[role=textbox]:not([aria-label])"
      )
      .forEach(function (field) {
        var label = fieldLabel(field);
        if (label) {
          field.setAttribute("aria-label", label);
        }
      });
    // a table of inline rows or of the change history that scrolls sideways at 360 px
    // can be scrolled by keyboard
    document.querySelectorAll(".inline-group .wrapper:not([tabindex])").forEach(function (box) {
      scrollable(box, text(box.closest("fieldset").querySelector("h2")));
    });
    var history = document.getElementById("change-history");
    if (history && !history.parentElement.hasAttribute("tabindex")) {
      scrollable(history.parentElement, text(document.querySelector("#content h1")));
    }
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
  window.addEventListener("resize", repair);
})();

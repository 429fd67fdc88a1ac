// Progressive enhancement for the filter form (/netzwerke/); without JavaScript the
// form's buttons do the same.
// - A changed checkbox or select applies the filter at once; the hint above the
//   facets says so, and focus returns to the same control after the reload.
// - Empty fields stay out of the URL, so shared links are short.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosubmit]");
  if (!form) {
    return;
  }
  var KEY = "nw-filter-focus";
  try {
    var id = window.sessionStorage.getItem(KEY);
    if (id) {
      window.sessionStorage.removeItem(KEY);
      var control = document.getElementById(id);
      if (control) {
        control.focus();
      }
    }
  } catch (e) {
    // storage may be disabled; focus simply stays at the top
  }
  var hint = document.getElementById("autosubmit-hint");
  if (hint) {
    hint.hidden = false;
  }
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (el) {
      if ((el.name === "q" || el.name === "sort") && !el.value) {
        el.disabled = true;
      }
    });
  });
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type !== "checkbox" && target.tagName !== "SELECT") {
      return;
    }
    try {
      if (target.id) {
        window.sessionStorage.setItem(KEY, target.id);
      }
    } catch (e) {
      // ignore
    }
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  });
})();

// Move focus to the error summary, so that screen readers read it first and
// keyboard users start from the list of links to the fields.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});

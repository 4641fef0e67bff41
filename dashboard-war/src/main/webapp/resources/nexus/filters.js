// Submits a filter form as soon as one of its select elements marked data-submit-on-change changes,
// so choosing a domain needs no extra click. The form still has a submit button for keyboard use and
// for browsers without scripts.
(function () {
  "use strict";

  function wire() {
    var selects = document.querySelectorAll("select[data-submit-on-change]");
    Array.prototype.forEach.call(selects, function (select) {
      select.addEventListener("change", function () {
        if (select.form) {
          select.form.submit();
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();

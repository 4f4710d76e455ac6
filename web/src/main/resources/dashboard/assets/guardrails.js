// The guardrail form: show only the settings of the chosen condition and action. Without this
// script every group stays visible and the server still uses only the chosen types' fields.
(function () {
  "use strict";
  function sync(select) {
    var group = select.getAttribute("data-guardrail-switch");
    var sets = document.querySelectorAll('fieldset[data-guardrail-group="' + group + '"]');
    for (var i = 0; i < sets.length; i++) {
      sets[i].hidden = sets[i].getAttribute("data-guardrail-type") !== select.value;
    }
  }
  function init() {
    var selects = document.querySelectorAll("select[data-guardrail-switch]");
    for (var i = 0; i < selects.length; i++) {
      sync(selects[i]);
      selects[i].addEventListener("change", function (e) { sync(e.target); });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

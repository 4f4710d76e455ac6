// Data page: while an import uploads and runs, show "Importing…" and keep the button from a second
// submit. The form works without this script; it only adds the progress state.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("import-form");
  if (!form) {
    return;
  }
  form.addEventListener("submit", function () {
    var busy = document.getElementById(form.getAttribute("data-busy"));
    if (busy) {
      busy.hidden = false;
    }
    var button = document.getElementById("import-button");
    if (button) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
    }
  });
});

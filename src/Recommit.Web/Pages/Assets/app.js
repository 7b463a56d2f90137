// Recommit pages: drag and drop onto the upload field, and the what-if form swapped in place without a page reload.
// Everything works without this script; it only makes two things smoother.
(function () {
  "use strict";
  document.querySelectorAll("[data-drop]").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length > 0) input.files = e.dataTransfer.files;
    });
  });
  document.querySelectorAll("form[data-swap]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var target = document.querySelector(form.getAttribute("data-swap"));
      var busy = form.querySelector(".busy");
      var button = form.querySelector("button[type=submit]");
      if (busy) busy.textContent = "Re-running…";
      button.disabled = true;
      fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-Recommit-Swap": "1" }, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) { target.innerHTML = html; if (busy) busy.textContent = "Updated."; })
        .catch(function () { if (busy) busy.textContent = "The server could not be reached; try again."; })
        .finally(function () { button.disabled = false; });
    });
  });
})();

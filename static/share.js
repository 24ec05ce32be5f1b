// Comfort only: the page works without it. Copy a link, open the phone's share sheet, print.
(function () {
  "use strict";
  function status(button, text) {
    var box = button.parentNode.querySelector(".copy-status");
    if (box) { box.textContent = text || box.getAttribute("data-copied"); }
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var input = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(input.value).then(function () { status(button); },
        function () { input.select(); });
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-share]").forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var input = document.getElementById(button.getAttribute("data-share"));
      navigator.share({ title: button.getAttribute("data-title"), url: input.value })
        .catch(function () { /* the person closed the sheet */ });
    });
  });
}());

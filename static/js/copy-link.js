/*
 * "Copy the link" next to a link to keep (the resume link): shown only when this script runs
 * and the browser offers the clipboard; without it the link is there to select and copy.
 * Markup: <button data-copy-target="ID" hidden> and a status element [data-copy-status].
 */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    if (!navigator.clipboard || !window.isSecureContext) {
      return;
    }
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      var status = document.querySelector("[data-copy-status]");
      if (!target) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(target.href || target.textContent.trim()).then(
          function () {
            if (status) {
              status.textContent = button.getAttribute("data-copied");
            }
          },
          function () {
            if (status) {
              status.textContent = button.getAttribute("data-copy-failed");
            }
          }
        );
      });
    });
  });
})();

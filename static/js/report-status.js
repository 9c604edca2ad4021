/*
 * "Preparing your report": ask in the background whether the report is ready, less and less
 * often, and say so in the status region with the download link. Without this script the page
 * offers a plain "Check again" link (the download itself, which then sends the file).
 * Markup: [data-report-status="STATUS URL"] with data-ready / data-waiting / data-slow texts,
 * a [data-report-status-message] role="status" element and a hidden [data-report-download] link.
 */
(function () {
  "use strict";

  var FIRST_WAIT_MS = 1000;
  var LONGEST_WAIT_MS = 10000;
  var GIVE_UP_AFTER_MS = 300000;

  function watch(box) {
    var message = box.querySelector("[data-report-status-message]");
    var download = box.querySelector("[data-report-download]");
    var started = Date.now();
    var wait = FIRST_WAIT_MS;
    var told = "";

    function say(text) {
      if (text !== told) {
        message.textContent = text;
        told = text;
      }
    }

    function ready() {
      say(box.getAttribute("data-ready"));
      download.hidden = false;
      var again = document.querySelector("[data-report-check-again]");
      if (again) {
        again.hidden = true;
      }
    }

    function later() {
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        say(box.getAttribute("data-slow"));
        return;
      }
      window.setTimeout(check, wait);
      wait = Math.min(wait * 1.5, LONGEST_WAIT_MS);
    }

    function check() {
      fetch(box.getAttribute("data-report-status"), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
      })
        .then(function (response) {
          return response.ok ? response.json() : { ready: false };
        })
        .then(function (state) {
          if (state.ready) {
            ready();
          } else {
            say(box.getAttribute("data-waiting"));
            later();
          }
        })
        .catch(function () {
          later();
        });
    }

    later();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-report-status]").forEach(watch);
  });
})();

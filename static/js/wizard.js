/*
 * Progressive enhancement for the wizard; every page works without it.
 * - Rows of a repeating answer (trips, payments, ...) are hidden until the answer above asks
 *   for them ("data-shown-when": space-separated name=value pairs, any of which shows them).
 * - The error summary takes the focus, so keyboard and screen-reader users start there; on
 *   the result page, so does a what-if outcome ("data-focus-on-load").
 * - The language switch submits the step (as "wizard_language") so that what was typed but
 *   not yet sent is kept; without this script the switch still keeps every sent answer.
 */
(function () {
  "use strict";

  function checkedValue(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }

  function updateRows(form) {
    form.querySelectorAll("[data-shown-when]").forEach(function (rows) {
      var shown = rows.getAttribute("data-shown-when").split(" ").some(function (pair) {
        var parts = pair.split("=");
        return parts.length === 2 && checkedValue(form, parts[0]) === parts[1];
      });
      rows.hidden = !shown;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("wizard-form");
    if (form) {
      updateRows(form);
      form.addEventListener("change", function () { updateRows(form); });
    }
    document.querySelectorAll("form.language-switch").forEach(function (switcher) {
      switcher.addEventListener("submit", function (event) {
        var button = event.submitter;
        if (!form || !button || !button.value) {
          return;
        }
        event.preventDefault();
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "wizard_language";
        input.value = button.value;
        form.appendChild(input);
        form.submit();
      });
    });
    var summary = document.querySelector("[data-error-summary]") ||
      document.querySelector("[data-focus-on-load]");
    if (summary) {
      summary.focus();
      // A page opened at a fragment (#what-if) scrolls to it once loaded, which takes the
      // focus back to the page: focus again after that.
      window.addEventListener("load", function () {
        window.setTimeout(function () { summary.focus(); }, 0);
      });
    }
  });
})();

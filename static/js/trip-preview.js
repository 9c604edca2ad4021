/*
 * "Preview these trips" on the travel step without a page load (progressive enhancement).
 * The form is posted with fetch exactly as the button posts it (every field, the CSV file, the
 * CSRF token, the button's name and value) to the same URL; the step the server sends back
 * replaces the trips section and the error summary, so the server's template stays the only
 * place the preview is worded. A paste into the trips box, or a CSV file chosen, previews by
 * itself. The result is announced: a status line reads the count of trips ready, an error
 * summary is announced as an alert (and, after the button, takes the focus). If the request
 * fails or the answer is not the travel step, the form is submitted as usual. Without this
 * script the button submits the form; "Add these trips and continue" always does.
 */
(function () {
  "use strict";

  var SECTION = "trip-import";
  var PREVIEW = 'button[name="wizard_preview_trips"]';
  var SUMMARY = "[data-error-summary]";
  var PASTE_BOX = "id_trips_paste";
  var FILE_INPUT = "id_trips_csv";
  var ANNOUNCE_DELAY_MS = 100;

  if (!window.fetch || !window.FormData || !window.DOMParser || !window.AbortController) {
    return;
  }

  var running = null; // the AbortController of the preview under way, if any

  function submitAsUsual(form, button) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = button.name;
    input.value = button.value;
    form.appendChild(input);
    form.submit();
  }

  function fetchStep(form, button, signal) {
    var data = new FormData(form);
    data.append(button.name, button.value);
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      signal: signal,
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || response.redirected || type.indexOf("text/html") !== 0) {
        throw new Error("The answer is not the travel step.");
      }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      if (!page.getElementById(SECTION) || !page.getElementById("wizard-form")) {
        throw new Error("The answer is not the travel step.");
      }
      return page;
    });
  }

  function announce(status, text) {
    status.textContent = "";
    // Emptied first, then filled: the same words twice in a row are read again.
    window.setTimeout(function () {
      status.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  function show(page, form, status, trigger) {
    var old = document.getElementById(SECTION);
    var focused = old.contains(document.activeElement) ? document.activeElement.id : "";
    var fresh = document.importNode(page.getElementById(SECTION), true);
    fresh.hidden = old.hidden;
    old.replaceWith(fresh);
    var summary = page.querySelector(SUMMARY);
    var shownSummary = document.querySelector(SUMMARY);
    if (shownSummary) {
      shownSummary.remove();
    }
    if (summary) {
      summary = document.importNode(summary, true);
      form.before(summary);
    }
    document.title = page.title;
    var result = fresh.querySelector("[data-preview-result]");
    announce(status, summary || !result ? "" : result.textContent.trim());
    if (trigger.tagName !== "BUTTON") {
      // After a paste or a file chosen, the applicant stays where they were.
      var same = focused && document.getElementById(focused);
      if (same) {
        same.focus();
        if (same.tagName === "TEXTAREA") {
          same.setSelectionRange(same.value.length, same.value.length);
        }
      }
    } else if (summary) {
      summary.focus();
    } else {
      (fresh.querySelector(".table-scroll") || fresh.querySelector(PREVIEW)).focus();
    }
  }

  function preview(form, status, trigger) {
    var button = form.querySelector(PREVIEW);
    if (!button) {
      return;
    }
    if (running) {
      running.abort();
    }
    var controller = new AbortController();
    running = controller;
    fetchStep(form, button, controller.signal).then(function (page) {
      if (running === controller) {
        running = null;
        show(page, form, status, trigger);
      }
    }).catch(function (error) {
      if (error.name !== "AbortError") {
        submitAsUsual(form, button);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("wizard-form");
    var section = document.getElementById(SECTION);
    if (!form || !section) {
      return;
    }
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    section.after(status);

    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (button && button.matches(PREVIEW)) {
        event.preventDefault();
        preview(form, status, button);
      }
    });
    form.addEventListener("paste", function (event) {
      if (event.target.id === PASTE_BOX) {
        // The pasted text is in the box once the paste event is over.
        window.setTimeout(function () {
          if (event.target.value.trim()) {
            preview(form, status, event.target);
          }
        }, 0);
      }
    });
    form.addEventListener("change", function (event) {
      if (event.target.id === FILE_INPUT && event.target.files.length) {
        preview(form, status, event.target);
      }
    });
  });
})();

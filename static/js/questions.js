/*
 * One question at a time on a phone, on a page whose questions are unrelated to one another
 * (the step's ``separate_questions`` in flow.py marks its fields "data-one-question-at-a-time").
 * - On a narrow screen the page shows its first question with "Question 1 of 4" and "Next
 *   question"; "Next question" shows the next one and moves the focus to its question (legend
 *   or label); "Previous question" goes back. The page's own Continue shows with the last
 *   question, the page's Back with the first. Enter in a field means "Next question" until the
 *   last question, then Continue. No page is loaded: the questions are all in the one form,
 *   and all are sent with it.
 * - A page with errors shows every question, with its error summary; so does a wide screen,
 *   and the page without this script is the same page with every question shown.
 * - A page opened at one of its fields (#id_household-assets) starts at that question.
 * - Back from "check your answers", "Save and go back to your answers" shows with every
 *   question (one answer is changed, then saved), and Enter means it.
 * A question is one field of the page (its label or legend, hint, error and input), with what
 * follows it up to the next field (the rows its answer asks for); fields the step asks together
 * ("data-asked-together": "How many dependants?", "Of those, how many live abroad?") are one.
 */
(function () {
  "use strict";

  // The stylesheet's phone width: below its 48em breakpoint.
  var NARROW = "(max-width: 47.9375em)";

  // Return {field name: its group} of "data-asked-together" ("a,b c,d": a with b, c with d).
  function groupsOf(container) {
    var groups = {};
    (container.getAttribute("data-asked-together") || "").split(" ").forEach(function (group, i) {
      group.split(",").forEach(function (name) {
        if (name) {
          groups[name] = i;
        }
      });
    });
    return groups;
  }

  function fieldName(field) {
    var input = field.querySelector("[name]");
    return input ? input.getAttribute("name") : "";
  }

  // Wrap each field of ``container`` with what follows it into a question; return them. A
  // field asked together with the one before joins its question.
  function questionsOf(container) {
    var groups = groupsOf(container);
    var questions = [];
    var current = null;
    var previous = "";
    Array.prototype.slice.call(container.children).forEach(function (child) {
      var name = child.classList.contains("form-field") ? fieldName(child) : "";
      var joins = current && name && previous && groups[name] !== undefined &&
        groups[name] === groups[previous];
      if (name) {
        previous = name;
      }
      if (name && !joins) {
        current = document.createElement("div");
        current.className = "question";
        current.setAttribute("data-question", "");
        child.before(current);
        questions.push(current);
      }
      if (current) {
        current.appendChild(child);
      }
    });
    return questions;
  }

  // The question's own words: the legend of its fieldset, else its label.
  function headingOf(question) {
    var heading = question.querySelector("legend, label");
    if (heading && !heading.hasAttribute("tabindex")) {
      heading.setAttribute("tabindex", "-1");
    }
    return heading;
  }

  function indexAt(questions, hash) {
    var target = null;
    try {
      target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    } catch (error) {
      target = null;
    }
    for (var i = 0; target && i < questions.length; i++) {
      if (questions[i].contains(target)) {
        return i;
      }
    }
    return 0;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.querySelector("[data-one-question-at-a-time]");
    var form = container && container.closest("form");
    if (!form || !window.matchMedia || document.querySelector("[data-error-summary]")) {
      return; // errors are shown with every question, as the server sent the page
    }
    var controls = {
      progress: form.querySelector("[data-question-progress]"),
      next: form.querySelector("[data-question-next]"),
      previous: form.querySelector("[data-question-previous]"),
      proceed: form.querySelector("[data-page-continue]"),
      back: form.querySelector("[data-page-back]")
    };
    if (!controls.progress || !controls.next || !controls.previous || !controls.proceed) {
      return;
    }
    var questions = null;
    var current = 0;
    var stepping = false;
    var words = controls.progress.getAttribute("data-words") || "";
    // Back from "check your answers" to change one answer: "Save and go back to your
    // answers" shows with every question, and Enter means it.
    var returning = container.hasAttribute("data-returning");

    function show(index, moveFocus) {
      current = Math.max(0, Math.min(index, questions.length - 1));
      var last = current === questions.length - 1;
      questions.forEach(function (question, i) {
        question.hidden = i !== current;
      });
      controls.progress.textContent = words
        .replace("{number}", String(current + 1))
        .replace("{total}", String(questions.length));
      controls.progress.hidden = false;
      controls.next.hidden = last;
      controls.next.className = returning ? "button-secondary" : "button";
      controls.proceed.hidden = !last && !returning;
      controls.previous.hidden = current === 0;
      if (controls.back) {
        controls.back.hidden = current !== 0;
      }
      if (moveFocus) {
        var heading = headingOf(questions[current]);
        if (heading) {
          heading.focus();
        }
      }
    }

    function showAll() {
      (questions || []).forEach(function (question) {
        question.hidden = false;
      });
      controls.progress.hidden = true;
      controls.next.hidden = true;
      controls.previous.hidden = true;
      controls.proceed.hidden = false;
      if (controls.back) {
        controls.back.hidden = false;
      }
    }

    function apply() {
      if (!media.matches) {
        stepping = false;
        showAll();
        return;
      }
      if (!questions) {
        questions = questionsOf(container);
        current = indexAt(questions, window.location.hash);
      }
      stepping = questions.length > 1;
      if (stepping) {
        show(current, false);
      } else {
        showAll();
      }
    }

    var media = window.matchMedia(NARROW);
    if (media.addEventListener) {
      media.addEventListener("change", apply);
    } else if (media.addListener) {
      media.addListener(apply);
    }
    apply();

    controls.next.addEventListener("click", function () {
      show(current + 1, true);
    });
    controls.previous.addEventListener("click", function () {
      show(current - 1, true);
    });
    // Enter in a field submits the form through its first button, the hidden copy of
    // Continue: before the last question, it means "Next question".
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      var byEnter = !submitter || submitter.hasAttribute("data-default-button");
      if (stepping && byEnter && !returning && current < questions.length - 1) {
        event.preventDefault();
        show(current + 1, true);
      }
    });
  });
})();

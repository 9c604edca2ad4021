/*
 * "Add another" for repeating answers (trips, payments, records) without reloading the page.
 * The button clones the last row, empties it, numbers it as the next row and raises the
 * formset's TOTAL_FORMS, exactly as the server would (Django's formset prefixes "-N-").
 * Without this script, or at the formset's MAX_NUM_FORMS, the button submits and the server
 * adds the row (works without JavaScript).
 */
(function () {
  "use strict";

  var ATTRIBUTES = ["id", "name", "for", "aria-describedby", "value"];

  function renumber(element, prefix, from, to) {
    var pattern = new RegExp(prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "-" + from + "(-|_|\\b)", "g");
    var all = [element].concat(Array.prototype.slice.call(element.querySelectorAll("*")));
    all.forEach(function (node) {
      ATTRIBUTES.forEach(function (name) {
        var value = node.getAttribute(name);
        if (value && (name !== "value" || node.tagName === "BUTTON")) {
          node.setAttribute(name, value.replace(pattern, prefix + "-" + to + "$1"));
        }
      });
    });
  }

  function emptied(row, prefix, from, to) {
    var copy = row.cloneNode(true);
    copy.querySelectorAll(".error-message, .money-echo").forEach(function (node) {
      node.remove();
    });
    copy.querySelectorAll(".form-field--error").forEach(function (node) {
      node.classList.remove("form-field--error");
    });
    copy.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = false;
      } else {
        input.value = "";
      }
      input.removeAttribute("aria-invalid");
    });
    renumber(copy, prefix, from, to);
    var remove = copy.querySelector('button[name="wizard_remove_row"]');
    if (remove) {
      remove.value = remove.value.replace(/:\d+$/, ":" + to);
    }
    var legend = copy.querySelector("legend");
    if (legend) {
      legend.textContent = legend.textContent.replace(String(from + 1), String(to + 1));
      if (remove) {
        remove.textContent = remove.textContent.replace(String(from + 1), String(to + 1));
      }
    }
    return copy;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest('button[name="wizard_add_row"]') : null;
    if (!button) {
      return;
    }
    var block = button.closest("fieldset.rows");
    var prefix = block && block.id.replace(/-rows$/, "");
    var total = block && block.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var max = block && block.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
    var rows = block ? block.querySelectorAll("fieldset.row") : [];
    if (!total || !rows.length) {
      return;
    }
    var count = parseInt(total.value, 10);
    if (isNaN(count) || count !== rows.length || (max && count >= parseInt(max.value, 10))) {
      return;
    }
    event.preventDefault();
    var copy = emptied(rows[rows.length - 1], prefix, count - 1, count);
    rows[rows.length - 1].after(copy);
    total.value = String(count + 1);
    var first = copy.querySelector("input, select, textarea");
    if (first) {
      first.focus();
    }
  });
})();

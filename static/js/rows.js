/*
 * "Add another" and "Remove" for repeating answers (trips, payments, records) without
 * reloading the page.
 * - "Add another" clones the last row, empties it, numbers it as the next row and raises the
 *   formset's TOTAL_FORMS, exactly as the server would (Django's formset prefixes "-N-").
 * - "Remove Trip 2" takes the row out, numbers the rows after it one lower and lowers
 *   TOTAL_FORMS, as the server's remove_row does; the only row left is emptied instead (the
 *   server shows an empty row then). The status region of the list says "Trip 2 removed"
 *   (the button's data-removed, worded by the server), and the focus moves to the row that
 *   took its place, else to "Add another".
 * Without this script, or when the page is not as the server sent it, the buttons submit and
 * the server adds or removes the row (works without JavaScript).
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

  function clear(row) {
    row.querySelectorAll(".error-message, .money-echo").forEach(function (node) {
      node.remove();
    });
    row.querySelectorAll(".form-field--error").forEach(function (node) {
      node.classList.remove("form-field--error");
    });
    row.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = false;
      } else {
        input.value = "";
      }
      input.removeAttribute("aria-invalid");
    });
  }

  // Number a row as row ``to`` (from 0): its fields, its legend and its remove button.
  function relabel(row, prefix, from, to) {
    renumber(row, prefix, from, to);
    var remove = row.querySelector('button[name="wizard_remove_row"]');
    if (remove) {
      remove.value = remove.value.replace(/:\d+$/, ":" + to);
    }
    var legend = row.querySelector("legend");
    var before = String(from + 1);
    var after = String(to + 1);
    if (legend) {
      legend.textContent = legend.textContent.replace(before, after);
    }
    if (remove) {
      remove.textContent = remove.textContent.replace(before, after);
      var removed = remove.getAttribute("data-removed");
      if (removed) {
        remove.setAttribute("data-removed", removed.replace(before, after));
      }
    }
  }

  function emptied(row, prefix, from, to) {
    var copy = row.cloneNode(true);
    clear(copy);
    relabel(copy, prefix, from, to);
    return copy;
  }

  // The list's rows as the server numbered them, or null if the page is not as it sent it.
  function listOf(button) {
    var block = button.closest("fieldset.rows");
    var prefix = block && block.id.replace(/-rows$/, "");
    var total = block && block.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var rows = block ? block.querySelectorAll("fieldset.row") : [];
    var count = total ? parseInt(total.value, 10) : NaN;
    if (!total || !rows.length || isNaN(count) || count !== rows.length) {
      return null;
    }
    return {block: block, prefix: prefix, total: total, rows: rows, count: count};
  }

  function announce(block, text) {
    var status = block.querySelector("[data-rows-status]");
    if (!status) {
      return;
    }
    status.textContent = "";
    // Emptied first, then filled: the same words twice in a row are read again.
    window.setTimeout(function () {
      status.textContent = text;
    }, 100);
  }

  function removeRow(button, event) {
    var list = listOf(button);
    var row = button.closest("fieldset.row");
    var index = list ? Array.prototype.indexOf.call(list.rows, row) : -1;
    if (index < 0 || String(index) !== button.value.split(":").pop()) {
      return; // the server removes it
    }
    event.preventDefault();
    var said = button.getAttribute("data-removed") || "";
    var next;
    if (list.count === 1) {
      clear(row);
      next = row.querySelector("input, select, textarea");
    } else {
      row.remove();
      for (var i = index + 1; i < list.count; i++) {
        relabel(list.rows[i], list.prefix, i, i - 1);
      }
      list.total.value = String(list.count - 1);
      var after = list.rows[index + 1];
      next = after ? after.querySelector("input, select, textarea") : null;
    }
    next = next || list.block.querySelector('button[name="wizard_add_row"]');
    if (next) {
      next.focus();
    }
    announce(list.block, said);
  }

  document.addEventListener("click", function (event) {
    var remove = event.target.closest ? event.target.closest('button[name="wizard_remove_row"]') : null;
    if (remove) {
      removeRow(remove, event);
      return;
    }
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

// The structured editors (issue 17 item 7) in the browser: "Legg til rad" adds a blank row and
// "Fjern rad" removes one without a round trip. Without JavaScript the same buttons submit the
// form, and the server shows it again with one row more or less, keeping what was typed.
(function () {
  "use strict";

  function renumber(row, index) {
    var pattern = /-r[0-9]+(-|$)/;
    Array.prototype.forEach.call(row.querySelectorAll("[id], [name], [for]"), function (element) {
      ["id", "name", "for"].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value && pattern.test(value)) {
          element.setAttribute(attribute, value.replace(pattern, "-r" + index + "$1"));
        }
      });
    });
    var remove = row.querySelector("button[name=remove_row]");
    if (remove) { remove.value = remove.value.replace(/-r[0-9]+$/, "-r" + index); }
    Array.prototype.forEach.call(row.querySelectorAll(".row-number"), function (number) {
      number.textContent = String(index + 1);
    });
  }

  function addRow(editor) {
    var body = editor.querySelector("tbody");
    var count = editor.querySelector("input[name$='-rows']");
    var index = parseInt(count.value, 10) || body.rows.length;
    var row = body.rows[body.rows.length - 1].cloneNode(true);
    Array.prototype.forEach.call(row.querySelectorAll("input"), function (input) {
      input.value = "";
    });
    Array.prototype.forEach.call(row.querySelectorAll("select"), function (select) {
      select.selectedIndex = 0;
    });
    renumber(row, index);
    body.appendChild(row);
    count.value = String(index + 1);
    var first = row.querySelector("input, select");
    if (first) { first.focus(); }
  }

  function removeRow(editor, button) {
    var body = editor.querySelector("tbody");
    var row = button.closest("tr");
    if (body.rows.length > 1) {
      body.removeChild(row);
    } else {
      Array.prototype.forEach.call(row.querySelectorAll("input"), function (input) {
        input.value = "";
      });
    }
    var add = editor.querySelector("button[name=add_row]");
    if (add) { add.focus(); }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=add_row], button[name=remove_row]");
    var editor = button && button.closest(".rows-editor");
    if (!editor) { return; }
    event.preventDefault();
    if (button.name === "add_row") {
      addRow(editor);
    } else {
      removeRow(editor, button);
    }
  });
}());

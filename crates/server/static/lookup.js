// Names beside numbers as the user types (issue 17 item 5): every input with
// data-lookup="municipality" or "postal-code" shows the municipality's name or the postal
// code's place in its description (#ID-name, aria-live="polite"), from the reference API.
// Without JavaScript the server shows the same name after a submit. The text for an unknown
// number comes from the page (data-unknown), in the user's language.
(function () {
  "use strict";
  var cache = {};

  function url(kind, value) {
    return kind === "municipality"
      ? "/api/v1/reference/municipalities/" + value
      : "/api/v1/reference/postal-codes/" + value;
  }

  function fetchName(kind, value) {
    var key = kind + ":" + value;
    if (!cache[key]) {
      cache[key] = fetch(url(kind, value), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) { return ""; }
        return response.json().then(function (body) {
          return kind === "municipality" ? body.name : body.place;
        });
      }).catch(function () { return null; });
    }
    return cache[key];
  }

  function show(input) {
    var output = document.getElementById(input.id + "-name");
    if (!output) { return; }
    var value = input.value.trim();
    if (!/^[0-9]{4}$/.test(value)) {
      output.textContent = "";
      return;
    }
    var kind = input.getAttribute("data-lookup");
    fetchName(kind, value).then(function (name) {
      if (input.value.trim() !== value || name === null) { return; }
      output.textContent = name === "" ? (input.getAttribute("data-unknown") || "") : name;
    });
  }

  var inputs = document.querySelectorAll("input[data-lookup]");
  Array.prototype.forEach.call(inputs, function (input) {
    input.addEventListener("input", function () { show(input); });
    input.addEventListener("change", function () { show(input); });
  });
}());

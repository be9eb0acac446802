// Rashomon report: filter the findings by status. Text is never written as HTML.
(function () {
  "use strict";
  var bar = document.getElementById("status-filter");
  if (!bar) { return; }
  var cards = document.querySelectorAll("article.finding");
  var shown = document.getElementById("shown");
  function apply(status) {
    var n = 0;
    cards.forEach(function (c) {
      var on = !status || c.getAttribute("data-status") === status;
      c.classList.toggle("hidden", !on);
      if (on) { n += 1; }
    });
    bar.querySelectorAll("button").forEach(function (b) {
      b.setAttribute("aria-pressed", String((b.getAttribute("data-status") || "") === status));
    });
    if (shown) { shown.textContent = String(n); }
  }
  bar.addEventListener("click", function (ev) {
    var b = ev.target.closest("button");
    if (b) { apply(b.getAttribute("data-status") || ""); }
  });
  apply("");
})();

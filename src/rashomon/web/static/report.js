// Rashomon report: filter the findings by status, or by a person's review. Text is never written as HTML.
(function () {
  "use strict";
  var bar = document.getElementById("status-filter");
  if (!bar) { return; }
  var cards = document.querySelectorAll("article.finding");
  var shown = document.getElementById("shown");
  function apply(attr, value) {
    var n = 0;
    cards.forEach(function (c) {
      var on = !value || c.getAttribute(attr) === value;
      c.classList.toggle("hidden", !on);
      if (on) { n += 1; }
    });
    bar.querySelectorAll("button").forEach(function (b) {
      var mine = b.hasAttribute(attr) ? b.getAttribute(attr) : null;
      b.setAttribute("aria-pressed", String(mine === value || (!value && mine === "")));
    });
    if (shown) { shown.textContent = String(n); }
  }
  bar.addEventListener("click", function (ev) {
    var b = ev.target.closest("button");
    if (!b) { return; }
    if (b.hasAttribute("data-review")) { apply("data-review", b.getAttribute("data-review")); }
    else { apply("data-status", b.getAttribute("data-status") || ""); }
  });
  apply("data-status", "");
})();

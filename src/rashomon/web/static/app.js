// Rashomon web UI: the document reader's record inspector and anchor highlighting.
// Untrusted text is only ever written with textContent; links are built from ids with encodeURIComponent.
(function () {
  "use strict";
  var data = document.getElementById("records");
  var panel = document.getElementById("inspector-body");
  if (!data || !panel) { return; }
  var records = JSON.parse(data.textContent || "{}");
  var LABELS = [["kind", "kind"], ["text", "text"], ["value", "value"], ["low", "low"], ["high", "high"],
    ["unit", "unit"], ["change", "bound"], ["approx", "approximate"], ["what", "counted thing"],
    ["predicate", "predicate"], ["place", "place"], ["time", "time"], ["attributed_to", "attributed to"],
    ["speaker_text", "speaker"], ["cue", "cue"], ["direct", "direct quote"], ["value_iso", "normalised date"],
    ["timex_type", "time type"], ["actor", "actor"], ["action", "action"], ["target", "target"],
    ["name", "entity"], ["type", "type"], ["term", "term"], ["group", "alternatives"], ["category", "category"],
    ["stage", "stage"]];
  var pinned = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function fmt(v) { return (typeof v === "object") ? JSON.stringify(v) : String(v); }

  function show(ref) {
    var r = records[ref];
    if (!r) { return; }
    panel.replaceChildren();
    panel.appendChild(el("p", "“" + (r.text || "") + "”", "rtitle"));
    var dl = el("dl");
    function row(k, v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    if (r.start !== undefined) { row("bounds", r.start + "–" + r.end); }
    LABELS.forEach(function (p) {
      var v = r[p[0]];
      if (v !== undefined && v !== null && v !== "" && p[0] !== "text") { row(p[1], fmt(v)); }
    });
    panel.appendChild(dl);
    if (r.kind === "entity" && r.id) {
      var a = el("a", "Entity page: " + (r.name || r.id));
      a.href = "/entity/" + encodeURIComponent(r.id);
      panel.appendChild(el("p")).appendChild(a);
    }
    if (r.findings) {
      panel.appendChild(el("h3", r.findings.length ? "Findings" : "In no finding"));
      var ul = el("ul");
      r.findings.forEach(function (f) {
        var li = el("li");
        li.appendChild(el("span", f.status.replace("_", " "), "badge st-" + f.status));
        li.appendChild(document.createTextNode(" "));
        var link = el("a", f.summary || f.id);
        link.href = "/finding/" + encodeURIComponent(f.id);
        li.appendChild(link);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }

  function fragments(ref) {
    return Array.prototype.filter.call(document.querySelectorAll(".sp[data-ref]"),
      function (e) { return e.getAttribute("data-ref") === ref; });
  }
  function select(ref) {
    document.querySelectorAll(".sp.selected").forEach(function (e) { e.classList.remove("selected"); });
    fragments(ref).forEach(function (e) { e.classList.add("selected"); });
    pinned = ref;
    show(ref);
  }
  function spanOf(target) { return target && target.closest ? target.closest(".doctext .sp[data-ref]") : null; }

  document.addEventListener("click", function (ev) {
    var s = spanOf(ev.target);
    if (s) { select(s.getAttribute("data-ref")); }
  });
  document.addEventListener("keydown", function (ev) {
    var s = spanOf(ev.target);
    if (s && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); select(s.getAttribute("data-ref")); }
  });
  document.addEventListener("mouseover", function (ev) {
    var s = spanOf(ev.target);
    if (s) { show(s.getAttribute("data-ref")); }
  });
  document.addEventListener("mouseout", function (ev) {
    if (spanOf(ev.target) && pinned) { show(pinned); }
  });

  function fromHash() {
    document.querySelectorAll(".sp.targeted").forEach(function (e) { e.classList.remove("targeted"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("sp")) { return; }
    var ref = target.getAttribute("data-ref");
    (ref ? fragments(ref) : [target]).forEach(function (e) { e.classList.add("targeted"); });
    target.scrollIntoView({ block: "center" });
    if (ref) { select(ref); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();

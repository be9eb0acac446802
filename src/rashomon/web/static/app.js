// Rashomon web UI: the header's height (so anchors land below it), the split view's panes,
// the reader's highlight layers, record inspector and anchor highlighting.
// Untrusted text is only ever written with textContent; links are built from ids with encodeURIComponent.
(function () {
  "use strict";
  var root = document.documentElement;
  function headerHeight() {
    var h = document.querySelector("header.top");
    var px = h ? Math.ceil(h.getBoundingClientRect().height) : 0;
    root.style.setProperty("--head-h", px + "px");
    return px;
  }
  headerHeight();
  window.addEventListener("resize", headerHeight);

  // split view: each pane scrolled so its cited span sits in the pane's middle
  function centrePanes() {
    document.querySelectorAll(".pane[data-focus]").forEach(function (pane) {
      var span = document.getElementById(pane.getAttribute("data-focus"));
      if (!span) { return; }
      var top = span.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      pane.scrollTop = Math.max(0, top - (pane.clientHeight - span.getBoundingClientRect().height) / 2);
      span.classList.add("targeted");
    });
  }
  centrePanes();
  window.addEventListener("load", centrePanes);

  // highlight layers: one switch per kind, and "disputed only"; remembered in localStorage
  var text = document.getElementById("doctext");
  var KEY = "rashomon.hidden-layers", DKEY = "rashomon.disputed-only";
  function stored(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, v) { try { window.localStorage.setItem(key, v); } catch (e) { /* private mode */ } }
  if (text) {
    var hidden = (stored(KEY) || "").split(",").filter(Boolean);
    document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
      var kind = box.getAttribute("data-layer");
      box.checked = hidden.indexOf(kind) < 0;
      text.classList.toggle("hide-" + kind, !box.checked);
      box.addEventListener("change", function () {
        text.classList.toggle("hide-" + kind, !box.checked);
        hidden = hidden.filter(function (k) { return k !== kind; });
        if (!box.checked) { hidden.push(kind); }
        store(KEY, hidden.join(","));
      });
    });
    var only = document.getElementById("disputed-only");
    if (only) {
      only.checked = stored(DKEY) === "1";
      text.classList.toggle("disputed-only", only.checked);
      only.addEventListener("change", function () {
        text.classList.toggle("disputed-only", only.checked);
        store(DKEY, only.checked ? "1" : "0");
      });
    }
  }

  var data = document.getElementById("records");
  var panel = document.getElementById("inspector-body");
  if (!data || !panel) { return; }
  var records = JSON.parse(data.textContent || "{}");
  var LABELS = [["kind", "kind"], ["text", "text"], ["value", "value"], ["low", "low"], ["high", "high"],
    ["unit", "unit"], ["change", "bound"], ["approx", "approximate"], ["what", "counted thing"],
    ["predicate", "predicate"], ["place", "place"], ["time", "time"], ["attributed_to", "attributed to"],
    ["speaker_text", "speaker"], ["cue", "cue"], ["direct", "direct quote"], ["value_iso", "normalised date"],
    ["timex_type", "time type"], ["zone", "time zone"], ["actor", "actor"], ["action", "action"], ["target", "target"],
    ["name", "entity"], ["type", "type"], ["term", "term"], ["group", "alternatives"], ["category", "category"],
    ["stage", "stage"]];
  var pinned = null;
  var CONTESTED = ["conflict", "update", "scope_difference"];
  var REVIEWED = ["confirmed", "wrong", "needs-check"];

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
        if (REVIEWED.indexOf(f.review) >= 0) {
          li.appendChild(el("span", "reviewed: " + f.review.replace("-", " "), "rv rv-" + f.review));
          li.appendChild(document.createTextNode(" "));
        }
        var link = el("a", f.summary || f.id);
        link.href = "/finding/" + encodeURIComponent(f.id);
        li.appendChild(link);
        if (CONTESTED.indexOf(f.status) >= 0) {
          var cmp = el("a", "compare side by side", "cmplink");
          cmp.href = "/compare/" + encodeURIComponent(f.id);
          li.appendChild(document.createTextNode(" · "));
          li.appendChild(cmp);
        }
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
  window.addEventListener("load", fromHash);  // after the browser's own jump to the fragment
  fromHash();
})();

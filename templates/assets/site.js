// Paper Atlas's one script. Pages work without it; it adds sorting and filtering of paper tables,
// the "/" shortcut to the search box, timeline bars, and copying BibTeX. No inline handlers: CSP-safe.
(function () {
  "use strict";

  function text(el) { return (el.textContent || "").trim(); }

  // Timeline bars: widths set here because a strict CSP forbids style attributes in the HTML.
  var bars = document.querySelectorAll(".timeline .bar");
  var max = 0;
  bars.forEach(function (b) { max = Math.max(max, +b.getAttribute("data-count") || 0); });
  bars.forEach(function (b) { b.style.width = (max ? (100 * (+b.getAttribute("data-count") || 0) / max) : 0) + "%"; });

  // Sortable tables: each sortable header gets a button (the WAI-ARIA sortable table pattern); aria-sort on the header
  // says which column sorts the rows, and which way.
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var heads = table.querySelectorAll("th[data-sort]");
    heads.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var index = Array.prototype.indexOf.call(th.parentNode.children, th);
        var numeric = th.getAttribute("data-sort") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = text(a.cells[index]), y = text(b.cells[index]);
          var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // The sticky header's real height keeps focused elements and link targets clear of it (WCAG 2.4.11).
  var header = document.querySelector(".masthead");
  function clearHeader() {
    var sticky = header && getComputedStyle(header).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? (header.offsetHeight + 12) + "px" : "";
  }
  // Regions that scroll sideways (wide tables, code, formulas) take keyboard focus, so they can be scrolled without a pointer.
  function focusableScrollers() {
    document.querySelectorAll(".note table, .note pre, .note math").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) { el.tabIndex = 0; } else { el.removeAttribute("tabindex"); }
    });
  }
  clearHeader();
  focusableScrollers();
  window.addEventListener("resize", function () { clearHeader(); focusableScrollers(); });

  // Filter on the paper table.
  var filter = document.getElementById("paper-filter");
  if (filter) {
    filter.parentNode.hidden = false;
    var rows = document.querySelectorAll("table.papers tbody tr");
    var count = document.querySelector(".filter-count");
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase(), shown = 0;
      rows.forEach(function (r) {
        var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0 || (r.getAttribute("data-topics") || "").indexOf(q) >= 0;
        r.hidden = !hit;
        if (hit) { shown++; }
      });
      count.textContent = q ? shown + " / " + rows.length : "";
    });
  }

  // Copy buttons.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent).then(function () { button.textContent = "✓"; });
    });
  });

  // "/" focuses the search box.
  var input = document.getElementById("search-input");
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && input && document.activeElement !== input && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      input.focus();
    }
  });

})();

// Paper Atlas graph interaction (/graph/ and paper pages). The SVG is complete without this script; it adds
// hover highlighting of a node's neighbours, zoom (wheel, buttons) and pan (drag) on /graph/, and the topic and
// year filters. No inline handlers, no style attributes in the HTML: CSP-safe.
(function () {
  "use strict";

  // A line names its two ends by their places among the picture's nodes (data-from, data-to).
  function setupHover(svg) {
    var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node"));
    var adjacent = nodes.map(function () { return []; });
    svg.querySelectorAll(".edge").forEach(function (edge) {
      var from = +edge.getAttribute("data-from"), to = +edge.getAttribute("data-to");
      if (adjacent[from] && adjacent[to]) {
        adjacent[from].push({ node: nodes[to], edge: edge });
        adjacent[to].push({ node: nodes[from], edge: edge });
      }
    });
    var lit = [];
    function clear() {
      lit.forEach(function (el) { el.classList.remove("near"); });
      lit = [];
      svg.classList.remove("hovering");
    }
    function light(at) {
      clear();
      lit.push(nodes[at]);
      adjacent[at].forEach(function (n) { lit.push(n.node, n.edge); });
      lit.forEach(function (el) { el.classList.add("near"); });
      svg.classList.add("hovering");
    }
    nodes.forEach(function (node, at) {
      node.addEventListener("mouseenter", function () { light(at); });
      node.addEventListener("focus", function () { light(at); });
      node.addEventListener("mouseleave", clear);
      node.addEventListener("blur", clear);
    });
  }

  function setupZoom(svg, controls) {
    var box = svg.getAttribute("viewBox").split(/\s+/).map(Number);
    var home = box.slice();
    var view = box.slice();
    svg.classList.add("zoomable");
    function apply() { svg.setAttribute("viewBox", view.join(" ")); }
    function toSvg(clientX, clientY) {
      var rect = svg.getBoundingClientRect();
      return [view[0] + (clientX - rect.left) / rect.width * view[2], view[1] + (clientY - rect.top) / rect.height * view[3]];
    }
    function zoom(factor, cx, cy) {
      var w = Math.min(home[2] * 1.5, Math.max(home[2] / 20, view[2] / factor));
      var k = w / view[2];
      view = [cx - (cx - view[0]) * k, cy - (cy - view[1]) * k, view[2] * k, view[3] * k];
      apply();
    }
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = toSvg(e.clientX, e.clientY);
      zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
    }, { passive: false });

    var drag = null, moved = false;
    svg.addEventListener("pointerdown", function (e) {
      if (e.pointerType === "touch" || e.button !== 0) { return; }
      drag = { x: e.clientX, y: e.clientY, view: view.slice(), id: e.pointerId };
      moved = false;
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag || e.pointerId !== drag.id) { return; }
      var rect = svg.getBoundingClientRect();
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      if (!moved) { moved = true; svg.setPointerCapture(e.pointerId); svg.classList.add("panning"); }
      view[0] = drag.view[0] - dx / rect.width * view[2];
      view[1] = drag.view[1] - dy / rect.height * view[3];
      apply();
    });
    function end() { drag = null; svg.classList.remove("panning"); }
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    // A drag that started on a node must not follow its link.
    svg.addEventListener("click", function (e) { if (moved) { e.preventDefault(); moved = false; } }, true);

    if (controls) {
      controls.querySelectorAll("button[data-zoom]").forEach(function (button) {
        button.addEventListener("click", function () {
          var what = button.getAttribute("data-zoom");
          if (what === "reset") { view = home.slice(); apply(); return; }
          zoom(what === "in" ? 1.4 : 1 / 1.4, view[0] + view[2] / 2, view[1] + view[3] / 2);
        });
      });
    }
  }

  function setupFilters(svg, controls) {
    var topic = controls.querySelector("select[data-filter='topic']");
    var year = controls.querySelector("select[data-filter='year']");
    // The citations Semantic Scholar gives are many and drawn light; a reader can hide them to see what the lists say.
    var cites = controls.querySelector("input[data-filter='cites']");
    var count = controls.querySelector(".graph-count");
    var nodes = svg.querySelectorAll(".node");
    var edges = svg.querySelectorAll(".edge");
    function run() {
      var t = topic ? topic.value : "", y = year ? year.value : "";
      var shown = [], n = 0;
      nodes.forEach(function (node, at) {
        var topics = (node.getAttribute("data-topics") || "").split(" ");
        var hit = (!t || topics.indexOf(t) >= 0) && (!y || node.getAttribute("data-year") === y);
        node.classList.toggle("filtered", !hit);
        shown[at] = hit;
        if (hit) { n++; }
      });
      edges.forEach(function (edge) {
        var hidden = cites && !cites.checked && edge.getAttribute("data-kind") === "cites";
        edge.classList.toggle("filtered", hidden || !(shown[+edge.getAttribute("data-from")] && shown[+edge.getAttribute("data-to")]));
      });
      if (count) { count.textContent = (t || y) ? n + " / " + nodes.length : ""; }
    }
    [topic, year, cites].forEach(function (select) { if (select) { select.addEventListener("change", run); } });
    run();
  }

  document.querySelectorAll("svg.graph-svg").forEach(function (svg) {
    setupHover(svg);
    var controls = document.querySelector(".graph-controls[data-graph='" + svg.id + "']");
    var frame = svg.parentNode;
    if (frame && frame.scrollWidth > frame.clientWidth) {
      // On a narrow screen the graph scrolls in its frame: start in the middle, where the picture is.
      frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
      frame.scrollTop = (frame.scrollHeight - frame.clientHeight) / 2;
    }
    if (controls) {
      controls.hidden = false;
      setupZoom(svg, controls);
      setupFilters(svg, controls);
    }
  });
})();

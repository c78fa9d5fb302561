// dragoman dashboard: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // A styled tooltip for highlights in the article text, from their title attribute.
  function setUpTooltips(root) {
    var tip = document.createElement("div");
    tip.className = "tip";
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null;

    function restore() {
      if (current) {
        current.setAttribute("title", current.dataset.tip);
        delete current.dataset.tip;
        current = null;
      }
      tip.hidden = true;
    }

    root.addEventListener("mouseover", function (event) {
      var el = event.target.closest("[title], [data-tip]");
      if (!el || !root.contains(el) || el === current) return;
      restore();
      current = el;
      // Park the title while hovered so the native tooltip does not show as well.
      el.dataset.tip = el.getAttribute("title");
      el.removeAttribute("title");
      var lines = [el.dataset.tip];
      var outer = el.parentElement && el.parentElement.closest("[title]");
      if (outer && root.contains(outer)) lines.push(outer.getAttribute("title"));
      tip.textContent = lines.join("\n");
      var box = el.getBoundingClientRect();
      tip.style.left = window.scrollX + box.left + "px";
      tip.style.top = window.scrollY + box.bottom + 6 + "px";
      tip.hidden = false;
    });
    root.addEventListener("mouseout", function (event) {
      if (current && event.relatedTarget && current.contains(event.relatedTarget)) return;
      restore();
    });
  }

  // Hovering a quote in the side list outlines it in the text.
  function setUpSideLinks() {
    document.querySelectorAll("[data-target]").forEach(function (item) {
      var target = document.getElementById(item.dataset.target);
      if (!target) return;
      item.addEventListener("mouseenter", function () { target.classList.add("flash"); });
      item.addEventListener("mouseleave", function () { target.classList.remove("flash"); });
    });
  }

  // Click a column heading of a sortable table to sort its rows (this page's rows) by it.
  function cellValue(row, index) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent.trim() : "";
    var number = text.replace(/[,\s]/g, "").replace("\u2212", "-");
    return /^[+-]?\d+(\.\d+)?$/.test(number) ? parseFloat(number) : text.toLowerCase();
  }

  function setUpSorting() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var body = table.tBodies[0];
      if (!body || !table.tHead) return;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.dataset.sort = "";
        th.tabIndex = 0;
        function sort() {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(th.parentNode.cells, function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var rows = Array.prototype.filter.call(body.rows, function (r) { return !r.querySelector(".empty"); });
          rows.sort(function (a, b) {
            var x = cellValue(a, index), y = cellValue(b, index);
            if (typeof x !== typeof y) { x = String(x); y = String(y); }
            return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
          });
          rows.forEach(function (r) { body.appendChild(r); });
        }
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (text) setUpTooltips(text);
    setUpSideLinks();
    setUpSorting();
  });
})();

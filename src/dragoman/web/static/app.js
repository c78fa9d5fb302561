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

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (text) setUpTooltips(text);
    setUpSideLinks();
  });
})();

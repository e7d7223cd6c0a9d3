/* Embeds every chart of the page with the bundled Vega-Embed (no network needed). */
(function () {
  "use strict";
  var options = {
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: "chart"
  };
  var NARROW_PX = 700;
  var MIN_PLOT_PX = 520;
  /* On a narrow screen a legend at the side leaves no room for the plot: move every
     legend below its chart, and give "container"-wide charts a minimum width (the chart
     then scrolls sideways inside its box; the page itself does not). */
  function adaptToNarrow(node, width) {
    if (Array.isArray(node)) { node.forEach(function (n) { adaptToNarrow(n, width); }); return; }
    if (!node || typeof node !== "object") { return; }
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (key === "width" && value === "container") {
        node[key] = width;
      } else if (key === "legend" && value && typeof value === "object" && !Array.isArray(value)) {
        value.orient = "bottom";
        if (value.direction === undefined) { value.direction = "vertical"; }
      }
      adaptToNarrow(node[key], width);
    });
  }
  function embed(view) {
    var script = document.getElementById(view.getAttribute("data-spec"));
    var spec;
    try {
      spec = JSON.parse(script.textContent);
    } catch (err) {
      view.textContent = "This chart's specification could not be read.";
      view.setAttribute("data-state", "error");
      return Promise.resolve();
    }
    if (view.clientWidth < NARROW_PX) {
      spec.config = spec.config || {};
      spec.config.legend = Object.assign({}, spec.config.legend, { orient: "bottom" });
      adaptToNarrow(spec, Math.max(view.clientWidth - 80, MIN_PLOT_PX));
    }
    var opts = Object.assign({}, options, { downloadFileName: view.getAttribute("data-name") || "chart" });
    return window.vegaEmbed(view, spec, opts).then(function () {
      view.setAttribute("data-state", "rendered");
    }).catch(function (err) {
      view.textContent = "This chart could not be drawn: " + err.message;
      view.setAttribute("data-state", "error");
      if (window.console) { console.error(err); }
    });
  }
  function start() {
    var views = Array.prototype.slice.call(document.querySelectorAll(".chart-view[data-spec]"));
    if (!window.vegaEmbed) {
      views.forEach(function (v) { v.textContent = "The chart library did not load."; v.setAttribute("data-state", "error"); });
      return;
    }
    Promise.all(views.map(embed)).then(function () {
      document.documentElement.setAttribute("data-charts", "done");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

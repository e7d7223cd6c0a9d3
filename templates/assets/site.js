/* Embeds every chart of the page with the bundled Vega-Embed (no network needed). */
(function () {
  "use strict";
  var options = {
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: "chart"
  };
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

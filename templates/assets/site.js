/* Draws the page's charts with the bundled Vega-Embed (no network needed).
 *
 * - Lazy: a chart is drawn when it comes near the viewport, one chart per task, so
 *   opening a page draws only what is visible and never blocks the page for long.
 * - Data once: the page's named datasets (script#page-data, column-major, text columns
 *   dictionary-coded) are decoded once and shared by the charts that name them; a chart
 *   takes in its data in the task after the one that compiles it.
 * - Fits its box: "container" widths follow the figure; faceted charts get a panel width
 *   and a column count that fit; on a narrow screen long labels are shortened and a
 *   heatmap's cells narrowed (their printed values then live in the tooltip).
 * - Accessible: each chart's SVG is named by the description generated from its data.
 */
(function () {
  "use strict";
  var NARROW_PX = 640;
  var LABEL_LIMIT_NARROW = 110;
  var MIN_HEATMAP_STEP = 14;
  var TEXT_MIN_STEP = 34;
  var encoded = null;
  var decoded = {};
  var views = {};
  var queue = [];
  var busy = false;
  var total = 0;
  var finished = 0;

  function pageData() {
    if (encoded === null) {
      var node = document.getElementById("page-data");
      encoded = node ? JSON.parse(node.textContent) : {};
    }
    return encoded;
  }

  function dataset(name) {
    if (decoded[name]) { return decoded[name]; }
    var enc = pageData()[name];
    var rows = [];
    if (enc) {
      var fields = enc.fields;
      var columns = enc.columns.map(function (c) {
        if (Array.isArray(c)) { return c; }
        return c.codes.map(function (k) { return k < 0 ? null : c.dict[k]; });
      });
      for (var i = 0; i < enc.n; i++) {
        var row = {};
        for (var j = 0; j < fields.length; j++) { row[fields[j]] = columns[j][i]; }
        rows.push(row);
      }
    }
    decoded[name] = rows;
    return rows;
  }

  function walk(node, visit) {
    if (Array.isArray(node)) { node.forEach(function (n) { walk(n, visit); }); return; }
    if (!node || typeof node !== "object") { return; }
    visit(node);
    Object.keys(node).forEach(function (k) { walk(node[k], visit); });
  }

  /* Named data -> "dataset:NAME" addresses that the loader below answers in a later task:
     Vega compiles a chart in one task and takes in its data in the next, so the first chart
     of a page, which also pays Vega's start-up, does not hold the page in one long task. */
  var DATASET = "dataset:";
  function deferData(spec) {
    walk(spec, function (node) {
      if (node.data && typeof node.data === "object" && typeof node.data.name === "string") {
        node.data = {url: DATASET + node.data.name, format: {type: "json"}};
      }
    });
  }
  var loader = {
    load: function (uri) {
      if (uri.indexOf(DATASET) !== 0) { return Promise.reject(new Error("not a dataset of this page: " + uri)); }
      return new Promise(function (resolve) {
        setTimeout(function () { resolve(dataset(uri.slice(DATASET.length))); }, 0);
      });
    },
    sanitize: function (uri) { return Promise.resolve({href: uri}); },
    http: function (uri) { return Promise.reject(new Error("no network: " + uri)); },
    file: function (uri) { return Promise.reject(new Error("no files: " + uri)); }
  };

  /* Vega's start-up (its code run for the first time) costs more than drawing a chart: it is
     paid on a tiny chart nobody sees, in two tasks of its own (compile, then data), before
     the first real chart, so that no task at load holds the page for long. */
  var WARM_UP = {data: {url: DATASET + "warm-up", format: {type: "json"}}, mark: "point",
                 encoding: {x: {field: "a", type: "quantitative"}}};
  function warmUp() {
    var box = document.createElement("div");
    box.setAttribute("aria-hidden", "true");
    box.style.cssText = "position:absolute;left:-10000px;top:0;width:60px;height:40px;overflow:hidden";
    document.body.appendChild(box);
    var once = {
      load: function () { return new Promise(function (resolve) { setTimeout(function () { resolve([{a: 1}]); }, 0); }); },
      sanitize: loader.sanitize
    };
    return window.vegaEmbed(box, WARM_UP, {mode: "vega-lite", renderer: "svg", actions: false, loader: once})
      .then(function (result) { result.finalize(); }, function () { /* only a head start: the charts draw anyway */ })
      .then(function () { box.remove(); });
  }

  /* Words into lines of at most `max` characters (Vega draws an array as several lines). */
  function wrap(text, max) {
    var words = (Array.isArray(text) ? text.join(" ") : String(text)).split(/\s+/);
    var lines = [];
    var line = "";
    words.forEach(function (word) {
      if (line && (line + " " + word).length > max) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  /* A title wider than the chart's box would leave the plot no width ("fit" sizing keeps
     the whole content in the box): wrap title and subtitle to the box. */
  function fitTitle(spec, width) {
    if (!spec.title) { return; }
    var title = typeof spec.title === "object" && !Array.isArray(spec.title) ? spec.title : {text: spec.title};
    title.text = wrap(title.text, Math.max(20, Math.floor((width - 10) / 8.5)));
    if (title.subtitle) { title.subtitle = wrap(title.subtitle, Math.max(24, Math.floor((width - 10) / 6.6))); }
    spec.title = title;
  }

  function adapt(spec, width) {
    var narrow = width < NARROW_PX;
    fitTitle(spec, width);
    if (spec.facet && spec.spec) {
      var columns = narrow ? 1 : Math.max(1, Math.min(spec.columns || 2, Math.floor(width / 300)));
      var panel = Math.floor((width - 70 - (columns - 1) * 20) / columns) - 20;
      spec.columns = columns;
      spec.spec.width = Math.max(160, panel);
      if (narrow && spec.spec.height) { spec.spec.height = Math.min(spec.spec.height, 200); }
    }
    if (spec.width && typeof spec.width === "object" && spec.width.step) {
      var cells = 0;
      walk(spec, function (node) {
        if (node.x && node.x.sort && Array.isArray(node.x.sort)) { cells = Math.max(cells, node.x.sort.length); }
      });
      var room = width - (narrow ? 130 : 240);
      var step = Math.max(MIN_HEATMAP_STEP, Math.min(spec.width.step, Math.floor(room / Math.max(cells, 1))));
      spec.width = {step: step};
      if (step < TEXT_MIN_STEP && Array.isArray(spec.layer)) {
        spec.layer = spec.layer.filter(function (l) { return !(l.mark === "text" || (l.mark && l.mark.type === "text")); });
      }
    }
    if (narrow) {
      walk(spec, function (node) {
        if (node.axis && typeof node.axis === "object" && node.axis.labelLimit > LABEL_LIMIT_NARROW) {
          node.axis.labelLimit = LABEL_LIMIT_NARROW;
        }
        if (node.legend && typeof node.legend === "object" && node.legend.columns) { node.legend.columns = 1; }
      });
      spec.config = spec.config || {};
      spec.config.axis = Object.assign({}, spec.config.axis, {labelLimit: LABEL_LIMIT_NARROW});
      /* Legends one below the other: side by side they would run past a phone's edge. */
      spec.config.legend = Object.assign({}, spec.config.legend, {columns: 1, labelLimit: 170,
        layout: {bottom: {direction: "vertical", anchor: "start"}}});
    }
  }

  function addExport(figure, view, name) {
    var holder = figure.querySelector(".downloads");
    if (!holder || holder.querySelector(".export")) { return; }
    ["svg", "png"].forEach(function (kind) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "export";
      button.textContent = "Save as " + kind.toUpperCase();
      button.addEventListener("click", function () {
        view.toImageURL(kind, kind === "png" ? 2 : 1).then(function (url) {
          var link = document.createElement("a");
          link.href = url;
          link.download = name + "." + kind;
          document.body.appendChild(link);
          link.click();
          link.remove();
        });
      });
      holder.appendChild(document.createTextNode(" "));
      holder.appendChild(button);
    });
  }

  function finish(node, state) {
    node.setAttribute("data-state", state);
    finished += 1;
    if (finished === total) { document.documentElement.setAttribute("data-charts", "done"); }
  }

  function embed(node) {
    var spec;
    try {
      spec = JSON.parse(document.getElementById(node.getAttribute("data-spec")).textContent);
    } catch (err) {
      node.textContent = "This chart's specification could not be read.";
      finish(node, "error");
      return Promise.resolve();
    }
    adapt(spec, node.clientWidth || 800);
    deferData(spec);
    node.textContent = "";
    var name = node.getAttribute("data-name") || "chart";
    return window.vegaEmbed(node, spec, {renderer: "svg", actions: false, tooltip: {theme: "custom"}, loader: loader})
      .then(function (result) {
        views[name] = result.view;
        var svg = node.querySelector("svg");
        if (svg) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", node.getAttribute("data-description") || name);
          /* Vega leaves the mark groups of facet panels unnamed: name them by their role. */
          var roles = '[role="graphics-symbol"],[role="graphics-object"],[role="img"],[role="graphics-document"]';
          Array.prototype.forEach.call(svg.querySelectorAll(roles), function (el) {
            if (!el.getAttribute("aria-label")) {
              el.setAttribute("aria-label", el.getAttribute("aria-roledescription") || "chart element");
            }
          });
        }
        addExport(node.closest("figure"), result.view, name);
        finish(node, "rendered");
      })
      .catch(function (err) {
        node.textContent = "This chart could not be drawn: " + err.message;
        if (window.console) { console.error(err); }
        finish(node, "error");
      });
  }

  function pump() {
    if (busy || !queue.length) { return; }
    busy = true;
    var node = queue.shift();
    embed(node).then(function () {
      busy = false;
      setTimeout(pump, 0);  /* one chart per task: the page stays responsive */
    });
  }

  function request(node) {
    if (node.getAttribute("data-state")) { return; }
    node.setAttribute("data-state", "queued");
    queue.push(node);
    pump();
  }

  /* For tests and printing: draw every chart now. */
  function renderAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart-view[data-spec]"), request);
  }

  function start() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll(".chart-view[data-spec]"));
    total = nodes.length;
    window.siteCharts = {views: views, renderAll: renderAll, dataset: dataset};
    if (!total) { return; }
    if (!window.vegaEmbed) {
      nodes.forEach(function (v) { v.textContent = "The chart library did not load."; finish(v, "error"); });
      return;
    }
    busy = true;  /* the charts wait for the warm-up */
    warmUp().then(function () { busy = false; setTimeout(pump, 0); });
    if (!("IntersectionObserver" in window)) { renderAll(); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); request(entry.target); }
      });
    }, {rootMargin: "300px 0px"});
    nodes.forEach(function (node) { observer.observe(node); });
    window.addEventListener("beforeprint", renderAll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

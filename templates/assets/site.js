/* Draws the page's charts with the bundled Vega (no network needed).
 *
 * - Lazy: a chart is drawn when it comes near the viewport, one chart per task, so
 *   opening a page draws only what is visible and never blocks the page for long.
 * - Data once: the page's named datasets (script#page-data, column-major, text columns
 *   dictionary-coded) are decoded once and shared by the charts that name them; a chart
 *   takes in its data in the task after the one that compiles it.
 * - Compiled: the build compiled each chart to Vega (generator/output/compile.py), a wide
 *   spec and the changes for a figure under 640 px; only Vega runs here. "container"
 *   widths follow the figure; a facet panel's width and a heatmap's cell step are set to fit.
 * - Gestures never trap the page: the wheel and a swipe scroll it; Ctrl/Cmd + wheel zooms
 *   (clamped), a mouse drag pans, "Reset zoom" restores; a tap shows a mark's tooltip.
 * - Accessible: each chart's SVG is named by the description generated from its data.
 * - The chart library after the first paint: the page does not load Vega (586 KB, 205 KB
 *   gzipped) itself; this script requests it once the browser has painted the page (its
 *   first paint timing entry), so the text is shown without waiting for the library's
 *   download or evaluation, and charts are drawn when it has loaded.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var LIBRARY = script && script.getAttribute("data-vega") ||
    (script && script.src ? script.src.replace(/[^\/]*$/, "vega-bundle.js") : "assets/vega-bundle.js");
  var library = "waiting";  /* then "loading", "ready" or "failed" */
  var warmed = false;
  var NARROW_PX = 640;
  var MIN_HEATMAP_STEP = 14;
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

  /* The build turned each chart's named data into a "dataset:NAME" address, answered here
     in a later task: Vega parses a chart in one task and takes in its data in the next, so
     the first chart of a page, which also pays Vega's start-up, does not hold the page in
     one long task. */
  var DATASET = "dataset:";
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
  var WARM_UP = {width: 20, height: 20, data: [{name: "t", url: DATASET + "warm-up", format: {type: "json"}}],
                 scales: [{name: "x", type: "linear", domain: {data: "t", field: "a"}, range: "width"}],
                 marks: [{type: "symbol", from: {data: "t"}, encode: {update: {x: {scale: "x", field: "a"}}}}]};
  function warmUp() {
    var box = document.createElement("div");
    box.setAttribute("aria-hidden", "true");
    box.style.cssText = "position:absolute;left:-10000px;top:0;width:60px;height:40px;overflow:hidden";
    document.body.appendChild(box);
    var once = {
      load: function () { return new Promise(function (resolve) { setTimeout(function () { resolve([{a: 1}]); }, 0); }); },
      sanitize: loader.sanitize
    };
    var view;
    try {
      view = new window.vega.View(window.vega.parse(WARM_UP), {renderer: "svg", container: box, loader: once});
    } catch (err) {
      box.remove();
      return Promise.resolve();
    }
    return view.runAsync()
      .then(function () { view.finalize(); }, function () { /* only a head start: the charts draw anyway */ })
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

  /* The chart as the build compiled it: {wide: Vega spec, narrow: replacements for a
     figure under NARROW_PX}; what depends on the exact width is set here. */
  function fit(chart, width) {
    var spec = chart.wide;
    if (width < NARROW_PX) {
      chart.narrow.forEach(function (change) {
        var path = change[0];
        if (!path.length) { spec = change[1]; return; }
        var node = spec;
        for (var i = 0; i < path.length - 1; i++) { node = node[path[i]]; }
        node[path[path.length - 1]] = change[1];
      });
    }
    if (spec.title && typeof spec.title === "object") {  /* a title wider than the box would leave the plot no width */
      spec.title.text = wrap(spec.title.text, Math.max(20, Math.floor((width - 10) / 8.5)));
      if (spec.title.subtitle) { spec.title.subtitle = wrap(spec.title.subtitle, Math.max(24, Math.floor((width - 10) / 6.6))); }
    }
    var columns = 1;
    walk(spec, function (node) {
      if (node.layout && typeof node.layout === "object" && node.layout.columns) {
        if (width >= NARROW_PX) { node.layout.columns = Math.max(1, Math.min(node.layout.columns, Math.floor(width / 300))); }
        columns = node.layout.columns;
      }
    });
    var cells = spec.usermeta && spec.usermeta.cells;
    (spec.signals || []).forEach(function (signal) {
      if (signal.name === "child_width" && typeof signal.value === "number") {
        signal.value = Math.max(160, Math.floor((width - 70 - (columns - 1) * 20) / columns) - 20);
      }
      if (signal.name === "x_step" && cells && typeof signal.value === "number") {
        var room = width - (width < NARROW_PX ? 130 : 240);
        signal.value = Math.max(MIN_HEATMAP_STEP, Math.min(signal.value, Math.floor(room / cells)));
      }
    });
    return spec;
  }

  /* Tooltips: shown on hover (mouse) and on a tap (touch, pen), where they stay until the
     next tap; a tap that misses every mark by less than a finger's width (TAP_RADIUS px)
     answers for the nearest mark, so a 1 px rule or a small point can be tapped. */
  var tip = null;
  var pointerType = "mouse";
  var pinned = false;
  function tipElement() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "vg-tooltip-element";
      tip.className = "vg-tooltip custom-theme";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    return tip;
  }
  function hideTip() {
    pinned = false;
    if (tip) { tip.classList.remove("visible"); }
  }
  function showTip(event, value) {
    var el = tipElement();
    el.textContent = "";
    if (value !== null && typeof value === "object") {
      var rows = document.createElement("table");
      Object.keys(value).forEach(function (key) {
        if (key === "title") {
          var head = document.createElement("h2");
          head.textContent = String(value[key]);
          el.appendChild(head);
          return;
        }
        var tr = rows.insertRow();
        var k = tr.insertCell();
        k.className = "key";
        k.textContent = key;
        var v = tr.insertCell();
        v.className = "value";
        v.textContent = value[key] === null || value[key] === undefined ? "" : String(value[key]);
      });
      el.appendChild(rows);
    } else {
      el.textContent = String(value);
    }
    el.classList.add("visible");
    var box = el.getBoundingClientRect();
    var x = event.clientX + 12;
    var y = event.clientY + 12;
    if (x + box.width > window.innerWidth - 4) { x = Math.max(4, event.clientX - box.width - 12); }
    if (y + box.height > window.innerHeight - 4) { y = Math.max(4, event.clientY - box.height - 12); }
    el.style.left = x + "px";
    el.style.top = y + "px";
  }
  function onTooltip(handler, event, item, value) {
    if (value === null || value === undefined || value === "") {
      if (!pinned) { hideTip(); }
      return;
    }
    if (pointerType !== "mouse") { return; }  /* touch: the tap below decides */
    showTip(event, value);
  }
  var TAP_RADIUS = 14;
  function nearest(view, svg, event) {
    var rect = svg.getBoundingClientRect();
    var scale = rect.width ? (svg.width.baseVal.value || rect.width) / rect.width : 1;
    var origin = view.origin();
    var x = (event.clientX - rect.left) * scale - origin[0];
    var y = (event.clientY - rect.top) * scale - origin[1];
    var best = null;
    var bestDistance = TAP_RADIUS * scale;
    function visit(scene, ox, oy) {
      (scene.items || []).forEach(function (item) {
        var b = item.bounds;
        if (item.tooltip !== undefined && item.tooltip !== null && b && scene.interactive !== false) {
          var dx = Math.max(b.x1 + ox - x, 0, x - (b.x2 + ox));
          var dy = Math.max(b.y1 + oy - y, 0, y - (b.y2 + oy));
          var d = Math.sqrt(dx * dx + dy * dy);
          if (d <= bestDistance) { bestDistance = d; best = item; }
        }
        if (item.items) {
          var gx = ox + (item.x || 0);
          var gy = oy + (item.y || 0);
          item.items.forEach(function (child) { visit(child, gx, gy); });
        }
      });
    }
    visit(view.scenegraph().root, 0, 0);
    return best;
  }
  function watchTaps(view, node) {
    view.addEventListener("click", function (event, item) {
      if (pointerType === "mouse") { return; }
      var svg = node.querySelector("svg");
      var hit = item && item.tooltip !== undefined && item.tooltip !== null ? item : (svg ? nearest(view, svg, event) : null);
      if (hit) {
        event.chartTip = true;
        showTip(event, hit.tooltip);
        pinned = true;
      }
    });
  }
  document.addEventListener("pointerdown", function (event) { pointerType = event.pointerType || "mouse"; }, true);
  document.addEventListener("click", function (event) {
    if (!event.chartTip && pinned) { hideTip(); }
  });
  window.addEventListener("scroll", function () { if (pinned) { hideTip(); } }, {passive: true});

  function addReset(figure, view, signals) {
    if (!signals || !signals.length || figure.querySelector(".chart-tools")) { return; }
    var tools = document.createElement("p");
    tools.className = "chart-tools";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "export reset-zoom";
    button.textContent = "Reset zoom";
    button.addEventListener("click", function () {
      signals.forEach(function (name) { view.signal(name, null); });
      view.runAsync();
    });
    tools.appendChild(button);
    var view_node = figure.querySelector(".chart-view");
    view_node.parentNode.insertBefore(tools, view_node.nextSibling);
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

  /* Printing: Chromium lays the page out for print right after "beforeprint", so a chart must be
     drawn within that event. With its data inlined (no loader, no timer) Vega's run needs only
     microtasks, which run before the print layout. */
  function inlineData(spec) {
    walk(spec, function (node) {
      if (typeof node.url === "string" && node.url.indexOf(DATASET) === 0 && node.name) {
        node.values = dataset(node.url.slice(DATASET.length));
        delete node.url;
        delete node.format;
      }
    });
  }

  function embed(node, now) {
    var chart;
    try {
      chart = JSON.parse(document.getElementById(node.getAttribute("data-spec")).textContent);
    } catch (err) {
      node.textContent = "This chart's specification could not be read.";
      finish(node, "error");
      return Promise.resolve();
    }
    if (!now) { node.setAttribute("data-state", "drawing"); }
    var spec = fit(chart, node.clientWidth || 800);
    if (now) { inlineData(spec); }
    node.textContent = "";
    var name = node.getAttribute("data-name") || "chart";
    var view;
    try {
      view = new window.vega.View(window.vega.parse(spec), {renderer: "svg", container: node, hover: true,
                                                           loader: loader, tooltip: onTooltip});
    } catch (err) {
      node.textContent = "This chart could not be drawn: " + err.message;
      finish(node, "error");
      return Promise.resolve();
    }
    return view.runAsync()
      .then(function () {
        views[name] = view;
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
        var figure = node.closest("figure");
        addExport(figure, view, name);
        addReset(figure, view, spec.usermeta && spec.usermeta.zoom);
        watchTaps(view, node);
        finish(node, "rendered");
      })
      .catch(function (err) {
        node.textContent = "This chart could not be drawn: " + err.message;
        if (window.console) { console.error(err); }
        finish(node, "error");
      });
  }

  function pump() {
    if (busy || !queue.length || library !== "ready") { return; }
    if (!warmed) {  /* Vega's start-up, before the first chart (see warmUp) */
      warmed = true;
      busy = true;
      warmUp().then(function () { busy = false; setTimeout(pump, 0); });
      return;
    }
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

  /* For tests: draw every chart now. */
  function renderAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart-view[data-spec]"), request);
  }

  /* Before printing: every chart not drawn yet is drawn at once (see inlineData). */
  function renderForPrint() {
    if (library !== "ready") { return; }  /* not loaded yet: nothing can be drawn in this event */
    Array.prototype.forEach.call(document.querySelectorAll(".chart-view[data-spec]"), function (node) {
      var state = node.getAttribute("data-state");
      if (state && state !== "queued") { return; }  /* drawn, being drawn, or failed */
      var at = queue.indexOf(node);
      if (at >= 0) { queue.splice(at, 1); }
      node.setAttribute("data-state", "printing");
      embed(node, true);
    });
  }

  /* Calls `then` once the browser has painted the page: the first "paint" timing entry (its
     time is when the frame was shown), or, in a browser without paint timing, after the
     next animation frame. */
  function afterFirstPaint(then) {
    var called = false;
    function once() { if (!called) { called = true; setTimeout(then, 0); } }
    var perf = window.performance;
    if (perf && perf.getEntriesByType && perf.getEntriesByType("paint").length) { once(); return; }
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (types && types.indexOf("paint") >= 0) {
      var observer = new PerformanceObserver(function () { observer.disconnect(); once(); });
      observer.observe({type: "paint", buffered: true});
      return;
    }
    window.requestAnimationFrame(function () { once(); });
  }

  function libraryLoaded(ok) {
    if (library === "ready" || library === "failed") { return; }
    library = ok && window.vega ? "ready" : "failed";
    if (library === "failed") {
      queue = [];
      Array.prototype.forEach.call(document.querySelectorAll(".chart-view[data-spec]"), function (node) {
        var state = node.getAttribute("data-state");
        if (state === "rendered" || state === "error") { return; }
        node.textContent = "The chart library did not load.";
        finish(node, "error");
      });
      return;
    }
    pump();
  }

  /* The library, requested once (a page that loads it itself, as templates before this one
     did, has window.vega already). It comes in parts (scripts/split-vega-bundle.mjs): the
     first file names the others (window.vegaBundleParts, relative to it), which are fetched
     together and run in order, each in a task of its own, so that no task at load runs all
     of Vega's start-up code. A bundle in one file (window.vega and no parts) works too. */
  function addScript(src, ordered, done) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.async = !ordered;
    tag.onload = function () { done(true); };
    tag.onerror = function () { done(false); };
    document.head.appendChild(tag);
  }
  function loadLibrary() {
    if (library !== "waiting") { return; }
    if (window.vega) { libraryLoaded(true); return; }
    library = "loading";
    addScript(LIBRARY, false, function (ok) {
      var parts = window.vegaBundleParts;
      if (!ok || window.vega || !Array.isArray(parts) || !parts.length) { libraryLoaded(ok); return; }
      var base = LIBRARY.replace(/[^\/]*$/, "");
      var left = parts.length;
      var failed = false;
      var next = 0;
      (function insert() {  /* one script element per task: adding one costs a few ms */
        addScript(base + parts[next], true, function (loaded) {
          failed = failed || !loaded;
          left -= 1;
          if (!left) { libraryLoaded(!failed); }
        });
        next += 1;
        if (next < parts.length) { setTimeout(insert, 0); }
      })();
    });
  }

  function start() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll(".chart-view[data-spec]"));
    total = nodes.length;
    window.siteCharts = {views: views, renderAll: renderAll, dataset: dataset};
    if (!total) { return; }
    window.addEventListener("beforeprint", renderForPrint);
    if (window.vega) { loadLibrary(); } else { afterFirstPaint(loadLibrary); }
    if (!("IntersectionObserver" in window)) { renderAll(); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); request(entry.target); }
      });
    }, {rootMargin: "300px 0px"});
    nodes.forEach(function (node) { observer.observe(node); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

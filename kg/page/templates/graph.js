// The page's behaviour: draw, find, filter, highlight. Inlined by kg/render.py into graph.html.
// Every text from the graph reaches the DOM through textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-graph");
  var status = document.getElementById("kg-status");
  var legend = document.getElementById("kg-legend");
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var groups = data.options.groups;
  var DIM = "rgba(200,200,200,0.35)";
  var NODE_FONT = "#343434";

  // vis-network shows a string title with innerText; a DOM node built with textContent keeps
  // the text inert whatever vis does, and lets the tooltip wrap.
  function tooltip(item) {
    if (typeof item.title === "string") {
      var box = document.createElement("div");
      box.className = "kg-tip";
      box.textContent = item.title;
      item.title = box;
    }
    return item;
  }

  var groupOf = {};
  data.nodes.forEach(function (n) { groupOf[n.id] = n.group; });
  var shown = { "class": {}, relation: {}, unlinked: false };
  legend.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    if (box.dataset.kind === "unlinked") shown.unlinked = box.checked;
    else shown[box.dataset.kind][box.value] = box.checked;
  });

  var nodes = new vis.DataSet(data.nodes.map(tooltip));
  var edges = new vis.DataSet(data.edges.map(tooltip));
  // entities in no relation wait in a grid under the graph until the legend shows them
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return shown["class"][n.group] !== false && (n.linked !== false || shown.unlinked); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return shown.relation[e.relation] !== false &&
        shown["class"][groupOf[e.from]] !== false && shown["class"][groupOf[e.to]] !== false;
    }
  });
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  // ---------------------------------------------------------------- labels

  // vis-network draws every label at its font size times the zoom: unreadable when zoomed out,
  // piled up where nodes are close. Instead each label gets a font size that is the same on
  // screen at any zoom, and labels are placed most important first, each only where it covers
  // no label already placed and no other node; the rest show on hover, on a click, or closer in.
  var LABEL_PX = data.labelPx.nodes, EDGE_PX = data.labelPx.edges;
  var MAX_FIT_SCALE = 1.5;  // a small graph is not blown up past this when fitted to the view
  var TOP_LABELS = 5;  // the most important names are drawn even over a small node
  var GRID = 48;
  var MARGIN = 200;  // px beyond the view's edge where a node's label may still reach into it
  var MAX_TRIED = 1500;  // names tried per placing, most important first: a crowded view is full long before  // cell size, in screen pixels, of the index of what is already drawn
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = "100px sans-serif";
  var widths = {};
  var byImportance = data.nodes.slice().sort(function (a, b) {
    return b.value - a.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  });
  var focus = null;  // {nodes: {}, edges: {}} while a node's neighbourhood is highlighted
  var fitScale = 1;

  function textWidth(label) {  // at a font size of 1 px
    if (widths[label] === undefined) widths[label] = measure.measureText(label).width / 100;
    return widths[label];
  }

  // boxes already drawn, by the cells of a coarse grid they touch, for quick overlap tests
  function Index() { this.cells = new Map(); }
  Index.prototype.each = function (b, visit) {
    for (var gx = Math.floor(b[0] / GRID); gx <= Math.floor(b[2] / GRID); gx++) {
      for (var gy = Math.floor(b[1] / GRID); gy <= Math.floor(b[3] / GRID); gy++) {
        if (visit(gx * 65536 + gy)) return true;
      }
    }
    return false;
  };
  Index.prototype.add = function (b, owner) {
    var cells = this.cells;
    this.each(b, function (k) {
      var list = cells.get(k);
      if (list === undefined) cells.set(k, [[b, owner]]); else list.push([b, owner]);
      return false;
    });
  };
  Index.prototype.hits = function (b, owner) {
    var cells = this.cells;
    return this.each(b, function (k) {
      var list = cells.get(k);
      if (list === undefined) return false;
      for (var i = 0; i < list.length; i++) {
        var o = list[i][0];
        if (list[i][1] !== owner && o[0] < b[2] && b[0] < o[2] && o[1] < b[3] && b[1] < o[3]) return true;
      }
      return false;
    });
  };

  function placeLabels() {
    var started = performance.now();
    var scale = network.getScale();
    var width = container.clientWidth, height = container.clientHeight;
    var drawn = network.body.nodes, labels = new Index(), discs = new Index(), want = {};
    var points = {};
    Object.keys(drawn).forEach(function (id) {
      var n = drawn[id];
      var p = network.canvasToDOM({ x: n.x, y: n.y });
      var r = (n.options.size || 10) * scale;
      if (p.x + r + MARGIN < 0 || p.y + r + MARGIN < 0 || p.x - r - MARGIN > width || p.y - r - MARGIN > height) return;
      points[id] = [p.x, p.y, r];
      if (r >= 2) discs.add([p.x - r, p.y - r, p.x + r, p.y + r], id);  // a speck may be written over
    });
    var placed = 0;
    var tried = 0;
    byImportance.forEach(function (n) {
      var at = points[n.id];
      if (!at || (focus !== null && focus.nodes[n.id] !== true) || tried >= MAX_TRIED) return;
      tried += 1;
      var px = LABEL_PX[0] + (LABEL_PX[1] - LABEL_PX[0]) * n.value / 100;
      var w = textWidth(n.label) * px + 4, h = px * 1.3;
      // vis-network hangs a label under its node; font.vadjust moves it above when below is taken
      var below = at[1] + at[2] + 0.5 * px + 4 * scale, above = at[1] - at[2] - 3 - h;
      var spots = [[below, 0], [above, above - below]];
      var spot = null;
      for (var k = 0; k < spots.length && spot === null; k++) {
        var b = [at[0] - w / 2, spots[k][0], at[0] + w / 2, spots[k][0] + h];
        if (b[2] < 0 || b[3] < 0 || b[0] > width || b[1] > height) continue;
        // the first few names may cover a small node, never another name
        if (!labels.hits(b, null) && (placed < TOP_LABELS || !discs.hits(b, n.id))) spot = [b, spots[k][1]];
      }
      if (spot === null) return;
      labels.add(spot[0], n.id);
      placed += 1;
      want[n.id] = [px / scale, spot[1] / scale];
    });
    // Straight to the drawn nodes and edges, and only what changed: an update through the data
    // sets makes vis-network re-read every node (3 s for one node of 20,000 in headless Chromium).
    data.nodes.forEach(function (n) {
      var node = drawn[n.id];
      if (node === undefined) return;
      var font = want[n.id] || [0, 0], on = focus === null || focus.nodes[n.id] === true;
      var now = node.options.font;
      if (now.size === font[0] && now.vadjust === font[1] && (node.kgDim === true) !== on) return;
      node.kgDim = !on;
      node.setOptions({
        color: on ? groups[n.group].color : DIM,
        font: { size: font[0], vadjust: font[1], color: on ? NODE_FONT : DIM }
      });
    });
    // a relation's name is drawn where the reader zoomed in, or around the node clicked
    var closeUp = scale >= Math.max(1, 1.8 * fitScale);
    var lines = network.body.edges;
    data.edges.forEach(function (e) {
      var edge = lines[e.id];
      if (edge === undefined) return;
      var on = focus === null || focus.edges[e.id] === true;
      var size = (focus !== null ? on : closeUp) ? EDGE_PX / scale : 0;
      if (edge.options.font.size === size && (edge.kgDim === true) !== on) return;
      edge.kgDim = !on;
      edge.setOptions({ color: on ? e.color : { color: DIM, highlight: DIM, hover: DIM }, font: { size: size } });
    });
    network.body.emitter.emit("_requestRedraw");  // one frame later, with whatever else is due
    container.setAttribute("data-labels", String(placed));
    window.kgLabelMs = Math.round(performance.now() - started);  // for bench/render.py
  }

  var pending = null;
  function labelsSoon() {
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(function () { pending = null; placeLabels(); }, 60);
  }
  ["zoom", "dragEnd", "animationFinished", "resize"].forEach(function (ev) { network.on(ev, labelsSoon); });

  function fitView() {
    network.fit({ animation: false });
    if (network.getScale() > MAX_FIT_SCALE) network.moveTo({ scale: MAX_FIT_SCALE, animation: false });
    fitScale = network.getScale();
    placeLabels();
  }

  // ---------------------------------------------------------------- ready

  function ready() {
    status.textContent = "";
    container.setAttribute("data-state", "ready");
    window.kgReadyMs = Math.round(performance.now());
  }
  container.setAttribute("data-state", "drawing");
  network.once("afterDrawing", ready);
  fitView();

  // ---------------------------------------------------------------- neighbourhood

  function highlight(id) {
    var keepNodes = {}, keepEdges = {}, dimmed = 0;
    if (id !== null) {
      keepNodes[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { keepNodes[n] = true; });
      network.getConnectedEdges(id).forEach(function (e) { keepEdges[e] = true; });
      data.nodes.forEach(function (n) { if (keepNodes[n.id] !== true) dimmed += 1; });
    }
    focus = id === null ? null : { nodes: keepNodes, edges: keepEdges };
    placeLabels();  // dims the rest, and names the neighbourhood and its relations
    container.setAttribute("data-highlight", id === null ? "" : id);
    container.setAttribute("data-dimmed", String(dimmed));
  }

  network.on("click", function (p) {
    if (p.nodes.length) {
      highlight(p.nodes[0]);
    } else if (!p.edges.length && container.getAttribute("data-highlight")) {
      highlight(null);
    }
  });

  // ---------------------------------------------------------------- find

  var entries = data.nodes.map(function (n) {
    var names = [n.label].concat(n.aliases || []);
    return { node: n, names: names, lower: names.map(function (s) { return s.toLowerCase(); }) };
  });

  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    entries.forEach(function (entry) {
      var best = 3, via = null;
      entry.lower.forEach(function (name, k) {
        var at = name.indexOf(q);
        var score = name === q ? 0 : at === 0 ? 1 : at > 0 ? 2 : 3;
        if (score < best) { best = score; via = k > 0 ? entry.names[k] : null; }
      });
      if (best < 3) hits.push({ node: entry.node, score: best, via: via });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || b.node.value - a.node.value ||
        (a.node.label < b.node.label ? -1 : a.node.label > b.node.label ? 1 : 0);
    });
    return hits.slice(0, 12);
  }

  function focusNode(id) {
    var group = groupOf[id];
    if (shown["class"][group] === false) {  // a found entity is shown even if its class was off
      shown["class"][group] = true;
      legend.querySelector('input[data-kind="class"][value="' + CSS.escape(group) + '"]').checked = true;
      refresh();
    }
    if (!shown.unlinked && nodes.get(id).linked === false) {  // or if it is in no relation
      shown.unlinked = true;
      legend.querySelector('input[data-kind="unlinked"]').checked = true;
      refresh();
    }
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.3), animation: { duration: 300 } });
    container.setAttribute("data-focused", id);
  }

  function showResults() {
    var hits = find(search.value);
    results.textContent = "";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("data-id", hit.node.id);
      button.textContent = hit.node.label + " ";
      var note = document.createElement("small");
      note.textContent = (hit.via ? "also “" + hit.via + "”, " : "") + data.classLabels[hit.node.group];
      button.appendChild(note);
      button.addEventListener("click", function () { focusNode(hit.node.id); });
      item.appendChild(button);
      results.appendChild(item);
    });
    if (search.value.trim() && !hits.length) {
      var none = document.createElement("li");
      none.textContent = "No entity by that name";
      results.appendChild(none);
    }
  }

  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = results.querySelector("button[data-id]");
      if (first) focusNode(first.getAttribute("data-id"));
      ev.preventDefault();
    }
  });

  // ---------------------------------------------------------------- filters

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    var n = nodeView.length, e = edgeView.length;
    container.setAttribute("data-visible-nodes", String(n));
    container.setAttribute("data-visible-edges", String(e));
    status.textContent = n === data.nodes.length && e === data.edges.length ? "" :
      "Showing " + n + " of " + data.nodes.length + " entities and " + e + " of " +
      data.edges.length + " relations.";
  }

  legend.addEventListener("change", function (ev) {
    var box = ev.target;
    if (box.type !== "checkbox") return;
    if (box.dataset.kind === "unlinked") {
      shown.unlinked = box.checked;
      refresh();
      fitView();  // the grid of entities in no relation joins the view, or leaves it
      return;
    }
    shown[box.dataset.kind][box.value] = box.checked;
    refresh();
    placeLabels();
  });

  window.kgNetwork = network;
})();

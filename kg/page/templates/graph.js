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
  var shown = { "class": {}, relation: {} };
  legend.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    shown[box.dataset.kind][box.value] = box.checked;
  });

  var nodes = new vis.DataSet(data.nodes.map(tooltip));
  var edges = new vis.DataSet(data.edges.map(tooltip));
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return shown["class"][n.group] !== false; }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return shown.relation[e.relation] !== false &&
        shown["class"][groupOf[e.from]] !== false && shown["class"][groupOf[e.to]] !== false;
    }
  });
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  // ---------------------------------------------------------------- ready

  function ready() {
    status.textContent = "";
    container.setAttribute("data-state", "ready");
    window.kgReadyMs = Math.round(performance.now());
  }
  container.setAttribute("data-state", "drawing");
  if (data.options.physics.enabled) {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out: " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
    network.fit({ animation: false });
  }

  // ---------------------------------------------------------------- neighbourhood

  function highlight(id) {
    var keepNodes = {}, keepEdges = {}, dimmed = 0;
    if (id !== null) {
      keepNodes[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { keepNodes[n] = true; });
      network.getConnectedEdges(id).forEach(function (e) { keepEdges[e] = true; });
    }
    nodes.update(data.nodes.map(function (n) {
      var on = id === null || keepNodes[n.id] === true;
      if (!on) dimmed += 1;
      return { id: n.id, color: on ? groups[n.group].color : DIM, font: { color: on ? NODE_FONT : DIM } };
    }));
    edges.update(data.edges.map(function (e) {
      var on = id === null || keepEdges[e.id] === true;
      return {
        id: e.id,
        color: on ? e.color : { color: DIM, highlight: DIM, hover: DIM },
        font: { color: on ? "#333333" : "rgba(0,0,0,0)", strokeWidth: on ? 3 : 0 }
      };
    }));
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
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300 } });
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
    shown[box.dataset.kind][box.value] = box.checked;
    refresh();
  });

  window.kgNetwork = network;
})();

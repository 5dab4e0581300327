"use strict";
// The page of `kg serve`: loads a named query into the box, runs the box's query with fetch
// and shows the answer. Everything is written with textContent, never as HTML.
(function () {
  const form = document.getElementById("kg-form");
  const box = document.getElementById("kg-query");
  const status = document.getElementById("kg-status");
  const results = document.getElementById("kg-results");

  for (const button of document.querySelectorAll("button.kg-named")) {
    button.addEventListener("click", function () {
      box.value = button.dataset.query;
      box.focus();
    });
  }
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  function cellText(term) {
    if (!term) return "";
    if (term.type === "bnode") return "_:" + term.value;
    if (term["xml:lang"]) return term.value + " @" + term["xml:lang"];
    return term.value;
  }

  function table(data) {
    const vars = data.head.vars || [];
    const rows = data.results.bindings;
    const element = document.createElement("table");
    const headRow = element.createTHead().insertRow();
    for (const name of vars) {
      const th = document.createElement("th");
      th.textContent = name;
      headRow.appendChild(th);
    }
    const body = element.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const name of vars) {
        const td = tr.insertCell();
        td.textContent = cellText(row[name]);
        if (row[name] && row[name].type === "uri") td.className = "uri";
      }
    }
    return element;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    results.replaceChildren();
    say("Running…", false);
    const started = performance.now();
    let response, text;
    try {
      response = await fetch(form.getAttribute("action"), {
        method: "POST",
        headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
        body: new URLSearchParams({ query: box.value }),
      });
      text = await response.text();
    } catch (error) {
      say("The request failed: " + error, true);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2) + " s";
    if (!response.ok) {
      say(response.status + " " + response.statusText + ": " + text.trim(), true);
      return;
    }
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim();
    if (type === "application/sparql-results+json") {
      const data = JSON.parse(text);
      if (typeof data.boolean === "boolean") {
        say("ASK: " + data.boolean + " (" + seconds + ")", false);
        return;
      }
      const count = data.results.bindings.length;
      say(count + (count === 1 ? " row" : " rows") + " (" + seconds + ")", false);
      results.appendChild(table(data));
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      results.appendChild(pre);
      say("A graph, in Turtle (" + seconds + ")", false);
    }
  });
})();

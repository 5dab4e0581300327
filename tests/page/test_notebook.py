"""The graph in a notebook: what Jupyter or VS Code receives from ``kg.show`` and from a build's
result (an iframe holding kg's page), the page working inside that iframe in a real browser, and
a real notebook run by a real kernel."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

import kg
from kg.api import BuildResult, show
from kg.errors import GraphError, InputError, QueryError
from kg.page.notebook import PageView, iframe
from kg.page.render import build_network, render_html
from tests.chromium import Chromium, find_chromium

R = "https://w3id.org/kg-news/resource/"
HOSTILE = '"></iframe><script>alert("x")</script>'
TURTLE = f"""
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{R}org/norwind> a kg:Company ; rdfs:label "Norwind Freight" ; skos:altLabel "NWF" .
<{R}org/kestrel> a kg:TradeAssociation ; rdfs:label "Kestrel Hauliers Guild" .
<{R}org/ministry> a kg:GovernmentAgency ; rdfs:label "Marlow Transport Office" .
<{R}person/quist> a kg:Person ; rdfs:label {json.dumps(HOSTILE)} .
<{R}org/kestrel> kg:accuses <{R}org/norwind> ; kg:urges <{R}org/ministry> .
<{R}person/quist> kg:leads <{R}org/norwind> .
"""


@pytest.fixture
def graph() -> Graph:
    return Graph().parse(data=TURTLE, format="turtle")


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def drawn(page: str) -> list[str]:
    """The labels of the nodes a page draws (its inert JSON block)."""
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    assert match
    return sorted(node["label"] for node in json.loads(match.group(1))["nodes"])


def srcdoc(output: str) -> str:
    """The page a notebook's iframe shows: the srcdoc attribute, unescaped as a browser does."""
    match = re.fullmatch(r'<iframe [^<>]*srcdoc="([^"<>]*)"></iframe>', output)
    assert match, output[:300]
    return html.unescape(match.group(1))


def test_show_gives_a_notebook_the_page_in_a_sandboxed_iframe(graph: Graph) -> None:
    output = kg.show(graph)._repr_html_()
    assert output.startswith("<iframe ") and output.endswith("</iframe>")
    assert output.count("<iframe") == 1  # the page, names and all, is inside one attribute
    assert 'sandbox="allow-scripts"' in output and "allow-same-origin" not in output
    page = srcdoc(output)
    assert page == render_html(graph)  # the very page kg render writes
    assert 'id="kg-search"' in page and 'id="kg-legend"' in page
    assert "Content-Security-Policy" in page
    assert HOSTILE not in output  # escaped twice: in the page, and the page in the attribute


def test_show_takes_a_file_a_query_and_a_size(graph_file: Path) -> None:
    view = show(graph_file, query="SELECT ?a ?b WHERE { ?a kg:accuses ?b }", title="accusations", height=400)
    assert isinstance(view, PageView) and view.title == "accusations"
    assert 'title="accusations"' in view._repr_html_() and "height: 400px" in view._repr_html_()
    assert drawn(view.html) == ["Kestrel Hauliers Guild", "Norwind Freight"]  # what the query picks
    assert drawn(show(graph_file, max_nodes=2).html) == ["Kestrel Hauliers Guild", "Norwind Freight"]
    assert "html" not in repr(view)  # a page is not for a terminal's repr


def test_show_refuses_what_it_cannot_draw(graph_file: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="nothing to draw"):
        show(graph_file, query="SELECT ?name WHERE { ?x rdfs:label ?name }")
    with pytest.raises(InputError, match="max_nodes must be at least 1"):
        show(graph_file, max_nodes=0)
    with pytest.raises(GraphError, match="no such graph file"):
        show(tmp_path / "missing.ttl")


def test_a_build_result_draws_itself_with_its_summary(graph: Graph) -> None:
    result = BuildResult(graph=graph, documents=2)
    output = result._repr_html_()
    assert output.startswith(f"<p>{html.escape(result.summary())}</p><iframe ")
    assert srcdoc(output[output.index("<iframe") :]) == render_html(graph)


def test_a_big_build_is_shown_in_a_notebook_by_its_most_important_entities(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.api, "REPR_MAX_NODES", 2)  # 1,000 by default: a notebook keeps its outputs
    output = BuildResult(graph=graph)._repr_html_()
    assert drawn(srcdoc(output[output.index("<iframe") :])) == ["Kestrel Hauliers Guild", "Norwind Freight"]
    assert len(drawn(show(graph).html)) == 4  # kg.show draws them all


def test_iframe_escapes_the_title_too() -> None:
    output = iframe("<p>x</p>", title='a "b" <c>')
    assert 'title="a &quot;b&quot; &lt;c&gt;"' in output


def test_pyvis_notebook_path_no_longer_raises(graph: Graph, tmp_path: Path) -> None:
    # pyvis's Network.show(notebook=True) needs the template its constructor loads only in
    # notebook mode; build_network loads it, so the call documented by pyvis works
    net = build_network(graph)
    frame = net.show(str(tmp_path / "x.html"), notebook=True)
    assert (tmp_path / "x.html").stat().st_size > 0
    assert type(frame).__name__ == "IFrame"


# ---------------------------------------------------------------- in a real browser

CHROMIUM = find_chromium()


@pytest.mark.browser
@pytest.mark.skipif(
    CHROMIUM is None,
    reason="BROWSER TESTS SKIPPED: no Chromium found (apt-get install -y chromium); "
    "the page in a notebook's iframe is not exercised",
)
def test_the_page_works_inside_the_notebook_iframe(graph: Graph, tmp_path: Path) -> None:
    host = tmp_path / "notebook.html"
    host.write_text(
        "<!DOCTYPE html><html><body><p>Out[1]:</p>" + kg.show(graph)._repr_html_() + "</body></html>",
        encoding="utf-8",
    )
    assert CHROMIUM is not None
    with Chromium(CHROMIUM) as browser:
        # Chromium runs a sandboxed iframe in a process of its own: attach to it as to a target
        browser._send(
            "Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": True}
        )
        browser.open(host.as_uri())
        browser.pump(0.2)
        frames = [
            e["params"]["sessionId"]
            for e in browser._events
            if e.get("method") == "Target.attachedToTarget" and e["params"]["targetInfo"]["type"] == "iframe"
        ]
        assert len(frames) == 1, "the notebook output should hold one frame"
        page_session, browser.session = browser.session, frames[0]
        try:
            for domain in ("Runtime", "Network"):
                browser.call(f"{domain}.enable")
            browser.wait_for("document.getElementById('kg-graph').getAttribute('data-state') === 'ready'")
            assert browser.evaluate("window.origin") == "null"  # opaque: it cannot reach the notebook
            assert browser.evaluate("document.querySelectorAll('#kg-graph canvas').length") == 1
            # search by an alias
            browser.evaluate(
                "var s = document.getElementById('kg-search'); s.value = 'nwf';"
                "s.dispatchEvent(new Event('input', {bubbles: true}))"
            )
            first = browser.evaluate("document.querySelector('#kg-results button').textContent")
            assert first.startswith("Norwind Freight")
            # the hostile name is a label, as text
            assert (
                browser.evaluate("kgNetwork.body.data.nodes.get(%r).label" % (R + "person/quist")) == HOSTILE
            )
            # the legend's filters
            browser.evaluate('document.querySelector(\'input[data-kind="class"][value="Person"]\').click()')
            assert (
                browser.evaluate("document.getElementById('kg-graph').getAttribute('data-visible-nodes')")
                == "3"
            )
            browser.pump(0.2)
        finally:
            browser.session = page_session
        assert browser.log.dialogs == [] and browser.log.exceptions == [] and browser.log.console_errors == []
        assert browser.log.remote() == []


# ---------------------------------------------------------------- a real notebook, run by a kernel


def test_a_notebook_shows_the_graph_and_a_dataframe(graph_file: Path, tmp_path: Path) -> None:
    nbformat = pytest.importorskip(
        "nbformat", reason="NOTEBOOK TEST SKIPPED: nbformat not installed (pip install -e '.[dev]')"
    )
    nbclient = pytest.importorskip(
        "nbclient", reason="NOTEBOOK TEST SKIPPED: nbclient not installed (pip install -e '.[dev]')"
    )
    pytest.importorskip("ipykernel", reason="NOTEBOOK TEST SKIPPED: ipykernel not installed")
    cells = [
        "import kg\nfrom kg.api import query\nkg.show('graph.ttl')",
        "query('graph.ttl', 'SELECT ?who ?whom WHERE { ?a kg:accuses ?b . ?a rdfs:label ?who . "
        "?b rdfs:label ?whom }').to_dataframe()",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(graph_file.parent)}}
    )
    client.execute()
    (page_output,) = notebook.cells[0].outputs
    assert page_output["output_type"] == "execute_result"
    assert srcdoc(page_output["data"]["text/html"]).startswith("<!DOCTYPE html>")
    (frame_output,) = notebook.cells[1].outputs
    table = frame_output["data"]["text/html"]
    assert "<th>who</th>" in table and "<th>whom</th>" in table
    assert "Kestrel Hauliers Guild" in table and "Norwind Freight" in table

"""The HTML page: offline, escaped, deterministic, and faithful to the graph it draws."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyvis.network import Network
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

import kg
from kg.errors import QueryError
from kg.ontology import KG, entity_class_names, relation_names
from kg.page import layout as render_layout
from kg.page import style as render_style
from kg.page.render import build_network, drawing, render_html, script_json
from kg.page.subgraph import query_subgraph
from kg.sparql.query import run_query

R = "https://w3id.org/kg-news/resource/"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

# Any resource a browser would fetch from the network: script/img/... src, link href, CSS imports.
REMOTE = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|@import\b"""
    r"""|url\(\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- building graphs by hand


class Builder:
    def __init__(self) -> None:
        self.graph = Graph()
        self._mentions = 0

    def doc(self, doc_id: str, title: str = "") -> URIRef:
        doc = URIRef(R + "doc/" + doc_id)
        self.graph.add((doc, RDF.type, KG.Document))
        self.graph.add((doc, KG.documentId, Literal(doc_id)))
        self.graph.add((doc, DCTERMS.title, Literal(title or doc_id)))
        return doc

    def entity(
        self,
        key: str,
        cls: str,
        label: str,
        *aliases: str,
        count: int = 1,
        docs: tuple[str, ...] = ("a.txt",),
    ) -> URIRef:
        entity = URIRef(f"{R}{cls.lower()}/{key}")
        self.graph.add((entity, RDF.type, KG[cls]))
        self.graph.add((entity, RDFS.label, Literal(label)))
        for alias in aliases:
            self.graph.add((entity, SKOS.altLabel, Literal(alias)))
        self.graph.add((entity, KG.mentionCount, Literal(count)))
        for doc_id in docs:
            self.graph.add((entity, KG.mentionedIn, URIRef(R + "doc/" + doc_id)))
        return entity

    def relate(self, s: URIRef, rel: str, o: URIRef, *evidence: tuple[str, str, float]) -> None:
        self.graph.add((s, KG[rel], o))
        for doc_id, sentence, confidence in evidence:
            self._mentions += 1
            m = URIRef(f"{R}relation/{self._mentions}")
            for p, v in (
                (RDF.type, KG.RelationMention),
                (RDF.subject, s),
                (RDF.predicate, KG[rel]),
                (RDF.object, o),
                (KG.sentence, Literal(sentence)),
                (KG.confidence, Literal(confidence)),
                (PROV.wasDerivedFrom, URIRef(R + "doc/" + doc_id)),
                (PROV.wasGeneratedBy, URIRef(R + "extractor/rules")),
            ):
                self.graph.add((m, p, v))


ACCUSATION_A = "The association accused Alibaba of selling counterfeits."
ACCUSATION_B = "AAFA again blamed Alibaba for fakes."


def news_graph() -> Graph:
    b = Builder()
    b.doc("a.txt", "Trade group accuses Alibaba")
    b.doc("b.txt", "Alibaba responds")
    alibaba = b.entity(
        "alibaba", "Company", "Alibaba", "Ali", "Alibaba Group", count=12, docs=("a.txt", "b.txt")
    )
    aafa = b.entity("aafa", "TradeAssociation", "American Apparel & Footwear Association", "AAFA", count=4)
    ustr = b.entity("ustr", "GovernmentAgency", "USTR", count=2)
    reuters = b.entity("reuters", "NewsOrganization", "Reuters")
    ma = b.entity("jack_ma", "Person", "Jack Ma", "Ma")
    hangzhou = b.entity("hangzhou", "Place", "Hangzhou")
    china = b.entity("china", "Place", "China")
    b.entity("taobao", "Brand", "Taobao")
    b.relate(aafa, "accuses", alibaba, ("a.txt", ACCUSATION_A, 0.8), ("b.txt", ACCUSATION_B, 0.7))
    b.relate(alibaba, "respondsTo", aafa, ("b.txt", "Alibaba rejected the claims.", 0.9))
    b.relate(aafa, "urges", ustr, ("a.txt", "AAFA urged USTR to act.", 0.85))
    b.relate(alibaba, "cooperatesWith", aafa)
    b.relate(ma, "leads", alibaba)
    b.relate(alibaba, "basedIn", hangzhou)
    b.relate(hangzhou, "locatedIn", china)
    b.relate(reuters, "basedIn", china)
    return b.graph


def hostile_graph() -> Graph:
    b = Builder()
    b.doc('x"<b>.txt')
    evil = b.entity("evil", "Company", XSS_SCRIPT, XSS_IMG, 'it\'s "quoted"', docs=('x"<b>.txt',))
    other = b.entity("other", "Person", XSS_IMG + "'\"")
    sentence = f"They said </script>{XSS_SCRIPT} and {XSS_IMG} & <!-- more."
    b.relate(evil, "accuses", other, ('x"<b>.txt', sentence, 0.5))
    return b.graph


def entity_count(graph: Graph) -> int:
    return len({s for name in render_style.NODE_STYLES for s in graph.subjects(RDF.type, KG[name])})


def relation_triple_count(graph: Graph) -> int:
    return sum(1 for rel in relation_names() for _ in graph.subject_objects(KG[rel]))


class Tags(HTMLParser):
    """Start and end tags and the text of each <script>, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[str] = []
        self.ends: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append(tag)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.ends.append(tag)
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def legend(html: str) -> str:
    match = re.search(r'<aside id="kg-legend">(.*?)</aside>', html, re.DOTALL)
    assert match, "no legend in the page"
    return match.group(1)


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(news_graph(), title="Test news")


# ---------------------------------------------------------------- offline


def test_page_has_no_remote_resources(page: str) -> None:
    assert REMOTE.findall(page) == []
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.IGNORECASE), "scripts must be inlined"
    assert not re.search(r"<link\b", page, re.IGNORECASE)


@pytest.mark.parametrize("mode", ["local", "in_line", "remote"])
def test_offline_check_catches_pyvis_default_output(mode: str) -> None:
    net = Network(directed=True, cdn_resources=mode)
    net.add_node("a")
    net.add_node("b")
    net.add_edge("a", "b")
    assert REMOTE.findall(net.generate_html()), f"pyvis {mode!r} output should link remote assets"


def test_vis_network_is_inlined(page: str) -> None:
    assert "vis-network" in page
    assert "new vis.Network(" in page
    assert "randomSeed" in page
    assert "stabilizationIterationsDone" in page


# ---------------------------------------------------------------- escaping


def test_untrusted_text_cannot_break_out() -> None:
    html = render_html(hostile_graph(), title=XSS_SCRIPT)
    for raw in ("<script>alert", "<img src=x", '"<b>.txt', "<!-- more"):
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title, escaped for HTML
    assert "\\u003cscript\\u003ealert(1)" in html  # the labels, escaped for JSON
    tags = parse(html)
    assert len(re.findall("<script", html, re.IGNORECASE)) == 3
    assert tags.starts.count("script") == 3
    assert tags.ends.count("script") == 3
    assert "img" not in tags.starts and "b" not in tags.starts


def test_untrusted_text_arrives_intact() -> None:
    """Escaping is lossless: the browser's JSON.parse sees exactly the article's text."""
    html = render_html(hostile_graph())
    data = json.loads(parse(html).scripts[0])
    labels = {node["label"] for node in data["nodes"]}
    assert labels == {XSS_SCRIPT, XSS_IMG + "'\""}
    (edge,) = data["edges"]
    assert f"</script>{XSS_SCRIPT} and {XSS_IMG} & <!-- more." in edge["title"]
    assert 'x"<b>.txt' in edge["title"]


@given(
    st.recursive(st.text() | st.integers() | st.none(), lambda c: st.lists(c) | st.dictionaries(st.text(), c))
)
def test_script_json_round_trips_without_markup(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


# ---------------------------------------------------------------- determinism


def test_same_graph_gives_identical_html() -> None:
    graph = news_graph()
    shuffled = Graph()
    for triple in sorted(graph, key=lambda t: hashlib.sha1(repr(t).encode()).hexdigest()):
        shuffled.add(triple)
    assert render_html(graph) == render_html(shuffled)


def test_identical_html_across_processes(tmp_path: Path) -> None:
    """Set and dict order depend on PYTHONHASHSEED; the page must not."""
    source = tmp_path / "graph.nt"
    source.write_text(news_graph().serialize(format="nt"), encoding="utf-8")
    code = (
        "import hashlib, sys; from rdflib import Graph; from kg.page.render import render_html; "
        "g = Graph().parse(sys.argv[1], format='nt'); "
        "print(hashlib.sha256(render_html(g).encode()).hexdigest())"
    )
    root = str(Path(kg.__file__).resolve().parent.parent)
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root}
        run = subprocess.run(
            [sys.executable, "-c", code, str(source)], env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        digests.add(run.stdout.strip())
    digests.add(hashlib.sha256(render_html(news_graph()).encode()).hexdigest())
    assert len(digests) == 1


# ---------------------------------------------------------------- content


def test_counts_match_the_graph() -> None:
    graph = news_graph()
    net = build_network(graph)
    assert len(net.nodes) == entity_count(graph) == 8
    assert len(net.edges) == relation_triple_count(graph) == 8
    assert net.num_nodes() == 8 and net.num_edges() == 8  # pyvis's own bookkeeping agrees
    ids = [node["id"] for node in net.nodes]
    assert ids == sorted(set(ids))
    assert all(edge["from"] in ids and edge["to"] in ids for edge in net.edges)
    assert net.directed


def test_node_carries_label_class_size_and_tooltip() -> None:
    net = build_network(news_graph())
    node = net.get_node(R + "company/alibaba")
    assert node["label"] == "Alibaba"
    assert node["group"] == "Company"
    for text in ("Company", "Ali, Alibaba Group", "Mentions: 12", "a.txt, b.txt"):
        assert text in node["title"]
    lonely = net.get_node(R + "brand/taobao")
    assert node["value"] == 100 and node["value"] > lonely["value"]  # Alibaba has the most links
    assert node["aliases"] == ["Ali", "Alibaba Group"]
    assert set(net.options["groups"]) - {"useDefaultGroups"} >= {n["group"] for n in net.nodes}


def test_edge_tooltip_has_sentences_and_document_ids() -> None:
    net = build_network(news_graph())
    (edge,) = [e for e in net.edges if e["relation"] == "accuses"]
    assert edge["label"] == "accuses"
    assert (edge["from"], edge["to"]) == (R + "tradeassociation/aafa", R + "company/alibaba")
    for text in (ACCUSATION_A, ACCUSATION_B, "a.txt", "b.txt", "0.80"):
        assert text in edge["title"]
    assert edge["color"]["color"] == render_style.FAMILIES["conflict"].color


def test_relations_between_one_pair_stay_apart() -> None:
    net = build_network(news_graph())
    pair = {R + "company/alibaba", R + "tradeassociation/aafa"}
    edges = [e for e in net.edges if {e["from"], e["to"]} == pair]
    assert {e["relation"] for e in edges} == {"accuses", "respondsTo", "cooperatesWith"}

    def side(edge: dict[str, object]) -> float:
        smooth = edge["smooth"]
        assert isinstance(smooth, dict)
        if not smooth["enabled"]:
            return 0.0
        sign = 1 if smooth["type"] == "curvedCW" else -1
        if edge["from"] != min(pair):  # reversed edges curve the other way for the same type
            sign = -sign
        return sign * float(smooth["roundness"])

    sides = [side(e) for e in edges]
    assert len(set(sides)) == len(edges), sides


def test_endpoint_without_a_class_still_gets_a_node() -> None:
    graph = news_graph()
    stranger = URIRef(R + "thing/unknown")
    graph.add((URIRef(R + "person/jack_ma"), KG.worksFor, stranger))
    net = build_network(graph)
    assert net.get_node(str(stranger))["group"] == render_style.UNTYPED
    assert len(net.edges) == relation_triple_count(graph)


@pytest.mark.parametrize(
    ("drop", "absent"),
    [(None, None), ("Brand", "Brand"), ("GovernmentAgency", "Government agency")],
)
def test_legend_lists_the_classes_present(drop: str | None, absent: str | None) -> None:
    graph = news_graph()
    if drop:
        for entity in list(graph.subjects(RDF.type, KG[drop])):
            graph.remove((entity, None, None))
            graph.remove((None, None, entity))
    html = render_html(graph)
    box = legend(html)
    present = {render_style.NODE_STYLES[n["group"]].label for n in build_network(graph).nodes}
    for label in present:
        assert label in box
    if absent:
        assert absent not in box
    relations = {e["relation"] for e in build_network(graph).edges}
    families = {render_style.edge_family(r).name for r in relations}
    for family in render_style.FAMILIES:
        assert (f"</span>{family}\n" in box) == (family in families), family
    checkboxes = re.findall(r'<input type="checkbox" data-kind="(\w+)" value="(\w+)" checked>', box)
    assert {v for k, v in checkboxes if k == "relation"} == relations
    assert {v for k, v in checkboxes if k == "class"} == {n["group"] for n in build_network(graph).nodes}
    assert "<h1>Test news</h1>" in render_html(graph, title="Test news")


def test_a_state_is_drawn_as_a_place_of_its_own_shade() -> None:
    b = Builder()
    b.doc("a.txt")
    norland = b.entity("norland", "GeopoliticalEntity", "Norland")
    kestria = b.entity("kestria", "GeopoliticalEntity", "Kestria")
    gulf = b.entity("gulf", "Place", "the Quist Gulf")
    b.relate(norland, "urges", kestria, ("a.txt", "Norland urged Kestria to act.", 0.8))
    b.relate(kestria, "locatedIn", gulf)
    nodes = {n["id"]: n for n in build_network(b.graph).nodes}
    assert nodes[str(norland)]["group"] == "GeopoliticalEntity"
    assert nodes[str(gulf)]["group"] == "Place"
    state, place = render_style.NODE_STYLES["GeopoliticalEntity"], render_style.NODE_STYLES["Place"]
    assert state.shape == place.shape and state.color != place.color
    box = legend(render_html(b.graph))
    assert "Country, state or city" in box and "Place" in box
    assert 'data-kind="class" value="GeopoliticalEntity"' in box


def test_empty_graph_renders_a_page_saying_so() -> None:
    only_documents = Builder()
    only_documents.doc("a.txt")  # documents alone draw nothing
    for g in (Graph(), only_documents.graph):
        html = render_html(g)
        assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
        assert "The graph is empty" in html
        assert REMOTE.findall(html) == []
        assert "<script" not in html
        tags = parse(html)
        assert tags.starts.count("html") == 1 and "body" in tags.ends


def test_styles_cover_the_ontology() -> None:
    assert set(render_style.RELATION_FAMILY) == relation_names()
    assert set(render_style.NODE_STYLES) == entity_class_names()


def test_pyvis_can_still_write_its_own_page() -> None:
    net = build_network(news_graph())
    html = net.generate_html()
    assert R + "company/alibaba" in html


# ---------------------------------------------------------------- importance, layout, big graphs


def test_every_node_has_a_position_and_the_layout_is_seeded() -> None:
    first = drawing(news_graph())
    second = drawing(news_graph())
    positions = {n["id"]: (n["x"], n["y"]) for n in first.nodes}
    assert positions == {n["id"]: (n["x"], n["y"]) for n in second.nodes}
    assert len(set(positions.values())) == len(positions), "two nodes on one spot"
    # linked nodes sit closer together than the graph is wide
    xs = [x for x, _ in positions.values()]
    a, b = positions[R + "company/alibaba"], positions[R + "tradeassociation/aafa"]
    assert abs(a[0] - b[0]) < (max(xs) - min(xs)) / 2


def test_entities_in_no_relation_are_set_aside_under_the_graph() -> None:
    draw = drawing(news_graph())
    linked = {n["label"]: n for n in draw.nodes if n["linked"]}
    lonely = [n for n in draw.nodes if not n["linked"]]
    assert [n["label"] for n in lonely] == ["Taobao"] and len(linked) == 7
    assert lonely[0]["y"] > max(n["y"] for n in linked.values())
    toggle = re.search(r'<p class="kg-unlinked">(.*?)</p>', render_html(news_graph()), re.DOTALL)
    assert toggle and "Show the 1 entity in no relation" in toggle.group(1)
    assert 'data-kind="unlinked"' in toggle.group(1) and "checked" not in toggle.group(1)
    assert "kg-unlinked" not in legend(render_html(chain_graph(2)))  # nothing to set aside
    b = Builder()
    b.entity("a", "Company", "Alone Ltd")
    b.entity("b", "Person", "Ann Alone")
    only = re.search(r'<p class="kg-unlinked">(.*?)</p>', render_html(b.graph), re.DOTALL)
    assert only and "checked" in only.group(1)  # nothing else to draw: shown from the start


def test_no_two_nodes_and_their_labels_are_laid_out_on_top_of_each_other() -> None:
    """The boxes the layout keeps apart: each node with its label, at the size the page draws."""
    draw = drawing(news_graph())
    boxes = []
    for n in draw.nodes:
        if n["linked"]:
            w, h = render_style.footprint(n["label"], n["value"])
            boxes.append((n["x"] - w / 2, n["y"] - h / 2, n["x"] + w / 2, n["y"] + h / 2))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_every_graph_draws_as_laid_out_without_physics() -> None:
    assert drawing(news_graph()).options["physics"]["enabled"] is False
    big = drawing(chain_graph(301))
    assert big.options["physics"]["enabled"] is False
    assert big.options["interaction"]["hideEdgesOnDrag"] is False  # 301 nodes: still light


def chain_graph(n: int) -> Graph:
    b = Builder()
    b.doc("a.txt")
    previous = None
    for i in range(n):
        entity = b.entity(f"n{i:05d}", "Company", f"Company {i}")
        if previous is not None and i % 10:
            b.relate(previous, "partOf", entity)
        previous = entity
    return b.graph


def test_pagerank_ranks_hubs_first() -> None:
    nodes = ["hub", "a", "b", "c", "lonely"]
    rank = render_layout.pagerank(nodes, [("a", "hub"), ("hub", "b"), ("c", "hub")])
    assert abs(sum(rank.values()) - 1) < 1e-9
    assert max(rank, key=rank.__getitem__) == "hub"
    assert rank["lonely"] < rank["a"]
    assert render_layout.top_nodes(rank, 2) == sorted(["hub", max(["a", "b", "c"], key=rank.__getitem__)])


def test_max_nodes_keeps_the_most_important_and_says_what_is_left_out() -> None:
    graph = news_graph()
    draw = drawing(graph, max_nodes=3)
    ids = {n["id"] for n in draw.nodes}
    assert R + "company/alibaba" in ids and R + "tradeassociation/aafa" in ids
    assert len(ids) == 3 and draw.omitted_nodes == 5
    assert all(e["from"] in ids and e["to"] in ids for e in draw.edges)
    assert draw.omitted_edges == 8 - len(draw.edges)
    html = render_html(graph, max_nodes=3)
    note = re.search(r'<p class="kg-note" id="kg-note">(.*?)</p>', html, re.DOTALL)
    assert note, "no note about what was left out"
    text = " ".join(note.group(1).split())
    assert "Showing the 3 most important of 8 entities" in text
    assert f"5 entities and {draw.omitted_edges} relations are left out" in text
    assert 'id="kg-note"' not in render_html(graph)
    with pytest.raises(ValueError, match="at least 1"):
        drawing(graph, max_nodes=0)


def test_page_allows_only_its_own_scripts() -> None:
    html = render_html(news_graph())
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp, "no Content-Security-Policy"
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    hashes = set(re.findall(r"'sha256-([^']+)'", policy))
    scripts = [s for s in parse(html).scripts if not s.startswith("{")]  # the JSON block is inert
    assert len(scripts) == 2
    for script in scripts:
        assert base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() in hashes


# ---------------------------------------------------------------- a query's part of the graph


def test_select_draws_the_bound_entities_and_the_relations_among_them() -> None:
    graph = news_graph()
    result = run_query(graph, "SELECT ?a ?b WHERE { ?a kg:accuses ?b }")
    sub = query_subgraph(graph, result)
    draw = drawing(sub)
    assert {n["id"] for n in draw.nodes} == {R + "company/alibaba", R + "tradeassociation/aafa"}
    assert {e["relation"] for e in draw.edges} == {"accuses", "respondsTo", "cooperatesWith"}
    accuses = next(e for e in draw.edges if e["relation"] == "accuses")
    assert ACCUSATION_A in accuses["title"] and "a.txt" in accuses["title"]
    aafa = next(n for n in draw.nodes if n["label"].startswith("American"))
    assert "AAFA" in aafa["title"] and "Mentions: 4" in aafa["title"]


def test_construct_draws_its_triples_with_labels_from_the_graph() -> None:
    graph = news_graph()
    result = run_query(graph, "CONSTRUCT { ?a kg:basedIn ?b } WHERE { ?a kg:basedIn ?b }")
    draw = drawing(query_subgraph(graph, result))
    assert {n["label"] for n in draw.nodes} == {"Alibaba", "Hangzhou", "Reuters", "China"}
    assert {e["relation"] for e in draw.edges} == {"basedIn"}
    assert {n["group"] for n in draw.nodes} == {"Company", "Place", "NewsOrganization"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("ASK { ?s ?p ?o }", "not ASK"),
        ("SELECT ?l WHERE { ?s rdfs:label ?l }", "no entity"),
        ("SELECT ?s WHERE { ?s kg:killed ?o }", "no entity"),
        ("CONSTRUCT { ?s kg:killed ?o } WHERE { ?s kg:killed ?o }", "nothing to draw"),
    ],
)
def test_a_query_with_nothing_to_draw_is_refused(query: str, message: str) -> None:
    graph = news_graph()
    with pytest.raises(QueryError, match=message):
        query_subgraph(graph, run_query(graph, query))


# ---------------------------------------------------------------- kg render


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(news_graph().serialize(format="turtle"), encoding="utf-8")
    return path


def kg_render(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", "render", *args], capture_output=True, text=True)


def test_kg_render_writes_the_page_next_to_the_graph(graph_file: Path) -> None:
    run = kg_render(str(graph_file), "--max-nodes", "3")
    assert run.returncode == 0, run.stderr
    html = graph_file.with_suffix(".html").read_text(encoding="utf-8")
    assert html == render_html(news_graph(), title="kg: graph.ttl", max_nodes=3)
    assert "Showing the 3 most important of 8 entities" in " ".join(html.split())


def test_kg_render_draws_a_query(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "acc.html"
    run = kg_render(str(graph_file), "-o", str(out), "--query", "SELECT ?a ?b WHERE { ?a kg:accuses ?b }")
    assert run.returncode == 0, run.stderr
    assert "2 entities, 3 relations" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--query", "ASK { ?s ?p ?o }"], "CONSTRUCT or SELECT"),
        (["--query", "SELECT ?s WHERE { ?s kg:killed ?o }"], "nothing to draw"),
        (["--query", "DELETE WHERE { ?s ?p ?o }"], "not allowed"),
        (["--max-nodes", "0"], "--max-nodes"),
        (["--max-nodes", "-5"], "--max-nodes"),
    ],
)
def test_kg_render_refuses_bad_input_without_writing(
    graph_file: Path, tmp_path: Path, args: list[str], needle: str
) -> None:
    out = tmp_path / "out.html"
    run = kg_render(str(graph_file), "-o", str(out), *args)
    assert run.returncode == 2
    assert needle in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert not out.exists() and not graph_file.with_suffix(".html").exists()


def test_kg_render_with_a_query_needs_an_output_file(graph_file: Path) -> None:
    run = kg_render(str(graph_file), "--query", "SELECT ?a WHERE { ?a kg:accuses ?b }")
    assert run.returncode == 2 and "-o FILE" in run.stderr
    assert not graph_file.with_suffix(".html").exists()

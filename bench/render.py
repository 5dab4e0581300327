"""How fast the graph page opens in headless Chromium, and how big it is, by number of nodes.

Usage:
    python bench/render.py [GRAPH.ttl [N...]]     # table at 500, 5,000 and all nodes (+ synthetic N)
    python bench/render.py --screenshot docs/graph.png   # the README's picture, from examples/
    python bench/render.py --sight [DIR]   # the page at first sight: fill, labels; screenshots to DIR

GRAPH defaults to /tmp/bbc/graph.ttl (from `kg build ../shared/data/news/bbc/ --out /tmp/bbc`).
When the graph has fewer than 5,000 entities, a synthetic graph of 5,000 and 20,000 entities
(clusters around hubs, like news) is measured too, and the table says so.

"ready" is the page's own clock (``performance.now()`` when vis-network has drawn, or has
stabilized, and the page answers input), so it counts parsing the HTML and the data; "open" is
the wall time from navigation to ready, seen from outside; "search" is typing a name and
focusing it once ready.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "page")]

from chromium import Chromium, find_chromium, page_sight  # noqa: E402
from rdflib import Graph  # noqa: E402

from kg.page.render import drawing, render_html  # noqa: E402
from kg.sparql.query import load_graph  # noqa: E402

READY = "document.getElementById('kg-graph').getAttribute('data-state') === 'ready'"
DEFAULT = Path("/tmp/bbc/graph.ttl")


def measure(browser: Chromium, graph: Graph, max_nodes: int | None, label: str, folder: Path) -> str:
    t0 = time.perf_counter()
    html = render_html(graph, title=label, max_nodes=max_nodes)
    t_render = time.perf_counter() - t0
    draw = drawing(graph, max_nodes)
    path = folder / f"{label.replace(' ', '_')}.html"
    path.write_text(html, encoding="utf-8")
    t1 = time.perf_counter()
    browser.open(path.as_uri(), timeout=300)
    browser.wait_for(READY, timeout=300)
    t_open = time.perf_counter() - t1
    ready_ms = browser.evaluate("window.kgReadyMs")
    label_ms = browser.evaluate("window.kgLabelMs")
    first = draw.nodes[len(draw.nodes) // 2]["label"]
    t2 = time.perf_counter()
    browser.evaluate(
        "(() => { const s = document.getElementById('kg-search'); s.value = "
        f"{first!r}; s.dispatchEvent(new Event('input')); "
        "s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); })()"
    )
    browser.wait_for("document.getElementById('kg-graph').getAttribute('data-focused')", timeout=60)
    t_search = time.perf_counter() - t2
    physics = "on" if draw.options["physics"]["enabled"] else "off"
    errors = len(browser.log.console_errors) + len(browser.log.exceptions) + len(browser.log.remote())
    return (
        f"| {label} | {len(draw.nodes):,} | {len(draw.edges):,} | {len(html.encode()) / 2**20:.1f} MiB "
        f"| {t_render:.1f} s | {physics} | {ready_ms / 1000:.1f} s | {label_ms} ms | {t_open:.1f} s "
        f"| {t_search:.2f} s "
        f"| {errors} |"
    )


def synthetic(n: int) -> Graph:
    from test_browser import synthetic_graph

    return synthetic_graph(n)


def table(path: Path) -> None:
    browser_path = find_chromium()
    if browser_path is None:
        sys.exit("no Chromium: apt-get install -y chromium")
    graph = load_graph(path)
    total = drawing(graph, 1).total_nodes
    print(f"graph: {path} ({total:,} entities)")
    print(
        "| graph | nodes | edges | page | render (Python) | physics | ready (page clock) | labels placed in "
        "| open (wall) | search | errors |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp, Chromium(browser_path) as browser:
        folder = Path(tmp)
        for limit in (500, 5000, None):
            if limit is not None and limit >= total:
                continue
            name = f"{path.parent.name} top {limit}" if limit else f"{path.parent.name} all"
            print(measure(browser, graph, limit, name, folder), flush=True)
        sizes = [int(a) for a in sys.argv[2:]] or ([5000, 20000] if total < 5000 else [])
        if sizes:
            print(f"(synthetic graphs of {sizes} entities: clusters around hubs, every entity linked)")
            for n in sizes:
                print(measure(browser, synthetic(n), None, f"synthetic {n}", folder), flush=True)


def screenshot(target: Path) -> None:
    from kg.api import build

    browser_path = find_chromium()
    if browser_path is None:
        sys.exit("no Chromium: apt-get install -y chromium")
    graph = build([str(ROOT / "examples")]).graph
    html = render_html(graph, title="kg: examples/")
    with tempfile.TemporaryDirectory() as tmp, Chromium(browser_path, width=1400, height=860) as browser:
        page = Path(tmp) / "graph.html"
        page.write_text(html, encoding="utf-8")
        browser.open(page.as_uri())
        browser.wait_for(READY)
        # what a search does: the entity found, focused, its neighbourhood highlighted
        browser.evaluate(
            "(() => { const s = document.getElementById('kg-search'); s.value = 'Corvane';"
            " s.dispatchEvent(new Event('input'));"
            " s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); })()"
        )
        browser.pump(1.0)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(browser.screenshot())
    print(f"wrote {target}")


SEED = ROOT.parent / "shared" / "data" / "seed"
BBC_BUSINESS = ROOT.parent / "shared" / "data" / "news" / "bbc" / "business"


def sight_graphs() -> list[tuple[str, list[str]]]:
    """The examples, the seed article and the first 100 BBC business articles (where present)."""
    graphs = [("examples", [str(ROOT / "examples")])]
    if SEED.is_dir():
        graphs.append(("seed", [str(p) for p in sorted(SEED.glob("*.txt"))]))
    if BBC_BUSINESS.is_dir():
        graphs.append(("bbc-100", [str(p) for p in sorted(BBC_BUSINESS.glob("*.txt"))[:100]]))
    return graphs


def sight(shots: Path | None) -> None:
    """At the default zoom of a 1280 x 800 window: how much of the view the connected entities
    span, how many labels are drawn and legible, and how much they cover each other."""
    from kg.api import build

    browser_path = find_chromium()
    if browser_path is None:
        sys.exit("no Chromium: apt-get install -y chromium")
    print("| graph | entities drawn | in a relation | fill | labels drawn | legible (>= 10 px) | overlap |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp, Chromium(browser_path) as browser:
        for name, inputs in sight_graphs():
            html = render_html(build(inputs).graph, title=name)
            page = Path(tmp) / f"{name}.html"
            page.write_text(html, encoding="utf-8")
            browser.open(page.as_uri())
            browser.wait_for(READY)
            browser.pump(0.3)
            seen = page_sight(browser)
            print(
                f"| {name} | {seen.nodes} | {seen.linked_nodes} | {seen.fill:.0%} | {len(seen.labels)} "
                f"| {len(seen.legible)} | {seen.label_overlap:.1%} |",
                flush=True,
            )
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                (shots / f"{name}.png").write_bytes(browser.screenshot())


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--screenshot":
        screenshot(Path(sys.argv[2]))
    elif len(sys.argv) >= 2 and sys.argv[1] == "--sight":
        sight(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    else:
        table(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)

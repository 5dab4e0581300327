"""The page in a notebook: an object Jupyter and VS Code draw inline, with search, legend and filters.

A notebook's output is part of the notebook's own page, so kg's page goes in an iframe whose
document is the ``srcdoc`` attribute: nothing is written to disk or served (VS Code's notebooks
cannot reach a file next to the notebook), nothing is fetched, and the page is the same bytes
``kg render`` writes. ``sandbox="allow-scripts"`` without ``allow-same-origin`` gives it an
opaque origin: its scripts (vis-network, search, filters) run, but cannot reach the notebook, its
cookies or its kernel, and the page's own Content-Security-Policy still holds inside. The page is
escaped once more as an attribute value, so no name or sentence from an article can close the
attribute or the iframe.

>>> from rdflib import Graph
>>> view = PageView(render_html(Graph()))
>>> view._repr_html_().startswith('<iframe title="kg graph" sandbox="allow-scripts"')
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from rdflib import Graph

from kg.page.render import render_html
from kg.page.subgraph import query_subgraph
from kg.sparql.results import QueryResult

__all__ = ["DEFAULT_HEIGHT", "PageView", "iframe", "page_view"]

DEFAULT_HEIGHT = 600  # pixels; the page fills the width of the output area


def iframe(page: str, title: str = "kg graph", height: int = DEFAULT_HEIGHT) -> str:
    """``page`` (a whole HTML document) as a sandboxed iframe, for a notebook's output."""
    return (
        f'<iframe title="{html.escape(title)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #d0d0d0" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
    )


@dataclass(frozen=True)
class PageView:
    """kg's page of a graph, shown inline by notebooks (``_repr_html_``); ``html`` is the page."""

    html: str = field(repr=False)  # a page is hundreds of kilobytes: not for a terminal's repr
    title: str = "kg graph"
    height: int = DEFAULT_HEIGHT

    def _repr_html_(self) -> str:
        return iframe(self.html, self.title, self.height)


def page_view(
    graph: Graph,
    result: QueryResult | None = None,
    max_nodes: int | None = None,
    title: str = "kg graph",
    height: int = DEFAULT_HEIGHT,
) -> PageView:
    """The page of ``graph``, or of what ``result`` (a SELECT or CONSTRUCT over it) picks, as
    ``kg render`` draws it. Raises :class:`kg.errors.QueryError` when the result has nothing to
    draw, ``ValueError`` for ``max_nodes`` below 1."""
    if result is not None:
        graph = query_subgraph(graph, result)
    return PageView(render_html(graph, title=title, max_nodes=max_nodes), title, height)

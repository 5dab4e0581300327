"""The page ``kg serve`` shows at ``/``: a query box, the named queries, answers as a table.

The page fetches nothing from anywhere: its style and script are inline, allowed by hash in
the Content-Security-Policy sent with it, and they only talk to the endpoint on the same origin.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from functools import lru_cache

from kg.page.html import TEMPLATES, template_env

DEFAULT_QUERY = "SELECT ?entity ?class ?name WHERE {\n  ?entity a ?class ; rdfs:label ?name .\n} LIMIT 20\n"


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    js = (TEMPLATES / "serve.js").read_text(encoding="utf-8")
    css = (TEMPLATES / "serve.css").read_text(encoding="utf-8")
    # both are inlined as they are, so neither may close its element early
    if "</script" in js.lower() or "</style" in css.lower():
        raise ValueError("serve.js or serve.css contains a closing tag and cannot be inlined")
    return js, css


def content_security_policy() -> str:
    """Only the page's own style and script, by hash; requests and form posts to this origin."""
    js, css = _assets()
    return (
        f"default-src 'none'; script-src {_sha256(js)}; style-src {_sha256(css)}; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


def render_page(title: str, endpoint: str, named: Mapping[str, tuple[str, str]]) -> str:
    """The page's HTML; ``named`` maps a query's name to its description and text (all escaped)."""
    js, css = _assets()
    template = template_env().get_template("serve.html.j2")
    return template.render(
        title=title, endpoint=endpoint, named=dict(named), query=DEFAULT_QUERY, js=js, css=css
    )

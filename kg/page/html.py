"""The HTML around a drawing: the template, vis-network inlined from pyvis, the page's script.

Nothing here reads the graph; ``render.py`` hands over plain data.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
TEMPLATES = Path(__file__).resolve().parent / "templates"


def script_json(value: Any) -> str:
    """JSON that can sit inside ``<script>`` without ending it early (``</script>``, ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def content_security_policy(scripts: list[str]) -> str:
    """Nothing is fetched from anywhere; only the given inline scripts (by hash) may run."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    script_src = f"script-src {hashes}; " if hashes else ""
    return (
        f"default-src 'none'; {script_src}style-src 'unsafe-inline'; img-src data: blob:; "
        "base-uri 'none'; form-action 'none'"
    )


# ---------------------------------------------------------------- template and vis-network assets


@lru_cache(maxsize=1)
def template_env() -> Environment:
    loader = FileSystemLoader(TEMPLATES)
    return Environment(
        loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )


@lru_cache(maxsize=1)
def page_js() -> str:
    return (TEMPLATES / "graph.js").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS from the newest ``lib/vis-*`` folder pyvis ships."""
    lib = Path(str(resources.files("pyvis"))) / "lib"
    folders = [d for d in lib.glob("vis-*") if (d / "vis-network.min.js").is_file()]
    if not folders:
        raise FileNotFoundError(f"no vis-network in {lib}; reinstall pyvis (pip install 'pyvis==0.3.2')")
    newest = max(folders, key=lambda d: tuple(int(n) for n in re.findall(r"\d+", d.name)))
    js = (newest / "vis-network.min.js").read_text(encoding="utf-8")
    css = (newest / "vis-network.css").read_text(encoding="utf-8")
    # the source maps are not shipped; a browser's developer tools would only fail to load them
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    # "<script" / "</script" / "<!--" appear only inside string literals, where \x3c means "<"
    js = re.sub(r"<(?=/?script|!--)", r"\\x3c", js, flags=re.IGNORECASE)
    if re.search(r"</style", css, flags=re.IGNORECASE):
        raise ValueError(f"{newest / 'vis-network.css'} contains </style> and cannot be inlined")
    return js, css

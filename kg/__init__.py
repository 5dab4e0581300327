"""kg: news articles -> RDF knowledge graph.

``import kg`` loads nothing else (every command imports this package first); ``kg.show`` is
:func:`kg.api.show`, imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.api import show as show

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:  # PEP 562: kg.show without importing rdflib for every command
    if name == "show":
        from kg.api import show

        return show
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

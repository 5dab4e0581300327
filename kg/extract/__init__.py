"""Everything that touches spaCy: Documents in, Extractions (plain records) out.

spaCy objects never leave this package. Submodules load on first use, so importing ``kg``
does not import spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.extract.extractor import extract, extract_doc
    from kg.extract.pipeline import load_pipeline

__all__ = ["extract", "extract_doc", "load_pipeline"]


def __getattr__(name: str) -> Any:
    if name in {"extract", "extract_doc"}:
        from kg.extract import extractor

        return getattr(extractor, name)
    if name == "load_pipeline":
        from kg.extract.pipeline import load_pipeline

        return load_pipeline
    raise AttributeError(f"module 'kg.extract' has no attribute {name!r}")

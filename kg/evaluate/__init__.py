"""Scoring extraction against gold data (``kg eval``).

Two kinds of gold, told apart by their shape:
- ``spert``: sentence-level SpERT JSON (a list of records with tokens and token spans), scored
  strictly by span, as CoNLL04 is;
- ``documents``: document-level gold (``{"documents": {id: {"entities", "relations"}}}``) with
  the stories in JSON Lines beside it, scored by entity names, as the news-events set is.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.errors import InputError
from kg.evaluate.spert import (
    BUILTIN_MAPS,
    Gold,
    LabelMap,
    Report,
    Score,
    conventional_spans,
    evaluate,
    load_map,
    read_gold,
)

__all__ = [
    "BUILTIN_MAPS",
    "Gold",
    "LabelMap",
    "Report",
    "Score",
    "conventional_spans",
    "evaluate",
    "gold_kind",
    "load_map",
    "read_gold",
]


def gold_kind(path: str | Path) -> str:
    """``"spert"`` for a list of sentence records, ``"documents"`` for ``{"documents": ...}``."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no such gold file: {str(p)!r}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: not SpERT JSON nor document-level gold ({exc})") from None
    if isinstance(data, list):
        return "spert"
    if isinstance(data, dict) and "documents" in data:
        return "documents"
    raise InputError(
        f'{p}: not SpERT JSON (a list of records) nor document-level gold ({{"documents": ...}})'
    )

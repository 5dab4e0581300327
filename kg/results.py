"""Moved to :mod:`kg.sparql.results`. This path keeps working for one release (kg 0.1.x) and is
removed in kg 0.2: import ``QueryResult`` and ``format_result`` from ``kg.sparql.results``."""

from __future__ import annotations

import warnings

from kg.sparql.results import FORMATS, QueryResult, format_result

__all__ = ["FORMATS", "QueryResult", "format_result"]

warnings.warn(
    "kg.results moved to kg.sparql.results; the old path is removed in kg 0.2",
    DeprecationWarning,
    stacklevel=2,
)

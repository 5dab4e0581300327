"""Moved to :mod:`kg.exchange.network`. This path keeps working for one release (kg 0.1.x) and is
removed in kg 0.2: import ``to_networkx`` from ``kg.exchange.network``."""

from __future__ import annotations

import warnings

from kg.exchange.network import to_networkx

__all__ = ["to_networkx"]

warnings.warn(
    "kg.analytics moved to kg.exchange.network; the old path is removed in kg 0.2",
    DeprecationWarning,
    stacklevel=2,
)

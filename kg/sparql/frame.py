"""Query results as a pandas ``DataFrame``, for notebooks (pandas is the optional extra ``pandas``).

A SELECT gives one column per selected variable, in the query's order, and one row per answer.
Cells are Python values a DataFrame can compute with: an IRI is its full text, a blank node
``_:id``, a literal its Python value (numbers as ``int``/``float``, ``xsd:boolean`` as ``bool``,
dates as ``datetime.date``/``datetime``, text as ``str``), an unbound variable ``None``, which
pandas keeps as missing (``isna()``). A CONSTRUCT or DESCRIBE gives its triples, sorted, in the
columns ``subject``, ``predicate``, ``object``. An ASK has no rows: its answer is ``QueryResult.boolean``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal
from rdflib.term import Node

from kg.errors import DependencyError

if TYPE_CHECKING:
    import pandas

_PLAIN = (str, bool, int, float, datetime.date, datetime.datetime, datetime.time)


def python_value(term: Node | None) -> Any:
    """The cell a term becomes: see the module's docstring."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        # an ill-typed or unknown datatype stays a Literal: its text is what the graph says
        return value if isinstance(value, _PLAIN) and not isinstance(value, Literal) else str(term)
    return str(term)


def to_dataframe(columns: Sequence[str], rows: Iterable[Sequence[Node | None]]) -> pandas.DataFrame:
    """A DataFrame of ``rows`` of terms; raises :class:`DependencyError` without pandas."""
    try:
        import pandas
    except ImportError:
        raise DependencyError(
            "to_dataframe needs pandas, which kg installs only on request: "
            "pip install 'kg[pandas]' (or pip install pandas)"
        ) from None
    records = [tuple(python_value(term) for term in row) for row in rows]
    return pandas.DataFrame.from_records(records, columns=list(columns))

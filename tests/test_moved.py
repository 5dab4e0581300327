"""Import paths kept for one release after the move to one package per stage (issue 12): each old
module gives the very objects of its new home and says where they went."""

from __future__ import annotations

import importlib
import sys

import pytest

MOVED = [
    ("kg.analytics", "kg.exchange.network", ("to_networkx",)),
    ("kg.results", "kg.sparql.results", ("QueryResult", "format_result", "FORMATS")),
]


@pytest.mark.parametrize(("old", "new", "names"), MOVED)
def test_an_old_path_gives_the_same_objects_and_names_the_new_one(
    old: str, new: str, names: tuple[str, ...]
) -> None:
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        shim = importlib.import_module(old)
    home = importlib.import_module(new)
    for name in names:
        assert getattr(shim, name) is getattr(home, name)

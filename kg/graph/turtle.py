"""Turtle for ``graph.ttl``: rdflib's own serializer, each term's name worked out once.

rdflib's Turtle serializer computes a term's prefixed name (``org:norwind``) and its written
form anew at every occurrence: once per triple while counting references, and again for every
subject, predicate and object it writes. A corpus graph names the same few thousand entities,
documents and properties in every provenance record, so nearly all that work repeats. The
serializer below remembers both per term; the text written is rdflib's, byte for byte.

Only what cannot change later is remembered: a prefixed name once found (rdflib keeps the
split of each IRI once made, and a prefix once used), and a term's written form when it was made
from such names. A term written in full, for want of a prefix, is looked at again every time,
as rdflib does, since a prefix bound later for a predicate's namespace may yet name it.
"""

from __future__ import annotations

from io import BytesIO

from rdflib import Graph
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Literal, Node


class _OnceTurtleSerializer(TurtleSerializer):
    """rdflib's TurtleSerializer with ``get_pname`` and ``label`` remembered per term."""

    def reset(self) -> None:
        super().reset()
        self._pnames: dict[tuple[Node, bool], str] = {}
        self._labels: dict[tuple[object, ...], str] = {}
        self._unnamed = False  # a name was not found while writing the current label

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        key = (uri, gen_prefix)
        found = self._pnames.get(key)
        if found is None:
            found = super().get_pname(uri, gen_prefix)
            if found is None:
                self._unnamed = True
                return None
            self._pnames[key] = found
        return found

    def label(self, node: Node, position: int) -> str:
        # rdflib finds "x"@en equal to "x"@EN: the key holds what is written, exactly
        if isinstance(node, Literal):
            key: tuple[object, ...] = (str(node), node.language, node.datatype, position)
        else:
            key = (type(node), str(node), position)
        found = self._labels.get(key)
        if found is None:
            self._unnamed = False
            found = super().label(node, position)
            if not self._unnamed:
                self._labels[key] = found
        return found


def to_turtle(g: Graph) -> str:
    """``g.serialize(format="turtle")``: the same text, written faster."""
    stream = BytesIO()
    _OnceTurtleSerializer(g).serialize(stream, base=g.base, encoding="utf-8")
    return stream.getvalue().decode("utf-8")

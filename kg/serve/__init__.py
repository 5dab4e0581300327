"""The SPARQL endpoint ``kg serve`` runs: ``server`` (the read-only SPARQL 1.1 Protocol endpoint),
``formats`` (content negotiation and the answers' media types) and ``page`` (the query page at
``/``). ``make_server`` is the library's entry point, importable from here."""

from __future__ import annotations

from kg.serve.server import SparqlServer, make_server

__all__ = ["SparqlServer", "make_server"]

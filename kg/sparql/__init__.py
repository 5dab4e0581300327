"""Queries over a built graph: ``query`` (loading a graph file, parsing, read-only checks,
bindings), ``results`` (the W3C result formats and the table), ``timeout`` (a deadline in a child
process), ``named/*.rq`` (the named queries) and ``stores/`` (rdflib or Oxigraph answering them)."""

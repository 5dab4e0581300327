"""Records -> rdflib graph: ``build`` (a named graph per document, the corpus pass in ``Corpus``),
``identity`` (one entity across documents), ``infer`` and ``validate`` (the ontology's
consequences and shapes), ``recordsfile`` (the records kept beside a graph for ``--update``),
``split`` (a graph cut into a named graph per document, recovered from provenance) and
``turtle`` (the deterministic Turtle writer)."""

"""kg: news articles -> RDF knowledge graph."""

__version__ = "0.1.0"

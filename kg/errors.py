"""The exceptions kg raises. The CLI turns them into one-line messages and exit codes."""

from __future__ import annotations


class KGError(Exception):
    """Base class for every error kg reports to a user."""

    exit_code = 2


class InputError(KGError):
    """A path, file or record the user gave cannot be read as input."""


class ModelError(KGError):
    """A spaCy pipeline cannot be loaded or lacks a component kg needs."""


class OutputError(KGError):
    """An output path cannot be written."""


class QueryError(KGError):
    """A SPARQL query is malformed, of an unsupported kind, or cannot run."""


class GraphError(KGError):
    """A graph file is missing or is not RDF kg can read."""


class EngineError(KGError):
    """An engine cannot run: no scheduler given or reachable, or the cluster lost the work."""


class DependencyError(KGError):
    """A feature needs an optional package that is not installed (the message names the extra)."""


class KGWarning(UserWarning):
    """Something kg did on its own judgement that a user should know of; the CLI prints it as
    "kg: warning: ..." and goes on."""


class DecodingWarning(KGWarning):
    """A file that is not UTF-8 was read in the encoding charset-normalizer detected."""


class StoreWarning(KGWarning):
    """An on-disk store does not match the files of the build that made it (kg.sparql.stores.mark)."""


class MetadataWarning(KGWarning):
    """A document's metadata value that cannot be used (a URL no IRI can hold) was dropped."""

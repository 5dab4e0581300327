"""Deterministic IRIs: the same kind of thing with the same normalized name gets the same IRI."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from kg.config import RESOURCE_NS

# The IRI groups an entity by its top-level class, so that a company typed Company in one
# article and TradeAssociation in another is still one node; the graph picks one rdf:type.
# A country acting in one article and merely named in another is one ``place:`` node too.
TOP_CLASS = {
    "Organization": "org",
    "Company": "org",
    "TradeAssociation": "org",
    "GovernmentAgency": "org",
    "NewsOrganization": "org",
    "Person": "person",
    "Place": "place",
    "GeopoliticalEntity": "place",
    "Brand": "brand",
}

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[\u2019']s?$")


def normalize_name(name: str) -> str:
    """Case-, space- and article-insensitive key of a name: ``"The  Acme Corp's"`` -> ``"acme corp"``."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _POSSESSIVE.sub("", text)
    text = _LEADING_THE.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return text.casefold().strip(" .,;:")


def slug(name: str) -> str:
    """A readable, IRI-safe slug; non-Latin names are kept and percent-encoded."""
    text = unicodedata.normalize("NFKD", normalize_name(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w]+", "-", text).strip("-_")
    if not text:
        return "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return quote(text, safe="-_")


def entity_iri(type_: str, name: str, base: str = RESOURCE_NS) -> str:
    if type_ not in TOP_CLASS:
        raise ValueError(f"unknown entity class {type_!r}; valid: {', '.join(sorted(TOP_CLASS))}")
    return f"{base}{TOP_CLASS[type_]}/{slug(name)}"


def document_iri(doc_id: str, base: str = RESOURCE_NS) -> str:
    return f"{base}doc/{quote(doc_id, safe='-_.~/')}"


def relation_iri(doc_id: str, key: str, base: str = RESOURCE_NS) -> str:
    digest = hashlib.sha1(f"{doc_id}\x00{key}".encode()).hexdigest()[:16]
    return f"{base}rel/{digest}"

"""Document-level gold (the format of ``news-events/*.gold.json``): reading, checking, names.

``{"documents": {id: {"entities": [...], "relations": [...]}}}``: each story's entities with
their class and every alias as written, and the relations the story states between them, by
entity name. No character offsets: entities are matched by name (:func:`name_forms`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ontology import entity_class_names

# Property -> family; memberOf is read backwards as represents.
FAMILIES = {
    "accuses": "accuses",
    "respondsTo": "respondsTo",
    "urges": "urges",
    "leads": "role",
    "worksFor": "role",
    "partOf": "partOf",
    "represents": "represents",
    "memberOf": "represents",
    "alliedWith": "alliance",
    "cooperatesWith": "alliance",
    "basedIn": "basedIn",
}
INVERTED = frozenset({"memberOf"})
SYMMETRIC = frozenset({"alliance"})
EVENTS = ("accuses", "respondsTo", "urges")
FAMILY_ORDER = ("accuses", "respondsTo", "urges", "role", "partOf", "represents", "alliance", "basedIn")

# Titles tried removed from the front of a name ("Mr Quist" is gold "Quist"); longest first.
TITLES = tuple(
    sorted(
        set(
            "mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|professor|president|vice president|"
            "vice-president|prime minister|deputy prime minister|premier|chancellor|secretary|"
            "secretary of state|minister|foreign minister|finance minister|trade minister|"
            "treasury secretary|home secretary|foreign secretary|attorney general|chairman|"
            "chairwoman|chief executive|chief|senator|sen|rep|representative|congressman|"
            "congresswoman|governor|gov|mayor|ambassador|commissioner|judge|justice|ayatollah|"
            "sheikh|king|queen|prince|princess|pope|general|gen|colonel|col|captain|capt|admiral|adm".split(
                "|"
            )
        ),
        key=lambda t: (-len(t), t),
    )
)
_PUNCT = ".,;:'\"()<>"
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def normalise(name: str) -> str:
    """Whitespace collapsed, lower case, a leading "the" and a trailing possessive removed,
    surrounding punctuation stripped: ``"the Reuters'"`` -> ``"reuters"``."""
    text = _SPACE.sub(" ", name).strip().lower()
    while True:
        before = text
        text = text.strip(_PUNCT + " ")
        if text.startswith("the "):
            text = text[4:]
        text = _POSSESSIVE.sub("", text)
        if text == before:
            return text


def name_forms(name: str) -> frozenset[str]:
    """The normalised name, and the same with leading titles removed ("mr ana quist" ->
    "ana quist"): the forms under which two names are taken to be the same."""
    forms = {normalise(name)}
    text = normalise(name)
    changed = True
    while changed:
        changed = False
        for title in TITLES:
            for sep in (" ", ". "):
                if text.startswith(title + sep) and len(text) > len(title) + len(sep):
                    text = normalise(text[len(title) + len(sep) :])
                    forms.add(text)
                    changed = True
                    break
            if changed:
                break
    forms.discard("")
    return frozenset(forms)


# --- gold -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    also: tuple[str, ...]
    forms: frozenset[str]
    uncertain: bool = False


@dataclass(frozen=True)
class GoldRelation:
    heads: tuple[str, ...]
    family: str
    tails: tuple[str, ...]
    type: str
    evidence: str
    uncertain: bool = False

    def pairs(self) -> set[tuple[str, str]]:
        out = {(h, t) for h in self.heads for t in self.tails}
        if self.family in SYMMETRIC:
            out |= {(t, h) for h, t in out}
        return out


@dataclass
class GoldStory:
    id: str
    entities: dict[str, GoldEntity]
    relations: list[GoldRelation]


def is_document_gold(data: Any) -> bool:
    """Document-level gold is an object with ``"documents"``; SpERT gold is a list."""
    return isinstance(data, dict) and "documents" in data


def read_document_gold(path: str | Path) -> dict[str, GoldStory]:
    """Read and check document-level gold; an error names the story and what is wrong."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no such gold file: {str(p)!r}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: not JSON ({exc})") from None
    if not is_document_gold(data) or not isinstance(data["documents"], dict):
        raise InputError(f'{p}: not document-level gold (expected {{"documents": {{id: story}}}})')
    return {str(k): parse_story(str(k), v, str(p)) for k, v in data["documents"].items()}


def parse_story(story_id: str, data: Any, where: str = "gold") -> GoldStory:
    """One story's gold; InputError naming the story on anything malformed."""
    classes = entity_class_names()
    here = f"{where}: story {story_id!r}"
    try:
        entities: dict[str, GoldEntity] = {}
        for ent in data["entities"]:
            name, etype = str(ent["name"]), str(ent["type"])
            also = tuple(str(a) for a in ent.get("also", []))
            for cls in (etype, *also):
                if cls not in classes:
                    raise InputError(
                        f"{here}: entity {name!r} has class {cls!r}; classes: {', '.join(sorted(classes))}"
                    )
            if name in entities:
                raise InputError(f"{here}: entity name {name!r} is given twice")
            aliases = [str(a) for a in ent.get("aliases", [])]
            forms = frozenset().union(*(name_forms(a) for a in [name, *aliases]))
            entities[name] = GoldEntity(name, etype, also, forms, bool(ent.get("uncertain", False)))
        relations = []
        for rel in data["relations"]:
            rtype = str(rel["type"])
            if rtype not in FAMILIES:
                raise InputError(f"{here}: relation type {rtype!r}; scored types: {', '.join(FAMILIES)}")
            heads, tails = _names(rel["head"]), _names(rel["tail"])
            for n in (*heads, *tails):
                if n not in entities:
                    raise InputError(f"{here}: relation {rtype} names {n!r}, which is not among its entities")
            if not heads or not tails:
                raise InputError(f"{here}: a {rtype} relation has no head or no tail")
            if rtype in INVERTED:
                heads, tails = tails, heads
            relations.append(
                GoldRelation(
                    heads,
                    FAMILIES[rtype],
                    tails,
                    rtype,
                    str(rel.get("evidence", "")),
                    bool(rel.get("uncertain", False)),
                )
            )
    except InputError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{here}: malformed ({type(exc).__name__}: {exc})") from None
    return GoldStory(story_id, entities, relations)


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise TypeError(f"head and tail are lists of entity names, not {type(value).__name__}")
    return tuple(str(v) for v in value)

"""A SPARQL query read as text, without a parser: what ``kg query`` decides before it parses.

:func:`oxigraph_may_answer` says whether a query may go straight to Oxigraph (see
:mod:`kg.sparql.quick`) or must first pass rdflib's checks (:mod:`kg.sparql.query`). It errs
one way only: a query it lets through that rdflib would refuse is one that Oxigraph refuses too,
or one that cannot reach past the graph file:

- ``SERVICE``: any query with the letters "service" anywhere (in any case, even in a string or
  a comment) goes to rdflib, which refuses SERVICE. Oxigraph reads keywords glued to what comes
  before them (``?s ?p trueSERVICE <...>`` is a SERVICE call to it), so no word boundary is
  trusted; a ``\\u`` escape anywhere also goes to rdflib.
- ``FROM``: a word containing "from" outside comments, strings, IRIs, prefixed names and
  variables goes to rdflib, which refuses FROM a graph the file does not hold. Oxigraph is also
  given the graph file as the whole dataset, so a FROM it reads in a glued form rdflib calls
  malformed (``ASKFROM<g>``) changes nothing it reads.
- updates: Oxigraph's query parser refuses them; the caller then asks rdflib, for its message.
- order: rows that tie under ``ORDER BY`` come in each engine's own order, as do the rows of a
  query without one and the values ``GROUP_CONCAT`` and ``SAMPLE`` see: those aggregates go to
  rdflib, and :mod:`kg.sparql.quick` prints Oxigraph's rows only if no two that differ tie under
  :func:`order_keys` (or there is at most one row).
- nesting: rdflib's parser refuses brackets nested some 20 deep (its recursion), which Oxigraph
  takes; such a query goes to rdflib, which answers or refuses it as it always did.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = [
    "blank_out",
    "declared_prefixes",
    "groups_rows",
    "order_keys",
    "oxigraph_may_answer",
    "variables",
    "with_projected",
    "with_values",
]

# comments, IRIs and strings (the SPARQL 1.1 grammar's COMMENT, IRIREF and STRING_LITERAL*)
_OPAQUE = re.compile(
    r"""\#[^\n\r]*
    | <[^<>"{}|^`\\\x00-\x20]*>
    | '''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
    | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
    | '(?:[^'\\\n\r]|\\.)*'
    | "(?:[^"\\\n\r]|\\.)*"
    """,
    re.VERBOSE,
)
_SERVICE_OR_ESCAPE = re.compile(r"(?i:service)|\\[uU]")
_ORDER_DEPENDENT = re.compile(r"(?i:group_concat|sample)")
_KEYWORD = r"(?<![\w:?$@.\\%-])(?i:{})\b"
_SELECT_WORD = re.compile(_KEYWORD.format("SELECT"))
_ORDER_BY = re.compile(_KEYWORD.format(r"ORDER\s+BY"))
_END_OF_ORDER = re.compile(_KEYWORD.format("LIMIT|OFFSET|VALUES"))
_GROUPING = re.compile(_KEYWORD.format(r"DISTINCT|REDUCED|GROUP\s+BY|COUNT|SUM|AVG|MIN|MAX"))
_KEY = re.compile(r"\s*(?:(?i:ASC|DESC)\s*\(\s*[?$](\w+)\s*\)|[?$](\w+))")
_WORD = re.compile(r"(?<![\w:?$@.\\%-])[A-Za-z]+")  # not inside a name, variable or language tag
_VARIABLE = re.compile(r"[?$](\w+)")
_PREFIX_DECL = re.compile(r"(?i)(?<![\w:?$])PREFIX\s+((?:[A-Za-z][\w.-]*)?):\s*(?=<)")
_IRI = re.compile(r"<([^<>\"{}|^`\\\x00-\x20]*)>")
NESTING = 16  # brackets nested this deep go to rdflib, whose parser stops near 20 (MAX_NESTING)
_PROLOGUE = re.compile(r"\s+|#[^\n]*|<[^<>\s]*>|(?i:BASE|PREFIX)\b|[A-Za-z][\w.-]*:|:")
_SELECT = re.compile(r"(?i:SELECT)\b(?:\s+(?i:DISTINCT|REDUCED)\b)?")
_SELECT_OR_ASK = re.compile(r"(?i:SELECT|ASK)\b")
# ?name as the object of rdf:type: "a ?name", "rdf:type ?name", "<...#type> ?name"
_CLASS = r"(?:(?<![\w:?$])a|\brdf:type|<http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type>)\s+[?$]{}\b"


def blank_out(query: str) -> str:
    """``query`` with its comments and strings turned to spaces and its IRIs to ``<  >``, the
    same length, so that what is left is keywords, names, variables and punctuation.

    >>> blank_out('SELECT ?s { ?s <urn:x> "from" } # from')
    'SELECT ?s { ?s <     >        }       '
    """
    out, pos = [], 0
    for match in _OPAQUE.finditer(query):
        if match.start() < pos:
            continue
        out.append(query[pos : match.start()])
        text = match.group()
        out.append("<" + " " * (len(text) - 2) + ">" if text[0] == "<" else " " * len(text))
        pos = match.end()
    out.append(query[pos:])
    return "".join(out)


def variables(query: str) -> set[str]:
    """The names of the variables ``query`` mentions (outside strings, IRIs and comments)."""
    return set(_VARIABLE.findall(blank_out(query)))


def declared_prefixes(query: str) -> dict[str, str]:
    """The query's own ``PREFIX p: <iri>`` lines (the last wins, as in rdflib)."""
    code = blank_out(query)
    out = {}
    for match in _PREFIX_DECL.finditer(code):
        iri = _IRI.match(query, match.end())
        if iri:
            out[match.group(1)] = iri.group(1)
    return out


def oxigraph_may_answer(query: str, bindings: Mapping[str, str] | None = None) -> bool:
    """Whether ``query`` may go to Oxigraph without rdflib's checks (see the module's docstring):
    no "service" and no ``\\u`` anywhere, no word with "from" in it, and each bound name a
    variable of the query (else rdflib names the variables). With bindings, no ``BASE`` (a
    bound ``prefix:name`` is read against the query's own prefixes, given as written).

    >>> oxigraph_may_answer("SELECT ?s WHERE { ?s prov:wasDerivedFrom ?d } # from the file")
    True
    >>> oxigraph_may_answer("SELECT ?s FROM <urn:g> WHERE { ?s ?p ?o }")
    False
    >>> oxigraph_may_answer('ASK { ?s ?p "Service" }')
    False
    """
    if _SERVICE_OR_ESCAPE.search(query):
        return False
    code = blank_out(query)
    if _ORDER_DEPENDENT.search(code):
        return False
    words = {word.lower() for word in _WORD.findall(code)}
    if any("from" in word for word in words) or _depth(code) >= NESTING:
        return False
    if bindings:
        return "base" not in words and set(bindings) <= set(_VARIABLE.findall(code))
    return True


def order_keys(query: str) -> list[str] | None:
    """The variables of the top-level ``ORDER BY``, if each key is one (``?v``, ``ASC(?v)``,
    ``DESC(?v)``); None without one, with a key that is an expression (an engine may rank it its
    own way) or with a subquery (whose rows a LIMIT there may cut in each engine's own order).

    >>> order_keys("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a ORDER BY DESC(?n) ?a")
    ['n', 'a']
    >>> order_keys("SELECT ?a WHERE { ?a ?p ?b } ORDER BY STR(?b)") is None
    True
    """
    code = blank_out(query)
    if len(_SELECT_WORD.findall(code)) > 1:
        return None
    orders = [m for m in _ORDER_BY.finditer(code) if _brace_depth(code, m.start()) == 0]
    if not orders:
        return None
    clause_end = _END_OF_ORDER.search(code, orders[-1].end())
    clause = code[orders[-1].end() : clause_end.start() if clause_end else len(code)].strip()
    keys: list[str] = []
    pos = 0
    while pos < len(clause):
        key = _KEY.match(clause, pos)
        if key is None:
            return None
        keys.append(key.group(1) or key.group(2))
        pos = key.end()
        while pos < len(clause) and clause[pos].isspace():
            pos += 1
    return keys or None


def groups_rows(query: str) -> bool:
    """Whether adding a variable to the SELECT clause could change the rows (DISTINCT, REDUCED,
    GROUP BY or an aggregate), so that a hidden ORDER BY key cannot be shown."""
    return _GROUPING.search(blank_out(query)) is not None


def _brace_depth(code: str, end: int) -> int:
    return code.count("{", 0, end) - code.count("}", 0, end)


def _depth(code: str) -> int:
    depth = deepest = 0
    for char in code:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    return deepest


def with_projected(query: str, names: list[str]) -> str | None:
    """``query`` with ``?name`` added to its top-level SELECT clause; None if it has none.

    >>> with_projected("PREFIX k: <urn:k#> SELECT DISTINCT ?a WHERE { ?a k:p ?b }", ["b"])
    'PREFIX k: <urn:k#> SELECT DISTINCT ?b  ?a WHERE { ?a k:p ?b }'
    """
    select = _SELECT.match(query, _form_start(query))
    if select is None:
        return None
    added = "".join(f" ?{name}" for name in names)
    return query[: select.end()] + added + " " + query[select.end() :]


def _form_start(query: str) -> int:
    """Where the query form (SELECT, ASK, ...) starts: after the prologue's PREFIX and BASE
    declarations, whitespace and comments."""
    pos = 0
    while (token := _PROLOGUE.match(query, pos)) is not None and token.end() > pos:
        pos = token.end()
    return pos


def with_values(query: str, values: Mapping[str, str]) -> str | None:
    """``query`` (a SELECT or an ASK) with ``VALUES ?name { term }`` at the start of its WHERE
    clause for each ``name: term`` (``term`` in SPARQL syntax, as pyoxigraph writes it); None if
    that could change its answer or there is no place for it.

    Oxigraph plans a query before it knows the values substituted for its variables; the same
    value written in the query lets the plan start from it. Given with the same substitutions it
    changes no row: every row already has that value. None where the query gives the variable a
    value of its own (``AS ?name``, its own ``VALUES``), has no top-level group to hold it, or
    nothing is bound; and where a bound variable is a class (``?x a ?class``): a class holds
    thousands of entities, and a plan that starts from them was slower than Oxigraph's own (the
    counting ``most-connected --bind class=kg:Company`` of kg 9c09060: 0.4 s against 0.9 s at a
    million triples).

    >>> with_values('SELECT ?a WHERE { ?a <urn:p> ?b }', {"b": '"x"'})
    'SELECT ?a WHERE { VALUES ?b { "x" } ?a <urn:p> ?b }'
    >>> with_values('SELECT ?a WHERE { BIND(1 AS ?b) ?a <urn:p> ?b }', {"b": '"x"'}) is None
    True
    >>> with_values('SELECT ?a WHERE { ?a a ?b }', {"b": '<urn:C>'}) is None
    True

    A WHERE clause that is only a UNION gets the clause in each branch (the same rows: a join
    with the union is the union of the joins), where Oxigraph's plan of each branch sees it:

    >>> with_values('ASK { { ?a <urn:p> ?b } UNION { ?b <urn:p> ?a } }', {"b": '"x"'})
    'ASK { { VALUES ?b { "x" } ?a <urn:p> ?b } UNION { VALUES ?b { "x" } ?b <urn:p> ?a } }'
    """
    if not values:
        return None
    code = blank_out(query)
    for name in values:
        own = rf"(?i:\bAS|\bVALUES\s*(?:\([^)]*)?)\s*[?$]{re.escape(name)}\b"
        if re.search(own, code) or re.search(_CLASS.format(re.escape(name)), query):
            return None
    form = _SELECT_OR_ASK.match(query, _form_start(query))
    if form is None:
        return None
    brace = code.find("{", form.end())
    if brace < 0:
        return None
    hint = "".join(f" VALUES ?{name} {{ {term} }}" for name, term in sorted(values.items()))
    out = query
    for at in reversed(_union_branches(code, brace) or [brace]):
        out = out[: at + 1] + hint + out[at + 1 :]
    return out


def _union_branches(code: str, start: int) -> list[int] | None:
    """Where each branch opens, if the group opening at ``code[start]`` (comments, strings and
    IRIs blanked) holds nothing but ``{ ... } UNION { ... }``; else None."""
    branches, pos = [], start + 1
    while True:
        pos = len(code) - len(code[pos:].lstrip())
        if pos >= len(code) or code[pos] != "{":
            return None
        branches.append(pos)
        depth, end = 0, -1
        for at in range(pos, len(code)):
            depth += {"{": 1, "}": -1}.get(code[at], 0)
            if depth == 0:
                end = at
                break
        if end < 0:
            return None
        pos = len(code) - len(code[end + 1 :].lstrip())
        if code[pos : pos + 1] == "}":
            return branches if len(branches) > 1 else None
        if not re.match(r"(?i:UNION)\b", code[pos:]):
            return None
        pos += len("UNION")

"""Bytes of a file -> its text: a byte-order mark decides, then UTF-8, then the charset an HTML
page declares, then the encoding charset-normalizer detects (which the reader warns about).

>>> decode("Caf\\u00e9".encode("utf-16")).text
'Café'
>>> decode("Caf\\u00e9 owner sued.".encode("latin-1")).encoding
'cp1252'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "Undecodable", "decode"]

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# charset-normalizer ranks the encodings that decode the bytes by how much mess they make. On a
# mostly English text with a few accented letters or a "£" its first choice is often a rare code
# page that decodes them into other letters just as cleanly (cp775, cp932); windows-1252, the
# encoding of most text that is not UTF-8 in Western languages (and what browsers read a page
# labelled Latin-1 as), is taken when it makes at most this much more mess than the first.
_MESS_TOLERANCE = 0.1
_WESTERN = "cp1252"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python's codec name
    detected: bool  # guessed by charset-normalizer, rather than stated (BOM, UTF-8, <meta charset>)


@dataclass(frozen=True)
class Undecodable:
    reason: str


def decode(raw: bytes, *, html: bool = False) -> Decoded | Undecodable:
    """The text of ``raw``; newlines are kept as they are, since offsets count them."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(codec), codec, detected=False)
            except UnicodeDecodeError as error:
                at = error.start + len(bom)
                return Undecodable(
                    f"not valid {name} despite its byte-order mark (byte 0x{raw[at]:02x} at offset {at})"
                )
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", detected=False)
    except UnicodeDecodeError as error:
        not_utf8 = f"byte 0x{raw[error.start]:02x} at offset {error.start}"
    # A page may declare its encoding; honour it rather than guess.
    declared = _META_CHARSET.search(raw[:4096]) if html else None
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            return Decoded(raw.decode(codec), codec, detected=False)
        except (LookupError, UnicodeDecodeError):
            pass
    detected = _detect(raw)
    if detected is None:
        return Undecodable(f"not text: not valid UTF-8 ({not_utf8}) and no encoding fits (binary data?)")
    return Decoded(raw.decode(detected), detected, detected=True)


def _detect(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported here: only files that are not UTF-8 need it

    matches = list(from_bytes(raw))
    if not matches:
        return None
    first = matches[0]
    for match in matches:
        if match.chaos <= first.chaos + _MESS_TOLERANCE and _WESTERN in match.could_be_from_charset:
            return _WESTERN
    return str(first.encoding)

"""Reading calendar dates written in news text and metadata, to ISO 8601 (no third-party parser)."""

from __future__ import annotations

import re
from datetime import datetime

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),  # 2025-03-04
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),  # March 4, 2025
    # 4 March 2025, 26-FEB-1987
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s-]+" + _MONTH + r"[\s-]+(?P<year>\d{4})", re.I),
    re.compile(_MONTH + r",?\s+(?P<year>\d{4})", re.I),  # March 2011
    re.compile(r"\b(?:in|since|during)\s+(?P<year>(?:19|20)\d{2})\b", re.I),  # in 2011
]


def parse_date(text: str | None) -> str | None:
    """``"March 4, 2025"`` -> ``"2025-03-04"``; ``"March 2011"`` -> ``"2011-03"``; else None."""
    if not text:
        return None
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get((parts.get("month") or "").lower())
        day = int(parts["day"]) if parts.get("day") else None
        try:
            if month and day:
                return datetime(year, month, day).date().isoformat()
            if month:
                return f"{year:04d}-{month:02d}"
            return f"{year:04d}"
        except ValueError:
            continue
    return None

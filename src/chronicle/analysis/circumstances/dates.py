"""Time expressions resolved against the publication date.

``find_dates(text, published)`` returns every date expression in ``text`` with its ISO value:
"Tuesday" in an article of Wednesday 2012-03-14 is 2012-03-13, "March 4" is 2012-03-04,
"in January" is 2012-01. Words come from ``data/timex.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_yaml

# A month mentioned without a year more than this many days after publication is last year's.
FUTURE_SLACK_DAYS = 183


@dataclass(frozen=True)
class TimeExpression:
    """A date expression: its text, offsets into the searched text, and ISO value
    (YYYY-MM-DD, YYYY-MM or YYYY)."""

    text: str
    start: int
    end: int
    value: str


@lru_cache(maxsize=1)
def _words() -> dict:
    """timex.yaml plus ``months``: English month spellings from months.yaml -> number."""
    words = load_yaml("timex.yaml")
    calendars = load_yaml("months.yaml")
    words["months"] = {
        name: int(number)
        for number, names in calendars["gregorian"].items()
        for name in names
        if name.isascii()
    }
    return words


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    w = _words()
    month = "|".join(sorted(w["months"], key=len, reverse=True))
    weekday = "|".join(w["weekdays"])
    relative = "|".join(w["relative_days"])
    month_re = rf"(?P<month>{month})\.?"
    return [
        ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
        ("mdy", re.compile(rf"\b{month_re}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?", re.I)),
        ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month_re}\b(?:,?\s+(?P<y>\d{{4}})\b)?", re.I)),
        ("my", re.compile(rf"\b{month_re}\s+(?P<y>\d{{4}})\b", re.I)),
        ("in_month", re.compile(rf"\b(?:in|since|during|until|by|early|late|mid-?)\s+{month_re}\b", re.I)),
        ("month", re.compile(rf"\b{month_re}\b")),
        ("weekday", re.compile(rf"\b(?:(?P<dir>last|next|on|this)\s+)?(?P<wd>{weekday})\b", re.I)),
        ("relative", re.compile(rf"\b(?P<rel>{relative})\b", re.I)),
        ("year", re.compile(r"\b[Ii]n\s+(?P<y>(?:19|20)\d{2})\b")),  # "in 1993", "In 1993, ..."
    ]


def parse_published(published: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime string, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dates(text: str, published: str | None) -> list[TimeExpression]:
    """Every date expression in ``text``, resolved against ``published`` (ISO). Expressions that
    need the publication date are left out when it is unknown. Sorted by offset, no overlaps."""
    anchor = parse_published(published)
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _resolve(kind, m, anchor)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(TimeExpression(m.group(0), m.start(), m.end(), value))
    return sorted(found, key=lambda t: t.start)


def _resolve(kind: str, m: re.Match[str], anchor: dt.date | None) -> str | None:
    groups = m.groupdict()
    if kind == "iso":
        return _safe_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    if kind == "year":
        return groups["y"]
    if kind == "weekday":
        return _weekday(groups["wd"], groups.get("dir"), anchor)
    if kind == "relative":
        return _relative(groups["rel"], anchor)
    month = _words()["months"][groups["month"].lower()]
    if kind == "month" and (groups["month"].lower() in _words()["ambiguous_months"] or not groups["month"][0].isupper()):
        return None  # a bare "may"/"march" is a verb far more often than a month
    if kind in ("mdy", "dmy"):
        year = int(groups["y"]) if groups.get("y") else _year_for(month, anchor)
        return None if year is None else _safe_date(year, month, int(groups["d"]))
    if kind == "my":
        return f"{int(groups['y']):04d}-{month:02d}"
    year = _year_for(month, anchor)
    return None if year is None else f"{year:04d}-{month:02d}"


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for(month: int, anchor: dt.date | None) -> int | None:
    """The year of a month named without one: the publication year, unless that puts it
    far in the future (then the year before)."""
    if anchor is None:
        return None
    candidate = dt.date(anchor.year, month, 1)
    if (candidate - anchor).days > FUTURE_SLACK_DAYS:
        return anchor.year - 1
    return anchor.year


def _weekday(name: str, direction: str | None, anchor: dt.date | None) -> str | None:
    """News usage: a bare weekday is the latest such day up to publication ("said Tuesday");
    "next Friday" is the first one after it."""
    if anchor is None:
        return None
    target = _words()["weekdays"][name.lower()]
    if direction and direction.lower() == "next":
        delta = (target - anchor.weekday()) % 7 or 7
        return (anchor + dt.timedelta(days=delta)).isoformat()
    delta = (anchor.weekday() - target) % 7
    if direction and direction.lower() == "last" and delta == 0:
        delta = 7
    return (anchor - dt.timedelta(days=delta)).isoformat()


def _relative(word: str, anchor: dt.date | None) -> str | None:
    if anchor is None:
        return None
    offset = _words()["relative_days"][word.lower()]
    return (anchor + dt.timedelta(days=offset)).isoformat()

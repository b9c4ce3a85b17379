"""Dates in news text -> ISO dates (YYYY-MM-DD).

``parse_date(text)`` finds the first date in ``text``: ISO (2012-03-14), numeric M/D/YYYY
(or D/M when the first number cannot be a month), D Month YYYY, Month D, YYYY, and Solar Hijri
dates with Iranian or Afghan month names ("۲۴ حوت ۱۳۹۰", "24 Hoot 1390") or numeric
(1390/12/24), in Persian or Latin digits, converted to Gregorian with jdatetime.
dateparser is the last fallback, only for text with a four-digit year, and cached.
Month names live in data/months.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import jdatetime

from chronicle.data import load_yaml
from .normalize import match_key

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_SOLAR_YEARS = range(1200, 1500)  # Solar Hijri 1200-1499 = Gregorian 1821-2120
_GREGORIAN_YEARS = range(1800, 2200)


@dataclass(frozen=True)
class _Month:
    calendar: str  # "gregorian" or "solar"
    number: int


@lru_cache(maxsize=1)
def month_names() -> dict[str, _Month]:
    """Every month spelling in data/months.yaml (match_key form) -> its calendar and number."""
    names: dict[str, _Month] = {}
    for calendar, months in load_yaml("months.yaml").items():
        kind = "gregorian" if calendar == "gregorian" else "solar"
        for number, spellings in months.items():
            for spelling in spellings:
                names[match_key(str(spelling))] = _Month(kind, int(number))
    return names


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Regexes for the textual forms, built from the month names (longest first)."""
    names = sorted(month_names(), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(n) for n in names) + r")\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    edge_l, edge_r = r"(?<![\w])", r"(?![\w])"  # whole tokens only, in any script
    return (
        re.compile(rf"{edge_l}{day}\s+(?:of\s+)?{month},?\s+{year}{edge_r}"),
        re.compile(rf"{edge_l}{month}\s+{day},?\s+{year}{edge_r}"),
    )


_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>\d{4})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")  # a Gregorian year worth handing to dateparser


def to_gregorian(year: int, month: int, day: int, calendar: str) -> str | None:
    """A date in ``calendar`` ("gregorian" or "solar") -> ISO Gregorian date, or None if invalid."""
    try:
        if calendar == "solar":
            if year not in _SOLAR_YEARS:
                return None
            return jdatetime.date(year, month, day).togregorian().isoformat()
        if year not in _GREGORIAN_YEARS:
            return None
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _calendar_for(year: int) -> str:
    """Numeric dates carry no month name: a year below 1500 can only be Solar Hijri."""
    return "solar" if year in _SOLAR_YEARS else "gregorian"


def _numeric(text: str, order: str) -> tuple[str, re.Match[str]] | None:
    for m in _ISO.finditer(text):
        y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
        iso = to_gregorian(y, mo, d, _calendar_for(y))
        if iso:
            return iso, m
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
        month, day = (a, b) if order == "MDY" else (b, a)
        if month > 12:  # the other order is the only valid reading
            month, day = day, month
        iso = to_gregorian(y, month, day, _calendar_for(y))
        if iso:
            return iso, m
    return None


def _textual(text: str) -> tuple[str, re.Match[str]] | None:
    names = month_names()
    best: tuple[str, re.Match[str]] | None = None
    for pattern in _patterns():
        for m in pattern.finditer(text):
            month = names[m["month"]]
            iso = to_gregorian(int(m["year"]), month.number, int(m["day"]), month.calendar)
            if iso and (best is None or m.start() < best[1].start()):
                best = (iso, m)
                break
    return best


def find_date(text: str, order: str = "MDY") -> tuple[str, tuple[int, int]] | None:
    """The first date in ``text`` -> (ISO date, (start, end) span in the prepared text), or None.

    ``order`` says how to read an ambiguous numeric date: "MDY" (3/4/2012 is March 4) or
    "DMY" (April 3). Spans index ``prepare(text)``, which has the same length as ``text``.
    """
    prepared = prepare(text)
    found = [r for r in (_textual(prepared), _numeric(prepared, order)) if r]
    if not found:
        return None
    iso, m = min(found, key=lambda r: r[1].start())
    return iso, m.span()


def prepare(text: str) -> str:
    """Latin digits, Persian letters, casefolded: same length as ``text`` so spans carry over."""
    prepared = match_key(text.translate(_DIGITS))
    return prepared if len(prepared) == len(text) else text.translate(_DIGITS).casefold()


def parse_date(text: str, languages: list[str] | None = None, order: str = "MDY") -> str | None:
    """The first date in ``text`` as an ISO date (YYYY-MM-DD), or None.

    ``languages`` is passed to dateparser, the slow last fallback: tried only when ``text`` has
    a Gregorian-looking year and none of the forms above (a form we know but an impossible
    date, such as 31 February, stays None). ``order`` reads numeric dates ("MDY" or "DMY").
    """
    found = find_date(text, order)
    if found:
        return found[0]
    prepared = prepare(text)
    if not _YEAR.search(prepared) or any(p.search(prepared) for p in (*_patterns(), _ISO, _NUMERIC)):
        return None
    return _dateparser(text.strip(), tuple(languages or ()))


@lru_cache(maxsize=4096)
def _dateparser(text: str, languages: tuple[str, ...]) -> str | None:
    import dateparser  # imported here: it is slow to load and rarely needed

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, languages=list(languages) or None, settings=settings)
    if parsed is None or parsed.year not in _GREGORIAN_YEARS:
        return None
    return parsed.date().isoformat()

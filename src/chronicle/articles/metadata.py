"""Metadata lines a generic news page carries near its top: agency, byline, date, contacts.

Each function takes one line (already whitespace-normalised) and says what it is, or None.
Agency names come from data/agencies.yaml; dates from dates.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from .dates import find_date, prepare
from .profiles import url_host

_DATE_LINE_MAX_CHARS = 80  # "Published: Tuesday, March 13, 2012 10:30 AM GMT" fits
_DATE_LINE_MAX_EXTRA_WORDS = 4  # words besides the date: weekday, "Published", "Updated", ...
_BYLINE_MAX_WORDS = 12
_BYLINE_LOWER_MAX_WORDS = 4  # "By a staff correspondent"; longer lower-case runs are prose
_TITLE_MAX_WORDS = 20
_LABEL_MAX_WORDS = 4  # a section label: "European Languages", "بخش انگلیسی"
_DATELINE_HEAD_CHARS = 80  # "KABUL, Afghanistan (AP) —" sits at the start of the first paragraph

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_EMAIL_LINE = re.compile(r"^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.IGNORECASE)
_PHONE_LINE = re.compile(
    r"^(?P<label>(?:tel|phone|fax|mobile|ph|تلفن|تماس|فکس)\.?\s*:?\s*)?"
    r"(?P<plus>\+)?[\d۰-۹][\d۰-۹\s()./-]{5,}$",
    re.IGNORECASE,
)
_PHONE_MIN_DIGITS = 9  # an unlabelled number needs more digits than any date (12/31/2012: 8)
_BYLINE = re.compile(r"^(?:by|written by|reporting by)\s+(?P<who>.+)$", re.IGNORECASE)
_DATELINE = re.compile(r"\((?P<agency>[^()]{2,40})\)\s*[—–-]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_SENTENCE_CLOSE = re.compile(r"[.!?؟:;,،]$")


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Every agency spelling in data/agencies.yaml -> the agency's name."""
    text = resources.files("chronicle.data").joinpath("agencies.yaml").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for entry in yaml.safe_load(text):
        for spelling in [entry["name"], *entry.get("aliases", [])]:
            names[str(spelling)] = entry["name"]
    return names


def agency_named(text: str) -> str | None:
    """The agency ``text`` names exactly ("AP", "The Associated Press", "رویترز"), or None.

    All-caps short forms must match in case ("AP", not "ap"); other names ignore case.
    """
    text = text.strip().strip("—–-:|").strip()
    names = agencies()
    if text in names:
        return names[text]
    folded = {k.casefold(): v for k, v in names.items() if not k.isupper()}
    return folded.get(text.casefold())


def agency_line(line: str) -> str | None:
    """An agency alone on a line ("Associated Press", "— Reuters", "(AFP)") -> its name."""
    return agency_named(line.strip("()"))


def dateline_agency(paragraph: str) -> str | None:
    """The agency of a dateline opening a paragraph ("KABUL (AP) — ...") -> its name, or None."""
    m = _DATELINE.search(paragraph[:_DATELINE_HEAD_CHARS])
    return agency_named(m["agency"]) if m else None


def byline(line: str) -> tuple[str, str | None] | None:
    """"By Jane Doe" / "By Jane Doe, Associated Press" -> (byline, agency or None), else None."""
    m = _BYLINE.match(line)
    if not m or len(line.split()) > _BYLINE_MAX_WORDS or line.endswith((".", "?", "!")):
        return None
    who, agency = m["who"].strip(), None
    head, _, tail = who.rpartition(",")
    if head and agency_named(tail):
        who, agency = head.strip(), agency_named(tail)
    elif agency_named(who):
        return "", agency_named(who)
    if who[:1].isupper() or (who[:1].isalpha() and len(who.split()) <= _BYLINE_LOWER_MAX_WORDS):
        return who, agency  # "By Jane Doe", or "By a staff correspondent"
    return None


def date_line(line: str, order: str = "MDY") -> str | None:
    """A line that is only a date (plus a weekday, label or time) -> ISO date, else None."""
    if len(line) > _DATE_LINE_MAX_CHARS:
        return None
    found = find_date(line, order)
    if not found:
        return None
    iso, (start, end) = found
    prepared = prepare(line)
    rest = _TIME.sub(" ", prepared[:start] + " " + prepared[end:])
    return iso if len(_WORD.findall(rest)) <= _DATE_LINE_MAX_EXTRA_WORDS else None


def is_title_like(line: str) -> bool:
    """A line that could be a headline: 2-20 words with letters, not closed like a sentence."""
    words = line.split()
    return 2 <= len(words) <= _TITLE_MAX_WORDS and bool(_WORD.search(line)) and not _SENTENCE_CLOSE.search(line)


def is_label(line: str) -> bool:
    """A short label line: 1-4 words of letters, no digits, no closing punctuation."""
    words = line.split()
    short = 0 < len(words) <= _LABEL_MAX_WORDS
    return short and not _DIGIT.search(line) and not _SENTENCE_CLOSE.search(line)


def site_address(line: str) -> str | None:
    """The host of a URL alone on a line ("www.example.com" -> "example.com"), else None."""
    return url_host(line) if _URL_LINE.match(line) else None


def is_contact_line(line: str) -> bool:
    """A URL, e-mail address or phone number alone on a line (site chrome, not article text)."""
    return bool(_URL_LINE.match(line) or _EMAIL_LINE.match(line) or _is_phone_line(line))


def _is_phone_line(line: str) -> bool:
    m = _PHONE_LINE.match(line)
    if not m:
        return False
    return bool(m["label"] or m["plus"]) or sum(c.isdigit() for c in line) >= _PHONE_MIN_DIGITS

"""Metadata lines a generic news page carries near its top: agency, byline, date, title,
section label, and contact lines (site address, e-mail, phone) at its top or bottom.

Each function takes one line (already whitespace-normalised) and says what it is, or None.
Agency names come from data/agencies.yaml, byline and contact cue words from
data/article_lines.yaml, dates from dates.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_yaml
from .dates import find_date, prepare
from .normalize import normalize_persian
from .profiles import url_host

_DATE_LINE_MAX_CHARS = 80  # "Published: Tuesday, March 13, 2012 10:30 AM GMT" fits
DATE_LINE_MAX_EXTRA_WORDS = 4  # words besides the date: weekday, "Published", "Updated", ...
_BYLINE_MAX_WORDS = 12
_BYLINE_LOWER_MAX_WORDS = 4  # "By a staff correspondent"; longer lower-case runs are prose
_TITLE_MAX_WORDS = 20
_LABEL_MAX_WORDS = 4  # a section label: "European Languages", "بخش انگلیسی"
_DATELINE_HEAD_CHARS = 80  # "KABUL, Afghanistan (AP) —" sits at the start of the first paragraph

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_PHONE_NUMBER = r"(?P<plus>\+)?[\d۰-۹][\d۰-۹\s()./-]{5,}$"
_PHONE_MIN_DIGITS = 9  # an unlabelled number needs more digits than any date (12/31/2012: 8)
_DATELINE = re.compile(r"\((?P<agency>[^()]{2,40})\)\s*[—–-]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_SENTENCE_CLOSE = re.compile(r"[.!?؟:;,،]$")


@dataclass(frozen=True)
class _LinePatterns:
    byline: re.Pattern[str]
    email: re.Pattern[str]
    phone: re.Pattern[str]


def _cues(words: list[str]) -> str:
    """Cue words as one regex alternative, longest first, each optionally followed by ":"."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\s*:?"


@lru_cache(maxsize=1)
def _line_patterns() -> _LinePatterns:
    """Byline and contact-line regexes built from data/article_lines.yaml."""
    cues = load_yaml("article_lines.yaml")
    email = rf"^(?:{_cues(cues['email_labels'])}\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"
    return _LinePatterns(
        byline=re.compile(rf"^{_cues(cues['byline_cues'])}\s+(?P<who>.+)$", re.IGNORECASE),
        email=re.compile(email, re.IGNORECASE),
        phone=re.compile(rf"^(?P<label>{_cues(cues['phone_labels'])}\s*)?{_PHONE_NUMBER}", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Every agency spelling in data/agencies.yaml -> the agency's name."""
    names: dict[str, str] = {}
    for entry in load_yaml("agencies.yaml"):
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
    m = _line_patterns().byline.match(normalize_persian(line))
    if not m or len(line.split()) > _BYLINE_MAX_WORDS or line.endswith((".", "?", "!")):
        return None
    who, agency = m["who"].strip(), None
    head, _, tail = who.rpartition(",")
    if head and agency_named(tail):
        who, agency = head.strip(), agency_named(tail)
    elif agency_named(who):
        return "", agency_named(who)
    if not who[:1].isalpha():
        return None
    if who[:1].islower() and len(who.split()) > _BYLINE_LOWER_MAX_WORDS:
        return None  # "by the time the river rose ...": prose, not a name
    return who, agency


def date_line(line: str, order: str = "MDY", max_extra_words: int = DATE_LINE_MAX_EXTRA_WORDS) -> str | None:
    """A line that is only a date (plus at most ``max_extra_words`` words: a weekday, a label
    such as "Published", a place) and a time -> ISO date, else None. Lines with "@" are
    embedded posts ("— Name (@handle) May 1, 2019"), not date lines."""
    if len(line) > _DATE_LINE_MAX_CHARS or "@" in line:
        return None
    found = find_date(line, order)
    if not found:
        return None
    iso, (start, end) = found
    prepared = prepare(line)
    rest = _TIME.sub(" ", prepared[:start] + " " + prepared[end:])
    return iso if len(_WORD.findall(rest)) <= max_extra_words else None


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
    return bool(_URL_LINE.match(line) or _line_patterns().email.match(line) or _is_phone_line(line))


def _is_phone_line(line: str) -> bool:
    m = _line_patterns().phone.match(line)
    if not m:
        return False
    return bool(m["label"] or m["plus"]) or sum(c.isdigit() for c in line) >= _PHONE_MIN_DIGITS

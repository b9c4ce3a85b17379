"""Text normalisation: whitespace, and Persian/Dari letters in Persian-script text.

In: a string. Out: the same text with runs of spaces collapsed (ZWNJ kept, since it is part
of Persian spelling), and, for Persian-script text, Arabic yeh/kaf turned into Persian ones.
Latin text and digits are never touched.
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"

# Arabic code points that Persian writes with its own letters (keyboards and old fonts mix them).
_PERSIAN_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ARABIC LETTER ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH
    }
)
# Spaces that are not plain spaces (NBSP, thin spaces, ...) but never ZWNJ/ZWJ.
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\ufeff\u00ad]")  # zero-width space, BOM, soft hyphen
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def normalize_line(line: str) -> str:
    """One line in, the line with whitespace collapsed and trimmed out (NFC; ZWNJ kept)."""
    line = unicodedata.normalize("NFC", line)
    line = _INVISIBLE.sub("", line)
    return _SPACES.sub(" ", line).strip()


def normalize_persian(text: str) -> str:
    """Arabic yeh/alef maksura/kaf -> Persian yeh/kaf; everything else (Latin, digits, ZWNJ) as is."""
    return text.translate(_PERSIAN_LETTERS)


def arabic_script_share(text: str) -> float:
    """Share of letters in ``text`` that are Arabic-script (0.0 when it has no letters)."""
    arabic = len(_ARABIC_SCRIPT.findall(text))
    latin = len(_LATIN.findall(text))
    return arabic / (arabic + latin) if arabic + latin else 0.0


def is_persian_script(text: str) -> bool:
    """True when most letters of ``text`` are Arabic-script (Persian, Dari, Pashto, ...)."""
    return arabic_script_share(text) > 0.5


def normalize_text(text: str, language: str | None) -> str:
    """Persian normalisation for Persian/Dari/Pashto records; other languages are left alone.

    ``language`` is the record's language code ("fa", "prs", "ps", "en", ...); an Arabic
    record keeps its Arabic letters, since ي and ك are correct there.
    """
    if language in ("fa", "prs", "ps"):
        return normalize_persian(text)
    return text


def match_key(line: str) -> str:
    """A key for comparing lines across documents: normalised, Persian letters unified, casefolded."""
    return normalize_persian(normalize_line(line)).casefold()

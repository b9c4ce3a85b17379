"""Bytes -> text for the text and Markdown readers: BOMs, UTF-8, UTF-16, then legacy code pages.

Legacy single-byte encodings (cp1252, cp1256 for Persian/Arabic, cp1251, ... listed in
data/formats.yaml) are each tried and scored: text in the right encoding has words written in
one script; the wrong one gives mojibake such as "ÓáÇã" (Persian read as cp1252), words mixing
Latin and Arabic letters, or stray symbols and control characters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from ..errors import ReaderError
from ..sources.formats import formats_table
from .sniff import utf16_byte_order

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WORD = re.compile(r"[^\W\d_]+")
# A run of 3+ accented Latin letters inside a word: mojibake, not French or German.
_LATIN_MOJIBAKE = re.compile(r"[\u00c0-\u024f]{3,}")
# Mostly-UTF-8 text with a few bad bytes stays UTF-8 (replacement chars) up to this share.
_UTF8_SLACK = 0.02
# Share of control characters above which decoded text is binary data, not a document.
_CONTROL_SHARE = 0.05
# Encodings are judged on this much of the start of a document: thousands of words, a few ms.
_SAMPLE = 16384
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# C0/C1 control characters other than tab, newlines, form feed and escape.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def decode(content: bytes, source: str) -> str:
    """Decode document bytes to text; raises ReaderError when they decode to binary noise."""
    text = _decode(content)
    sample = text[:_SAMPLE]
    if len(_CONTROLS.findall(sample)) > _CONTROL_SHARE * max(len(sample), 1):
        raise ReaderError(source, "binary data, not a document (looks like unknown binary data)")
    return text


def _decode(content: bytes) -> str:
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, errors="replace")
    order = utf16_byte_order(content[:4096])
    if order:
        return content.decode(order, errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    loose = content.decode("utf-8", errors="replace")
    non_ascii = len(content.translate(None, bytes(range(128))))  # high bytes, counted in C
    if loose.count("\ufffd") <= _UTF8_SLACK * non_ascii:
        return loose
    return content.decode(best_legacy_encoding(content[:_SAMPLE]), errors="replace")


def best_legacy_encoding(sample: bytes) -> str:
    """The legacy encoding whose decoding of ``sample`` scores best; latin-1 when none decodes."""
    best, best_score = "latin-1", float("-inf")
    for encoding in formats_table()["legacy_encodings"]:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if score > best_score:  # strict: the earlier encoding wins ties
            best, best_score = encoding, score
    return best


def plausibility(text: str) -> float:
    """Non-ASCII letters in single-script words, minus mojibake words, odd symbols and controls."""
    score = 0.0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1 or _LATIN_MOJIBAKE.search(word) or _has_mixed_case(word):
            score -= len(word)
        else:
            score += sum(1 for ch in word if ord(ch) > 127)
    plain = _plain_symbols()
    score -= 2 * len(_CONTROLS.findall(text))
    score -= sum(1 for ch in _NON_ASCII.findall(text) if ch not in plain and not _is_letter(ch))
    return score


def _has_mixed_case(word: str) -> bool:
    """True for a word with an upper-case letter right after a lower-case one."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


@lru_cache(maxsize=1)
def _plain_symbols() -> frozenset[str]:
    return frozenset(formats_table()["plain_symbols"])


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def _script(ch: str) -> str:
    """Coarse script of a letter: latin | arabic | cyrillic | greek | other."""
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if 0x400 <= code <= 0x4FF:
        return "cyrillic"
    if 0x370 <= code <= 0x3FF:
        return "greek"
    return "other"

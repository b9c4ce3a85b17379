"""Which text encoding bytes are in: BOMs, UTF-16 without a BOM, UTF-8, then legacy code pages.

Legacy single-byte encodings (cp1252, cp1256 for Persian/Arabic, cp1251, ... listed in
data/formats.yaml) are each tried and scored: text in the right encoding has words written in
one script; the wrong one gives mojibake such as "ÓáÇã" (Persian read as cp1252), words mixing
Latin and Arabic letters, or stray symbols and control characters.
Sources use it for CSV/JSONL corpora, readers (readers/encoding.py) for documents.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from .formats import formats_table

# BOM -> a codec that removes the BOM itself, so files and streams decode alike.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings are judged on this much of the start of a text: thousands of words, a few ms.
SAMPLE_BYTES = 16384
# Mostly-UTF-8 text with a few bad bytes stays UTF-8 (replacement chars) up to this share.
_UTF8_SLACK = 0.02
# Distinct high bytes UTF-16 text may show (Latin, Arabic script, punctuation block).
_UTF16_HIGH_BYTES = 3
_WORD = re.compile(r"[^\W\d_]+")
# A run of 3+ accented Latin letters inside a word: mojibake, not French or German.
_LATIN_MOJIBAKE = re.compile(r"[\u00c0-\u024f]{3,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# C0/C1 control characters other than tab, newlines, form feed and escape.
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def guess_encoding(data: bytes, sample: bool = False) -> str:
    """A codec name for ``data``; ``sample=True`` when it is only the start of a longer text
    (a character cut at its end is then not held against UTF-8)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    order = utf16_byte_order(data[:4096])
    if order:
        return order
    if _mostly_utf8(data, sample):
        return "utf-8"
    return best_legacy_encoding(data[:SAMPLE_BYTES])


def to_text(content: bytes) -> str:
    """``content`` decoded with the guessed encoding (undecodable bytes replaced)."""
    return content.decode(guess_encoding(content), errors="replace")


def utf16_byte_order(sample: bytes) -> str | None:
    """The byte order ("utf-16-le" or "utf-16-be") of UTF-16 text without a BOM, else None.

    In UTF-16 of one or two scripts the high byte of each character takes only a few values
    (0x00 for Latin, 0x06 for Arabic script, 0x20 for punctuation), while the low byte varies.
    """
    if len(sample) < 16:
        return None
    sample = sample[: len(sample) // 2 * 2]
    for order, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if len(set(high)) <= _UTF16_HIGH_BYTES < len(set(low)) and _decodes(sample, order):
            return order
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes, sample: bool) -> bool:
    """Valid UTF-8, or nearly: at most 2% of the non-ASCII bytes undecodable."""
    if _decodes(data, "utf-8"):
        return True
    loose = data.decode("utf-8", errors="replace")
    if sample:
        loose = loose.rstrip("\ufffd")  # the sample may end inside a character
    non_ascii = len(data.translate(None, bytes(range(128))))  # high bytes, counted in C
    return loose.count("\ufffd") <= _UTF8_SLACK * non_ascii


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
    score -= 2 * len(CONTROLS.findall(text))
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

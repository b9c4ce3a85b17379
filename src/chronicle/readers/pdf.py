"""PDF -> RawArticle with pypdf: text per page, NFKC-normalised, right-to-left lines in logical order.

Some PDFs give Arabic-script lines back in visual order (reversed): words start with final
forms ("ﺎﯿﻧﺩ ﻡﻼﺳ"). Such lines are detected (presentation forms, then the letter patterns of
data/rtl.yaml) and each Arabic-script run is reversed in place, Latin words and digit runs
kept as they are; right-to-left lines whose runs came out left to right get their runs
reordered. Then NFKC turns presentation forms into normal letters. Damaged,
password-protected or image-only PDFs raise ReaderError; owner-password-only PDFs are read.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pypdf import PdfReader

from chronicle.data import load_yaml
from ..errors import ReaderError
from ..model import Document, RawArticle
from .sniff import is_pdf
from .text import normalise_newlines

_ARABIC = r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_WORD = re.compile(rf"[{_ARABIC}\u200c]+")
_NEUTRAL = r"\s\u200c.,:;!?()\[\]{}<>«»\"'\-\u060c\u061b\u061f"
# A right-to-left run: Arabic-script letters with the spaces and punctuation around them.
_RTL_RUN = re.compile(rf"([{_NEUTRAL}]*[{_ARABIC}](?:[{_ARABIC}{_NEUTRAL}]*[{_ARABIC}])?[{_NEUTRAL}]*)")
_ARABIC_LETTERS = re.compile(rf"[{_ARABIC}]")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LTR_LETTERS = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")  # digits too: they run left to right
# Trailer marker; a file without it near the end was cut short.
_EOF_WINDOW = 2048


def read_pdf(document: Document) -> RawArticle:
    """A PDF Document as a RawArticle (one line per extracted line, pages joined by a blank line)."""
    source = document.source
    if not is_pdf(document.content):
        raise ReaderError(source, "not a PDF (no %PDF header)")
    if b"%%EOF" not in document.content[-_EOF_WINDOW:]:
        raise ReaderError(source, "PDF is truncated or corrupt: no %%EOF trailer at the end")
    pages = _extract_pages(document.content, source)
    text = normalise_newlines("\n\n".join(logical_text(page) for page in pages))
    if not text.strip():
        raise ReaderError(source, "PDF has no text layer (scanned?)")
    return RawArticle(source=source, format="pdf", text=text, url=document.url, meta=dict(document.meta))


def _extract_pages(content: bytes, source: str) -> list[str]:
    """Text of each page; any pypdf failure becomes "PDF is truncated or corrupt"."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported, not logged
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReaderError(source, "PDF is encrypted with a password")
        return [page.extract_text() or "" for page in reader.pages]
    except ReaderError:
        raise
    except Exception as error:  # pypdf raises many types (PdfReadError, KeyError, ...) on bad files
        raise ReaderError(source, f"PDF is truncated or corrupt: {error or type(error).__name__}") from error


def logical_text(text: str) -> str:
    """Each line put back in logical order (see ``logical_line``); then NFKC."""
    return unicodedata.normalize("NFKC", "\n".join(logical_line(line) for line in text.split("\n")))


def logical_line(line: str) -> str:
    """``line`` in logical order, undoing the two ways pypdf gets right-to-left text wrong.

    A PDF drawing glyphs in logical order comes out with each Arabic-script run backwards
    (words start with final forms): each run is reversed. A PDF drawing them in visual order
    comes out with words right but, on a right-to-left line holding Latin or digit runs, the
    runs in left-to-right order: the runs are put back in right-to-left order.
    """
    logical, visual = order_evidence(line)
    if visual > logical:
        return reverse_line(line)
    if logical and _mostly_arabic(line) and _LTR_LETTERS.search(line):
        return reorder_runs(line)
    return line


def order_evidence(line: str) -> tuple[int, int]:
    """(logical, visual) clues counted over the Arabic-script words: letter forms, then rtl.yaml."""
    logical = visual = 0
    patterns = _letter_patterns()
    for word in _ARABIC_WORD.findall(line):
        word = word.strip("\u200c")
        if len(word) < 2:
            continue
        first, last = _form(word[0]), _form(word[-1])
        logical += (first == "initial") + (last == "final")
        visual += (first == "final") + (last == "initial")
        logical += sum(1 for p in patterns["logical"] if p.search(word))
        visual += sum(1 for p in patterns["visual"] if p.search(word))
    return logical, visual


def reverse_line(line: str) -> str:
    """``line`` with each right-to-left run reversed, Latin/digit runs kept in place and in order.

    pypdf reverses right-to-left runs one by one between left-to-right runs (brackets included,
    unmirrored), so a line it gets wrong has its runs in the right order, each Arabic run backwards.
    """
    parts = _RTL_RUN.split(line)
    fixed = [part[::-1] if index % 2 else part for index, part in enumerate(parts)]
    return _join(fixed)


def reorder_runs(line: str) -> str:
    """``line`` with its right-to-left and left-to-right runs in reverse order, each run unchanged."""
    return _join(reversed(_RTL_RUN.split(line)))


def _join(parts: Iterable[str]) -> str:
    """Runs joined by one space (pypdf leaves the spaces between runs on the wrong side)."""
    return " ".join(part.strip() for part in parts if part.strip())


def _mostly_arabic(line: str) -> bool:
    """More Arabic-script than Latin letters (digits are neutral: they do not set a line's direction)."""
    return len(_ARABIC_LETTERS.findall(line)) > len(_LATIN_LETTERS.findall(line))


def _form(ch: str) -> str | None:
    """initial | medial | final | isolated for an Arabic presentation form, else None."""
    decomposition = unicodedata.decomposition(ch)
    if decomposition.startswith("<"):
        return decomposition[1 : decomposition.index(">")]
    return None


@lru_cache(maxsize=1)
def _letter_patterns() -> dict[str, list[re.Pattern[str]]]:
    """The compiled ``logical`` / ``visual`` patterns of data/rtl.yaml."""
    data = load_yaml("rtl.yaml")
    return {key: [re.compile(p) for p in data[key]] for key in ("logical", "visual")}

"""Find text between quote marks, one linear pass over the body.

In: the article body and a ``QuoteLexicon``. Out: ``QuotedSpan`` list in text order.
A quote that is still open at the end of a paragraph is closed there (``closed=False``): that is
how multi-paragraph quotes are written, and it keeps one stray mark from swallowing the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .cues import QuoteLexicon

# an unclosed quote longer than this is more likely a stray mark than a quote
MAX_UNCLOSED_CHARS = 3000


@dataclass
class QuotedSpan:
    """Offsets of the text inside the marks (marks excluded) and of the marks themselves."""

    start: int
    end: int
    open_at: int
    close_at: int  # index just after the closing mark, or the paragraph end when unclosed
    closed: bool = True


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of the body."""
    out, pos = [], 0
    for line in body.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _straight_opens(para: str, i: int, width: int) -> bool:
    """A straight mark opens a quote when a space/start is before it and a non-space after it."""
    before = para[i - 1] if i > 0 else " "
    after = para[i + width] if i + width < len(para) else " "
    return (before.isspace() or before in "([—–-/") and not after.isspace()


@lru_cache(maxsize=16)
def _marks(pairs: tuple[tuple[str, str], ...], straight: frozenset[str], double: str) -> re.Pattern[str]:
    """Any character a quote can open or close at; with no double apostrophe, any character."""
    chars = {c for pair in pairs for mark in pair for c in mark[:1]} | {c for m in straight for c in m[:1]}
    if not double:
        return re.compile(r".", re.DOTALL)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars | {double[0]})) + "]")


def _scan(para: str, lex: QuoteLexicon) -> list[tuple[int, int, bool]]:
    """(open index, close index or -1, width) triples for one paragraph, marks included."""
    closers = {a: b for a, b in lex.mark_pairs}
    straight_wanted = lex.straight_marks | {lex.double_apostrophe}
    # other characters neither open nor close a quote: the scan jumps from mark to mark
    marks = _marks(lex.mark_pairs, lex.straight_marks, lex.double_apostrophe)
    spans: list[tuple[int, int, bool]] = []
    open_at, want, i = -1, "", 0
    n = len(para)
    while i < n:
        found = marks.search(para, i)
        if found is None:
            break
        i = found.start()
        c = para[i]
        width = 2 if para.startswith(lex.double_apostrophe, i) else 1
        straight = c in lex.straight_marks or width == 2
        if open_at < 0:
            if c in closers:
                open_at, want = i, closers[c]
            elif straight and _straight_opens(para, i, width):
                open_at, want = i, para[i : i + width]
        elif (c == want[0] and para[i : i + len(want)] == want) or (
            straight and want in straight_wanted
        ):
            spans.append((open_at, i + len(want), True))
            open_at = -1
            i += len(want)
            continue
        i += width if straight else 1
    if open_at >= 0:
        spans.append((open_at, n, False))
    return spans


def find_quoted(body: str, lex: QuoteLexicon) -> list[QuotedSpan]:
    """Every quoted stretch of ``body``; never raises on unbalanced or odd marks."""
    out: list[QuotedSpan] = []
    for p_start, p_end in _paragraphs(body):
        para = body[p_start:p_end]
        for a, b, closed in _scan(para, lex):
            mark = 2 if para.startswith(lex.double_apostrophe, a) else 1
            inner_end = b - (mark if closed else 0)
            if not closed and inner_end - a > MAX_UNCLOSED_CHARS:
                continue
            start, end = _trim(body, p_start + a + mark, p_start + inner_end)
            if end > start:
                out.append(QuotedSpan(start, end, p_start + a, p_start + b, closed))
    return out


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces around the quoted text and the comma that ends a quote before its cue."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end


def in_open_quote(text: str, char: int) -> bool:
    """Whether offset ``char`` lies inside a quotation opened earlier in its paragraph (more
    opening than closing marks before it): the cheap test, for one offset, where
    ``find_quoted`` finds every quoted span of a text."""
    start = text.rfind("\n", 0, char) + 1
    before = text[start:char]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

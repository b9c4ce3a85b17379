"""Text units: sentence starts that the line layout of an article decides, before the parser.

News bodies hold headlines, list items, captions and bylines beside prose. A parser left alone
glues "Obama Seeks More Refugees\n\nPresident Obama said ..." into one sentence and codes the
two as one. ``unit_starts(doc, rules)`` marks a sentence start (``Token.is_sent_start``) on
the first word after a blank line, after a line break before a bullet ("* ", "- ", "• ") and
after a line break that ends a short line with no closing punctuation; the parser then splits
within those units only. The rules live in ``data/text_units.yaml``; ``load_nlp`` adds the
component ``chronicle_text_units`` before the parser of every pipeline it loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from chronicle.data import load_yaml

COMPONENT = "chronicle_text_units"


@dataclass(frozen=True)
class UnitRules:
    bullets: frozenset[str]
    closing_punctuation: frozenset[str]
    short_line_words: int
    label_words: int
    title_share: float


@lru_cache(maxsize=1)
def load_unit_rules() -> UnitRules:
    data = load_yaml("text_units.yaml")
    return UnitRules(frozenset(data["bullets"]), frozenset(data["closing_punctuation"]), int(data["short_line_words"]),
                     int(data["label_words"]), float(data["title_share"]))


def unit_starts(doc: Doc, rules: UnitRules) -> Doc:
    """Mark the sentence starts the layout decides (see the module docstring); others are left
    for the parser."""
    starts = _starts(doc, rules)
    for i in starts:
        # the parser splits right after a start it is given unless told not to ("President |
        # Barack Obama said"): the word after a unit's first is no start, unless it begins one
        if i + 1 < len(doc) and i + 1 not in starts:
            doc[i + 1].is_sent_start = False
    for i in starts:
        doc[i].is_sent_start = True
    return doc


def _starts(doc: Doc, rules: UnitRules) -> set[int]:
    starts: set[int] = set()
    line_start = 0  # index of the first token of the current line
    for tok in doc:
        if "\n" not in tok.text and "\n" not in tok.whitespace_:
            continue
        nxt = tok.i + 1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt >= len(doc):
            break
        breaks = tok.text.count("\n") + tok.whitespace_.count("\n")
        line = [t for t in doc[line_start : tok.i + 1] if not t.is_space]
        if breaks >= 2 or _bullet(doc, nxt, rules) or _short_open_line(line, rules):
            starts.add(nxt)
        line_start = nxt
    return starts


def _bullet(doc: Doc, i: int, rules: UnitRules) -> bool:
    """A line opening with a bullet and a space ("* Item", "- Item")."""
    return doc[i].text in rules.bullets and bool(doc[i].whitespace_)


def _short_open_line(line: list, rules: UnitRules) -> bool:
    """A short line with no closing punctuation that reads as a title (most words capitalised)
    or a label (a few words): a headline, a caption, a byline. The lines of hard-wrapped prose
    are neither, so they stay one sentence."""
    if not line or len(line) > rules.short_line_words or line[-1].text[-1:] in rules.closing_punctuation:
        return False
    words = [t for t in line if t.is_alpha]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return len(words) <= rules.label_words or capitalised >= rules.title_share * len(words)


@Language.component(COMPONENT)
def text_units(doc: Doc) -> Doc:
    return unit_starts(doc, load_unit_rules())

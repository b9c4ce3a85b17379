"""Whole PETRARCH verb patterns matched around a verb token.

``best_pattern(token, patterns)`` picks the pattern (``VerbPattern``, read from a user's verb
dictionary by ``analysis.dictionaries``) that matches the most words around a verb token
("welcomed economic memos from Bree" -> ``* &TIETYPES_MEMOS FROM +``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..dictionaries import Element, VerbPattern, pattern_lemma

# How far (in tokens) a pattern's words may lie from the verb they refine.
AFTER_WINDOW = 14
BEFORE_WINDOW = 6


def best_pattern(tok: Token, patterns: dict[str, list[VerbPattern]]) -> tuple[VerbPattern, Token | None] | None:
    """The most specific pattern of ``tok``'s lemma whose words all appear around it, in
    order (after the verb within AFTER_WINDOW tokens of its sentence, before it within
    BEFORE_WINDOW), and the word after which the target comes: the word before ``+``, else
    the pattern's last word after the verb (None when there is none). Ties go to the surface
    form's block, then to the earlier line. In: a verb token, patterns by verb word."""
    best: tuple[VerbPattern, Token | None] | None = None
    sent = tok.sent
    after = [t for t in sent if tok.i < t.i <= tok.i + AFTER_WINDOW]
    before = [t for t in sent if tok.i - BEFORE_WINDOW <= t.i < tok.i]
    # the token's own form first ("said", "left" blocks), then its lemma's block
    forms = dict.fromkeys([tok.lower_, tok.lemma_.lower()])
    for pattern in (p for form in forms for p in patterns.get(form, [])):
        ends = _match_after(pattern.after, after)
        if ends is None or not _match_before(pattern.before, before):
            continue
        if pattern.mutual and not _coordinated_subject(tok):
            continue
        if best is None or pattern.size > best[0].size:
            # the target follows the word before "+", else the pattern's last word after the verb
            mark = pattern.target_after if pattern.target_after is not None else len(ends)
            best = (pattern, ends[mark - 1] if mark else None)
    return best


def _coordinated_subject(tok: Token) -> bool:
    """The verb's subject is two or more coordinated words ("The Philippines and France agree")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.conjuncts for c in tok.children)


def _match_after(elements: tuple[Element, ...], words: list[Token]) -> list[Token] | None:
    """Match elements in order; returns the last token of each, or None."""
    ends: list[Token] = []
    start = 0
    for element in elements:
        found = _find(element, words, start)
        if found is None:
            return None
        start = found + 1
        ends.append(words[found])
    return ends


def _match_before(elements: tuple[Element, ...], words: list[Token]) -> bool:
    return _match_after(elements, words) is not None


def _find(element: Element, words: list[Token], start: int) -> int | None:
    """Index of the last word of the first run of ``element`` at or after ``start``."""
    for i in range(start, len(words)):
        for run in element:
            if all(i + k < len(words) and _same_word(words[i + k], w) for k, w in enumerate(run)):
                return i + len(run) - 1
    return None


def _same_word(token: Token, word: str) -> bool:
    """A pattern word (upper-case surface form, read lower) against a token."""
    word = word.lower()
    return token.lower_ == word or token.lemma_.lower() == pattern_lemma(word) or token.lemma_.lower() == word

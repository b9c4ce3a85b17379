"""Long articles analysed in parts: a body over ``max_analysis_chars`` is cut into parts at
paragraph ends (else sentence ends, else spaces), each part is analysed alone, and the analyses
are joined into one whose offsets index the whole body again.

The cost of analysis then grows linearly with the body, and spaCy's ``max_length`` is never
reached, so a long article is neither failed nor truncated. Actors of the same code and name in
several parts become one actor; events and quotes are numbered again over the whole body.
"""

from __future__ import annotations

import dataclasses
import re

from .model import Actor, Analysis, Article, Event, Mention, Quote

# A sentence end followed by a space: where a part is cut when a paragraph is too long.
_SENTENCE_END = re.compile(r"[.!?؟…][\"'”’»)\]]*\s")
NOTE = "analysed_in_parts"  # Article.meta key: how many parts a long body was analysed in
CUT_NOTE = "analysed_chars"  # Article.meta key: of a body over max_analysed_chars, how much was analysed


def split_body(body: str, max_chars: int) -> list[tuple[int, str]]:
    """(offset, text) parts that cover ``body`` in order, none longer than ``max_chars``.

    Each cut falls after the last newline of the second half of a part, else after its last
    sentence end, else after its last space, else at ``max_chars``.
    """
    max_chars = max(2, max_chars)
    parts: list[tuple[int, str]] = []
    start = 0
    while len(body) - start > max_chars:
        half = start + max_chars // 2
        end = start + max_chars
        cut = body.rfind("\n", half, end)
        if cut < 0:
            ends = [m.end() - 1 for m in _SENTENCE_END.finditer(body, half, end)]
            cut = ends[-1] if ends else body.rfind(" ", half, end)
        cut = cut + 1 if cut >= 0 else end
        parts.append((start, body[start:cut]))
        start = cut
    parts.append((start, body[start:]))
    return parts


def analysed_head(article: Article, max_total: int) -> Article:
    """``article`` itself, or (a body over ``max_total`` characters) the article with only the
    body's first part, cut at a paragraph end (else a sentence end, else a space) at or before
    ``max_total``: its offsets index the whole body still. The cut is noted in the article's
    meta (``analysed_chars``: analysed and whole lengths) so nothing is cut in silence."""
    if max_total <= 0 or len(article.body) <= max_total:
        return article
    offset, head = split_body(article.body, max_total)[0]
    article.meta[CUT_NOTE] = {"analysed": len(head), "body": len(article.body)}
    return dataclasses.replace(article, body=head)


def part_articles(article: Article, max_chars: int) -> list[tuple[int, Article]]:
    """``article`` as (offset, article) parts of at most ``max_chars`` characters of body (itself
    when it is short enough)."""
    if len(article.body) <= max_chars:
        return [(0, article)]
    return [(offset, dataclasses.replace(article, body=text)) for offset, text in split_body(article.body, max_chars)]


def join_analyses(article: Article, pieces: list[tuple[int, Analysis]]) -> Analysis:
    """One Analysis of ``article`` from the analyses of its parts (offset, analysis), offsets
    moved to index the whole body, ids numbered again."""
    if len(pieces) == 1 and pieces[0][0] == 0:
        return pieces[0][1]
    done = [a for _, a in pieces if a.skipped is None]
    joined = Analysis(article_id=article.id, language=pieces[0][1].language)
    if not done:
        joined.skipped = pieces[0][1].skipped
        return joined
    actors: dict[tuple[str | None, str | None] | int, Actor] = {}
    for part, (offset, analysis) in enumerate(pieces):
        if analysis.skipped is not None:
            continue
        _shift(analysis, offset)
        names: dict[str, str] = {}  # the part's actor ids -> joined ids
        for actor in analysis.actors:
            key = (actor.code, actor.name) if actor.name else id(actor)
            kept = actors.get(key)
            if kept is None:
                kept = actors[key] = dataclasses.replace(actor, id=f"A{len(actors) + 1}", mentions=[])
            kept.role = kept.role or actor.role
            kept.mentions.extend(actor.mentions)
            names[actor.id] = kept.id
        for mention in _mentions(analysis):
            if mention.actor_id is not None:
                mention.actor_id = names.get(mention.actor_id, mention.actor_id)
        events: dict[str, str] = {}
        for event in analysis.events:
            new = f"{article.id[:16]}-e{len(joined.events) + 1}"
            events[event.id] = new
            event.id = new
            joined.events.append(event)
        for quote in analysis.quotes:
            quote.id = f"{article.id}:q{len(joined.quotes) + 1}"
            quote.event_id = events.get(quote.event_id, quote.event_id) if quote.event_id else None
            joined.quotes.append(quote)
    joined.actors = list(actors.values())
    return joined


def _mentions(analysis: Analysis) -> list[Mention]:
    """Every Mention object of ``analysis`` once (events and quotes may share their actors' mentions)."""
    found: dict[int, Mention] = {}
    for actor in analysis.actors:
        found.update((id(m), m) for m in actor.mentions)
    for event in analysis.events:
        found.update((id(m), m) for m in (event.source, event.target, event.reported_by) if m is not None)
    for quote in analysis.quotes:
        if quote.speaker is not None:
            found[id(quote.speaker)] = quote.speaker
    return list(found.values())


def _shift(analysis: Analysis, offset: int) -> None:
    """Add ``offset`` to every character offset of ``analysis``, in place."""
    if not offset:
        return
    for mention in _mentions(analysis):
        mention.start += offset
        mention.end += offset
    for event in analysis.events:
        _move(event, offset, "start", "end", "trigger_start", "trigger_end")
    for quote in analysis.quotes:
        _move(quote, offset, "start", "end", "cue_start", "cue_end")


def _move(item: Event | Quote, offset: int, *names: str) -> None:
    for name in names:
        value = getattr(item, name)
        if value is not None:
            setattr(item, name, value + offset)
